from django.shortcuts import render


def home(request):
    return render(request, "public/home.html")


def aide(request):
    return render(request, "public/aide.html")


def bientot(request, rubrique: str):
    """A section of the service that opens with a later release: say so plainly, point to what works."""
    return render(request, "public/bientot.html", {"rubrique": rubrique})
