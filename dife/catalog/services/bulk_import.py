"""Write the checked rows of a catalog import (CSV or LHÉO): upserts by the provider's own references.

* A formation is known by (organisme, référence), an action by its public number ``<SIRET>_<référence>``
  (so by its reference within the provider), a session by (action, référence) — a row without session
  reference is known by its dates. A later row of the same file updates what an earlier row wrote.
* Rows are written in bulk, by chunks of ``CHUNK`` rows, each chunk in a savepoint. When the database
  refuses a chunk, the chunk is replayed row by row, each row in its own savepoint, and only the faulty
  rows are rejected: a row is never half-written.
* Afterwards, publication follows the catalog's rules (``dife.catalog.eligibility``, the one place they
  live): with ``publish``, formations that can be published are, and actions that are eligible are
  published; actions that are not stay (or go back) in draft, with the reasons in the report. Then the
  search rows of the touched actions are rebuilt once.

The per-object services (``create_formation``…) are not called row by row: 10 000 rows in a few seconds
needs set-based writes. They share the same checks: rows reach this module only through
``dife.catalog.imports.rows.check_row``, which runs the services' own validation.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.catalog import eligibility, perms
from dife.catalog.imports.report import Line, LineStatus
from dife.catalog.imports.rows import OfferRow
from dife.catalog.models import Action, Formation, Modalite, OrganismeProfile, Session, Status
from dife.catalog.services.errors import NotAllowed
from dife.catalog.services.numbers import public_number
from dife.catalog.services.search_index import refresh_search_rows

CHUNK = 500
FORMATION_FIELDS = (
    "intitule", "objectifs", "contenu", "points_forts", "resultats_attendus", "contexte", "theme",
    "certification_code", "certification_libelle",
)  # fmt: skip
ACTION_FIELDS = (
    "modalite", "duree_heures", "rythme", "prix_ttc", "taux_tva", "frais_examen_inclus",
    "frais_additionnels", "frais_additionnels_detail", "aides_financement", "adresse", "commune_id",
    "acces_handicap", "contact_nom", "contact_email", "contact_telephone",
)  # fmt: skip
SESSION_FIELDS = ("debut", "fin", "places", "garantie", "status")


class RowRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class _State:
    """What the provider's catalog holds, plus what the rows staged so far add or change."""

    organisme: OrganismeProfile
    formations: dict[str, Formation] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    action_formation: dict[str, str] = field(default_factory=dict)  # action ref → formation ref
    sessions: dict[tuple[str, str], Session] = field(default_factory=dict)
    by_dates: dict[tuple[str, date, date], Session] = field(default_factory=dict)

    @classmethod
    def load(cls, organisme: OrganismeProfile) -> _State:
        state = cls(organisme=organisme)
        refs: dict[int, str] = {}
        for formation in Formation.objects.filter(organisme=organisme):
            state.formations[formation.reference] = formation
            refs[formation.pk] = formation.reference
        action_refs: dict[int, str] = {}
        for action in Action.objects.filter(formation__organisme=organisme):
            state.actions[action.reference] = action
            state.action_formation[action.reference] = refs[action.formation_id]
            action_refs[action.pk] = action.reference
        for session in Session.objects.filter(action__formation__organisme=organisme).order_by("id"):
            action_ref = action_refs[session.action_id]
            if session.reference:
                state.sessions[(action_ref, session.reference)] = session
            state.by_dates.setdefault((action_ref, session.debut, session.fin), session)
        return state


@dataclass
class _Pending:
    new: dict[type, list] = field(default_factory=lambda: {Formation: [], Action: [], Session: []})
    dirty: dict[type, dict[int, Model]] = field(
        default_factory=lambda: {Formation: {}, Action: {}, Session: {}}
    )
    lines: list[tuple[Line, LineStatus]] = field(default_factory=list)

    def touch(self, obj: Model, *, created: bool) -> None:
        if created:
            self.new[type(obj)].append(obj)
        elif obj.pk is not None:
            self.dirty[type(obj)][obj.pk] = obj


def _assign(obj: Model, values: dict[str, Any], names: Sequence[str]) -> bool:
    changed = False
    for name in names:
        if getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed = True
    return changed


def _stage(row: OfferRow, state: _State, pending: _Pending, now: datetime) -> None:
    """Apply one row to the in-memory catalog (nothing is written here). ``RowRefused`` leaves it intact."""
    organisme = state.organisme
    owner = state.action_formation.get(row.action_ref)
    if owner is not None and owner != row.formation_ref:
        raise RowRefused(
            f"L'action « {row.action_ref} » appartient déjà à la formation « {owner} » : une action ne "
            "change pas de formation (donnez une autre référence d'action)."
        )
    formation = state.formations.get(row.formation_ref)
    if formation is None:
        formation = Formation(
            organisme=organisme,
            reference=row.formation_ref,
            numero=public_number(organisme, row.formation_ref),
            status=Status.DRAFT,
            **row.formation,
        )
        state.formations[row.formation_ref] = formation
        pending.touch(formation, created=True)
    elif _assign(formation, row.formation, FORMATION_FIELDS):
        formation.updated_at = now
        pending.touch(formation, created=False)

    action = state.actions.get(row.action_ref)
    if action is None:
        action = Action(
            formation=formation,
            reference=row.action_ref,
            numero=public_number(organisme, row.action_ref),
            status=Status.DRAFT,
            **row.action,
        )
        state.actions[row.action_ref] = action
        state.action_formation[row.action_ref] = row.formation_ref
        pending.touch(action, created=True)
    elif _assign(action, row.action, ACTION_FIELDS):
        action.updated_at = now
        pending.touch(action, created=False)

    key = (row.action_ref, row.session_ref)
    session = state.sessions.get(key)
    if session is None and row.line.session_ref and not _explicit(row):
        session = state.by_dates.get((row.action_ref, row.session["debut"], row.session["fin"]))
    if session is None:
        session = Session(action=action, reference=row.session_ref, **row.session)
        state.sessions[key] = session
        state.by_dates.setdefault((row.action_ref, session.debut, session.fin), session)
        pending.touch(session, created=True)
        pending.lines.append((row.line, LineStatus.IMPORTED))
        return
    if _assign(session, row.session, SESSION_FIELDS):
        session.updated_at = now
        pending.touch(session, created=False)
    created_here = session.pk is None
    pending.lines.append((row.line, LineStatus.IMPORTED if created_here else LineStatus.UPDATED))


def _explicit(row: OfferRow) -> bool:
    """Did the file give the session's reference (rather than letting its dates stand for it)?"""
    return row.session_ref != f"{row.session['debut']:%Y%m%d}-{row.session['fin']:%Y%m%d}"


def _bulk_update(model: type[Model], objects: Sequence[Model], names: Sequence[str]) -> None:
    """One ``UPDATE … FROM unnest(arrays)`` (Django's ``bulk_update`` builds a CASE per row and field)."""
    if not objects:
        return
    meta: Any = model._meta  # Options: get_field() is typed for relations too; these are concrete fields
    fields = [meta.get_field(name) for name in (*names, "updated_at")]
    table = connection.ops.quote_name(meta.db_table)
    columns = ", ".join(
        f"{connection.ops.quote_name(f.column)} = v.{connection.ops.quote_name(f.column)}" for f in fields
    )
    arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fields)
    names_sql = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    params = [[o.pk for o in objects]] + [
        [f.get_db_prep_save(getattr(o, f.attname), connection) for o in objects] for f in fields
    ]
    pk_type = meta.pk.rel_db_type(connection)
    sql = (
        f"UPDATE {table} AS t SET {columns} "  # noqa: S608 (names from the models, values as parameters)
        f"FROM unnest(%s::{pk_type}[], {arrays}) AS v(id, {names_sql}) WHERE t.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _flush(pending: _Pending) -> None:
    for model in (Formation, Action, Session):
        if pending.new[model]:
            model.objects.bulk_create(pending.new[model])
    _bulk_update(Formation, list(pending.dirty[Formation].values()), FORMATION_FIELDS)
    _bulk_update(Action, list(pending.dirty[Action].values()), ACTION_FIELDS)
    _bulk_update(Session, list(pending.dirty[Session].values()), SESSION_FIELDS)


def _write_chunk(rows: list[OfferRow], state: _State, now: datetime) -> _State:
    """Write ``rows`` in one savepoint; on a database error, row by row. Returns the state to go on with."""
    pending = _Pending()
    refused: list[tuple[Line, str]] = []
    for row in rows:
        try:
            _stage(row, state, pending, now)
        except RowRefused as error:
            refused.append((row.line, error.message))
    try:
        with transaction.atomic():
            _flush(pending)
    except DatabaseError:
        state = _State.load(state.organisme)
        for row in rows:
            state = _write_one(row, state, now)
        return state
    for line, status in pending.lines:
        line.status = status
    for line, message in refused:
        line.reject(message)
    return state


def _write_one(row: OfferRow, state: _State, now: datetime) -> _State:
    pending = _Pending()
    try:
        _stage(row, state, pending, now)
        with transaction.atomic():
            _flush(pending)
    except RowRefused as error:
        row.line.reject(error.message)
        return state
    except DatabaseError as error:
        row.line.reject(f"Ligne refusée à l'enregistrement : {str(error).splitlines()[0]}")
        return _State.load(state.organisme)
    for line, status in pending.lines:
        line.status = status
    return state


@dataclass
class Written:
    formation_ids: set[int]
    action_ids: set[int]
    published_actions: int
    seconds: float


def _first_lines(rows: list[OfferRow], key: Callable[[OfferRow], str]) -> dict[str, Line]:
    first: dict[str, Line] = {}
    for row in rows:
        if not row.line.rejected:
            first.setdefault(key(row), row.line)
    return first


def _settle_publication(
    rows: list[OfferRow], state: _State, *, publish: bool, today: date, now: datetime
) -> int:
    """Publish what may be, demote what may no longer be listed; warnings on the first line concerned."""
    formation_lines = _first_lines(rows, lambda r: r.formation_ref)
    action_lines = _first_lines(rows, lambda r: r.action_ref)
    formations = [state.formations[ref] for ref in formation_lines]
    if publish:
        ready = []
        for formation in formations:
            if formation.status != Status.DRAFT:
                continue
            reasons = eligibility.formation_reasons(formation)
            if reasons:
                formation_lines[formation.reference].warnings.append(
                    f"La formation « {formation.reference} » reste en brouillon : {' '.join(reasons)}"
                )
            else:
                ready.append(formation.pk)
                formation.status = Status.PUBLISHED
        Formation.objects.filter(pk__in=ready).update(status=Status.PUBLISHED, updated_at=now)
    actions = {state.actions[ref].pk: ref for ref in action_lines}
    with_session = set(
        eligibility.eligible_sessions(today=today)
        .filter(action_id__in=list(actions))
        .values_list("action_id", flat=True)
        .distinct()
    )
    to_publish, to_demote = [], []
    listed = Action.objects.filter(pk__in=list(actions)).select_related(
        "formation__organisme__organisation", "commune"
    )
    for action in listed:
        eligible = (
            action.id in with_session
            and action.formation.status == Status.PUBLISHED
            and action.status != Status.CLOSED
            and (action.modalite == Modalite.DISTANCE or action.commune_id is not None)
        )
        if eligible:
            if action.status == Status.DRAFT and publish:
                to_publish.append(action.pk)
            continue
        if action.status == Status.CLOSED or (action.status == Status.DRAFT and not publish):
            continue
        why = " ".join(eligibility.check_action(action, today=today).reasons)
        line = action_lines[actions[action.pk]]
        if action.status == Status.PUBLISHED:
            to_demote.append(action.pk)
            line.warnings.append(
                f"L'action « {action.reference} » ne peut plus être proposée aux élus et repasse en "
                f"brouillon : {why}"
            )
        else:
            line.warnings.append(f"L'action « {action.reference} » reste en brouillon : {why}")
    Action.objects.filter(pk__in=to_publish).update(status=Status.PUBLISHED, updated_at=now)
    Action.objects.filter(pk__in=to_demote).update(status=Status.DRAFT, updated_at=now)
    return len(to_publish)


@transaction.atomic
def import_offer_rows(
    *,
    organisme: OrganismeProfile,
    rows: list[OfferRow],
    by: User | None = None,
    publish: bool = True,
    today: date | None = None,
    request: HttpRequest | None = None,
    file_format: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Written:
    """Write the checked rows (``line.status`` of each row is set), publish, refresh the search rows.

    ``by=None`` is the system (the management command). ``progress(done, total)`` is called per chunk.
    """
    started = time.monotonic()
    if by is not None and not perms.can_edit_catalog(by, organisme):
        raise NotAllowed
    # One import at a time per provider: the references and counters stay consistent.
    organisme = (
        OrganismeProfile.objects.select_for_update().select_related("organisation").get(pk=organisme.pk)
    )
    today = today or timezone.localdate()
    now = timezone.now()
    state = _State.load(organisme)
    for start in range(0, len(rows), CHUNK):
        state = _write_chunk(rows[start : start + CHUNK], state, now)
        if progress is not None:
            progress(min(start + CHUNK, len(rows)), len(rows))
    written = [r for r in rows if not r.line.rejected]
    published = _settle_publication(written, state, publish=publish, today=today, now=now)
    formation_ids = {state.formations[r.formation_ref].pk for r in written}
    action_ids = {state.actions[r.action_ref].pk for r in written}
    refresh_search_rows(action_ids=action_ids, today=today)
    record(
        action="catalog.file.imported",
        actor=by,
        target=organisme,
        request=request,
        format=file_format,
        lignes=len(rows),
        importees=sum(1 for r in rows if r.line.status == LineStatus.IMPORTED),
        mises_a_jour=sum(1 for r in rows if r.line.status == LineStatus.UPDATED),
        rejetees=sum(1 for r in rows if r.line.rejected),
        actions_publiees=published,
    )
    return Written(formation_ids, action_ids, published, time.monotonic() - started)
