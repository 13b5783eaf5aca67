"""Élu accounts: creation (wizard or FranceConnect+), identity completion, profile changes.

Every service is keyword-only, atomic and writes to the audit journal (never the NIR).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import authenticate, update_session_auth_hash
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts import nir as nir_module
from dife.accounts import passwords, phones
from dife.accounts.axes import ELU_USERNAME_PREFIX
from dife.accounts.choices import DIPLOMES_SANS_ANNEE, Diplome
from dife.accounts.models import EluProfile, User
from dife.accounts.services.notify import send_password_changed
from dife.audit.services import record
from dife.core.names import fold


class NirAlreadyRegistered(Exception):
    """One account per NIR: the message never says whose account it is."""

    message = (
        "Un compte existe déjà pour ce numéro de sécurité sociale. Si c'est le vôtre et que vous "
        "ne connaissez plus votre mot de passe, utilisez « Mot de passe oublié »."
    )


class WrongPassword(Exception):
    message = "Mot de passe actuel incorrect."


@dataclass(frozen=True)
class PostalAddress:
    commune: object  # dife.referentiel.models.Commune
    code_postal: str
    numero_voie: str = ""
    indice_repetition: str = ""
    type_voie: str = ""
    nom_voie: str = ""
    complement_adresse: str = ""
    lieu_dit: str = ""

    def as_fields(self) -> dict:
        return {
            "commune": self.commune,
            "code_postal": self.code_postal,
            "numero_voie": self.numero_voie.strip(),
            "indice_repetition": self.indice_repetition,
            "type_voie": self.type_voie,
            "nom_voie": self.nom_voie.strip(),
            "complement_adresse": self.complement_adresse.strip(),
            "lieu_dit": self.lieu_dit.strip(),
        }


def _check_diploma(diplome: str, annee_obtention: int | None) -> int | None:
    if diplome not in Diplome.values:
        raise ValidationError("Diplôme inconnu.")
    if diplome in DIPLOMES_SANS_ANNEE:
        return None
    if annee_obtention is not None and not (1900 <= annee_obtention <= timezone.localdate().year):
        raise ValidationError("L'année d'obtention ne peut pas être dans le futur.")
    return annee_obtention


def _first_given_name(prenoms: str) -> str:
    from dife.core.names import first_first_name

    return first_first_name(prenoms)[:150]


@transaction.atomic
def create_elu_account(
    *,
    nir: str,
    nom_naissance: str,
    prenoms: str | None = "",
    date_naissance: date | None = None,
    sexe: str | None = "",
    lieu_naissance: str | None = "",
    telephone_mobile: str | None = "",
    telephone_fixe: str | None = "",
    email: str | None = "",
    email_confirmed: bool = False,
    address: PostalAddress | None = None,
    diplome: str = Diplome.NOT_PROVIDED,
    annee_obtention: int | None = None,
    password: str | None = None,
    source: str = "formulaire",
    request: HttpRequest | None = None,
) -> User:
    """Create an élu account. ``password=None`` makes an account that signs in only with
    FranceConnect+. Raises ``NirAlreadyRegistered`` or ``ValidationError`` (French messages)."""
    prenoms, lieu_naissance, email = (
        (prenoms or "").strip(),
        (lieu_naissance or "").strip(),
        (email or "").strip(),
    )
    number = nir_module.validate(nir)
    nir_hash = nir_module.keyed_hash(number)
    if EluProfile.objects.filter(nir_hash=nir_hash).exists():
        raise NirAlreadyRegistered
    mobile = phones.normalize(telephone_mobile, phones.MOBILE) if telephone_mobile else ""
    fixe = phones.normalize(telephone_fixe, phones.FIXE) if telephone_fixe else ""
    annee = _check_diploma(diplome, annee_obtention)
    if password is not None:
        passwords.check(password)
    nom = (nom_naissance or "").strip()
    if not nom:
        raise ValidationError("Saisissez votre nom de naissance.")

    user = User(
        username=ELU_USERNAME_PREFIX + uuid.uuid4().hex[:24],
        kind=User.Kind.ELU,
        last_name=nom[:150],
        first_name=_first_given_name(prenoms),
        email=email,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    try:
        with transaction.atomic():
            EluProfile.objects.create(
                user=user,
                nir_encrypted=nir_module.encrypt(number),
                nir_hash=nir_hash,
                nom_naissance=nom,
                nom_naissance_cle=fold(nom),
                prenoms=prenoms,
                date_naissance=date_naissance,
                sexe=sexe or nir_module.facts(number).sexe,
                lieu_naissance=lieu_naissance,
                telephone_mobile=mobile,
                telephone_fixe=fixe,
                email_confirmed_at=timezone.now() if email and email_confirmed else None,
                diplome=diplome,
                annee_obtention=annee,
                **(address.as_fields() if address else {}),
            )
    except IntegrityError:  # the same NIR registered concurrently
        raise NirAlreadyRegistered from None
    record(action="accounts.elu_account.created", actor=user, target=user, request=request, source=source)
    return user


@transaction.atomic
def complete_elu_identity(
    *,
    user: User,
    source: str,
    nom_naissance: str | None = None,
    prenoms: str | None = None,
    date_naissance: date | None = None,
    sexe: str | None = None,
    lieu_naissance: str | None = None,
    request: HttpRequest | None = None,
) -> EluProfile:
    """Write identity fields from a verified source (FranceConnect+ claims, approved rattachement).

    Only the fields given (not None) are written. The audit journal keeps which fields changed and
    the source, not their values."""
    profile = EluProfile.objects.select_for_update().get(user=user)
    changed = []
    for field, value in (
        ("nom_naissance", nom_naissance),
        ("prenoms", prenoms),
        ("date_naissance", date_naissance),
        ("sexe", sexe),
        ("lieu_naissance", lieu_naissance),
    ):
        if value is not None and getattr(profile, field) != value:
            setattr(profile, field, value.strip() if isinstance(value, str) else value)
            changed.append(field)
    if not changed:
        return profile
    profile.nom_naissance_cle = fold(profile.nom_naissance)
    profile.updated_at = timezone.now()
    profile.save()
    user.last_name = profile.nom_naissance[:150]
    user.first_name = _first_given_name(profile.prenoms)
    user.save(update_fields=["last_name", "first_name"])
    record(
        action="accounts.elu_profile.identity_completed",
        target=user,
        request=request,
        source=source,
        fields=changed,
    )
    return profile


def _save_profile(
    profile: EluProfile, fields: dict[str, Any], *, action: str, request: HttpRequest | None
) -> EluProfile:
    for field, value in fields.items():
        setattr(profile, field, value)
    profile.updated_at = timezone.now()
    profile.save(update_fields=[*fields, "updated_at"])
    record(action=action, actor=profile.user, target=profile.user, request=request, fields=sorted(fields))
    return profile


@transaction.atomic
def update_contact(
    *, user: User, telephone_mobile: str, telephone_fixe: str, request: HttpRequest | None = None
) -> EluProfile:
    if not telephone_mobile and not telephone_fixe:
        raise ValidationError("Renseignez au moins un numéro de téléphone, mobile ou fixe.")
    profile = EluProfile.objects.select_for_update().get(user=user)
    fields = {
        "telephone_mobile": phones.normalize(telephone_mobile, phones.MOBILE) if telephone_mobile else "",
        "telephone_fixe": phones.normalize(telephone_fixe, phones.FIXE) if telephone_fixe else "",
    }
    return _save_profile(profile, fields, action="accounts.elu_profile.contact_changed", request=request)


@transaction.atomic
def update_address(*, user: User, address: PostalAddress, request: HttpRequest | None = None) -> EluProfile:
    profile = EluProfile.objects.select_for_update().get(user=user)
    return _save_profile(
        profile, address.as_fields(), action="accounts.elu_profile.address_changed", request=request
    )


@transaction.atomic
def update_diploma(
    *, user: User, diplome: str, annee_obtention: int | None, request: HttpRequest | None = None
) -> EluProfile:
    profile = EluProfile.objects.select_for_update().get(user=user)
    fields = {"diplome": diplome, "annee_obtention": _check_diploma(diplome, annee_obtention)}
    return _save_profile(profile, fields, action="accounts.elu_profile.diploma_changed", request=request)


def reauthenticate(*, user: User, password: str, request: HttpRequest | None = None) -> bool:
    """Check the password of a signed-in élu before a sensitive change. Through ``authenticate`` so
    that repeated failures count for django-axes like failed sign-ins."""
    if request is None:
        return user.check_password(password)
    profile = EluProfile.objects.get(user=user)
    authenticated = authenticate(request, nir=nir_module.decrypt(profile.nir_encrypted), password=password)
    return authenticated is not None and authenticated.pk == user.pk


def change_password(
    *, user: User, current_password: str, new_password: str, request: HttpRequest | None = None
) -> None:
    """Re-authentication by the current password, then the policy; the session stays signed in.

    The re-authentication runs outside the transaction: a refusal (audit event, django-axes
    failure count) is kept even though the change does not happen."""
    if not reauthenticate(user=user, password=current_password, request=request):
        record(action="accounts.password.change_refused", actor=user, target=user, request=request)
        raise WrongPassword
    passwords.check(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        if request is not None:
            update_session_auth_hash(request, user)
        record(action="accounts.password.changed", actor=user, target=user, request=request)
    send_password_changed(user=user)
