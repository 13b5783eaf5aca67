"""OF space: add, edit, close and reopen the sessions of an action."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from dife.accounts.perms import organisme_required
from dife.catalog import selectors
from dife.catalog.models import Session
from dife.catalog.services import CatalogError, NotAllowed, create_session, update_session
from dife.www.of.forms.catalogue import SessionForm
from dife.www.of.views.catalogue import profile_or_404, save_or_attach


def _session_or_404(request, pk: int) -> Session:
    session = selectors.session_of(profile_or_404(request), pk)
    if session is None:
        raise Http404
    return session


@organisme_required
@require_http_methods(["GET", "POST"])
def nouvelle(request, numero: str):
    action = selectors.action_of(profile_or_404(request), numero)
    if action is None:
        raise Http404
    form = SessionForm(data=request.POST or None)
    valid = request.method == "POST" and form.is_valid()
    if valid and save_or_attach(request, form, create_session, action=action, **form.cleaned_data):
        messages.success(request, "Session ajoutée.")
        return redirect("of:catalogue:action", numero=action.numero)
    return render(
        request, "of/catalogue/session_form.html", {"form": form, "action": action, "session": None}
    )


@organisme_required
@require_http_methods(["GET", "POST"])
def detail(request, pk: int):
    session = _session_or_404(request, pk)
    initial = {name: getattr(session, name) for name in ("reference", "debut", "fin", "places", "garantie")}
    form = SessionForm(data=request.POST or None, initial=initial)
    valid = request.method == "POST" and form.is_valid()
    if valid and save_or_attach(request, form, update_session, session=session, **form.cleaned_data):
        messages.success(request, "Session modifiée.")
        return redirect("of:catalogue:action", numero=session.action.numero)
    context = {"form": form, "action": session.action, "session": session}
    return render(request, "of/catalogue/session_form.html", context)


def _set_status(request, pk: int, status: str, message: str):
    session = _session_or_404(request, pk)
    try:
        update_session(session=session, by=request.user, request=request, status=status)
    except NotAllowed:
        raise Http404 from None
    except CatalogError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect("of:catalogue:action", numero=session.action.numero)


@organisme_required
@require_POST
def fermer(request, pk: int):
    return _set_status(
        request, pk, Session.Status.CLOSED, "Session fermée : les élus ne peuvent plus s'y inscrire."
    )


@organisme_required
@require_POST
def rouvrir(request, pk: int):
    return _set_status(request, pk, Session.Status.OPEN, "Session rouverte.")
