"""One worker task's batch of deliveries: claim, re-check, send over one connection, record each outcome.

The Django queries of a batch do not grow with its size (edition, claim, subscribers and their themes, the
skips, the end check); each outcome is one UPDATE on a separate autocommit connection (`OutcomeLog`) right
after the server's reply, with `synchronous_commit = off`: a PostgreSQL crash (not a worker kill) may lose
the last outcomes of that moment, and the sweeper sends those rows again.
"""

import collections
import datetime
import logging
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import Theme
from newsletter.models import Delivery, Edition, Subscriber
from newsletter.services.digest.claim import deliveries_claim
from newsletter.services.digest.delivery import due, edition_finish_if_done
from newsletter.services.digest.render import EditionRenderer, digest_personal_parts
from newsletter.services.digest.sender import Attempt, SenderUnavailable, sender_open
from newsletter.services.digest.throttle import rate_limiter
from newsletter.services.mail import MailOutcome

logger = logging.getLogger(__name__)

Status = Delivery.Status
AUTO_PAUSE_WINDOW = 20  # the last attempts looked at; more than half deferred pauses the send
RETRY_MAX_SECONDS = 3600


def empty_reason() -> str:
    return _("geen artikelen voor uw thema's")


@dataclass
class BatchReport:
    claimed: int = 0
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    released: int = 0
    renders: int = 0
    variants: int = 0  # the variants this process has rendered for the edition so far
    queries: int = 0  # Django queries of the batch (outcome UPDATEs not included: `outcome_writes`)
    outcome_writes: int = 0
    stopped: str = ""
    done: set[int] = field(default_factory=set)
    bounced: list[int] = field(default_factory=list)  # subscriber ids
    deferred: list[int] = field(default_factory=list)  # delivery ids


_renderers: dict[tuple, EditionRenderer] = {}


def _renderer(edition: Edition) -> EditionRenderer:
    """One renderer per edition and approval per process, in front of the variants stored in the database:
    each variant is rendered once per edition across all worker processes (variants.py), and read from the
    database at most once per process."""
    key = (edition.pk, edition.approved_at)
    renderer = _renderers.get(key)
    if renderer is None:
        _renderers.clear()
        renderer = _renderers[key] = EditionRenderer(edition, stored=True)
    return renderer


class OutcomeLog:
    """Writes each outcome at once: on PostgreSQL through its own autocommit connection, elsewhere the ORM.

    On PostgreSQL the connection is in libpq's pipeline mode: each UPDATE goes on the wire right after the SMTP
    reply, followed by its own sync (so PostgreSQL commits it on its own, as in autocommit), and the next
    message is sent without waiting for the database's answer; the answers are read as they come in and all
    of them before the batch ends. A statement on the wire is executed and committed by PostgreSQL even when
    the worker is killed a moment later, so a kill can still double only the message whose reply had come and
    whose UPDATE had not yet been sent.
    """

    SQL = (
        "UPDATE {table} SET status = $1, attempts = $2, sent_at = $3, message_id = $4, reason = $5, "
        "next_attempt_at = $6, claimed_at = NULL, claimed_by = '', updated_at = $7 WHERE id = $8 AND status = $9"
    )
    _FIELDS = ("status", "attempts", "sent_at", "message_id", "reason", "next_attempt_at")
    _DEFAULTS = ("", 0, None, "", "", None)
    # One connection per worker thread (a threads pool must not interleave pipelines on one connection), and the
    # statements on it whose answer has not been read yet.
    _local = threading.local()
    # Unanswered outcome writes allowed before the next mail waits for them: if PostgreSQL stalls, at most this
    # many sent mails lack a committed outcome (the sweeper would send them again). Writes already on the wire
    # still commit when the worker is killed. 4 cost a quarter of the throughput (waits on normal answers); 64
    # only waits when PostgreSQL really falls behind.
    MAX_UNANSWERED = 64

    def __init__(self):
        self.sql = self.SQL.format(table=connection.ops.quote_name(Delivery._meta.db_table)).encode()
        self.count = 0
        self.postgresql = connection.vendor == "postgresql"

    @property
    def _pending(self) -> int:
        return getattr(self._local, "pending", 0)

    @_pending.setter
    def _pending(self, value: int) -> None:
        self._local.pending = value

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            import psycopg

            params = {k: v for k, v in connection.get_connection_params().items() if k != "cursor_factory"}
            conn = self._local.conn = psycopg.connect(**params, autocommit=True)
            conn.execute("SET synchronous_commit = off")
            conn.pgconn.prepare(b"digest_outcome", self.sql)
            conn.pgconn.enter_pipeline_mode()
            self._pending = 0
        return conn

    @classmethod
    def close(cls) -> None:
        """Close this thread's outcome connection (after it failed; tests, before their database is dropped)."""
        conn = getattr(cls._local, "conn", None)
        if conn is not None:
            cls._local.conn = None
            conn.close()
        cls._local.pending = 0

    def write(self, row_id: int, **values) -> None:
        now = timezone.now()
        self.count += 1
        if not self.postgresql:
            Delivery.objects.filter(pk=row_id, status=Status.CLAIMED).update(
                **values, claimed_at=None, claimed_by="", updated_at=now
            )
            return
        get = values.get
        params = [get(name, default) for name, default in zip(self._FIELDS, self._DEFAULTS, strict=True)]
        self._send([*params, now, row_id, Status.CLAIMED])

    def _send(self, params: list) -> None:
        import psycopg

        encoded = [None if value is None else _text(value).encode() for value in params]
        try:
            pgconn = self._connection().pgconn
            pgconn.send_query_prepared(b"digest_outcome", encoded)
            pgconn.pipeline_sync()
            while pgconn.flush():  # 1: not all sent yet (a full socket buffer)
                pass
            self._pending += 1
            self._read(block=self._pending > self.MAX_UNANSWERED)
        except psycopg.Error as exc:  # libpq noticed the lost connection first (send, flush or consume_input)
            self._lost(exc)

    def finish(self) -> None:
        """Wait for every statement in flight and raise if one failed."""
        import psycopg

        if self.postgresql and self._pending:
            try:
                self._read(block=True)
            except psycopg.Error as exc:
                self._lost(exc)

    def _lost(self, cause: Exception | str):
        """The outcome connection failed: forget it (the next write opens a new one) and fail the batch, whose
        unanswered rows stay claimed for the sweeper."""
        self.close()
        error = RuntimeError(f"recording a delivery outcome failed: the database connection was lost ({cause})")
        raise error from (cause if isinstance(cause, Exception) else None)

    def _read(self, *, block: bool) -> None:
        """Read the answers that have come (all of them with `block`); raise if a statement failed."""
        from psycopg import pq

        pgconn, error = self._connection().pgconn, None
        while self._pending:
            if pgconn.status == pq.ConnStatus.BAD:  # lost: get_result() would return None forever
                self._lost("connection status BAD")
            if not block:
                pgconn.consume_input()
                if pgconn.is_busy():
                    break
            result = pgconn.get_result()
            if result is None:
                continue
            if result.status == pq.ExecStatus.PIPELINE_SYNC:
                self._pending -= 1
            elif result.status != pq.ExecStatus.COMMAND_OK:
                error = error or result.error_message.decode(errors="replace")
                block = True  # read the answers to the writes already sent before giving up on the connection
        if error:  # start the next batch on a new connection: this one may be dying (a terminated backend)
            self.close()
            raise RuntimeError(f"recording a delivery outcome failed: {error}")


def _text(value) -> str:
    return value.isoformat() if isinstance(value, datetime.datetime) else str(value)


def _retry_at(attempts: int, now: datetime.datetime) -> datetime.datetime:
    base = int(getattr(settings, "DIGEST_RETRY_SECONDS", 60))
    return now + datetime.timedelta(seconds=min(RETRY_MAX_SECONDS, base * 2 ** max(0, attempts - 1)))


def _outcome_values(row: Delivery, attempt: Attempt, message_id: str) -> dict:
    now = timezone.now()
    attempts = row.attempts + 1
    if attempt.outcome is MailOutcome.SENT:
        return {"status": Status.SENT, "attempts": attempts, "sent_at": now, "message_id": message_id}
    if attempt.outcome is MailOutcome.BOUNCED:
        return {"status": Status.BOUNCED, "attempts": attempts, "reason": attempt.reply}
    if attempts >= int(getattr(settings, "DIGEST_MAX_ATTEMPTS", 6)):
        return {"status": Status.FAILED, "attempts": attempts, "reason": attempt.reply}
    next_at = _retry_at(attempts, now)
    return {"status": Status.DEFERRED, "attempts": attempts, "reason": attempt.reply, "next_attempt_at": next_at}


def _skip_reason(subscriber: Subscriber | None) -> str:
    """Why an audience member no longer gets the edition ('' = still subscribed)."""
    if subscriber is None or subscriber.email is None:
        return _("abonnee verwijderd")
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return _("afgemeld tijdens het verzenden")
    if subscriber.status == Subscriber.Status.BOUNCED:
        return _("adres onbestelbaar")
    if subscriber.status != Subscriber.Status.CONFIRMED or subscriber.is_paused:
        return _("abonnement gepauzeerd")
    return ""


# What the batch reads of a subscriber: the re-check (_skip_reason), the variant, the personal parts.
_SUBSCRIBER_FIELDS = ("pk", "email", "status", "paused_until", "all_themes", "token_version")


def _claim(edition_id: int, ids: list[int], worker: str) -> tuple[list[Delivery], dict[int, Subscriber], dict]:
    """Claim the open, due rows among `ids` (skipping rows another worker holds) and read their subscribers
    and each subscriber's themes (subscriber id -> [Theme]). On PostgreSQL in one statement (claim.py)."""
    if connection.vendor == "postgresql":
        return deliveries_claim(edition_id=edition_id, ids=ids, worker=worker)
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=ids, edition_id=edition_id, status__in=[Status.PENDING, Status.DEFERRED])
            .filter(due(now))
            .only("pk", "subscriber_id", "attempts")
            .order_by("pk")
        )
        if not rows:
            return [], {}, {}
        Delivery.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=Status.CLAIMED, claimed_at=now, claimed_by=worker[:100], updated_at=now
        )
        # Read in the claim: an unsubscribe committed before this moment is seen, and nothing is sent to them.
        subscriber_ids = [row.subscriber_id for row in rows]
        subscribers = Subscriber.objects.filter(pk__in=subscriber_ids).only(*_SUBSCRIBER_FIELDS)
        return rows, {subscriber.pk: subscriber for subscriber in subscribers}, _themes_of(subscriber_ids)


def _themes_of(subscriber_ids: list[int]) -> dict[int, list[Theme]]:
    """The themes of each subscriber in one query, as light Theme objects (what the variant and the "why" line
    use); much cheaper than prefetch_related for a few hundred subscribers."""
    links = Subscriber.themes.through.objects.filter(subscriber_id__in=subscriber_ids).values_list(
        "subscriber_id", "theme_id", "theme__order", "theme__name", "theme__is_active"
    )
    themes: dict[int, Theme] = {}
    chosen = collections.defaultdict(list)
    for subscriber_id, theme_id, order, name, is_active in links:
        theme = themes.get(theme_id)
        if theme is None:
            theme = themes[theme_id] = Theme(pk=theme_id, order=order, name=name, is_active=is_active)
        chosen[subscriber_id].append(theme)
    return chosen


def _skip(rows_by_reason: dict[str, list[int]]) -> None:
    now = timezone.now()
    for reason, ids in rows_by_reason.items():
        Delivery.objects.filter(pk__in=ids, status=Status.CLAIMED).update(
            status=Status.SKIPPED, reason=reason, claimed_at=None, claimed_by="", updated_at=now
        )


def _release(ids: list[int], *, retry_at: datetime.datetime | None = None) -> int:
    """Give claimed rows back unsent (paused, stopped): pending again, optionally not before `retry_at`."""
    if not ids:
        return 0
    return Delivery.objects.filter(pk__in=ids, status=Status.CLAIMED).update(
        status=Status.PENDING, claimed_at=None, claimed_by="", queued_at=None, next_attempt_at=retry_at
    )


def _plan(rows: list[Delivery], subscribers: dict[int, Subscriber], themes_of: dict, renderer: EditionRenderer):
    """Split claimed rows into (row, subscriber, themes, variant) to send and the rows to skip, by reason."""
    work, skips = [], collections.defaultdict(list)
    for row in rows:
        subscriber = subscribers.get(row.subscriber_id)
        reason = _skip_reason(subscriber)
        variant = themes = None
        if not reason:
            themes = themes_of.get(subscriber.pk, [])
            variant = renderer.variant_for(all_themes=subscriber.all_themes, theme_ids=[theme.pk for theme in themes])
            reason = "" if variant is not None else empty_reason()
        if reason:
            skips[reason].append(row.pk)
        else:
            work.append((row, subscriber, themes, variant))
    return work, dict(skips)


class _Stop(Exception):
    def __init__(self, reason: str, *, pause: bool, retry: bool):
        super().__init__(reason)
        self.reason, self.pause, self.retry = reason, pause, retry


class _Built:
    """One message made ready: its personal parts and bytes, or the error making them raised (re-raised in turn)."""

    __slots__ = ("error", "parts", "raw")

    def __init__(self, edition: Edition, work_item: tuple):
        _row, subscriber, themes, variant = work_item
        self.parts = self.raw = self.error = None
        try:
            self.parts = digest_personal_parts(edition=edition, subscriber=subscriber, themes=themes)
            self.raw = variant.message_bytes(self.parts)
        except Exception as exc:  # raised when this message's turn comes, as if built then
            self.error = exc


class _Ahead:
    """Builds the next message while the SMTP server reads the current one (the sender calls it between writing
    a message and reading the reply): the worker's work per message then overlaps the server's."""

    __slots__ = ("built", "edition", "work_item")

    def __init__(self, edition: Edition, work_item: tuple | None):
        self.edition, self.work_item, self.built = edition, work_item, None

    def __call__(self) -> None:
        if self.built is None and self.work_item is not None:
            self.built = _Built(self.edition, self.work_item)

    def result(self) -> "_Built | None":
        self()
        return self.built


def _send_one(sender, work_item: tuple, built: _Built, ahead: _Ahead, log: OutcomeLog, report: BatchReport) -> Attempt:
    row, subscriber, _themes, _variant = work_item
    if built.error is not None:
        raise built.error
    next_item = ahead.work_item
    try:
        attempt = sender.send(subscriber.email, built.raw, next_item and next_item[1].email, while_waiting=ahead)
    except SenderUnavailable as exc:
        raise _Stop(exc.reason, pause=exc.permanent, retry=not exc.permanent) from None
    values = _outcome_values(row, attempt, built.parts.message_id)
    log.write(row.pk, **values)
    report.done.add(row.pk)
    report.outcomes[values["status"]] += 1
    if values["status"] == Status.BOUNCED:
        report.bounced.append(subscriber.pk)
    elif values["status"] == Status.DEFERRED:
        report.deferred.append(row.pk)
    return attempt


def _send_all(edition: Edition, work: list, report: BatchReport) -> None:
    """Send each message and record its outcome at once (in `report`).

    Raises _Stop, leaving the rows not yet sent claimed, when the sender is unavailable or more than half of
    the last AUTO_PAUSE_WINDOW attempts were deferred.
    """
    log, limiter = OutcomeLog(), rate_limiter()
    window: collections.deque[bool] = collections.deque(maxlen=AUTO_PAUSE_WINDOW)
    try:
        sender = sender_open()
    except SenderUnavailable as exc:
        raise _Stop(exc.reason, pause=exc.permanent, retry=not exc.permanent) from None
    try:
        built = _Built(edition, work[0])
        for index, work_item in enumerate(work, start=1):
            limiter.wait()
            ahead = _Ahead(edition, work[index] if index < len(work) else None)
            attempt = _send_one(sender, work_item, built, ahead, log, report)
            built = ahead.result()
            window.append(attempt.outcome is MailOutcome.DEFERRED)
            if len(window) == AUTO_PAUSE_WINDOW and sum(window) * 2 > AUTO_PAUSE_WINDOW:
                reason = _("%(count)d van de laatste %(window)d pogingen tijdelijk geweigerd (%(reply)s)") % {
                    "count": sum(window),
                    "window": AUTO_PAUSE_WINDOW,
                    "reply": attempt.reply,
                }
                raise _Stop(reason, pause=True, retry=False)
    finally:
        try:
            log.finish()
        finally:
            sender.close()  # also when an outcome write failed: no SMTP connection left open
        report.outcome_writes += log.count


def _stopped(edition: Edition, work: list, stop: _Stop, report: BatchReport) -> None:
    """Give the unsent rows back; pause the edition for a failure no retry will fix, or too many deferrals."""
    from newsletter.services.digest.control import digest_pause

    unsent = [row.pk for row, *_rest in work if row.pk not in report.done]
    retry_at = _retry_at(1, timezone.now()) if stop.retry else None
    report.released = _release(unsent, retry_at=retry_at)
    report.stopped = stop.reason
    logger.warning("Edition %s: batch stopped (%s), %d rows given back", edition.slug, stop.reason, report.released)
    if stop.pause:
        digest_pause(edition=edition, reason=stop.reason, automatic=True)


def _retry_later(edition_id: int, ids: list[int]) -> None:
    """Queue one task for the rows deferred in this batch, due when the last of them may be tried again."""
    from newsletter.tasks import digest_batch_send_task

    rows = Delivery.objects.filter(pk__in=ids, status=Status.DEFERRED)
    latest = max(rows.values_list("next_attempt_at", flat=True), default=None)
    if latest is None:
        return
    rows.update(queued_at=latest)
    delay = max(0.0, (latest - timezone.now()).total_seconds())
    digest_batch_send_task.apply_async((edition_id, ids), countdown=delay)


class _QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _metrics_store(edition_id: int, report: BatchReport) -> None:
    """What `digest_status` shows besides the counts: renders so far, the last batch's queries (best effort)."""
    try:
        if report.renders:
            cache.add(f"digest:{edition_id}:renders", 0, timeout=None)
            cache.incr(f"digest:{edition_id}:renders", report.renders)
        if report.variants > (cache.get(f"digest:{edition_id}:variants") or 0):
            cache.set(f"digest:{edition_id}:variants", report.variants, timeout=None)
        if report.claimed:
            cache.set(f"digest:{edition_id}:queries_per_batch", report.queries, timeout=None)
    except Exception:  # metrics must never stop a send
        logger.debug("digest metrics not stored", exc_info=True)


def _process(edition: Edition, delivery_ids: list[int], worker: str, report: BatchReport) -> None:
    from newsletter.services.subscriptions import subscription_bounce

    rows, subscribers, themes_of = _claim(edition.pk, delivery_ids, worker)
    report.claimed = len(rows)
    if not rows:
        return
    renderer = _renderer(edition)
    before = renderer.render_count
    work, skips = _plan(rows, subscribers, themes_of, renderer)
    report.renders, report.variants = renderer.render_count - before, renderer.variant_count
    _skip(skips)
    report.outcomes[Status.SKIPPED] += sum(map(len, skips.values()))
    if not work:
        return
    try:
        _send_all(edition, work, report)
    except _Stop as stop:
        _stopped(edition, work, stop, report)
    if report.bounced:
        subscription_bounce(subscriber_ids=report.bounced)
    if report.deferred:
        _retry_later(edition.pk, report.deferred)


def deliveries_send_batch(*, edition_id: int, delivery_ids: list[int], worker: str = "") -> BatchReport:
    """Send the open rows among `delivery_ids` of a sending edition; return what happened.

    Rows of an edition that is not sending (paused, cancelled) are left alone: resume or cancel deals with
    them. Idempotent: rows already finished or claimed by another worker are not touched.
    """
    report = BatchReport()
    counter = _QueryCounter()
    with connection.execute_wrapper(counter):
        edition = Edition.objects.filter(pk=edition_id).first()
        if edition is None or edition.status != Edition.Status.SENDING:
            report.stopped = "not sending"
            return report
        _process(edition, list(delivery_ids), worker, report)
        edition_finish_if_done(edition_id=edition_id)
    report.queries = counter.count
    _metrics_store(edition_id, report)
    logger.info(
        "Edition %s: batch of %d claimed %d: %s", edition.slug, len(delivery_ids), report.claimed, dict(report.outcomes)
    )
    return report
