"""Who may see and act on which dossier: plain predicates and querysets (objects of others answer 404).

* an élu: his own dossiers;
* an OF user: the dossiers of his organisation's sessions;
* a gestionnaire: every dossier.
"""

from __future__ import annotations

import re

from django.db.models import QuerySet

from dife.accounts.models import User
from dife.enrollment.models import Dossier
from dife.enrollment.models.transition import ActorKind
from dife.organisations.models import Membership


def _active(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def organisation_ids(user) -> list[int]:
    return list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def visible_dossiers(user) -> QuerySet[Dossier]:
    if not _active(user):
        return Dossier.objects.none()
    if user.kind == User.Kind.ELU:
        return Dossier.objects.filter(elu=user)
    if user.kind == User.Kind.ORGANISME:
        return Dossier.objects.filter(organisme_id__in=organisation_ids(user))
    if user.kind == User.Kind.GESTIONNAIRE:
        return Dossier.objects.all()
    return Dossier.objects.none()


def may_act(user, dossier: Dossier, actor_kind: str) -> bool:
    """May ``user`` act on ``dossier`` as ``actor_kind``?"""
    if not _active(user):
        return False
    if actor_kind == ActorKind.ELU:
        return user.kind == User.Kind.ELU and dossier.elu_id == user.pk
    if actor_kind == ActorKind.ORGANISME:
        return (
            user.kind == User.Kind.ORGANISME
            and Membership.objects.filter(user=user, organisation_id=dossier.organisme_id).exists()
        )
    if actor_kind == ActorKind.GESTIONNAIRE:
        return user.kind == User.Kind.GESTIONNAIRE
    return False


def parse_numero(numero: str) -> int | None:
    numero = (numero or "").strip()
    if not re.fullmatch(r"[0-9]{1,12}", numero):
        return None
    return int(numero)


def dossier_for(user, numero: str) -> Dossier | None:
    """The dossier numbered ``numero`` when ``user`` may see it (None otherwise: the view answers 404)."""
    pk = parse_numero(numero)
    if pk is None:
        return None
    return (
        visible_dossiers(user)
        .select_related(
            "session",
            "action__formation",
            "action__commune",
            "organisme__organisation",
            "elu",
            "person",
        )
        .filter(pk=pk)
        .first()
    )
