"""The élu's landing page after sign-in: "Vos droits formation"."""

from django.shortcuts import render
from django.utils import timezone

from dife.accounts.perms import elu_required
from dife.mandates.selectors import compte_elu
from dife.rights.selectors import rights_summary


@elu_required
def droits(request):
    context = {"compte": compte_elu(request.user), "profile": getattr(request.user, "elu_profile", None)}
    context["droits"] = [rights_summary(p, timezone.localdate()) for p in context["compte"].persons]
    return render(request, "elus/droits.html", context)
