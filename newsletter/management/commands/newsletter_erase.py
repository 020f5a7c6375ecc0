"""manage.py newsletter_erase ADDRESS: remove an address and everything about it (GDPR art. 17)."""

from django.core.management.base import BaseCommand

from newsletter.models import Source
from newsletter.services.privacy import subscriber_erase_address


class Command(BaseCommand):
    help = "Verwijder een e-mailadres en alle gegevens die erbij horen uit de nieuwsbrief."

    def add_arguments(self, parser):
        parser.add_argument("address", help="het e-mailadres dat weg moet")

    def handle(self, *args, address, **options):
        if subscriber_erase_address(email=address, source=Source.ADMIN):
            self.stdout.write(self.style.SUCCESS("Alle gegevens van dit adres zijn verwijderd."))
        else:
            self.stdout.write("Er waren geen gegevens van dit adres opgeslagen. Er is niets veranderd.")
