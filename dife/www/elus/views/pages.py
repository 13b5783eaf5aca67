from django.shortcuts import render


def cgu(request):
    return render(request, "elus/cgu.html")
