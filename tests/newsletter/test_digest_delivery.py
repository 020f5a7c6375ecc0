"""Delivery of the digest, in the test process: audience, claim, outcomes, skips, queries per batch, sweeper,
control. The same services on real Celery workers: test_digest_delivery_worker.py.

Transactional: the outcomes are written through their own database connection, which sees only committed rows.
"""

import email
import email.policy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.models import Delivery, Edition, EditionEvent, Subscriber
from newsletter.services import digest_send_start, subscription_unsubscribe
from newsletter.services.digest import batch as batch_module
from newsletter.services.digest import delivery as delivery_module
from newsletter.services.digest.batch import deliveries_send_batch
from newsletter.services.digest.control import (
    deliveries_retry_failed,
    digest_pause,
    digest_resume,
    digest_send_cancel,
)
from newsletter.services.digest.delivery import deliveries_create, deliveries_sweep
from newsletter.services.digest.sender import sender_open
from newsletter.services.mail import MailOutcome
from tests.support import smtp_server
from tests.support.delivery import approved_edition, edition_status, subscribers_make
from tests.support.smtp_server import SmtpServer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _outcome_connection_closed():
    yield
    batch_module.OutcomeLog.close()


@pytest.fixture
def queued(monkeypatch):
    """The tasks the services put on the queue (no worker here: test_digest_delivery_worker.py has them)."""
    calls = []

    class Recorder:
        def delay(self, edition_id, ids):
            calls.append(list(ids))

        def apply_async(self, args, countdown=0):
            calls.append(list(args[1]))

    monkeypatch.setattr(delivery_module, "digest_batch_send_task", Recorder())
    monkeypatch.setattr("newsletter.tasks.digest_batch_send_task", Recorder())
    return calls


def _offer_pipelining(monkeypatch):
    """Make the test server announce PIPELINING (RFC 2920), as Postfix does; aiosmtpd reads pipelined commands."""
    original = smtp_server._Handler.handle_EHLO

    async def handle_ehlo(self, server, session, envelope, hostname, responses):
        responses = await original(self, server, session, envelope, hostname, responses)
        return [responses[0], "250-PIPELINING", *responses[1:]]

    monkeypatch.setattr(smtp_server._Handler, "handle_EHLO", handle_ehlo)


@pytest.fixture(params=["one-command-at-a-time", "pipelining"])
def smtp(request, settings, monkeypatch):
    """The local SMTP server, once without and once with PIPELINING (the sender then sends MAIL, RCPT, DATA
    in one write): every outcome must come out the same either way."""
    if request.param == "pipelining":
        _offer_pipelining(monkeypatch)
    server = SmtpServer().start()
    server.use(settings)
    yield server
    server.stop()


def _start(count=20, **kwargs):
    edition, themes, empty = approved_edition()
    subscribers = subscribers_make(count, themes, empty_theme=empty, **kwargs)
    assert digest_send_start(edition_id=edition.pk)
    return edition, subscribers


def _send_all(edition, queued):
    while queued:
        deliveries_send_batch(edition_id=edition.pk, delivery_ids=queued.pop(0), worker="test")


def _statuses(edition):
    return dict(Delivery.objects.filter(edition=edition).values_list("subscriber__email", "status"))


def test_a_send_mails_each_subscriber_once_with_their_themes(smtp, queued, settings):
    settings.DIGEST_BATCH_SIZE = 7
    paused = Subscriber(email="pauze@voorbeeld.nl", email_hash="x" * 64, consent_version=1)
    paused.confirmed_at, paused.paused_until = timezone.now(), timezone.localdate().replace(year=2099)
    paused.save()
    edition, subscribers = _start(20)

    assert Delivery.objects.filter(edition=edition).count() == 20  # the paused subscriber is not in the audience
    assert [len(ids) for ids in queued] == [7, 7, 6]
    _send_all(edition, queued)

    statuses = _statuses(edition)
    lonely = subscribers[1]
    assert statuses.pop(lonely.email) == Delivery.Status.SKIPPED
    assert Delivery.objects.get(subscriber=lonely).reason == "geen artikelen voor uw thema's"
    assert set(statuses.values()) == {Delivery.Status.SENT}
    assert sorted(smtp.accepted) == sorted(statuses) and smtp.duplicates() == 0
    for address, raw in smtp.raw:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        row = Delivery.objects.get(subscriber__email=address)
        assert message["To"] == address and message["Message-ID"] == row.message_id
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT and edition.finished_at is not None
    assert edition.counts["verzonden"] == 19 and edition.counts["overgeslagen"] == 1
    assert edition.events.filter(action=EditionEvent.Action.SENT).count() == 1


def test_two_starts_fix_one_audience(queued):
    edition, _subscribers = _start(5)
    assert deliveries_create(edition=edition) == 0
    assert not digest_send_start(edition_id=edition.pk)
    assert Delivery.objects.filter(edition=edition).count() == 5


def _variants_warm(edition):
    """Have this process's renderer hold every variant of the audience, as after the first batches of a send."""
    renderer = batch_module._renderer(Edition.objects.get(pk=edition.pk))
    for subscriber in Subscriber.objects.prefetch_related("themes"):
        renderer.variant_for(all_themes=subscriber.all_themes, theme_ids=[t.pk for t in subscriber.themes.all()])


def test_queries_per_batch_do_not_grow_with_its_size(smtp, queued, settings):
    if connection.vendor != "postgresql":
        pytest.skip("outcomes go through the ORM without PostgreSQL (embedded profile): one query each")
    settings.DIGEST_BATCH_SIZE = 1000
    edition, _subscribers = _start(521)  # one row stays open: the edition's end is not part of this batch
    (ids,) = queued
    deliveries_send_batch(edition_id=edition.pk, delivery_ids=ids[:10], worker="warm-up")
    _variants_warm(edition)  # a variant new to the process costs a few queries once (stored in the database)

    with CaptureQueriesContext(connection) as small:
        report_small = deliveries_send_batch(edition_id=edition.pk, delivery_ids=ids[10:20], worker="t")
    with CaptureQueriesContext(connection) as large:
        report_large = deliveries_send_batch(edition_id=edition.pk, delivery_ids=ids[20:520], worker="t")

    print(f"queries per batch: 10 -> {len(small)}, 500 -> {len(large)}")
    assert report_small.claimed == 10 and report_large.claimed == 500
    assert len(small) == len(large)
    assert report_large.queries == report_small.queries > 0  # what the worker stores for digest_status
    assert report_large.outcome_writes == sum(report_large.outcomes.values()) - report_large.outcomes["overgeslagen"]


def test_a_redelivered_batch_sends_nothing_twice(smtp, queued):
    edition, _subscribers = _start(6)
    (ids,) = queued
    deliveries_send_batch(edition_id=edition.pk, delivery_ids=ids, worker="a")
    again = deliveries_send_batch(edition_id=edition.pk, delivery_ids=ids, worker="b")
    assert again.claimed == 0 and smtp.total == 5 and smtp.duplicates() == 0


def test_a_batch_claims_only_its_own_ids_of_its_own_edition(smtp, queued):
    edition, _subscribers = _start(8)
    (ids,) = queued
    first, gap, last = ids[1], ids[3], ids[6]
    Delivery.objects.filter(pk=ids[4]).update(status=Delivery.Status.SENT, sent_at=timezone.now())
    later = timezone.now() + timezone.timedelta(hours=1)
    Delivery.objects.filter(pk=ids[5]).update(status=Delivery.Status.DEFERRED, next_attempt_at=later)
    report = deliveries_send_batch(edition_id=edition.pk, delivery_ids=[last, first, ids[4], ids[5]], worker="a")
    other = batch_module._claim(edition.pk + 1, [gap], "b")  # ids of another edition claim nothing

    statuses = dict(Delivery.objects.filter(edition=edition).values_list("pk", "status"))
    assert report.claimed == 2 and other == ([], {}, {})  # not the sent row, not the row deferred until later
    assert {statuses[first], statuses[last]} <= {Delivery.Status.SENT, Delivery.Status.SKIPPED}
    assert statuses[gap] == statuses[ids[0]] == Delivery.Status.PENDING and statuses[ids[5]] == Delivery.Status.DEFERRED
    assert Delivery.objects.get(pk=ids[4]).attempts == 0


def test_unsubscribed_before_the_claim_gets_nothing(smtp, queued):
    edition, subscribers = _start(6)
    gone = subscribers[2]
    subscription_unsubscribe(subscriber=gone, source="voorkeuren")
    _send_all(edition, queued)
    row = Delivery.objects.get(subscriber=gone)
    assert row.status == Delivery.Status.SKIPPED and row.reason == "afgemeld tijdens het verzenden"
    assert gone.email not in smtp.accepted


def test_temporary_refusals_are_retried_and_permanent_ones_bounce_once(smtp, queued, settings):
    settings.DIGEST_RETRY_SECONDS = 0
    edition, subscribers = _start(10)
    smtp.greylist = {subscribers[0].email, subscribers[3].email}
    smtp.refuse[subscribers[4].email] = "550 5.1.1 No such user"
    _send_all(edition, queued)  # the deferred rows are queued again at once (no delay in this test)

    statuses = _statuses(edition)
    assert statuses[subscribers[0].email] == statuses[subscribers[3].email] == Delivery.Status.SENT
    assert Delivery.objects.get(subscriber=subscribers[0]).attempts == 2
    bounced = Delivery.objects.get(subscriber=subscribers[4])
    assert bounced.status == Delivery.Status.BOUNCED and bounced.attempts == 1 and bounced.reason.startswith("550")
    assert Subscriber.objects.get(pk=subscribers[4].pk).status == Subscriber.Status.BOUNCED
    assert smtp.rcpt_replies["550"] == 1 and smtp.duplicates() == 0


def test_failed_after_the_last_attempt_and_retried_by_the_editor(smtp, queued, settings):
    settings.DIGEST_RETRY_SECONDS, settings.DIGEST_MAX_ATTEMPTS = 0, 2
    edition, subscribers = _start(4)
    smtp.refuse[subscribers[0].email] = "452 4.2.2 Mailbox full"
    _send_all(edition, queued)
    failed = Delivery.objects.get(subscriber=subscribers[0])
    assert failed.status == Delivery.Status.FAILED and failed.attempts == 2
    assert edition_status(edition) == Edition.Status.SENT

    del smtp.refuse[subscribers[0].email]
    assert deliveries_retry_failed(edition=edition) == 1
    assert deliveries_retry_failed(edition=edition) == 0
    _send_all(edition, queued)
    assert Delivery.objects.get(subscriber=subscribers[0]).status == Delivery.Status.SENT
    assert edition_status(edition) == Edition.Status.SENT


def test_an_authentication_failure_pauses_instead_of_bouncing(smtp, queued):
    edition, _subscribers = _start(5)
    smtp.auth_required = True
    _send_all(edition, queued)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.PAUSED and edition.pause_reason.startswith("530")
    assert set(_statuses(edition).values()) <= {Delivery.Status.PENDING, Delivery.Status.SKIPPED}
    assert not Subscriber.objects.filter(status=Subscriber.Status.BOUNCED).exists()
    assert edition.events.filter(action=EditionEvent.Action.AUTO_PAUSED).count() == 1

    smtp.auth_required = False
    digest_resume(edition=edition)
    _send_all(edition, queued)
    assert smtp.total == 4 and edition_status(edition) == Edition.Status.SENT


def test_many_temporary_refusals_pause_the_send_with_the_reason(smtp, queued, settings):
    settings.DIGEST_RETRY_SECONDS = 3600
    edition, _subscribers = _start(40)
    smtp.temp_share = 1.0
    (ids,) = queued[:1]
    report = deliveries_send_batch(edition_id=edition.pk, delivery_ids=ids, worker="t")
    edition.refresh_from_db()
    assert edition.status == Edition.Status.PAUSED and "van de laatste 20" in edition.pause_reason
    assert report.outcomes["uitgesteld"] == 20 and report.released == len(ids) - 20 - report.outcomes["overgeslagen"]


def test_pause_resume_cancel_are_idempotent_and_lose_nothing(smtp, queued):
    edition, _subscribers = _start(12)
    digest_pause(edition=edition, reason="even wachten")
    digest_pause(edition=edition)
    _send_all(edition, queued)  # the tasks find the edition paused
    assert smtp.total == 0 and edition.events.filter(action=EditionEvent.Action.PAUSED).count() == 1

    digest_resume(edition=edition)
    digest_resume(edition=edition)
    _send_all(edition, queued)
    assert smtp.total == 11 and smtp.duplicates() == 0 and edition_status(edition) == Edition.Status.SENT
    assert edition.events.filter(action=EditionEvent.Action.RESUMED).count() == 1


def test_cancel_stops_the_open_rows(smtp, queued):
    edition, _subscribers = _start(5)
    digest_send_cancel(edition=edition)
    digest_send_cancel(edition=edition)
    _send_all(edition, queued)
    assert smtp.total == 0 and set(_statuses(edition).values()) == {Delivery.Status.CANCELLED}
    assert edition.events.filter(action=EditionEvent.Action.SEND_CANCELLED).count() == 1


def test_the_sweeper_takes_back_dead_claims_and_lost_tasks(smtp, queued, settings):
    settings.DIGEST_CLAIM_TIMEOUT_SECONDS = settings.DIGEST_REQUEUE_SECONDS = 0
    edition, _subscribers = _start(6)
    queued.clear()  # the queue lost its tasks (Redis emptied)
    Delivery.objects.filter(pk=Delivery.objects.filter(edition=edition).first().pk).update(
        status=Delivery.Status.CLAIMED, claimed_at=timezone.now()
    )  # a worker died holding one row
    result = deliveries_sweep(now=timezone.now() + timezone.timedelta(seconds=1))
    assert result["released"] == 1 and result["tasks"] == 1
    _send_all(edition, queued)
    assert smtp.total == 5 and smtp.duplicates() == 0
    assert deliveries_sweep()["finished"] == 0 and edition_status(edition) == Edition.Status.SENT


def test_the_start_writes_queued_at_with_the_rows_and_a_lost_start_queue_is_swept_when_stale(smtp, queued, settings):
    settings.DIGEST_REQUEUE_SECONDS, settings.DIGEST_BATCH_SIZE = 600, 2
    edition, _subscribers = _start(6)
    rows = Delivery.objects.filter(edition=edition)
    marks = set(rows.values_list("queued_at", flat=True))
    assert len(marks) == 1 and None not in marks  # set by the INSERT, not rewritten per batch
    assert [len(ids) for ids in queued] == [2, 2, 2]
    queued.clear()  # the tasks were lost after the start (Redis emptied)
    assert deliveries_sweep()["tasks"] == 0  # freshly queued rows are left alone
    later = marks.pop() + timezone.timedelta(seconds=601)
    assert deliveries_sweep(now=later)["tasks"] == 3
    _send_all(edition, queued)
    assert smtp.total == 5 and smtp.duplicates() == 0


def test_a_broker_down_at_the_start_leaves_the_rows_for_the_next_sweep(smtp, queued, monkeypatch):
    class Down:
        def delay(self, edition_id, ids):
            raise ConnectionError("broker down")

    recorder = delivery_module.digest_batch_send_task
    monkeypatch.setattr(delivery_module, "digest_batch_send_task", Down())
    edition, _subscribers = _start(4)
    assert not Delivery.objects.filter(edition=edition, queued_at__isnull=False).exists()
    monkeypatch.setattr(delivery_module, "digest_batch_send_task", recorder)
    assert deliveries_sweep()["tasks"] == 1
    _send_all(edition, queued)
    assert smtp.total == 3 and smtp.duplicates() == 0


def test_commands_start_show_and_sweep(smtp, queued, capsys):
    import json

    from django.core.management import call_command

    edition, themes, empty = approved_edition()
    subscribers_make(4, themes, empty_theme=empty)
    call_command("digest_send", "--month", "2027-03")
    assert "verzenden is begonnen" in capsys.readouterr().out
    _send_all(edition, queued)

    call_command("digest_status", "--month", "2027-03", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["verzonden"] == 3 and data["counts"]["overgeslagen"] == 1 and data["status"] == "verzonden"
    assert data["variants"] >= 1 and data["queries_per_batch"] > 0
    call_command("digest_status", "--month", "2027-03")
    assert "100% 4/4 klaar (verzonden 3, overgeslagen 1)" in capsys.readouterr().out
    call_command("digest_sweep")
    assert "0 vastgelopen" in capsys.readouterr().out
    call_command("digest_send", "--month", "2027-03", "--wait")
    out, err = capsys.readouterr()
    assert "is al verzonden" in out and "4/4 klaar" in err


def test_any_other_mail_backend_gets_the_same_bytes(queued, settings, tmp_path):
    """Not SMTP (the .eml file backend here; django-anymail's providers alike): one opened backend per batch."""
    settings.MAILERS = {"default": {"BACKEND": "portal.mail.EmlFileBackend", "OPTIONS": {"file_path": str(tmp_path)}}}
    edition, _subscribers = _start(5)
    _send_all(edition, queued)

    files = sorted(tmp_path.iterdir())
    assert len(files) == 4 and edition_status(edition) == Edition.Status.SENT
    sent = {row.message_id for row in Delivery.objects.filter(edition=edition, status=Delivery.Status.SENT)}
    received = {email.message_from_bytes(f.read_bytes(), policy=email.policy.default)["Message-ID"] for f in files}
    assert received == sent


def test_a_dropped_connection_defers_one_message_and_the_batch_goes_on(smtp, queued, settings):
    settings.DIGEST_RETRY_SECONDS = 0
    edition, subscribers = _start(8)
    smtp.drop = {subscribers[2].email}
    first = deliveries_send_batch(edition_id=edition.pk, delivery_ids=queued.pop(0), worker="t")
    assert first.outcomes["uitgesteld"] == 1 and first.outcomes["verzonden"] == 6  # reconnected after the drop
    _send_all(edition, queued)
    assert Delivery.objects.get(subscriber=subscribers[2]).status == Delivery.Status.SENT
    assert smtp.total == 7 and smtp.duplicates() == 0 and smtp.connections >= 2


def test_an_unreachable_server_gives_the_rows_back_for_later(smtp, queued):
    edition, _subscribers = _start(4)
    smtp.stop()
    report = deliveries_send_batch(edition_id=edition.pk, delivery_ids=queued.pop(0), worker="t")
    assert report.released == 3 and edition_status(edition) == Edition.Status.SENDING
    rows = Delivery.objects.filter(edition=edition).exclude(status=Delivery.Status.SKIPPED)
    assert all(row.status == Delivery.Status.PENDING and row.next_attempt_at > timezone.now() for row in rows)
    assert not Subscriber.objects.filter(status=Subscriber.Status.BOUNCED).exists()


def test_the_sender_pipelines_only_when_the_server_offers_it(smtp, request):
    first, second = b"Subject: 1\r\n\r\n.begint met een punt\r\n", b"Subject: 2\r\n\r\ntwee\r\n"
    sender = sender_open()
    try:
        assert (sender.pipeline is not None) == ("pipelining" in request.node.callspec.id)
        # The second envelope goes with the first content; the open envelope is dropped, not QUIT, on close.
        assert sender.send("een@voorbeeld.nl", first, "twee@voorbeeld.nl").outcome is MailOutcome.SENT
        assert sender.send("twee@voorbeeld.nl", second, "drie@voorbeeld.nl").outcome is MailOutcome.SENT
    finally:
        sender.close()
    assert smtp.raw == [("een@voorbeeld.nl", first), ("twee@voorbeeld.nl", second)]
    assert "drie@voorbeeld.nl" not in smtp.accepted


def test_the_outcome_log_records_each_outcome_and_frees_the_claim():
    from tests.factories.delivery import DeliveryFactory

    now = timezone.now()
    claimed = {"status": Delivery.Status.CLAIMED, "claimed_at": now, "claimed_by": "w@host", "attempts": 1}
    sent, deferred, bounced = (DeliveryFactory(**claimed) for _ in range(3))
    finished = DeliveryFactory(sent=True)
    retry_at = now + timezone.timedelta(minutes=2)

    log = batch_module.OutcomeLog()
    log.write(sent.pk, status=Delivery.Status.SENT, attempts=2, sent_at=now, message_id="<m@voorbeeld.nl>")
    log.write(deferred.pk, status=Delivery.Status.DEFERRED, attempts=2, reason="451 later", next_attempt_at=retry_at)
    log.write(bounced.pk, status=Delivery.Status.BOUNCED, attempts=2, reason="550 no such user")
    log.write(finished.pk, status=Delivery.Status.BOUNCED, attempts=9, reason="not claimed: left alone")
    log.finish()

    rows = {row.pk: row for row in Delivery.objects.all()}
    assert (rows[sent.pk].status, rows[sent.pk].sent_at, rows[sent.pk].message_id) == (
        "verzonden",
        now,
        "<m@voorbeeld.nl>",
    )
    assert (rows[deferred.pk].status, rows[deferred.pk].next_attempt_at, rows[deferred.pk].reason) == (
        "uitgesteld",
        retry_at,
        "451 later",
    )
    assert (rows[bounced.pk].status, rows[bounced.pk].reason, rows[bounced.pk].sent_at) == (
        "onbestelbaar",
        "550 no such user",
        None,
    )
    for row in (rows[sent.pk], rows[deferred.pk], rows[bounced.pk]):
        assert row.attempts == 2 and row.claimed_at is None and row.claimed_by == "" and row.updated_at >= now
    assert rows[finished.pk].status == "verzonden" and rows[finished.pk].attempts == 1
    assert log.count == 4


def test_the_outcome_log_raises_when_postgresql_refuses_an_outcome():
    if connection.vendor != "postgresql":
        pytest.skip("the ORM raises at once without PostgreSQL")
    from tests.factories.delivery import DeliveryFactory

    row = DeliveryFactory(status=Delivery.Status.CLAIMED, claimed_at=timezone.now())
    log = batch_module.OutcomeLog()
    log.write(row.pk, status=Delivery.Status.SENT, attempts=1, message_id="<m@voorbeeld.nl>")  # no sent_at
    with pytest.raises(RuntimeError, match="delivery_sent_has_moment"):
        log.finish()
    assert Delivery.objects.get(pk=row.pk).status == Delivery.Status.CLAIMED


def test_the_outcome_log_keeps_one_connection_per_thread():
    """A threads pool (the demo's worker) must not interleave two pipelines on one connection."""
    if connection.vendor != "postgresql":
        pytest.skip("the pipelined outcome connection exists only on PostgreSQL")
    import threading

    seen = {}
    main = batch_module.OutcomeLog()._connection()

    def remember(name):
        seen[name] = batch_module.OutcomeLog()._connection()

    threads = [threading.Thread(target=remember, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for conn in seen.values():
        conn.close()

    assert seen["a"] is not main and seen["b"] is not main and seen["a"] is not seen["b"]
    assert batch_module.OutcomeLog()._connection() is main and not main.closed


@pytest.mark.parametrize("notice", ["before_the_write", "racing_the_write"])
def test_the_outcome_log_raises_instead_of_waiting_forever_when_its_connection_is_lost(notice):
    """Whichever libpq call notices the lost connection first (the send, the flush, consume_input or the status
    check), the batch fails with the same error, and the next write opens a new connection."""
    if connection.vendor != "postgresql":
        pytest.skip("the pipelined outcome connection exists only on PostgreSQL")
    import select

    from tests.factories.delivery import DeliveryFactory

    row, other = DeliveryFactory.create_batch(2, status=Delivery.Status.CLAIMED, claimed_at=timezone.now())
    log = batch_module.OutcomeLog()
    lost = log._connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [lost.info.backend_pid])
    if notice == "before_the_write":  # the server's goodbye is already in the socket when the write comes
        assert select.select([lost.fileno()], [], [], 5)[0]

    with pytest.raises(RuntimeError, match=r"recording a delivery outcome failed"):  # at once or at the end
        log.write(row.pk, status=Delivery.Status.SENT, attempts=1, sent_at=timezone.now(), message_id="<m@v.nl>")
        log.finish()
    assert Delivery.objects.get(pk=row.pk).status == Delivery.Status.CLAIMED  # the sweeper frees it

    log.write(other.pk, status=Delivery.Status.SENT, attempts=1, sent_at=timezone.now(), message_id="<n@v.nl>")
    log.finish()
    assert log._connection() is not lost
    assert Delivery.objects.get(pk=other.pk).status == Delivery.Status.SENT
