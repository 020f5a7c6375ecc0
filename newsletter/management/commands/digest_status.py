"""manage.py digest_status --month YYYY-MM [--json]: how far the sending of an edition is.

For people: the status, the reason of a pause, and the number of deliveries per status. With --json one
object: {"edition", "status", "counts", "variants", "renders", "msgs_per_s", "queries_per_batch"}.
`renders` (variants rendered by all workers together) and `queries_per_batch` (the last batch's Django queries)
come from the cache the workers write to; null when it is not shared (no Redis).
"""

import json

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Max, Min
from django.utils.formats import date_format

from newsletter.management.commands._digest_args import month_argument
from newsletter.management.commands.digest_send import progress_line
from newsletter.models import Delivery, Edition
from newsletter.services.digest.delivery import delivery_counts


def send_rate(edition: Edition) -> float | None:
    """Messages per second between the first and the last one sent; None before two were sent."""
    span = Delivery.objects.filter(edition=edition, status=Delivery.Status.SENT).aggregate(
        first=Min("sent_at"), last=Max("sent_at"), n=Count("pk")
    )
    if span["n"] < 2 or span["last"] <= span["first"]:
        return None
    return round((span["n"] - 1) / (span["last"] - span["first"]).total_seconds(), 1)


def status_data(edition: Edition) -> dict:
    counts = delivery_counts(edition_id=edition.pk) if edition.started_at else {}
    if not any(counts.values()) and edition.counts:
        counts = edition.counts  # the rows are gone after the retention period; the counts stay
    return {
        "edition": edition.slug,
        "status": edition.status,
        "pause_reason": edition.pause_reason,
        "counts": counts,
        "variants": cache.get(f"digest:{edition.pk}:variants"),
        "renders": cache.get(f"digest:{edition.pk}:renders"),
        "msgs_per_s": send_rate(edition),
        "queries_per_batch": cache.get(f"digest:{edition.pk}:queries_per_batch"),
    }


class Command(BaseCommand):
    help = "Toon hoe ver het verzenden van de nieuwsbrief van een maand is."

    def add_arguments(self, parser):
        parser.add_argument("--month", type=month_argument, required=True, help="de maand, als JJJJ-MM")
        parser.add_argument("--json", action="store_true", help="als één JSON-object (voor scripts)")

    def handle(self, *args, month, json: bool, **options):
        edition = Edition.objects.filter(month=month).first()
        if edition is None:
            raise CommandError(f"Er is geen editie van {date_format(month, 'F Y')}.")
        data = status_data(edition)
        if json:
            self.stdout.write(_dumps(data))
            return
        self.stdout.write(f"{edition}: {edition.get_status_display().lower()}")
        if edition.pause_reason:
            self.stdout.write(f"Reden van de pauze: {edition.pause_reason}")
        if data["counts"]:
            self.stdout.write(progress_line(data["counts"]))
        if data["msgs_per_s"]:
            self.stdout.write(f"Snelheid: {data['msgs_per_s']} berichten per seconde")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
