"""Read-side of rattachement requests and of the "compte élu" status of an account."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from dife.accounts.models import User
from dife.core.names import fold, without_mentions
from dife.mandates.matching import persons_of_account
from dife.mandates.models import Mandate, Person, RattachementRequest


@dataclass
class CompteElu:
    persons: list[Person] = field(default_factory=list)
    mandates: list[Mandate] = field(default_factory=list)
    latest_request: RattachementRequest | None = None

    @property
    def attached(self) -> bool:
        return bool(self.persons)


def compte_elu(user: User) -> CompteElu:
    """Is this account an élu account (identity or approved rattachement), with which mandates."""
    persons = persons_of_account(user)
    mandates = list(Mandate.objects.filter(person__in=persons)) if persons else []
    # Running mandates first, then ended ones; most recent first within each group.
    today = timezone.localdate()
    mandates.sort(
        key=lambda m: (m.end_date is not None and m.end_date < today, -m.start_date.toordinal(), m.kind)
    )
    return CompteElu(persons=persons, mandates=mandates, latest_request=latest_request(user))


def latest_request(user: User) -> RattachementRequest | None:
    return RattachementRequest.objects.filter(user=user).order_by("-created_at", "-pk").first()


def pending_request(user: User) -> RattachementRequest | None:
    return RattachementRequest.objects.filter(user=user, status=RattachementRequest.Status.PENDING).first()


def request_of_user(user: User, pk: int) -> RattachementRequest | None:
    """The élu's own request (None for someone else's: the view answers 404)."""
    return RattachementRequest.objects.filter(user=user, pk=pk).first()


def queue(status: str | None = RattachementRequest.Status.PENDING) -> QuerySet[RattachementRequest]:
    """The gestionnaire's queue, oldest pending first."""
    requests = RattachementRequest.objects.select_related("user", "decided_by")
    if status:
        requests = requests.filter(status=status)
    return requests.order_by("created_at", "pk")


def candidate_persons(
    rattachement: RattachementRequest, *, search: str = "", limit: int = 30
) -> list[Person]:
    """Register persons the request may be about: one of the names (birth, usage, marital) and the
    birth date; or, when the gestionnaire searches, persons whose name key starts with the search."""
    names = {
        fold(without_mentions(n) or n)
        for n in (rattachement.nom_naissance, rattachement.nom_usage, rattachement.nom_marital)
        if n
    }
    names.discard("")
    found: dict[int, Person] = {}
    if names:
        by_identity = Q()
        for name in names:
            by_identity |= Q(matching_key__startswith=f"{name}|") | Q(alt_matching_key__startswith=f"{name}|")
        for person in Person.objects.filter(by_identity, date_naissance=rattachement.date_naissance)[:limit]:
            found[person.pk] = person
    term = fold(search)
    if term:
        for person in Person.objects.filter(matching_key__startswith=term).order_by("matching_key")[:limit]:
            found.setdefault(person.pk, person)
    return list(found.values())


def mandates_by_person(persons: list[Person]) -> dict[int, list[Mandate]]:
    result: dict[int, list[Mandate]] = {p.pk: [] for p in persons}
    for mandate in Mandate.objects.filter(person__in=persons).order_by("-start_date"):
        result[mandate.person_id].append(mandate)
    return result
