"""Rattachement requests: submitted by an élu, decided by a gestionnaire (the workflow is
``dife.mandates.rattachement.machine``, a review request of ``dife.reviews``). Refusals are
``ReviewRefused`` (French message; ``code="already_pending"`` for a second request) and
``NotAllowed``; a bad document, a birth date in the future or a missing reason is a ``ValidationError``.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.accounts.services.elus import complete_elu_identity
from dife.mandates.models import AccountPersonLink, Person, RattachementRequest
from dife.mandates.rattachement import documents
from dife.mandates.rattachement.machine import MACHINE
from dife.reviews.errors import NotAllowed, ReviewRefused

Status = RattachementRequest.Status
__all__ = [
    "NotAllowed",
    "ReviewRefused",
    "approve_rattachement",
    "refuse_rattachement",
    "submit_rattachement_request",
]


@transaction.atomic
def submit_rattachement_request(
    *,
    user: User,
    nom_naissance: str,
    prenoms: str,
    date_naissance: date,
    lieu_naissance: str,
    collectivite: str,
    piece_identite: UploadedFile,
    justificatif_mandat: UploadedFile,
    nom_usage: str = "",
    nom_marital: str = "",
    precisions: str = "",
    request: HttpRequest | None = None,
) -> RattachementRequest:
    if user.kind != User.Kind.ELU:
        raise NotAllowed
    if date_naissance > timezone.localdate():
        raise ValidationError("La date de naissance ne peut pas être dans le futur.")
    id_type = documents.check_upload(piece_identite)
    proof_type = documents.check_upload(justificatif_mandat)
    rattachement = RattachementRequest(
        user=user,
        nom_naissance=nom_naissance.strip(),
        nom_usage=nom_usage.strip(),
        nom_marital=nom_marital.strip(),
        prenoms=prenoms.strip(),
        date_naissance=date_naissance,
        lieu_naissance=lieu_naissance.strip(),
        collectivite=collectivite.strip(),
        precisions=precisions.strip(),
        piece_identite_type=id_type,
        justificatif_mandat_type=proof_type,
    )
    try:
        rattachement.piece_identite.save(documents.upload_name(id_type), piece_identite, save=False)
        rattachement.justificatif_mandat.save(
            documents.upload_name(proof_type), justificatif_mandat, save=False
        )
    except Exception:
        MACHINE.discard_documents(rattachement)
        raise
    return MACHINE.create(rattachement, by=user, http_request=request)


@transaction.atomic
def approve_rattachement(
    *, rattachement: RattachementRequest, person: Person, by: User, request: HttpRequest | None = None
) -> RattachementRequest:
    """Attach the account to the register person; the identity checked on the ID completes the
    account (first names, birth date) so later matching needs no rattachement."""
    rattachement = MACHINE.apply(
        request=rattachement,
        to=Status.APPROVED,
        by=by,
        changes={"person": person},
        data={"person_id": person.pk},
        http_request=request,
    )
    AccountPersonLink.objects.get_or_create(
        user=rattachement.user,
        person=person,
        defaults={"rattachement": rattachement, "created_by": by},
    )
    profile = getattr(rattachement.user, "elu_profile", None)
    if profile is not None:
        complete_elu_identity(
            user=rattachement.user,
            source="rattachement",
            prenoms=profile.prenoms or rattachement.prenoms,
            date_naissance=profile.date_naissance or rattachement.date_naissance,
            request=request,
        )
    return rattachement


def refuse_rattachement(
    *, rattachement: RattachementRequest, reason: str, by: User, request: HttpRequest | None = None
) -> RattachementRequest:
    """Raises ValidationError when ``reason`` is empty: it is sent to the élu."""
    return MACHINE.apply(request=rattachement, to=Status.REFUSED, by=by, reason=reason, http_request=request)
