"""How far the delivery of an edition is: the numbers behind the admin's progress page and its JSON.

Four queries whatever the size of the audience: counts per status (split by 'alle thema's'), counts per
theme, the recent sending rate, the last errors. After the retention period the delivery rows are gone and
the counts come from `Edition.counts` (kept by the retention job).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q
from django.utils import timezone

from newsletter.models import Delivery, Edition

# The rate is measured over the messages sent in this last stretch of time.
RATE_WINDOW = datetime.timedelta(seconds=60)
ERROR_LIMIT = 10
ERROR_STATUSES = (Delivery.Status.DEFERRED, Delivery.Status.BOUNCED, Delivery.Status.FAILED)
# An SMTP answer may quote the recipient; the reason field should never hold one, this is the second line.
ADDRESS_RE = re.compile(r"<?[^\s<>@]+@[^\s<>@]+>?")


@dataclass(frozen=True)
class ThemeCount:
    name: str
    total: int
    sent: int
    done: int


@dataclass(frozen=True)
class DeliveryError:
    at: datetime.datetime
    status: str
    status_label: str
    reason: str


@dataclass
class DeliveryProgress:
    counts: dict[str, int]
    themes: list[ThemeCount] = field(default_factory=list)
    all_themes: ThemeCount | None = None
    rate: float = 0.0  # messages sent per second, over RATE_WINDOW
    errors: list[DeliveryError] = field(default_factory=list)
    # True once the rows were deleted after the retention period: only the counts remain.
    from_retention: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def open(self) -> int:
        return sum(self.counts.get(status, 0) for status in Delivery.OPEN)

    @property
    def done(self) -> int:
        return self.total - self.open

    @property
    def percent(self) -> int:
        return (100 * self.done // self.total) if self.total else 0

    @property
    def eta_seconds(self) -> int | None:
        """Seconds until the open rows are done at the current rate; None when nothing is moving."""
        if not self.open or self.rate <= 0:
            return None
        return round(self.open / self.rate)


def _redact(reason: str) -> str:
    return ADDRESS_RE.sub("[adres]", reason)


def _status_counts(deliveries) -> tuple[dict[str, int], ThemeCount | None]:
    counts = dict.fromkeys(Delivery.Status.values, 0)
    everything = {"total": 0, "sent": 0, "done": 0}
    rows = deliveries.values("status", "subscriber__all_themes").annotate(n=Count("id")).order_by()
    for row in rows:
        status, n = row["status"], row["n"]
        counts[status] = counts.get(status, 0) + n
        if row["subscriber__all_themes"]:
            everything["total"] += n
            everything["sent"] += n if status == Delivery.Status.SENT else 0
            everything["done"] += n if status not in Delivery.OPEN else 0
    return counts, (ThemeCount(name="", **everything) if everything["total"] else None)


def _theme_counts(deliveries) -> list[ThemeCount]:
    """Per chosen theme (the subscriber's themes now): a subscriber with three themes counts in all three."""
    rows = (
        deliveries.filter(subscriber__all_themes=False, subscriber__themes__isnull=False)
        .values("subscriber__themes__name", "subscriber__themes__order")
        .annotate(
            total=Count("id"),
            sent=Count("id", filter=Q(status=Delivery.Status.SENT)),
            done=Count("id", filter=~Q(status__in=Delivery.OPEN)),
        )
        .order_by("subscriber__themes__order", "subscriber__themes__name")
    )
    return [
        ThemeCount(name=row["subscriber__themes__name"], total=row["total"], sent=row["sent"], done=row["done"])
        for row in rows
    ]


def _rate(deliveries, edition: Edition, now: datetime.datetime) -> float:
    since = now - RATE_WINDOW
    recent = deliveries.filter(status=Delivery.Status.SENT, sent_at__gt=since).aggregate(
        n=Count("id"), first=Min("sent_at")
    )
    if not recent["n"]:
        return 0.0
    # A send that began less than a window ago is measured from its first message, not over the whole window.
    start = max(since, min(recent["first"], edition.started_at or recent["first"]))
    seconds = max((now - start).total_seconds(), 1.0)
    return round(recent["n"] / seconds, 1)


def _errors(deliveries) -> list[DeliveryError]:
    rows = (
        deliveries.filter(status__in=ERROR_STATUSES)
        .exclude(reason="")
        .order_by("-updated_at", "-id")
        .values("status", "reason", "updated_at")[:ERROR_LIMIT]
    )
    labels = dict(Delivery.Status.choices)
    return [
        DeliveryError(
            at=row["updated_at"],
            status=row["status"],
            status_label=str(labels[row["status"]]),
            reason=_redact(row["reason"]),
        )
        for row in rows
    ]


def delivery_progress(*, edition: Edition, now: datetime.datetime | None = None) -> DeliveryProgress:
    """Return the counts per status and per theme, the rate, the time left and the last errors (no addresses)."""
    now = now or timezone.now()
    deliveries = Delivery.objects.filter(edition=edition)
    counts, all_themes = _status_counts(deliveries)
    if not any(counts.values()) and edition.counts:
        kept = {status: int(edition.counts.get(status, 0)) for status in Delivery.Status.values}
        return DeliveryProgress(counts=kept, from_retention=True)
    return DeliveryProgress(
        counts=counts,
        themes=_theme_counts(deliveries),
        all_themes=all_themes,
        rate=_rate(deliveries, edition, now),
        errors=_errors(deliveries),
    )


def delivery_progress_data(*, progress: DeliveryProgress, edition: Edition) -> dict:
    """Return the progress as JSON-ready data for the admin page's script."""
    labels = dict(Delivery.Status.choices)
    return {
        "edition": {"status": edition.status, "status_label": str(edition.get_status_display())},
        "pause_reason": edition.pause_reason,
        "counts": progress.counts,
        "count_labels": {status: str(label) for status, label in labels.items()},
        "total": progress.total,
        "done": progress.done,
        "open": progress.open,
        "percent": progress.percent,
        "rate": progress.rate,
        "eta_seconds": progress.eta_seconds,
        "themes": [vars(theme) for theme in progress.themes],
        "all_themes": vars(progress.all_themes) if progress.all_themes else None,
        "errors": [
            {"at": error.at.isoformat(), "status": error.status_label, "reason": error.reason}
            for error in progress.errors
        ],
    }
