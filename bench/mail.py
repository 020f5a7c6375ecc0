"""The mail half: the physical reference (plain smtplib to smtp-sink) and the real digest pipeline.

The pipeline is issue 10's delivery: `digest_send_start` creates the deliveries and queues them, Celery
workers on the `digest` queue send them, and `manage.py digest_status --month YYYY-MM --json` reports the
counts. Where that command does not exist yet, `pipeline_unavailable()` says so and the digest keys are null.
"""

import io
import json
import smtplib
import statistics
import time
from pathlib import Path

from bench.procs import Stack, say, sink_count

FROM = "nieuwsbrief@bench.example.nl"
# Delivery statuses still open, in English and as the delivery code stores them (Delivery.OPEN, issue 10).
UNFINISHED = ("pending", "claimed", "deferred", "wachtend", "bezig", "uitgesteld")


def raw_rate(port: int, message: bytes, *, count: int) -> float:
    """Messages per second over one persistent SMTP connection, the same bytes every time."""
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.ehlo()
        smtp.sendmail(FROM, ["warmup@bench.example.nl"], message)
        start = time.perf_counter()
        for n in range(count):
            smtp.sendmail(FROM, [f"abonnee{n}@bench.example.nl"], message)
        return count / (time.perf_counter() - start)


def raw_measure(port: int, message: bytes, *, count: int, reps: int) -> dict:
    rates = []
    for rep in range(reps):
        rates.append(raw_rate(port, message, count=count))
        say(f"raw smtplib round {rep + 1}/{reps}: {rates[-1]:.0f} msg/s ({count} messages, {len(message)} bytes)")
    return {"raw_msgs_per_s": round(statistics.median(rates), 1), "raw_runs": [round(r, 1) for r in rates]}


def pipeline_unavailable() -> str | None:
    """Why the real pipeline cannot be measured on this code, or None when it can."""
    from django.core.management import get_commands

    if "digest_status" not in get_commands():
        return "manage.py digest_status does not exist on this branch (digest delivery, issue 10, not merged)"
    return None


def digest_status(month) -> dict:
    """What `manage.py digest_status --month YYYY-MM --json` prints (one JSON object)."""
    from django.core.management import call_command

    out = io.StringIO()
    call_command("digest_status", "--month", month.strftime("%Y-%m"), "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def unfinished(status: dict) -> int:
    counts = status.get("counts") or {}
    return sum(int(counts.get(key) or 0) for key in _open_statuses())


def _open_statuses() -> tuple[str, ...]:
    try:
        from newsletter.models import Delivery

        return tuple({*UNFINISHED, *(str(value) for value in Delivery.OPEN)})
    except (ImportError, AttributeError):
        return UNFINISHED


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def peak_rss_kb(pid: int) -> int | None:
    """The largest VmHWM (peak resident set) among the worker's child processes (the pool), in kB."""
    peaks = []
    for child in _children(pid):
        try:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]))
        except OSError:
            continue
    return max(peaks) if peaks else None


def _finished(status: dict, sent: int, expected: int, idle: float) -> bool:
    """Nothing pending/claimed/deferred, and every mail arrived (or none came for 3 s: some failed for good)."""
    if not status.get("counts") or unfinished(status):
        return False
    return sent >= expected or (sent > 0 and idle >= 3.0)


def _wait_done(month, counter: Path, start_count: int, expected: int, timeout: float) -> tuple[float, dict]:
    """Poll smtp-sink and digest_status until the edition is sent; return (moment of the last mail, status)."""
    last_count, last_change = start_count, time.perf_counter()
    next_status, status = 0.0, {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = sink_count(counter)
        if count != last_count:
            last_count, last_change = count, time.perf_counter()
        if time.monotonic() >= next_status:
            status = digest_status(month)
            if status.get("status") in {"gepauzeerd", "paused"}:
                raise RuntimeError(f"edition {month:%Y-%m} paused itself: {status.get('pause_reason')}")
            if _finished(status, last_count - start_count, expected, time.perf_counter() - last_change):
                return last_change, status
            next_status = time.monotonic() + 1.0
        time.sleep(0.1)
    raise RuntimeError(f"edition {month:%Y-%m} not finished after {timeout:.0f} s: {status}")


def pipeline_run(stack: Stack, env: dict, *, edition, workers: int, counter: Path) -> dict:
    """Send one approved edition with `workers` worker processes; mails per second, seconds, peak RSS, status."""
    from newsletter.selectors import digest_audience_summary
    from newsletter.services import digest_send_start

    audience = digest_audience_summary(edition=edition)
    expected = audience.recipients
    name = f"worker-{edition.month:%Y-%m}-{workers}w"
    proc = stack.celery_worker(name, env, queue="digest", concurrency=workers)
    try:
        before = sink_count(counter)
        say(f"digest {edition.month:%Y-%m}: {expected} recipients, {workers} worker process(es)")
        start = time.perf_counter()
        digest_send_start(edition_id=edition.pk)
        end, status = _wait_done(edition.month, counter, before, expected, timeout=max(300.0, expected / 20))
        rss = peak_rss_kb(proc.pid)
    finally:
        stack.stop_one(proc)
    sent = sink_count(counter) - before
    seconds = end - start
    say(f"digest {edition.month:%Y-%m}: {sent} mails in {seconds:.1f} s ({sent / seconds:.0f}/s), peak RSS {rss} kB")
    return {
        "expected": expected,
        "variants": audience.variants,
        "sent": sent,
        "seconds": round(seconds, 2),
        "msgs_per_s": round(sent / seconds, 1) if seconds > 0 else None,
        "peak_rss_kb": rss,
        "status": status,
    }


def pause_all_but(fraction: float) -> int:
    """Pause all but `fraction` of the subscribers (the N/10 run); return how many stay in the audience."""
    import datetime

    from django.utils import timezone

    from newsletter.models import Subscriber

    ids = list(Subscriber.objects.order_by("pk").values_list("pk", flat=True))
    keep = max(1, int(len(ids) * fraction))
    Subscriber.objects.filter(pk__in=ids[keep:]).update(paused_until=timezone.localdate() + datetime.timedelta(days=60))
    return keep


def unpause_all() -> None:
    from newsletter.models import Subscriber

    Subscriber.objects.update(paused_until=None)


def status_number(status: dict, *names: str):
    """The first of `names` the delivery code put in digest_status's JSON (top level or under counts)."""
    for name in names:
        for where in (status, status.get("counts") or {}):
            if where.get(name) is not None:
                return where[name]
    return None
