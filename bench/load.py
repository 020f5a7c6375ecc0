"""`make load`: a bounded load check on loopback; exits non-zero when a rule is broken.

1. wrk against the news page with the page cache on and off (LOAD_SECONDS each, default 10): no response other
   than 2xx/3xx and no socket error.
2. A sign-up flood from one IP: LOAD_SIGNUPS (default 200) POSTs of the subscribe form (with its CSRF token
   if it has one), each with a new address, from 8 threads. It must end in rate limiting (429), with no answer
   other than the redirect or 429, and the Celery worker may send no more confirmation mails (counted at
   smtp-sink) than the per-IP limit allows.
"""

import http.client
import os
import re
import signal
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import run, seed, summary, web
from bench.procs import Stack, ensure_wrk, free_port, say, sink_count

SUBSCRIBE = "/nieuwsbrief/aanmelden/"
_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_pair(port: int) -> tuple[str | None, str | None]:
    """(CSRF cookie, form token) from one GET of the subscribe form; (None, None) when the form carries none.

    The sign-up form is CSRF-exempt on purpose (newsletter/views.py: no cookie for a visitor); should it ever
    carry a token, the flood sends it as a browser would.
    """
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", SUBSCRIBE)
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    cookies = response.headers.get_all("Set-Cookie") or []
    cookie = next((c.split(";", 1)[0].split("=", 1)[1] for c in cookies if c.startswith("csrftoken=")), None)
    token = _CSRF_INPUT.search(body)
    if response.status != 200:
        raise RuntimeError(f"subscribe form answered {response.status}")
    return cookie, token.group(1) if token else None


def signup_post(port: int, cookie: str | None, token: str | None, email: str) -> int:
    from urllib.parse import urlencode

    fields = {"email": email, "website": ""} | ({"csrfmiddlewaretoken": token} if token else {})
    body = urlencode(fields)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = f"csrftoken={cookie}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", SUBSCRIBE, body=body, headers=headers)
    status = conn.getresponse().status
    conn.close()
    return status


def flood(port: int, count: int) -> dict:
    cookie, token = csrf_pair(port)
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda n: signup_post(port, cookie, token, f"flood{n}@load.example.nl"), range(count)))
    last = signup_post(port, cookie, token, "flood-last@load.example.nl")
    by_status: dict[int, int] = {}
    for status in statuses:
        by_status[status] = by_status.get(status, 0) + 1
    return {"posts": count + 1, "by_status": by_status, "last_status": last, "csrf_token_sent": token is not None}


def mails_settle(counter: Path, before: int, *, expected: int, quiet: float = 3.0, timeout: float = 90.0) -> int:
    """Confirmation mails at smtp-sink: wait for at least `expected`, then until none came for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    last, since = sink_count(counter), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        count = sink_count(counter)
        if count != last:
            last, since = count, time.monotonic()
        elif count - before >= expected and time.monotonic() - since >= quiet:
            break
    return last - before


def violations(result: dict, limit: int) -> list[str]:
    """Every broken rule, in words; empty when the run passed."""
    found = []
    for name in ("cached", "uncached"):
        page = result["pages"][name]
        if page["non2xx"] or page["socket_errors"]:
            found.append(f"news page {name}: {page['non2xx']} non-2xx/3xx, {page['socket_errors']} socket errors")
    signup = result["signup"]
    unexpected = {s: n for s, n in signup["by_status"].items() if s not in {302, 429}}
    if unexpected:
        found.append(f"sign-up answered other than 302/429: {unexpected}")
    if signup["last_status"] != 429:
        found.append(f"the flood did not end in rate limiting: last answer {signup['last_status']}")
    if signup["by_status"].get(302, 0) > limit:
        found.append(f"{signup['by_status'][302]} sign-ups accepted, the per-IP limit is {limit}")
    if result["mails"] > limit:
        found.append(f"{result['mails']} confirmation mails sent, the per-IP limit allows {limit}")
    accepted = signup["by_status"].get(302, 0)
    if result["mails"] < accepted:
        found.append(f"{accepted} sign-ups accepted but only {result['mails']} confirmation mails arrived")
    return found


def load(stack: Stack, seconds: int, signups: int) -> dict:
    database_url, redis_url = stack.postgres(), stack.redis()
    sink_port, counter = stack.smtp_sink()
    env = run.django_env(
        stack.run_dir, database_url=database_url, redis_url=redis_url, sink_port=sink_port, page_cache=True
    )
    run.django_start({**env, "BENCH_PAGE_CACHE": "0"})
    from newsletter.services.ratelimit import IP_HOUR

    seed.articles_create(count=200, start=0, themes=seed.themes_create())
    seed.search_ready()
    wrk = ensure_wrk()
    ports = {True: free_port(), False: free_port()}
    for cached, port in ports.items():
        stack.gunicorn(
            f"gunicorn-{'cached' if cached else 'uncached'}", {**env, "BENCH_PAGE_CACHE": str(int(cached))}, port
        )
    stack.celery_worker("worker-default", env, queue="default", concurrency=1)
    result: dict = {"pages": {}}
    for cached, port in ports.items():
        name = "cached" if cached else "uncached"
        web.status_of(f"http://127.0.0.1:{port}/")
        say(f"wrk news page, page cache {'on' if cached else 'off'}, {seconds} s")
        result["pages"][name] = web.wrk_run(wrk, f"http://127.0.0.1:{port}/", duration=seconds, timeout=10)
    before = sink_count(counter)
    say(f"sign-up flood: {signups} POSTs from 127.0.0.1, 8 at a time")
    result["signup"] = flood(ports[True], signups)
    accepted = result["signup"]["by_status"].get(302, 0)
    result["mails"] = mails_settle(counter, before, expected=accepted)
    result["limit"] = IP_HOUR.most
    return result


def main() -> int:
    seconds = int(os.environ.get("LOAD_SECONDS", "10"))
    signups = int(os.environ.get("LOAD_SIGNUPS", "200"))
    run_dir = Path(tempfile.mkdtemp(prefix="portal-load."))
    run_dir.chmod(0o755)
    stack = Stack(run_dir)
    signal.signal(signal.SIGTERM, run._terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    out: dict = {"check": "make load", "machine": summary.machine(), "load_start": summary.loadavg()}
    try:
        out.update(load(stack, seconds, signups))
        out["violations"] = violations(out, out["limit"])
    except (Exception, KeyboardInterrupt) as error:
        out["violations"] = [f"the check could not finish: {error!r} (logs in {run_dir})"]
    finally:
        run._close_db()
        stack.stop()
    out["load_end"] = summary.loadavg()
    run._clean(run_dir, keep_logs=bool(out["violations"]))
    for name, page in out.get("pages", {}).items():
        print(
            f"news page, cache {name}: {page['rps']:.0f} req/s, p99 {page['p99_ms']} ms, "
            f"non-2xx {page['non2xx']}, socket errors {page['socket_errors']}"
        )
    if "signup" in out:
        print(f"sign-up flood: {out['signup']}, confirmation mails {out['mails']} (limit {out['limit']} per IP)")
    print("\n".join(f"VIOLATION: {v}" for v in out["violations"]) or "load check passed")
    print(summary.json_line(out))
    return 1 if out["violations"] else 0


if __name__ == "__main__":
    sys.exit(main())
