"""The digest send on real processes: Celery workers, PostgreSQL, Redis and a local SMTP server.

Each test starts the send the way the admin does (digest_send_start in this process: audience, tasks after
commit) and lets real `celery worker` subprocesses deliver it. The sweeper runs in this process, as beat
would run it. "Lost" is a subscriber in the audience without a mail; "duplicates" are mails beyond the first.
"""

import email
import email.policy
import signal
import subprocess
import time

import pytest

from newsletter.management.commands.digest_status import status_data
from newsletter.models import Delivery, Edition, EditionVariant, Subscriber
from newsletter.selectors import digest_audience_summary
from newsletter.services import digest_send_start, subscription_unsubscribe
from newsletter.services.digest.control import digest_pause, digest_resume
from newsletter.services.digest.delivery import deliveries_sweep
from newsletter.services.digest.render import digest_reason
from portal.celery import app
from tests.support.delivery import approved_edition, edition_status, subscribers_make
from tests.support.smtp_server import SmtpServer, _free_port

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def _env(smtp, **digest) -> dict:
    return {**smtp.env, **{f"DIGEST_{key.upper()}": str(value) for key, value in digest.items()}}


def _start(settings, count: int, batch_size: int, **kwargs):
    # The web process queues the batches: its setting decides their size.
    settings.DIGEST_BATCH_SIZE = batch_size
    edition, themes, empty = approved_edition()
    subscribers = subscribers_make(count, themes, empty_theme=empty, **kwargs)
    assert digest_send_start(edition_id=edition.pk)
    return edition, subscribers


def _expected(edition) -> set[str]:
    """The addresses that must get the edition: the audience minus the skipped rows."""
    rows = Delivery.objects.filter(edition=edition).exclude(status=Delivery.Status.SKIPPED)
    return set(rows.values_list("subscriber__email", flat=True))


def _sweep_until_sent(edition, worker, timeout=90):
    def done():
        deliveries_sweep()
        return edition_status(edition) == Edition.Status.SENT

    worker.wait_for(done, timeout=timeout, what="the edition to be sent")


def _lost(edition, smtp) -> set[str]:
    return _expected(edition) - set(smtp.accepted)


def test_a_send_on_a_worker_mails_each_subscriber_once_with_their_themes(celery_worker_factory, smtp, settings):
    edition, subscribers = _start(settings, 60, batch_size=16)
    worker = celery_worker_factory(env=_env(smtp))

    worker.wait_for(lambda: edition_status(edition) == Edition.Status.SENT, what="the send to finish")
    assert _lost(edition, smtp) == set() and smtp.duplicates() == 0 and smtp.total == 59
    by_address = {subscriber.email: subscriber for subscriber in Subscriber.objects.prefetch_related("themes")}
    for address, raw in smtp.raw:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        subscriber = by_address[address]
        row = Delivery.objects.get(edition=edition, subscriber=subscriber)
        assert message["To"] == address and message["Message-ID"] == row.message_id
        reason = digest_reason(all_themes=subscriber.all_themes, themes=subscriber.themes.all())
        text = " ".join(message.get_body(("plain",)).get_content().split())
        assert reason in text
        assert "/nieuwsbrief/" in message["List-Unsubscribe"]
    assert Delivery.objects.get(edition=edition, subscriber=subscribers[1]).status == Delivery.Status.SKIPPED


@pytest.mark.slow
def test_killed_workers_lose_nothing_and_double_at_most_the_messages_in_flight(celery_worker_factory, smtp, settings):
    settings.DIGEST_CLAIM_TIMEOUT_SECONDS = 8  # the sweeper (this process) takes back the dead workers' rows
    smtp.delay = 0.003
    edition, _subscribers = _start(settings, 1000, batch_size=40)
    env = _env(smtp)
    kills = 0
    while kills < 6:
        worker = celery_worker_factory(env=env)
        target = smtp.total + 60
        worker.wait_for(lambda t=target: smtp.total >= t or edition_status(edition) == Edition.Status.SENT)
        if edition_status(edition) == Edition.Status.SENT:
            break
        worker.kill()
        kills += 1
    worker = celery_worker_factory(env=env)
    _sweep_until_sent(edition, worker)

    print(f"\n{kills} SIGKILLs during a 1,000-recipient send: {smtp.duplicates()} duplicate(s), 0 lost")
    assert kills >= 6
    assert _lost(edition, smtp) == set()
    assert smtp.duplicates() <= kills  # one worker slot: at most one message between 250 and its commit


def test_graceful_restarts_and_redelivered_tasks_double_nothing(celery_worker_factory, smtp, settings):
    smtp.delay = 0.002
    edition, _subscribers = _start(settings, 300, batch_size=25)
    for restart in range(3):
        worker = celery_worker_factory(env=_env(smtp))
        worker.wait_for(lambda r=restart: smtp.total >= 60 * (r + 1) or edition_status(edition) == Edition.Status.SENT)
        worker.stop()  # warm shutdown: the running batch finishes, the rest stays queued
    assert edition_status(edition) == Edition.Status.SENDING
    # Every batch delivered again, the sent rows' too (as after a lost acknowledgement).
    ids = list(Delivery.objects.filter(edition=edition).values_list("pk", flat=True))
    for start in range(0, len(ids), 25):
        app.send_task("newsletter.tasks.digest_batch_send_task", args=(edition.pk, ids[start : start + 25]))
    worker = celery_worker_factory(env=_env(smtp))
    _sweep_until_sent(edition, worker)

    assert _lost(edition, smtp) == set() and smtp.duplicates() == 0


def _redis_server(port: int, tmp_path) -> subprocess.Popen:
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen([*command, "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    import redis

    while time.monotonic() < deadline:
        try:
            redis.Redis(port=port).ping()
            return process
        except redis.ConnectionError:
            time.sleep(0.05)
    raise AssertionError("redis-server did not start")


def test_redis_restarted_empty_mid_send_loses_nothing_after_the_sweep(
    celery_worker_factory, smtp, settings, tmp_path, monkeypatch
):
    from tests.plugins.worker import _reset_connections

    port = _free_port()
    redis_process = _redis_server(port, tmp_path)
    url = f"redis://127.0.0.1:{port}/0"
    monkeypatch.setenv("CELERY_BROKER_URL", url)
    monkeypatch.setitem(app.conf, "broker_url", url)
    _reset_connections()
    settings.DIGEST_REQUEUE_SECONDS = 0
    try:
        smtp.delay = 0.003
        edition, _subscribers = _start(settings, 400, batch_size=20)
        worker = celery_worker_factory(env={**_env(smtp), "CELERY_BROKER_URL": url})
        worker.wait_for(lambda: smtp.total >= 60, what="the send to be under way")
        redis_process.send_signal(signal.SIGKILL)
        redis_process.wait()
        redis_process = _redis_server(port, tmp_path)  # empty: every queued batch is gone
        _sweep_until_sent(edition, worker)
    finally:
        redis_process.kill()
        redis_process.wait()
        _reset_connections()
    assert _lost(edition, smtp) == set()
    assert smtp.duplicates() == 0


def test_temporary_refusals_end_sent_and_permanent_ones_bounce_once(celery_worker_factory, smtp, settings):
    edition, subscribers = _start(settings, 100, batch_size=30)
    smtp.temp_share = 0.1
    refused = {subscriber.email for subscriber in subscribers[10:13]}
    smtp.refuse.update(dict.fromkeys(refused, "550 5.1.1 No such user"))
    greylisted = {s.email for s in subscribers if smtp.in_temp_share(s.email)} - refused
    worker = celery_worker_factory(env=_env(smtp, retry_seconds=1))

    _sweep_until_sent(edition, worker)
    assert greylisted and _lost(edition, smtp) == refused and smtp.duplicates() == 0
    rows = Delivery.objects.filter(edition=edition)
    assert set(rows.filter(subscriber__email__in=greylisted).values_list("status", "attempts")) == {("verzonden", 2)}
    assert set(rows.filter(subscriber__email__in=refused).values_list("status", "attempts")) == {("onbestelbaar", 1)}
    assert set(Subscriber.objects.filter(email__in=refused).values_list("status", flat=True)) == {"gebounced"}
    assert smtp.rcpt_replies["550"] == 3  # one attempt each; bounced subscribers are in no later audience


def test_an_unsubscribe_during_the_send_stops_their_mail(celery_worker_factory, smtp, settings):
    edition, subscribers = _start(settings, 150, batch_size=10)
    worker = celery_worker_factory(env=_env(smtp, rate_per_second=40))
    worker.wait_for(lambda: smtp.total >= 10, what="the send to be under way")
    leaving = subscribers[-6:]
    pending = Delivery.objects.filter(edition=edition, subscriber__in=leaving, status=Delivery.Status.PENDING)
    assert pending.count() == 6, "the last batch was claimed already: the machine is too slow for this test"
    for subscriber in leaving:
        subscription_unsubscribe(subscriber=subscriber, source="voorkeuren")

    _sweep_until_sent(edition, worker)
    assert not {s.email for s in leaving} & set(smtp.accepted)
    reasons = set(Delivery.objects.filter(subscriber__in=leaving).values_list("status", "reason"))
    assert reasons == {("overgeslagen", "afgemeld tijdens het verzenden")}
    assert _lost(edition, smtp) == set() and smtp.duplicates() == 0


def test_pause_and_resume_on_a_worker_lose_and_double_nothing(celery_worker_factory, smtp, settings):
    edition, _subscribers = _start(settings, 150, batch_size=10)
    worker = celery_worker_factory(env=_env(smtp, rate_per_second=50))
    worker.wait_for(lambda: smtp.total >= 20, what="the send to be under way")
    digest_pause(edition=edition, reason="test")
    worker.wait_for(lambda: not Delivery.objects.filter(edition=edition, status="bezig").exists())
    time.sleep(1)
    after_pause = smtp.total
    time.sleep(1)
    assert smtp.total == after_pause < 149  # the claimed batch finished; nothing after it
    digest_resume(edition=edition)

    _sweep_until_sent(edition, worker)
    assert _lost(edition, smtp) == set() and smtp.duplicates() == 0


@pytest.mark.slow
def test_two_workers_share_a_send_and_its_rate_limit(celery_worker_factory, smtp, settings):
    rate = 25
    edition, _subscribers = _start(settings, 620, batch_size=20)
    env = _env(smtp, rate_per_second=rate)
    workers = [celery_worker_factory(env=env), celery_worker_factory(env=env)]
    workers[0].wait_for(lambda: smtp.total >= 1, what="the first message")
    start = smtp.times[0] + 1.0
    workers[0].wait_for(lambda: smtp.times[-1] > start + 20, timeout=60, what="20 seconds of sending")

    sent = sum(1 for moment in list(smtp.times) if start <= moment < start + 20)
    print(f"\nrate limit {rate}/s over 20 s with two workers: {sent / 20:.2f}/s")
    assert abs(sent - rate * 20) <= rate * 20 * 0.05
    _sweep_until_sent(edition, workers[0], timeout=60)
    assert _lost(edition, smtp) == set() and smtp.duplicates() == 0
    message_ids = set(Delivery.objects.filter(edition=edition, status="verzonden").values_list("message_id", flat=True))
    assert len(message_ids) == 619
    assert all("succeeded" in worker.log() for worker in workers)


def test_two_workers_render_each_variant_once_for_the_edition(celery_worker_factory, smtp, settings):
    if not settings.REDIS_URL:
        pytest.skip("the render counter of digest_status is in the shared cache (Redis)")
    settings.DIGEST_BATCH_SIZE = 10
    edition, themes, empty = approved_edition()
    subscribers_make(240, themes, empty_theme=empty)
    variants = digest_audience_summary(edition=edition).variants
    # Both processes wait for batches before the first is queued, so both meet most variants (digest queue only:
    # the send is started here, not by the due-start nudge of the approval).
    workers = [celery_worker_factory(env=_env(smtp), queues="digest") for _ in range(2)]
    assert digest_send_start(edition_id=edition.pk)

    _sweep_until_sent(edition, workers[0])
    status = status_data(Edition.objects.get(pk=edition.pk))
    print(f"\n{variants} variants, {status['renders']} renders by two worker processes")
    assert all("succeeded" in worker.log() for worker in workers)
    assert status["renders"] == variants == EditionVariant.objects.filter(edition=edition).count() > 1
    assert _lost(edition, smtp) == set() and smtp.duplicates() == 0
