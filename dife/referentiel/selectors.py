"""Read-side queries on the territorial reference data."""

from __future__ import annotations

from django.db.models import Case, IntegerField, QuerySet, Value, When

from dife.referentiel.models import Commune

# When an INSEE code is shared (commune nouvelle and its commune déléguée), the real commune wins.
_TYPE_PRIORITY = Case(
    When(type=Commune.Type.COMMUNE, then=Value(0)),
    When(type=Commune.Type.ARRONDISSEMENT, then=Value(1)),
    When(type=Commune.Type.COMMUNE_DELEGUEE, then=Value(2)),
    When(type=Commune.Type.COMMUNE_ASSOCIEE, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def public_counts() -> dict[str, int]:
    """Public figures: ``communes`` counts real communes only (type COM, still in the official code).

    Communes déléguées, associées, arrondissements and PLM sectors are kept in the table (addresses
    and élus may refer to them) but are not communes in the sense of the official count (≈ 34 900).
    """
    return {"communes": Commune.objects.filter(type=Commune.Type.COMMUNE, is_active=True).count()}


def commune_by_code(code: str) -> Commune | None:
    """The commune with this INSEE code (the COM entry when the code is shared), or None."""
    code = (code or "").strip().upper()
    if not code:
        return None
    return (
        Commune.objects.select_related("departement")
        .filter(code=code)
        .order_by(_TYPE_PRIORITY, "-is_active")
        .first()
    )


def communes_by_postal_code(code: str) -> QuerySet[Commune]:
    """Real communes served by a postal code, by name."""
    return Commune.objects.filter(
        codes_postaux__code=(code or "").strip(), type=Commune.Type.COMMUNE, is_active=True
    ).order_by("nom")


def departement_code_of(commune: Commune) -> str:
    """INSEE code of the commune's département, e.g. "57", "2A", "971".

    Uses the département link (for communes déléguées, associées and arrondissements, which have none
    in the source data, the import takes their parent's), otherwise the INSEE code: 3 characters
    overseas (97x, 98x), 2 elsewhere.
    """
    if commune.departement is not None:
        return commune.departement.code
    code = commune.code
    return code[:3] if code.startswith(("97", "98")) else code[:2]
