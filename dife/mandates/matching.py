"""Register persons of an identity or an account: the ORM lookups behind the "compte élu".

The text rules (folding, the matching key, first-name agreement) are pure functions of
:mod:`dife.core.names`.
"""

from __future__ import annotations

from datetime import date

from dife.core.names import candidate_keys, first_names_match


def persons_matching_identity(nom_naissance: str, prenoms: str, date_naissance: date | None) -> list:
    """Register persons whose identity matches (birth name, first names, birth date).

    Birth name and birth date must be equal once folded; first names follow
    :func:`first_names_match`. An identity without first names or birth date matches nobody: the
    wizard does not ask them, they come from FranceConnect+ or from an approved rattachement request.
    The lookup uses the indexed keys of the register, then checks each candidate.
    """
    from django.db.models import Q

    from dife.mandates.models import Person

    if not (nom_naissance or "").strip() or not (prenoms or "").strip() or date_naissance is None:
        return []
    keys = candidate_keys(nom_naissance, prenoms, date_naissance)
    candidates = Person.objects.filter(Q(matching_key__in=keys) | Q(alt_matching_key__in=keys))
    return [p for p in candidates if first_names_match(prenoms, p.prenoms)]


def persons_of_account(user) -> list:
    """Register persons the account is the élu of: identity matches plus approved rattachements."""
    from dife.mandates.models import Person

    persons = {}
    profile = getattr(user, "elu_profile", None)
    if profile is not None:
        found = persons_matching_identity(profile.nom_naissance, profile.prenoms, profile.date_naissance)
        persons.update((person.pk, person) for person in found)
    for person in Person.objects.filter(account_links__user=user):
        persons[person.pk] = person
    return sorted(persons.values(), key=lambda p: p.pk)
