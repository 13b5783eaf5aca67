"""Demo data for `make run`: idempotent; each capability adds its own part through DEMO_LOADERS."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Charge les données de démonstration (idempotent) ; --list affiche les comptes de démonstration."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Affiche les comptes sans rien charger.")

    def handle(self, *args, list=False, **options):
        loaders = [_load(dotted) for dotted in settings.DEMO_LOADERS]
        if list:
            lines = ["Comptes de démonstration :"]
            for loader in loaders:
                lines.extend(f"  {line}" for line in loader.accounts())
            self.stdout.write("\n".join(lines))
            return
        for loader in loaders:
            summary = loader.load()
            self.stdout.write(f"  {summary}")


def _load(dotted: str):
    return import_module(dotted)
