"""Load the demo's sample content: articles, documents, contact points and quick links (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import sample_content_load


class Command(BaseCommand):
    help = "Laad voorbeeldinhoud voor de demo. Opnieuw draaien maakt niets dubbel."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Verwijder eerst de voorbeeldinhoud en laad die opnieuw (met verse datums)",
        )
        parser.add_argument("--force", action="store_true", help="Ook uitvoeren als DJANGO_ENV=production")

    def handle(self, *args, reset, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Dit is een productieomgeving. Voorbeeldinhoud laden kan alleen met --force.")
        report = sample_content_load(reset=reset)
        for kind in sorted(set(report.created) | set(report.skipped)):
            self.stdout.write(f"{kind}: {report.created[kind]} aangemaakt, {report.skipped[kind]} bestonden al")
        self.stdout.write(self.style.SUCCESS("Voorbeeldinhoud geladen."))
