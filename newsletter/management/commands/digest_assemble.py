"""manage.py digest_assemble [--month YYYY-MM]: create or refresh the draft edition of a month.

Exit code 0 when the edition was created or refreshed, and also when there is nothing to do (an approved or
sent edition, or a month without articles: the message says which); 1 for an invalid argument.
"""

from django.core.management.base import BaseCommand

from newsletter.management.commands._digest_args import month_argument
from newsletter.services import Outcome, digest_assemble


class Command(BaseCommand):
    help = (
        "Stel de nieuwsbrief van een maand samen uit de artikelen van die maand, of ververs het concept. "
        "Uw wijzigingen in een concept blijven bewaard; een goedgekeurde of verzonden editie verandert niet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--month", type=month_argument, default=None, help="de maand, als JJJJ-MM (standaard: vorige maand)"
        )

    def handle(self, *args, month, **options):
        result = digest_assemble(month=month)
        style = self.style.SUCCESS if result.outcome in {Outcome.CREATED, Outcome.REFRESHED} else self.style.WARNING
        self.stdout.write(style(result.message))
