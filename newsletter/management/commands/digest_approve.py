"""manage.py digest_approve --month YYYY-MM [--send-at ISO]: approve a draft edition and plan its sending.

Without --send-at the edition is sent now (the periodic start picks it up within a minute). Exit code 0 when
approved; 1 when it cannot be (no such edition, not a draft, an article no longer visible, a moment in the past).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import date_format

from newsletter.management.commands._digest_args import moment_argument, month_argument
from newsletter.models import Edition
from newsletter.services import digest_approve


class Command(BaseCommand):
    help = "Keur de nieuwsbrief van een maand goed en verstuur hem nu of op een gekozen moment."

    def add_arguments(self, parser):
        parser.add_argument("--month", type=month_argument, required=True, help="de maand, als JJJJ-MM")
        parser.add_argument(
            "--send-at",
            type=moment_argument,
            default=None,
            help="verzenden op dit moment, bijvoorbeeld 2027-04-01T09:00 (Nederlandse tijd); standaard: nu",
        )

    def handle(self, *args, month, send_at, **options):
        edition = Edition.objects.filter(month=month).first()
        if edition is None:
            raise CommandError(f"Er is geen editie van {date_format(month, 'F Y')}. Maak haar met digest_assemble.")
        try:
            edition = digest_approve(edition=edition, send_at=send_at)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        when = date_format(timezone.localtime(edition.send_at), "j F Y H:i")
        self.stdout.write(self.style.SUCCESS(f"{edition} is goedgekeurd en wordt verzonden op {when}."))
