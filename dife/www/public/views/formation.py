"""The formation page (seed 002 "Afficher la formation") behind the stable deep link, and a session's .ics.

Who sees what is the catalog's rule (``dife.catalog.visibility``); this page shows it:
* a mandate training reserved to élus shows "Cette formation est indisponible", with a sign-in link
  that comes back here;
* a closed action: the page says it is no longer offered (the link stays valid);
* an invisible draft: 404; the provider's own staff see a preview with the eligibility reasons.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from dife.catalog import eligibility, ics
from dife.catalog.models import Action
from dife.catalog.selectors import action_by_numbers
from dife.catalog.visibility import visibility
from dife.enrollment import pricing
from dife.www.public.presenters.formation import page_context

ENROLLMENT_URL = "/formation/{numero}/inscription?session={session}"


def _action_or_404(numero_action: str, numero_formation: str) -> Action:
    action = action_by_numbers(numero_action, numero_formation)
    if action is None:
        raise Http404
    return action


def _access(request, action: Action) -> dict:
    """The catalog's visibility rule for this user, as the page's flags (404 when invisible)."""
    seen = visibility(request.user, action)
    if not seen.visible:
        raise Http404
    return {"owner": seen.owner, "draft": seen.draft, "closed": seen.closed, "reserved": seen.reserved}


def par_action(request, numero_action: str):
    """A link with the action number only goes to the full deep link."""
    action = Action.objects.select_related("formation").filter(numero=numero_action).first()
    if action is None:
        raise Http404
    return redirect(
        "public:formation:fiche", numero_action=action.numero, numero_formation=action.formation.numero
    )


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
    return render(request, "public/formation/fiche.html", context)


def session_calendrier(request, numero_action: str, numero_formation: str, session_id: int):
    action = _action_or_404(numero_action, numero_formation)
    if not visibility(request.user, action).calendars_offered:
        raise Http404
    session = action.sessions.filter(pk=session_id).first()
    if session is None:
        raise Http404
    url = request.build_absolute_uri(
        reverse(
            "public:formation:fiche",
            kwargs={"numero_action": action.numero, "numero_formation": numero_formation},
        )
    )
    body = ics.session_ics(session=session, url=url, uid_domain=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="formation-{action.numero}-session-{session.pk}.ics"'
    )
    return response
