"""Rows of the demo catalog, drawn from one seeded random generator (same seed + same day = same rows).

Volumes for ``scale`` S: 150·S agreed OFs and 50·S reconversion-only OFs, 3 000·S mandate trainings and
1 000·S reconversion offers, ≈ 1.25 actions per formation, ≈ 4 sessions per action over the next 12
months (scale 50: 200 000 formations, ≈ 1 000 000 sessions). Places are real communes drawn by
population; mandate prices respect the hourly cap (a few drafts deliberately break it).
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from devtools.demo.catalog_generator import identities as ids
from devtools.demo.catalog_generator import vocab_mandat as vm
from devtools.demo.catalog_generator import vocab_reconversion as vr
from dife.catalog.repertoire import THEMES

HOURS_MANDAT = [3, 3, 3.5, 6, 6, 7, 7, 7, 12, 14, 14, 21]
RYTHMES_MANDAT = ["journee"] * 6 + ["soiree"] * 2 + ["week_end"]


@dataclass(frozen=True)
class Volumes:
    organismes_mandat: int
    organismes_reconversion: int
    formations_mandat: int
    formations_reconversion: int

    @classmethod
    def for_scale(cls, scale: float) -> Volumes:
        return cls(
            organismes_mandat=max(1, round(150 * scale)),
            organismes_reconversion=max(1, round(50 * scale)),
            formations_mandat=max(1, round(3000 * scale)),
            formations_reconversion=max(1, round(1000 * scale)),
        )


@dataclass
class CommunePicker:
    """Real communes (with town-hall coordinates), drawn in proportion to their population."""

    ids: list[int]
    departements: list[str]
    cumulative: list[float]
    by_departement: dict[str, list[int]] = field(default_factory=dict)

    def pick(self, rng: random.Random) -> int:
        index = bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])
        return self.ids[min(index, len(self.ids) - 1)]

    def pick_in(self, rng: random.Random, departement: str) -> int:
        """A commune of the département, favouring the larger ones (préfectures, sous-préfectures)."""
        indexes = self.by_departement.get(departement)
        if not indexes:
            return self.pick(rng)
        top = indexes[: max(3, len(indexes) // 20)]
        return self.ids[rng.choice(top)]


@dataclass
class OrganismeSeed:
    organisation_id: int
    siret: str
    mandat: bool
    departement: str
    agrement: tuple[date, date] | None
    formations: int = 0
    actions: int = 0


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class Builder:
    def __init__(self, *, seed: int, scale: float, today: date, communes: CommunePicker) -> None:
        self.rng = random.Random(seed)
        self.volumes = Volumes.for_scale(scale)
        self.today = today
        self.communes = communes

    # --- Organismes ---------------------------------------------------------------------------------
    def agrement(self) -> tuple[date, date]:
        rng = self.rng
        start = self.today - timedelta(days=rng.randint(30, 3 * 365))
        if rng.random() < 0.1:  # agrément ending within the year: later sessions are not eligible
            end = self.today + timedelta(days=rng.randint(30, 330))
        else:
            end = self.today + timedelta(days=rng.randint(400, 4 * 365))
        return start, end

    # --- Formations ---------------------------------------------------------------------------------
    def mandate_formation(self) -> dict:
        rng = self.rng
        theme = rng.choice(THEMES)
        subject = rng.choice(vm.SUBJECTS[theme.code])
        title = rng.choice(vm.TITLE_TEMPLATES).format(s=subject, S=_capitalised(subject))
        competences = rng.sample(vm.COMPETENCES, 3)
        programme = rng.sample(vm.PROGRAMME, rng.randint(4, 6))
        return {
            "intitule": title,
            "objectifs": f"Cette formation porte sur {subject}. À l'issue de la formation, l'élu sera "
            f"capable de : {'; '.join(competences)}.",
            "contenu": f"{_capitalised(subject)} : {'. '.join(programme)}.",
            "points_forts": " ".join(rng.sample(vm.POINTS_FORTS, 2)),
            "resultats_attendus": f"Être capable de {competences[0]} et de {competences[1]}.",
            "contexte": "mandat",
            "theme": theme.code,
            "certification_code": "",
            "certification_libelle": "",
        }

    def reconversion_formation(self) -> dict:
        rng = self.rng
        index = rng.randrange(len(vr.CERTIFICATIONS))
        kind, label, items = vr.CERTIFICATIONS[index]
        code = f"RNCP9{index:04d}" if kind == "RNCP" else f"RS9{index:03d}"
        return {
            "intitule": rng.choice(vr.TITLE_TEMPLATES).format(label=label),
            "objectifs": vr.OBJECTIFS.format(label=label),
            "contenu": f"Programme : {'. '.join(items)}. Préparation et passage de la certification.",
            "points_forts": " ".join(rng.sample(vr.POINTS_FORTS, 2)),
            "resultats_attendus": f"Certification « {label} » ({code}).",
            "contexte": "reconversion",
            "theme": "",
            "certification_code": code,
            "certification_libelle": label,
            "_kind": kind,
        }

    # --- Actions and sessions -------------------------------------------------------------------------
    def action(self, formation: dict, organisme: OrganismeSeed) -> dict:
        rng = self.rng
        mandat = formation["contexte"] == "mandat"
        draw = rng.random()
        modalite = "centre" if draw < 0.65 else ("distance" if draw < 0.85 else "mixte")
        if mandat:
            hours = Decimal(str(rng.choice(HOURS_MANDAT)))
            rythme = rng.choice(RYTHMES_MANDAT)
            hourly = rng.uniform(22, 80)
            tva = Decimal("0.2") if rng.random() < 0.05 else Decimal("0")
            if rng.random() < 0.01:
                hourly = rng.uniform(82, 95)  # a draft the OF must fix: eligibility says why
            prix_ht = (hours * Decimal(str(hourly)) / 5).to_integral_value(ROUND_DOWN) * 5
            prix = (prix_ht * (1 + tva)).quantize(Decimal("0.01"))
        else:
            tva = Decimal("0")
            rs = formation.get("_kind") == "RS"
            hours = Decimal(rng.randint(14, 60) if rs else rng.randint(70, 400))
            rythme = rng.choice(["temps_partiel", "soiree"] if rs else ["temps_plein", "temps_partiel"])
            prix = _money(round(float(hours) * (rng.uniform(15, 35) if rs else rng.uniform(8, 20)) / 10) * 10)
        commune = None
        if modalite != "distance":
            near_home = rng.random() < 0.6
            commune = (
                self.communes.pick_in(rng, organisme.departement) if near_home else self.communes.pick(rng)
            )
        fees = _money(rng.choice([12, 15, 18, 25, 40, 60])) if rng.random() < 0.15 else Decimal("0.00")
        return {
            "modalite": modalite,
            "duree_heures": hours,
            "rythme": rythme,
            "prix_ttc": prix,
            "taux_tva": tva,
            "frais_examen_inclus": not mandat and rng.random() < 0.8,
            "frais_additionnels": fees,
            "frais_additionnels_detail": "Frais de repas" if fees else "",
            "aides_financement": rng.choice(vm.AIDES) if mandat else "",
            "adresse": "" if commune is None else ids.address(rng, venue=True),
            "commune_id": commune,
            "acces_handicap": rng.random() < 0.85,
            "_ineligible": mandat and (prix / (1 + tva)) > 80 * hours,
        }

    def sessions(self, action: dict) -> list[tuple[date, date, int, bool, str]]:
        rng = self.rng
        count = max(1, min(10, int(rng.expovariate(1 / 3.8)) + 1))
        hours = float(action["duree_heures"])
        out = []
        for _ in range(count):
            start = self.today + timedelta(days=rng.randint(7, 365))
            rythme = action["rythme"]
            if rythme == "week_end":
                start += timedelta(days=(5 - start.weekday()) % 7)
                end = start + timedelta(days=min(1, math.ceil(hours / 7) - 1))
            elif rythme == "soiree":
                start += timedelta(days=(rng.randint(0, 3) - start.weekday()) % 7)
                end = start + timedelta(weeks=max(0, math.ceil(hours / 3) - 1))
            elif rythme in ("temps_plein", "temps_partiel"):
                start += timedelta(days=(0 - start.weekday()) % 7)
                per_week = 35 if rythme == "temps_plein" else 14
                end = start + timedelta(weeks=max(0, math.ceil(hours / per_week) - 1), days=4)
            else:
                start += timedelta(days=(0 - start.weekday()) % 7 if start.weekday() > 4 else 0)
                end = start + timedelta(days=max(0, math.ceil(hours / 7) - 1))
            places = rng.randint(8, 15) if rythme in ("journee", "soiree", "week_end") else rng.randint(8, 20)
            statut = "open" if rng.random() < 0.95 else "closed"
            out.append((start, end, places, rng.random() < 0.3, statut))
        return out

    def zipf_weights(self, n: int) -> list[float]:
        return list(itertools.accumulate(1 / (rank**0.7) for rank in range(1, n + 1)))

    def pick_weighted(self, cumulative: list[float]) -> int:
        return bisect.bisect_left(cumulative, self.rng.random() * cumulative[-1])
