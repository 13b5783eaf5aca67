"""Demo catalog generator: ``generate(seed=42, scale=1)`` writes a realistic, fictional catalog.

Organisations and profiles go through the ORM (a few thousand rows at most); formations, actions and
sessions are streamed with COPY; the search rows are then built by the same set-based refresh as
everywhere else. Reproducible: the same seed and the same ``today`` give the same catalog.
``delete_generated()`` removes it (the providers are recognised by their fictional SIREN prefix).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from devtools.demo.catalog_generator import identities as ids
from devtools.demo.catalog_generator.build import Builder, CommunePicker, OrganismeSeed
from dife.catalog.models import OrganismeProfile
from dife.catalog.services.search_index import refresh_search_rows
from dife.organisations.models import Organisation
from dife.referentiel.models import Commune

FORMATION_COLUMNS = (
    "id",
    "organisme_id",
    "reference",
    "numero",
    "intitule",
    "objectifs",
    "contenu",
    "points_forts",
    "resultats_attendus",
    "contexte",
    "theme",
    "certification_code",
    "certification_libelle",
    "status",
)
ACTION_COLUMNS = (
    "id",
    "formation_id",
    "reference",
    "numero",
    "modalite",
    "duree_heures",
    "rythme",
    "prix_ttc",
    "taux_tva",
    "frais_examen_inclus",
    "frais_additionnels",
    "frais_additionnels_detail",
    "aides_financement",
    "adresse",
    "commune_id",
    "acces_handicap",
    "contact_nom",
    "contact_email",
    "contact_telephone",
    "status",
)
SESSION_COLUMNS = ("action_id", "reference", "debut", "fin", "places", "garantie", "status")


@dataclass
class Report:
    organismes: int = 0
    formations: int = 0
    actions: int = 0
    sessions: int = 0
    listed_actions: int = 0
    durations: dict[str, float] = field(default_factory=dict)

    def render(self) -> str:
        timing = ", ".join(f"{k} {v:.1f} s" for k, v in self.durations.items())
        return (
            f"{self.organismes} organismes, {self.formations} formations, {self.actions} actions, "
            f"{self.sessions} sessions ; {self.listed_actions} actions proposées à la recherche ({timing})."
        )


def load_communes() -> CommunePicker:
    located = Q(latitude__isnull=False) | Q(
        subdivisions__latitude__isnull=False
    )  # Paris: its arrondissements
    rows = list(
        Commune.objects.filter(located, type=Commune.Type.COMMUNE, is_active=True)
        .exclude(departement__isnull=True)
        .distinct()
        .order_by("code")
        .values_list("id", "departement__code", "population")
    )
    if not rows:
        raise RuntimeError(
            "Aucune commune dans le référentiel : lancez d'abord « manage.py import_referentiel »."
        )
    cumulative, total, by_dep = [], 0.0, {}
    for index, (_, dep, population) in enumerate(rows):
        total += max(population or 0, 1)
        cumulative.append(total)
        by_dep.setdefault(dep, []).append(index)
    for indexes in by_dep.values():
        indexes.sort(key=lambda i: -(rows[i][2] or 0))
    return CommunePicker(
        ids=[r[0] for r in rows],
        departements=[r[1] for r in rows],
        cumulative=cumulative,
        by_departement=by_dep,
    )


def delete_generated() -> None:
    """Remove every generated provider and its catalog (fictional SIREN prefix)."""
    prefix = ids.FICTIONAL_SIREN_PREFIX + "%"
    with transaction.atomic(), connection.cursor() as cur:
        orgs = "SELECT id FROM organisations_organisation WHERE kind = 'organisme' AND siret LIKE %s"
        formations = f"SELECT id FROM catalog_formation WHERE organisme_id IN ({orgs})"  # noqa: S608
        actions = f"SELECT id FROM catalog_action WHERE formation_id IN ({formations})"  # noqa: S608
        cur.execute(f"DELETE FROM catalog_actionsearch WHERE action_id IN ({actions})", [prefix])  # noqa: S608
        cur.execute(f"DELETE FROM catalog_session WHERE action_id IN ({actions})", [prefix])  # noqa: S608
        cur.execute(f"DELETE FROM catalog_action WHERE id IN ({actions})", [prefix])  # noqa: S608
        cur.execute(f"DELETE FROM catalog_formation WHERE id IN ({formations})", [prefix])  # noqa: S608
        cur.execute(f"DELETE FROM catalog_organismeprofile WHERE organisation_id IN ({orgs})", [prefix])  # noqa: S608
        cur.execute(f"DELETE FROM organisations_organisation WHERE id IN ({orgs})", [prefix])  # noqa: S608


def _next_id(cur, table: str) -> int:
    cur.execute(f"SELECT COALESCE(max(id), 0) + 1 FROM {table}")  # noqa: S608
    return cur.fetchone()[0]


def _sync_sequence(cur, table: str) -> None:
    cur.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(max(id), 1) FROM {table}))"  # noqa: S608
    )


def _organismes(builder: Builder, report: Report) -> list[OrganismeSeed]:
    rng, volumes = builder.rng, builder.volumes
    departements = dict(
        Commune.objects.filter(type=Commune.Type.COMMUNE, departement__isnull=False)
        .values_list("departement__code", "departement__nom")
        .distinct()
    )
    dep_codes = sorted(departements)
    total = volumes.organismes_mandat + volumes.organismes_reconversion
    existing = set(
        Organisation.objects.filter(siret__startswith=ids.FICTIONAL_SIREN_PREFIX).values_list(
            "siret", flat=True
        )
    )
    if existing:
        raise RuntimeError(
            "Un catalogue de démonstration existe déjà : utilisez --replace pour le régénérer."
        )
    orgs, seeds, profiles = [], [], []
    for index in range(total):
        mandat = index < volumes.organismes_mandat
        dep = dep_codes[index % len(dep_codes)] if mandat else rng.choice(dep_codes)
        orgs.append(
            Organisation(
                kind=Organisation.Kind.ORGANISME,
                nom=ids.organisme_name(rng, departements[dep], mandat=mandat),
                siret=ids.fictional_siret(index + 1),
            )
        )
        seeds.append((mandat, dep))
    Organisation.objects.bulk_create(orgs, batch_size=2000)
    result = []
    for org, (mandat, dep) in zip(orgs, seeds, strict=True):
        agrement = builder.agrement() if mandat else None
        home = builder.communes.pick_in(rng, dep)
        domain = ids.slug(org.nom)[:40]
        profiles.append(
            OrganismeProfile(
                organisation=org,
                nda=ids.nda(rng, dep),
                adresse=ids.address(rng),
                commune_id=home,
                agrement_debut=agrement[0] if agrement else None,
                agrement_fin=agrement[1] if agrement else None,
                qualiopi=rng.random() < 0.9,
                contact_nom="Service formation",
                contact_email=f"formation@{domain}.example",
                contact_telephone=ids.phone(rng),
                site_web=f"https://www.{domain}.example",
            )
        )
        result.append(OrganismeSeed(org.pk, org.siret, mandat, dep, agrement))
    OrganismeProfile.objects.bulk_create(profiles, batch_size=2000)
    report.organismes = len(result)
    return result


def _formation_rows(builder: Builder, organismes: list[OrganismeSeed], first_id: int, meta: list):
    """Formation rows for COPY; ``meta`` receives (formation_id, row dict, organisme) for the actions."""
    rng, volumes = builder.rng, builder.volumes
    mandat_ofs = [o for o in organismes if o.mandat]
    reco_ofs = [o for o in organismes if not o.mandat] + mandat_ofs[: max(1, len(mandat_ofs) // 5)]
    plans = [
        (volumes.formations_mandat, mandat_ofs, True),
        (volumes.formations_reconversion, reco_ofs, False),
    ]
    next_id = first_id
    for count, providers, mandat in plans:
        weights = builder.zipf_weights(len(providers))
        order = providers[:]
        rng.shuffle(order)
        for _ in range(count):
            organisme = order[builder.pick_weighted(weights)]
            row = builder.mandate_formation() if mandat else builder.reconversion_formation()
            organisme.formations += 1
            reference = f"F{organisme.formations:05d}"
            draw = rng.random()
            statut = "published" if draw < 0.96 else ("draft" if draw < 0.98 else "closed")
            meta.append(
                (next_id, {"contexte": row["contexte"], "_kind": row.get("_kind")}, organisme, statut)
            )
            yield (
                next_id,
                organisme.organisation_id,
                reference,
                f"{organisme.siret}_{reference}",
                row["intitule"],
                row["objectifs"],
                row["contenu"],
                row["points_forts"],
                row["resultats_attendus"],
                row["contexte"],
                row["theme"],
                row["certification_code"],
                row["certification_libelle"],
                statut,
            )
            next_id += 1


def _action_rows(builder: Builder, meta: list, first_id: int, sessions: list):
    rng = builder.rng
    next_id = first_id
    for formation_id, formation, organisme, formation_statut in meta:
        for _ in range(2 if rng.random() < 0.25 else 1):
            action = builder.action(formation, organisme)
            organisme.actions += 1
            reference = f"A{organisme.actions:05d}"
            published = formation_statut == "published" and rng.random() < 0.97 and not action["_ineligible"]
            sessions.append((next_id, action))
            yield (
                next_id,
                formation_id,
                reference,
                f"{organisme.siret}_{reference}",
                action["modalite"],
                action["duree_heures"],
                action["rythme"],
                action["prix_ttc"],
                action["taux_tva"],
                action["frais_examen_inclus"],
                action["frais_additionnels"],
                action["frais_additionnels_detail"],
                action["aides_financement"],
                action["adresse"],
                action["commune_id"],
                action["acces_handicap"],
                "Service formation",
                "",
                ids.phone(rng),
                "published" if published else "draft",
            )
            next_id += 1


def _session_rows(builder: Builder, actions: list):
    for action_id, action in actions:
        for debut, fin, places, garantie, statut in builder.sessions(action):
            yield (action_id, "", debut, fin, places, garantie, statut)


def _copy(cur, table: str, columns, rows) -> int:
    count = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def generate(*, seed: int = 42, scale: float = 1.0, today: date | None = None, stdout=None) -> Report:
    """Generate the demo catalog (refuses when one exists: call ``delete_generated()`` first)."""
    today = today or timezone.localdate()
    report = Report()
    started = time.monotonic()

    def step(label: str) -> None:
        nonlocal started
        report.durations[label] = time.monotonic() - started
        started = time.monotonic()
        if stdout is not None:
            stdout.write(f"  {label} : {report.durations[label]:.1f} s")

    builder = Builder(seed=seed, scale=scale, today=today, communes=load_communes())
    with transaction.atomic():
        organismes = _organismes(builder, report)
        step("organismes")
        connection.ensure_connection()
        with connection.connection.cursor() as cur:
            meta: list = []
            report.formations = _copy(
                cur,
                "catalog_formation",
                FORMATION_COLUMNS,
                _formation_rows(builder, organismes, _next_id(cur, "catalog_formation"), meta),
            )
            step("formations")
            actions: list = []
            report.actions = _copy(
                cur,
                "catalog_action",
                ACTION_COLUMNS,
                _action_rows(builder, meta, _next_id(cur, "catalog_action"), actions),
            )
            del meta
            step("actions")
            report.sessions = _copy(cur, "catalog_session", SESSION_COLUMNS, _session_rows(builder, actions))
            del actions
            step("sessions")
            for table in ("catalog_formation", "catalog_action", "catalog_session"):
                _sync_sequence(cur, table)
            cur.execute(
                "UPDATE catalog_organismeprofile p SET formation_seq = v.f, action_seq = v.a "
                "FROM unnest(%s::bigint[], %s::int[], %s::int[]) AS v(id, f, a) "
                "WHERE p.organisation_id = v.id",
                [
                    [o.organisation_id for o in organismes],
                    [o.formations for o in organismes],
                    [o.actions for o in organismes],
                ],
            )
            cur.execute("ANALYZE catalog_formation; ANALYZE catalog_action; ANALYZE catalog_session")
        report.listed_actions = refresh_search_rows(today=today)
        step("index de recherche")
    with connection.cursor() as cur:
        # VACUUM sets the visibility map the index-only steps of the search rely on (not in a transaction).
        cur.execute(
            "ANALYZE catalog_actionsearch"
            if connection.in_atomic_block
            else "VACUUM ANALYZE catalog_actionsearch"
        )
    return report
