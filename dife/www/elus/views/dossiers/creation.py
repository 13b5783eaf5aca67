""" "Créer mon dossier d'inscription": checks, form, "Envoyer mon inscription", "J'ai lu et j'accepte".

Reached from the formation page at ``/formation/<numéro d'action>/inscription?session=<id>``. The
élu must be signed in as an élu and have a substantial identity in this session (FranceConnect+
step-up or approved manual verification); the checks of PRODUCT §5 are the service's.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from dife.accounts.perms import elu_required
from dife.catalog import eligibility
from dife.catalog.models import Action, Status
from dife.enrollment import services
from dife.enrollment.choices import CategorieSocioprofessionnelle, Objectif
from dife.enrollment.errors import ApplicationRefused, EnrollmentError
from dife.enrollment.presentation import session_params
from dife.identity.stepup import has_substantial_identity, substantial_identity_required
from dife.www.elus.forms.dossiers import InscriptionForm


def _action(numero_action: str) -> Action:
    action = (
        Action.objects.select_related("formation__organisme__organisation", "commune")
        .filter(numero=numero_action, status=Status.PUBLISHED, formation__status=Status.PUBLISHED)
        .first()
    )
    if action is None:
        raise Http404
    return action


def _choose_session(request, action):
    today = timezone.localdate()
    sessions = [
        s
        for s in action.sessions.filter(debut__gt=today).order_by("debut", "id")
        if not eligibility.session_reasons(s, today=today, action=action)
    ]
    return render(request, "elus/dossiers/choix_session.html", {"action": action, "sessions": sessions})


def formation_url(action) -> str:
    return f"/formation/recherche/{action.numero}/{action.formation.numero}"


@elu_required
@substantial_identity_required
@require_http_methods(["GET", "POST"])
def creer(request, numero_action: str):
    action = _action(numero_action)
    session_id = request.GET.get("session", "")
    session = action.sessions.filter(pk=session_id).first() if session_id.isdigit() else None
    if session is None:
        return _choose_session(request, action)
    check = services.check_application(user=request.user, session=session)
    context = {
        "action": action,
        "session": session,
        "check": check,
        "formation_url": formation_url(action),
        "params": session_params(session),
    }
    if check.existing is not None:
        messages.info(request, "Vous avez déjà un dossier pour cette session : le voici.")
        return redirect("elus:dossiers:detail", numero=check.existing.numero)
    if not check.ok:
        return render(request, "elus/dossiers/inscription_impossible.html", context, status=200)
    form = InscriptionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("accepte") == "0":  # "Modifier ma demande": back to the form, as typed
            return render(request, "elus/dossiers/creation.html", context | {"form": form})
        if request.POST.get("accepte") != "1":
            context |= {
                "form": form,
                "categorie": CategorieSocioprofessionnelle(data["categorie_socioprofessionnelle"]).label,
                "objectif": Objectif(data["objectif"]).label,
            }
            return render(request, "elus/dossiers/conditions.html", context)
        try:
            dossier = services.create_dossier(
                user=request.user,
                session=session,
                categorie_socioprofessionnelle=data["categorie_socioprofessionnelle"],
                objectif=data["objectif"],
                conditions_accepted=True,
                identity_verified=has_substantial_identity(request),
                request=request,
            )
        except ApplicationRefused as refused:
            context["check"].reasons = refused.reasons
            return render(request, "elus/dossiers/inscription_impossible.html", context)
        except EnrollmentError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect(reverse("elus:dossiers:envoyee", args=[dossier.numero]))
    context["form"] = form
    return render(request, "elus/dossiers/creation.html", context, status=400 if form.errors else 200)
