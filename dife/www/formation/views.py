"""The formation page (seed 002 "Afficher la formation") behind the stable deep link, and a session's .ics.

Who sees what:
* a listed action (action and formation published): everyone, except that a mandate training shows
  "Cette formation est indisponible" to anyone not signed in as an élu, with a sign-in link that comes
  back here;
* a closed action: the page says it is no longer offered (the link stays valid);
* a draft: 404, except for the provider's own staff, who see a preview with the eligibility reasons.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from dife.accounts.permissions import is_elu, is_organisme
from dife.catalog import eligibility, ics, rules
from dife.catalog.models import Action, Statut
from dife.catalog.selectors import action_by_numbers
from dife.enrollment import pricing
from dife.www.formation.presentation import page_context

ENROLLMENT_URL = "/formation/{numero}/inscription?session={session}"


def _action_or_404(numero_action: str, numero_formation: str) -> Action:
    action = action_by_numbers(numero_action, numero_formation)
    if action is None:
        raise Http404
    return action


def _access(request, action: Action) -> dict:
    formation = action.formation
    owner = is_organisme(request.user) and rules.can_edit_catalog(request.user, formation.organisme)
    draft = Statut.BROUILLON in (action.statut, formation.statut)
    if draft and not owner:
        raise Http404
    closed = not draft and Statut.FERMEE in (action.statut, formation.statut)
    return {
        "owner": owner,
        "draft": draft,
        "closed": closed,
        "reserved": formation.is_mandat and not is_elu(request.user) and not owner,
    }


def par_action(request, numero_action: str):
    """A link with the action number only goes to the full deep link."""
    action = Action.objects.select_related("formation").filter(numero=numero_action).first()
    if action is None:
        raise Http404
    return redirect("formation:fiche", numero_action=action.numero, numero_formation=action.formation.numero)


def fiche(request, numero_action: str, numero_formation: str):
    action = _action_or_404(numero_action, numero_formation)
    access = _access(request, action)
    today = timezone.localdate()
    check = eligibility.check_action(action, today=today)
    sessions = [] if access["closed"] else check.eligible_sessions
    rights = pricing.elu_rights(request.user, today=today)
    context = page_context(action=action, sessions=sessions, rights=rights, today=today) | access
    context |= {
        "connexion_url": "/connexion?" + urlencode({"next": request.get_full_path()}),
        "eligibility_reasons": check.reasons if access["owner"] else (),
    }
    for item in context["sessions"]:
        item["inscription_url"] = ENROLLMENT_URL.format(numero=action.numero, session=item["session"].pk)
    return render(request, "formation/fiche.html", context)


def session_calendrier(request, numero_action: str, numero_formation: str, session_id: int):
    action = _action_or_404(numero_action, numero_formation)
    access = _access(request, action)
    if access["reserved"] or access["closed"]:
        raise Http404
    session = action.sessions.filter(pk=session_id).first()
    if session is None:
        raise Http404
    url = request.build_absolute_uri(
        reverse(
            "formation:fiche", kwargs={"numero_action": action.numero, "numero_formation": numero_formation}
        )
    )
    body = ics.session_ics(session=session, url=url, uid_domain=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="formation-{action.numero}-session-{session.pk}.ics"'
    )
    return response
