"""manage.py import_catalog FICHIER --siret SIRET [--format csv|lheo] [--brouillon] [--rapport R.csv]"""

from __future__ import annotations

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from dife.catalog.imports import FORMATS, detect_format, import_catalog
from dife.catalog.models import OrganismeProfile


class Command(BaseCommand):
    help = (
        "Importe le catalogue d'un organisme de formation depuis un fichier CSV ou LHÉO (XML) : une ligne "
        "par session, mises à jour par les références de l'organisme ; affiche le rapport ligne par ligne."
    )

    def add_arguments(self, parser):
        parser.add_argument("fichier", type=Path, help="fichier CSV ou LHÉO (XML)")
        parser.add_argument("--siret", required=True, help="SIRET de l'organisme de formation")
        parser.add_argument("--format", choices=sorted(FORMATS), help="déduit du nom du fichier sinon")
        parser.add_argument(
            "--brouillon",
            action="store_true",
            help="ne publie rien : formations et actions restent en brouillon",
        )
        parser.add_argument("--rapport", type=Path, help="écrit le rapport complet dans ce fichier CSV")

    def handle(
        self, *args, fichier: Path, siret: str, format: str | None, brouillon: bool, rapport, **options
    ):
        quiet = options.get("verbosity", 1) == 0
        if not fichier.is_file():
            raise CommandError(f"Fichier introuvable : {fichier}")
        organisme = (
            OrganismeProfile.objects.select_related("organisation")
            .filter(organisation__siret="".join(siret.split()))
            .first()
        )
        if organisme is None:
            raise CommandError(
                f"Aucun organisme de formation avec le catalogue ouvert pour le SIRET {siret}."
            )
        data = fichier.read_bytes()
        file_format = format or detect_format(fichier.name, data)
        bar: tqdm | None = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(
                    total=total, unit="ligne", desc="Import", file=self.stderr, disable=quiet, mininterval=0.2
                )
            bar.update(done - bar.n)

        try:
            report = import_catalog(
                organisme=organisme,
                data=data,
                file_format=file_format,
                publish=not brouillon,
                progress=progress,
            )
        finally:
            if bar is not None:
                bar.close()
        if report.file_errors:
            raise CommandError(report.summary())
        for warning in report.file_warnings:
            self.stdout.write(self.style.WARNING(warning))
        for line in report.lines:
            if line.rejected:
                self.stdout.write(self.style.ERROR(f"{line.where} : rejetée — {' '.join(line.reasons)}"))
            for warning in line.warnings:
                self.stdout.write(self.style.WARNING(f"{line.where} : {warning}"))
        if rapport:
            self._write_report(rapport, report)
        style = self.style.SUCCESS if not report.rejected else self.style.WARNING
        self.stdout.write(
            style(
                f"{report.summary()} {report.published_actions} action(s) publiée(s). "
                f"Durée : {report.seconds:.1f} s."
            )
        )

    def _write_report(self, path: Path, report) -> None:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(
                [
                    "ligne",
                    "emplacement",
                    "statut",
                    "formation",
                    "action",
                    "session",
                    "motifs",
                    "avertissements",
                ]
            )
            for line in report.lines:
                writer.writerow(
                    [line.number, line.where, line.status.label if line.status else "", line.formation_ref,
                     line.action_ref, line.session_ref, " ".join(line.reasons), " ".join(line.warnings)]
                )  # fmt: skip
