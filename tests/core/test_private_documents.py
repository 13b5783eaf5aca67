"""One private-document pattern (``dife.core.uploads``): every uploaded document is a
``PrivateDocument`` (private storage, random name) and leaves only through ``serve`` with the same
strict headers, whichever domain owns it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile

from dife.core import uploads
from dife.core.uploads import DOCUMENT_CSP, PrivateDocument

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def test_every_file_field_of_the_platform_is_a_private_document():
    fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("dife.")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert sorted(fields) == [
        "enrollment.Dossier.force_majeure_document",
        "identity.IdentityVerification.recto",
        "identity.IdentityVerification.verso",
        "mandates.RattachementRequest.justificatif_mandat",
        "mandates.RattachementRequest.piece_identite",
    ]
    for label in fields:
        model_label, name = label.rsplit(".", 1)
        assert isinstance(apps.get_model(model_label)._meta.get_field(name), PrivateDocument), label


def test_a_private_document_field_survives_its_migration():
    field = PrivateDocument("recto", prefix="identite/")
    name, path, args, kwargs = field.deconstruct()
    assert path == "dife.core.uploads.PrivateDocument"
    assert kwargs == {"verbose_name": "recto", "prefix": "identite/", "blank": True, "max_length": 200}
    again = PrivateDocument(*args, **kwargs)
    assert again.upload_to == field.upload_to and again.storage.location == field.storage.location


def test_the_name_on_disk_is_random_with_the_extension_only(media_root):
    field = PrivateDocument("pièce", prefix="essai/")
    name = field.generate_filename(None, "Carte d'identité de Jean Dupont.PDF")
    assert re.fullmatch(r"essai/[0-9a-f]{32}\.pdf", name)
    assert Path(field.storage.path(name)).is_relative_to(media_root / "prive")
    assert field.storage.base_url is None  # never served by URL


def test_serve_sets_the_strict_headers(media_root):
    storage = uploads.private_storage()
    name = storage.save("essai/doc.pdf", SimpleUploadedFile("x.pdf", PDF))

    class Stored:
        def __bool__(self):
            return True

        def open(self, mode):
            return storage.open(name, mode)

    response = uploads.serve(Stored(), "application/pdf", "justificatif-1")
    assert response["Content-Security-Policy"] == DOCUMENT_CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == 'inline; filename="justificatif-1.pdf"'
    assert b"".join(response.streaming_content) == PDF
    for directive in ("default-src 'none'", "sandbox", "frame-ancestors 'none'"):
        assert directive in DOCUMENT_CSP
    assert "object-src" not in DOCUMENT_CSP and "script-src" not in DOCUMENT_CSP


@pytest.mark.django_db
def test_the_three_documents_are_stored_privately_and_served_the_same_way(media_root):
    from dife.enrollment.documents import serve_force_majeure
    from dife.identity.documents import serve_identity_document
    from dife.identity.services import verification
    from dife.mandates.rattachement import services as rattachement
    from dife.mandates.rattachement.documents import serve_rattachement_document
    from tests.accounts.fixtures import NIR_B, make_elu

    elu = make_elu(NIR_B, "Maquette")
    identity = verification.submit(
        user=elu, recto=SimpleUploadedFile("recto.png", PNG), verso=SimpleUploadedFile("verso.pdf", PDF)
    )
    request = rattachement.submit_rattachement_request(
        user=elu,
        nom_naissance="Maquette",
        prenoms="Élise",
        date_naissance=date(1971, 5, 8),
        lieu_naissance="Orléans",
        collectivite="Chécy",
        piece_identite=SimpleUploadedFile("cni Maquette.pdf", PDF),
        justificatif_mandat=SimpleUploadedFile("tableau.png", PNG),
    )

    # A dossier's force-majeure document, as the enrollment services store it (their journeys have tests).
    field = apps.get_model("enrollment", "Dossier")._meta.get_field("force_majeure_document")
    saved = field.storage.save(field.generate_filename(None, "j.pdf"), SimpleUploadedFile("j", PDF))
    dossier = SimpleNamespace(
        numero="00000001",
        force_majeure_content_type="application/pdf",
        force_majeure_document=FieldFile(None, field, saved),
    )

    stored = [identity.recto.name, identity.verso.name]
    stored += [request.piece_identite.name, request.justificatif_mandat.name, saved]
    for name in stored:
        assert (media_root / "prive" / name).is_file() and "Maquette" not in name and "recto" not in name
    assert not [p for p in media_root.rglob("*") if p.is_file() and "prive" not in p.parts]

    responses = [
        serve_identity_document(identity, "recto"),
        serve_identity_document(identity, "verso"),
        serve_rattachement_document(request, "identite"),
        serve_rattachement_document(request, "mandat"),
        serve_force_majeure(dossier),
    ]
    for response in responses:
        assert response["Content-Security-Policy"] == DOCUMENT_CSP
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"
        assert response["Content-Disposition"].startswith("inline; filename=")
        response.close()


def test_no_www_app_serves_documents_itself_or_imports_another_for_it():
    """Views call the domain's ``serve_<document>``; no second CSP, no sideways import to serve."""
    www = ROOT / "dife" / "www"
    offenders = []
    for path in www.rglob("*.py"):
        source = path.read_text()
        if "DOCUMENT_CSP" in source or "uploads.serve(" in source or "FileResponse" in source:
            offenders.append(str(path.relative_to(ROOT)))
        if re.search(r"from dife\.www\.\w+\.views\.\w+ import .*serve", source):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
