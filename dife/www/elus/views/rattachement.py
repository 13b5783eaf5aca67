"""The élu's rattachement request: form, status, and his own documents while it is examined."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from dife.accounts.perms import elu_required
from dife.mandates import selectors
from dife.mandates.rattachement import services
from dife.mandates.rattachement.documents import serve_rattachement_document
from dife.www.elus.forms.rattachement import RattachementForm


def _initial(user) -> dict:
    profile = getattr(user, "elu_profile", None)
    if profile is None:
        return {}
    return {
        "nom_naissance": profile.nom_naissance,
        "prenoms": profile.prenoms,
        "date_naissance": profile.date_naissance,
    }


@elu_required
@require_http_methods(["GET", "POST"])
def demande(request):
    pending = selectors.pending_request(request.user)
    if pending is not None:
        return redirect("elus:rattachement_detail", pk=pending.pk)
    form = RattachementForm(request.POST or None, request.FILES or None, initial=_initial(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rattachement = services.submit_rattachement_request(
                user=request.user,
                nom_naissance=data["nom_naissance"],
                nom_usage=data["nom_usage"],
                nom_marital=data["nom_marital"],
                prenoms=data["prenoms"],
                date_naissance=data["date_naissance"],
                lieu_naissance=data["lieu_naissance"],
                collectivite=data["collectivite"],
                precisions=data["precisions"],
                piece_identite=data["piece_identite"],
                justificatif_mandat=data["justificatif_mandat"],
                request=request,
            )
        except services.ReviewRefused as error:
            if error.code != "already_pending":
                raise
            return redirect("elus:rattachement")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("elus:rattachement_detail", pk=rattachement.pk)
    return render(
        request,
        "elus/rattachement/demande.html",
        {"form": form, "compte": selectors.compte_elu(request.user)},
    )


@elu_required
def detail(request, pk: int):
    rattachement = selectors.request_of_user(request.user, pk)
    if rattachement is None:
        raise Http404
    return render(request, "elus/rattachement/detail.html", {"rattachement": rattachement})


@elu_required
def document(request, pk: int, kind: str):
    rattachement = selectors.request_of_user(request.user, pk)
    if rattachement is None:
        raise Http404
    return serve_rattachement_document(rattachement, kind)
