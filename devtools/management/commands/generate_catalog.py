"""manage.py generate_catalog --seed 42 --scale 1 [--replace] [--today YYYY-MM-DD]"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from devtools.demo.catalog_generator import delete_generated, generate


class Command(BaseCommand):
    help = (
        "Génère un catalogue de démonstration fictif et reproductible (organismes, formations, actions, "
        "sessions) ; --scale 50 donne 200 000 formations et environ 1 000 000 de sessions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=42, help="graine du générateur (défaut : 42)")
        parser.add_argument("--scale", type=float, default=1.0, help="échelle (1 : ≈ 4 000 formations)")
        parser.add_argument("--replace", action="store_true", help="supprime d'abord le catalogue généré")
        parser.add_argument("--today", type=date.fromisoformat, default=None, help="date de référence")

    def handle(self, *args, seed: int, scale: float, replace: bool, today: date | None, **options):
        if not 0 < scale <= 100:
            raise CommandError("--scale doit être compris entre 0 (exclu) et 100.")
        if replace:
            delete_generated()
            self.stdout.write("Catalogue généré précédent supprimé.")
        try:
            report = generate(seed=seed, scale=scale, today=today, stdout=self.stdout)
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(report.render()))
