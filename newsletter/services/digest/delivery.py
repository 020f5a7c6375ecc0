"""Delivery of a started edition to every subscriber: the ledger is the truth, the queue only carries ids.

`digest_send_start` (workflow.py) calls `deliveries_create` inside its transaction (the audience is fixed
there) and `deliveries_enqueue` after commit. A worker runs `deliveries_send_batch` per task: it claims the
open rows of its ids with SELECT ... FOR UPDATE SKIP LOCKED, re-checks each subscriber, sends over one
connection (newsletter.services.digest.sender) and records each outcome right after the server's reply.
`deliveries_sweep` (beat, `manage.py digest_sweep`) takes back rows of dead workers, re-queues rows that
lost their task, and marks the edition sent when nothing is open.

Duplicates: only a message whose server reply (250) came and whose outcome had not reached PostgreSQL when
the worker died can go twice. A redelivered task or a sweep finds the row sent or claimed and sends nothing.
"""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from newsletter.models import Delivery, Edition, EditionEvent
from newsletter.services.digest.events import edition_event_record
from newsletter.tasks import digest_batch_send_task

logger = logging.getLogger(__name__)

Status = Delivery.Status


def due(now: datetime.datetime) -> Q:
    """Rows that may be tried now: never deferred, or deferred until a moment that has passed."""
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def batch_size() -> int:
    return max(1, _setting("DIGEST_BATCH_SIZE", 250))


_AUDIENCE_SQL = """
INSERT INTO {delivery}
    (edition_id, subscriber_id, status, attempts, claimed_by, message_id, reason, updated_at, queued_at)
SELECT %s, s.id, %s, 0, '', '', '', %s, %s FROM {subscriber} s
WHERE s.status = %s AND s.email IS NOT NULL AND (s.paused_until IS NULL OR s.paused_until <= %s)
ON CONFLICT (edition_id, subscriber_id) DO NOTHING
"""


def deliveries_create(*, edition: Edition) -> int:
    """Fix the audience: one delivery row per subscriber who gets this edition; return how many were created.

    One INSERT ... SELECT inside the transaction that locked the edition and set it to 'verzenden': confirmed,
    not paused, not bounced or unsubscribed. Idempotent (ON CONFLICT on the unique edition and subscriber).
    The rows carry queued_at already: the caller queues them right after commit with `already_marked=True`
    (one write per row instead of two); if that never happens, the sweeper queues them once they are stale.
    """
    from newsletter.models import Subscriber

    sql = _AUDIENCE_SQL.format(
        delivery=connection.ops.quote_name(Delivery._meta.db_table),
        subscriber=connection.ops.quote_name(Subscriber._meta.db_table),
    )
    now = timezone.now()
    params = [edition.pk, Status.PENDING, now, now, Subscriber.Status.CONFIRMED, timezone.localdate()]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        created = cursor.rowcount
    logger.info("Edition %s: %d deliveries created", edition.slug, created)
    return created


def deliveries_enqueue(
    *, edition_id: int, stale_before: datetime.datetime | None = None, already_marked: bool = False
) -> int:
    """Queue tasks for the due open rows of an edition (pending, or deferred and due); return how many tasks.

    `stale_before`: only rows never queued or last queued before that moment (the sweeper). Each task
    carries up to DIGEST_BATCH_SIZE ids; queued_at is set per batch before it is published, unless
    `already_marked` (the send start: `deliveries_create` wrote it). A broker failure clears it either way.
    """
    if not Edition.objects.filter(pk=edition_id, status=Edition.Status.SENDING).exists():
        return 0
    rows = Delivery.objects.filter(edition_id=edition_id, status__in=[Status.PENDING, Status.DEFERRED])
    rows = rows.filter(due(timezone.now()))
    if stale_before is not None:
        rows = rows.filter(Q(queued_at__isnull=True) | Q(queued_at__lt=stale_before))
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    size = batch_size()
    tasks = 0
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        if not already_marked:
            Delivery.objects.filter(pk__in=chunk).update(queued_at=timezone.now())
        try:
            digest_batch_send_task.delay(edition_id, chunk)
        except Exception:
            # The broker is down: the start (or sweep) itself stands; the next sweep queues these rows.
            logger.exception("Edition %s: queueing a batch failed; the sweeper will retry", edition_id)
            Delivery.objects.filter(pk__in=ids[start:]).update(queued_at=None)
            break
        tasks += 1
    if tasks:
        logger.info("Edition %s: %d deliveries queued in %d task(s)", edition_id, len(ids), tasks)
    return tasks


def delivery_counts(*, edition_id: int) -> dict[str, int]:
    """The number of delivery rows per status (every status present, zero included)."""
    found = dict(
        Delivery.objects.filter(edition_id=edition_id).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return {status: found.get(status, 0) for status in Status.values}


def edition_finish_if_done(*, edition_id: int) -> bool:
    """Mark a sending edition sent once no row is open: finished_at, counts, a SENT event. Idempotent."""
    if Delivery.objects.filter(edition_id=edition_id, status__in=Delivery.OPEN).exists():
        return False
    with transaction.atomic():
        edition = Edition.objects.select_for_update().filter(pk=edition_id).first()
        if edition is None or edition.status != Edition.Status.SENDING:
            return False
        if Delivery.objects.filter(edition_id=edition_id, status__in=Delivery.OPEN).exists():
            return False
        counts = delivery_counts(edition_id=edition_id)
        edition.status, edition.finished_at, edition.counts = Edition.Status.SENT, timezone.now(), counts
        edition.save(update_fields=["status", "finished_at", "counts", "updated_at"])
        detail = ", ".join(f"{status}: {count}" for status, count in counts.items() if count)
        edition_event_record(edition=edition, action=EditionEvent.Action.SENT, detail=detail)
    logger.info("Edition %s: sending finished (%s)", edition.slug, detail)
    return True


def deliveries_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Take back rows claimed too long ago, re-queue due rows without a recent task, finish done editions.

    Idempotent; run by beat every few minutes and by `manage.py digest_sweep`. Returns what it did.
    """
    now = now or timezone.now()
    claim_limit = now - datetime.timedelta(seconds=_setting("DIGEST_CLAIM_TIMEOUT_SECONDS", 330))
    stale = now - datetime.timedelta(seconds=_setting("DIGEST_REQUEUE_SECONDS", 600))
    result = {"released": 0, "tasks": 0, "finished": 0}
    for edition_id in Edition.objects.filter(status=Edition.Status.SENDING).values_list("pk", flat=True):
        result["released"] += Delivery.objects.filter(
            edition_id=edition_id, status=Status.CLAIMED, claimed_at__lt=claim_limit
        ).update(status=Status.PENDING, claimed_at=None, claimed_by="", queued_at=None, updated_at=now)
        result["tasks"] += deliveries_enqueue(edition_id=edition_id, stale_before=stale)
        result["finished"] += edition_finish_if_done(edition_id=edition_id)
    if any(result.values()):
        logger.info("Digest sweep: %s", result)
    return result
