"""`manage.py credit_rights --as-of YYYY-MM-DD`: yearly crediting of the whole register (PRODUCT §8)."""

from __future__ import annotations

import argparse
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dife.core.formatting import euros
from dife.rights.crediting import DEFAULT_CHUNK_SIZE, run_crediting


def _date(text: str) -> date:
    # ArgumentTypeError, not CommandError: argparse calls this before Django's error handling, so a
    # CommandError here would surface as a traceback on the command line.
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide : {text!r} (format attendu AAAA-MM-JJ).") from None


class Command(BaseCommand):
    help = (
        "Crédite les droits DIFE de chaque élu dont la date d'alimentation est arrivée (jusqu'à --as-of "
        "inclus, années manquantes comprises). Idempotent : une relance pour la même date ne crédite rien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of", type=_date, default=None, help="Date de référence (défaut : aujourd'hui)."
        )
        parser.add_argument(
            "--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, help="Personnes par transaction."
        )

    def handle(self, *args, as_of=None, chunk_size=DEFAULT_CHUNK_SIZE, **options):
        as_of = as_of or timezone.localdate()
        if chunk_size < 1:
            raise CommandError("--chunk-size doit être un entier positif.")
        started = time.monotonic()

        def progress(result):
            if options["verbosity"] >= 2:
                self.stdout.write(
                    f"  {result.year} personnes {result.lo}–{result.hi} : {result.credits} crédit(s), "
                    f"{euros(result.amount)}"
                )

        run = run_crediting(as_of=as_of, chunk_size=chunk_size, progress=progress)
        self.stdout.write(
            f"Alimentation au {as_of:%d/%m/%Y} : {run.accounts_created} compte(s) ouvert(s), "
            f"{run.credits} crédit(s) pour {euros(run.amount)} en {time.monotonic() - started:.1f} s."
        )
