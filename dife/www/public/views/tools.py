from django.shortcuts import render

from dife.enrollment.outil_date_limite import DateLimiteForm


def date_limite(request):
    form = DateLimiteForm(data=request.GET or None)
    result = form.result() if form.is_bound else None
    return render(request, "public/outil_date_limite.html", {"form": form, "result": result})
