"""Register the organisations the agency works with. Only gestionnaires do it."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siret as siret_module

from dife.accounts.models import User
from dife.audit.services import record
from dife.organisations import perms, selectors
from dife.organisations.models import Organisation
from dife.organisations.services.errors import NotAllowed, OrganisationError

AGENCY_NAME = "Gestionnaire du fonds DIFE"


def clean_siret(value: str) -> str:
    """The SIRET as 14 digits, or OrganisationError with a French message."""
    compact = siret_module.compact(value or "")
    if not compact:
        raise OrganisationError("Indiquez le SIRET de l'organisme (14 chiffres).", field="siret")
    try:
        return siret_module.validate(compact)
    except StdnumError:
        raise OrganisationError(
            "SIRET invalide : il compte 14 chiffres et sa clé de contrôle doit être juste "
            "(vérifiez-le sur l'avis de situation SIRENE).",
            field="siret",
        ) from None


@transaction.atomic
def agency() -> Organisation:
    """The agency managing the fund (there is one)."""
    org, _ = Organisation.objects.get_or_create(
        kind=Organisation.Kind.GESTIONNAIRE, defaults={"nom": AGENCY_NAME}
    )
    return org


@transaction.atomic
def register_organisme(
    *, by: User, nom: str, siret: str, request: HttpRequest | None = None
) -> tuple[Organisation, bool]:
    """The OF with this SIRET, created if new. Returns (organisation, created)."""
    if not perms.can_manage_partners(by):
        raise NotAllowed
    siret = clean_siret(siret)
    nom = (nom or "").strip()
    existing = Organisation.objects.filter(kind=Organisation.Kind.ORGANISME, siret=siret).first()
    if existing is not None:
        return existing, False
    if not nom:
        raise OrganisationError("Indiquez la raison sociale de l'organisme.", field="nom")
    org = Organisation.objects.create(kind=Organisation.Kind.ORGANISME, nom=nom, siret=siret, created_by=by)
    record(action="organisations.organisation.created", actor=by, target=org, request=request, kind=org.kind)
    return org, True


@transaction.atomic
def register_collectivite(
    *, by: User, collectivite_type: str, code: str, request: HttpRequest | None = None
) -> tuple[Organisation, bool]:
    """The collectivité with this type and code, created from the reference data if new."""
    if not perms.can_manage_partners(by):
        raise NotAllowed
    if collectivite_type not in Organisation.CollectiviteType.values:
        raise OrganisationError("Choisissez le type de collectivité.", field="collectivite_type")
    code = (code or "").strip().upper().replace(" ", "")
    existing = Organisation.objects.filter(
        kind=Organisation.Kind.COLLECTIVITE, collectivite_type=collectivite_type, collectivite_code=code
    ).first()
    if existing is not None:
        return existing, False
    nom = selectors.territory_name(collectivite_type, code)
    if nom is None:
        label = Organisation.CollectiviteType(collectivite_type).label.lower()
        raise OrganisationError(
            f"Aucune collectivité de type « {label} » ne porte ce code dans le référentiel : "
            "indiquez le code INSEE (commune, département, région) ou le SIREN (EPCI).",
            field="code",
        )
    org = Organisation.objects.create(
        kind=Organisation.Kind.COLLECTIVITE,
        nom=nom,
        collectivite_type=collectivite_type,
        collectivite_code=code,
        created_by=by,
    )
    record(action="organisations.organisation.created", actor=by, target=org, request=request, kind=org.kind)
    return org, True
