"""manage.py digest_send --month YYYY-MM [--wait]: start sending an approved edition now.

The audience is fixed and the batches queued at once; Celery workers on the `digest` queue send them. With
--wait the command shows a progress bar on stderr until the edition is sent (or paused or cancelled).
Exit code 0 when started (and, with --wait, sent); 1 otherwise.
"""

import argparse
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format

from newsletter.management.commands._digest_args import month_argument
from newsletter.models import Delivery, Edition
from newsletter.services import digest_send_start
from newsletter.services.digest.delivery import delivery_counts

BAR_WIDTH = 30
FINISHED = set(Delivery.Status.values) - set(Delivery.OPEN)


def progress_line(counts: dict[str, int]) -> str:
    """'[#########.....]  60% 600/1000 klaar (verzonden 590, overgeslagen 10)'"""
    total = sum(counts.values())
    done = sum(count for status, count in counts.items() if status in FINISHED)
    share = done / total if total else 1.0
    bar = "#" * round(share * BAR_WIDTH)
    detail = ", ".join(f"{Delivery.Status(status).label.lower()} {count}" for status, count in counts.items() if count)
    return f"[{bar:<{BAR_WIDTH}}] {share:4.0%} {done}/{total} klaar ({detail})"


class Command(BaseCommand):
    help = "Verstuur de goedgekeurde nieuwsbrief van een maand nu (met --wait: wacht tot alles verstuurd is)."

    def add_arguments(self, parser):
        parser.add_argument("--month", type=month_argument, required=True, help="de maand, als JJJJ-MM")
        parser.add_argument("--wait", action="store_true", help="wacht tot het verzenden klaar is en toon de voortgang")
        parser.add_argument("--interval", type=float, default=1.0, help=argparse.SUPPRESS)

    def handle(self, *args, month, wait, interval, **options):
        edition = Edition.objects.filter(month=month).first()
        if edition is None:
            raise CommandError(f"Er is geen editie van {date_format(month, 'F Y')}.")
        if edition.status == Edition.Status.APPROVED:
            digest_send_start(edition_id=edition.pk)
            self.stdout.write(self.style.SUCCESS(f"{edition}: verzenden is begonnen."))
        elif edition.status in {Edition.Status.SENDING, Edition.Status.PAUSED, Edition.Status.SENT}:
            self.stdout.write(f"{edition} is al {edition.get_status_display().lower()}.")
        else:
            raise CommandError(f"{edition} is {edition.get_status_display().lower()}: keur haar eerst goed.")
        if wait:
            self._wait(edition.pk, interval)

    def _wait(self, edition_id: int, interval: float) -> None:
        while True:
            edition = Edition.objects.get(pk=edition_id)
            sys.stderr.write("\r" + progress_line(delivery_counts(edition_id=edition_id)))
            sys.stderr.flush()
            if edition.status != Edition.Status.SENDING:
                break
            time.sleep(interval)
        sys.stderr.write("\n")
        if edition.status == Edition.Status.SENT:
            self.stdout.write(self.style.SUCCESS(f"{edition} is verzonden."))
            return
        reason = f" ({edition.pause_reason})" if edition.pause_reason else ""
        raise CommandError(f"{edition} is {edition.get_status_display().lower()}{reason}.")
