"""Dated table of the general elections of local councils (renouvellements généraux).

Used to check the mandate start dates of the register (docs/register-defects.md) and to find the
first round that opened a mandate (PRODUCT §8, crediting date). Add a line when a general election
is convened; never edit a past line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MUNICIPAL = "municipal"
COMMUNAUTAIRE = "communautaire"
DEPARTEMENTAL = "departemental"
REGIONAL = "regional"

# Councils renewed by each kind of general election (conseillers communautaires are designated
# with the municipal councils, "fléchage", since 2014).
COUNCILS = {
    MUNICIPAL: (MUNICIPAL, COMMUNAUTAIRE),
    DEPARTEMENTAL: (DEPARTEMENTAL,),
    REGIONAL: (REGIONAL,),
}

# PRODUCT §8: the general election opened a mandate when the mandate started within this delay.
OPENING_WINDOW = timedelta(days=60)


@dataclass(frozen=True)
class GeneralElection:
    election: str  # MUNICIPAL, DEPARTEMENTAL or REGIONAL
    first_round: date
    second_round: date | None
    source: str

    @property
    def councils(self) -> tuple[str, ...]:
        return COUNCILS[self.election]


GENERAL_ELECTIONS: tuple[GeneralElection, ...] = (
    GeneralElection(
        MUNICIPAL,
        date(2014, 3, 23),
        date(2014, 3, 30),
        "Décret n° 2013-857 du 26 septembre 2013 (date du renouvellement général)",
    ),
    GeneralElection(
        DEPARTEMENTAL,
        date(2015, 3, 22),
        date(2015, 3, 29),
        "Loi n° 2013-403 du 17 mai 2013 ; scrutin des 22 et 29 mars 2015 (ministère de l'Intérieur)",
    ),
    GeneralElection(
        REGIONAL,
        date(2015, 12, 6),
        date(2015, 12, 13),
        "Décret n° 2015-939 du 30 juillet 2015 (convocation des collèges électoraux)",
    ),
    GeneralElection(
        MUNICIPAL,
        date(2020, 3, 15),
        date(2020, 6, 28),
        "Décret n° 2019-928 du 4 septembre 2019 ; second tour reporté au 28 juin 2020 "
        "(loi n° 2020-290 du 23 mars 2020, décret n° 2020-642 du 27 mai 2020) ; PRODUCT §8",
    ),
    GeneralElection(
        DEPARTEMENTAL,
        date(2021, 6, 20),
        date(2021, 6, 27),
        "Loi n° 2021-191 du 22 février 2021 (report) ; décret n° 2021-483 du 21 avril 2021 ; PRODUCT §8",
    ),
    GeneralElection(
        REGIONAL,
        date(2021, 6, 20),
        date(2021, 6, 27),
        "Loi n° 2021-191 du 22 février 2021 (report) ; décret n° 2021-483 du 21 avril 2021 "
        "(y compris Assemblée de Corse, assemblées de Guyane et de Martinique) ; PRODUCT §8",
    ),
    GeneralElection(
        MUNICIPAL,
        date(2026, 3, 15),
        date(2026, 3, 22),
        "Décret n° 2025-848 du 27 août 2025 fixant la date du renouvellement des conseillers municipaux "
        "et communautaires ; PRODUCT §3 et §8",
    ),
)


def elections_for(council: str) -> list[GeneralElection]:
    """General elections renewing this council kind, oldest first."""
    return sorted((e for e in GENERAL_ELECTIONS if council in e.councils), key=lambda e: e.first_round)


def last_general_election(council: str, on: date) -> GeneralElection | None:
    """The latest general election renewing this council whose first round is on or before ``on``."""
    past = [e for e in elections_for(council) if e.first_round <= on]
    return past[-1] if past else None


def opening_election(council: str, start: date) -> GeneralElection | None:
    """The general election that opened a mandate started on ``start`` (within 60 days), if any."""
    election = last_general_election(council, start)
    if election is not None and start - election.first_round <= OPENING_WINDOW:
        return election
    return None


def opening_first_round(council: str, start: date) -> date:
    """PRODUCT §8: the first round that opened the mandate, or the start date itself (by-elections)."""
    election = opening_election(council, start)
    return election.first_round if election is not None else start
