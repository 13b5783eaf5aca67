from django.db import DatabaseError, connection
from django.http import JsonResponse


def sante(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"database": "indisponible"}, status=503)
    return JsonResponse({"database": "ok"})
