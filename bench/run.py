"""`make bench`: start servers on loopback, seed, measure the web pages and the mail, print the summary.

Sizes: BENCH_SUBSCRIBERS (20000), BENCH_ARTICLES (2500). Knobs for quick runs: BENCH_WRK_SECONDS (10),
BENCH_REPS (3), BENCH_WRK_TIMEOUT (30 s), BENCH_RAW_MESSAGES (3000 per round), BENCH_SKIP (comma list of
"web", "wrk", "mail", "pipeline").
The last stdout line is one JSON object; progress goes to stderr.
"""

import contextlib
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from bench import mail, seed, summary, web
from bench.procs import Stack, ensure_wrk, free_port, say


def settings_from_env() -> dict:
    env = os.environ
    return {
        "subscribers": int(env.get("BENCH_SUBSCRIBERS", "20000")),
        "articles": int(env.get("BENCH_ARTICLES", "2500")),
        "wrk_seconds": int(env.get("BENCH_WRK_SECONDS", "10")),
        # wrk drops a request after 2 s by default and counts it nowhere but in "socket errors"; a slow uncached
        # page would then show a made-up rate. 30 s lets every request of a 10 s run complete and count.
        "wrk_timeout": int(env.get("BENCH_WRK_TIMEOUT", "30")),
        "reps": int(env.get("BENCH_REPS", "3")),
        "raw_messages": int(env.get("BENCH_RAW_MESSAGES", "3000")),
        "skip": {part.strip() for part in env.get("BENCH_SKIP", "").split(",") if part.strip()},
    }


def django_env(run_dir: Path, *, database_url: str, redis_url: str, sink_port: int, page_cache: bool) -> dict:
    """Production settings (DEBUG off, PostgreSQL, Redis cache and broker, SMTP) on loopback, plain HTTP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_ENV": "production",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_BEHIND_PROXY": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"{redis_url}/0",
        "CELERY_BROKER_URL": f"{redis_url}/1",
        "EMAIL_URL": f"smtp://127.0.0.1:{sink_port}",
        "SITE_URL": "http://127.0.0.1",
        "PORTAL_VAR_DIR": str(run_dir / "var"),
        "STATIC_ROOT": str(run_dir / "static"),
        # Production's hashed names without WhiteNoise's brotli/gzip pass, which takes a minute on a busy machine:
        # the pages' HTML is the same, and static files are not measured.
        "DJANGO_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
        "MEDIA_ROOT": str(run_dir / "media"),
        "BENCH_PAGE_CACHE": "1" if page_cache else "0",
    }


def django_start(env: dict) -> None:
    """Set up Django in this process (page cache off: queries and search time are of the uncached path)."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    say("migrate + collectstatic")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)


def measure_in_process(label: str, page_list, search_path: str) -> dict:
    queries = web.queries_per_page(page_list)
    ms = web.search_ms(search_path)
    say(f"{label}: queries {queries}, search {ms} ms")
    return {"queries": queries, "search_ms": ms}


def web_half(stack: Stack, env: dict, config: dict, out: dict) -> None:
    articles = max(config["articles"], 25)
    say("seeding themes and 25 articles")
    themes = seed.themes_create()
    seed.articles_create(count=25, start=0, themes=themes)
    seed.related_add("bench-0")
    seed.search_ready()
    page_list = web.pages(article_slug="bench-0", theme_slug=themes[0].slug, search_word=seed.SEARCH_WORD)
    search_path = f"/zoeken/?q={seed.SEARCH_WORD}"
    small = measure_in_process("25 articles", page_list, search_path)
    say(f"seeding {articles - 25} more articles")
    started = time.perf_counter()
    seed.articles_create(count=articles - 25, start=25, themes=themes)
    seed.search_ready()
    say(f"seeded in {time.perf_counter() - started:.1f} s")
    large = measure_in_process(f"{articles} articles", page_list, search_path)
    out.update(
        queries={"25": small["queries"], str(articles): large["queries"]},
        search_ms={"25": small["search_ms"], str(articles): large["search_ms"]},
    )
    out["queries_equal"] = small["queries"] == large["queries"]
    out["search_ms_ratio"] = round(large["search_ms"] / small["search_ms"], 2) if small["search_ms"] else None
    if "wrk" not in config["skip"]:
        web_wrk(stack, env, config, page_list, out)


def web_wrk(stack: Stack, env: dict, config: dict, page_list, out: dict) -> None:
    """Two gunicorn instances with the same flags, page cache on and off; wrk rounds over every page."""
    wrk = ensure_wrk()
    base, servers = {}, []
    for cached in (True, False):
        port = free_port()
        name = f"gunicorn-{'cached' if cached else 'uncached'}"
        servers.append(stack.gunicorn(name, {**env, "BENCH_PAGE_CACHE": str(int(cached))}, port))
        base[cached] = f"http://127.0.0.1:{port}"
    say(f"wrk: {len(page_list)} pages x {config['reps']} rounds x {config['wrk_seconds']} s")
    try:
        samples = web.wrk_rounds(
            wrk, base, page_list, reps=config["reps"], duration=config["wrk_seconds"], timeout=config["wrk_timeout"]
        )
    finally:
        for proc in servers:
            stack.stop_one(proc)
    result = summary.web_summary(samples)
    rps_runs = {name: [r["rps"] for r in runs] for name, runs in samples.items()}
    out["web"] = {"pages": result.pop("pages"), "rps_runs": rps_runs}
    out.update(result)


def _digest_keys(out: dict, runs: dict) -> None:
    """Medians over the rounds; `rss_ratio` = peak RSS of a worker at N over the one at N/10."""
    one, two, small = runs.get("1w", []), runs.get("2w", []), runs.get("small")
    out["digest_msgs_per_s"] = summary.median(run["msgs_per_s"] for run in one)
    out["digest_2w_msgs_per_s"] = summary.median(run["msgs_per_s"] for run in two)
    out["digest_ratio"] = summary.mail_ratio(out["digest_msgs_per_s"], out.get("raw_msgs_per_s"))
    out["digest_seconds"] = summary.median(run["seconds"] for run in one)
    out["digest_2w_seconds"] = summary.median(run["seconds"] for run in two)
    out["rss_kb"] = {"N": summary.median(run["peak_rss_kb"] for run in one), "N/10": small and small["peak_rss_kb"]}
    n, tenth = out["rss_kb"]["N"], out["rss_kb"]["N/10"]
    out["rss_ratio"] = round(n / tenth, 3) if n and tenth else None
    if one:  # renders are counted per edition: compare them with that edition's variants
        status = one[-1]["status"]
        out["variants"] = one[-1]["variants"]
        out["renders_per_edition"] = mail.status_number(status, "renders", "renders_per_edition")
        out["queries_per_batch"] = mail.status_number(status, "queries_per_batch", "batch_queries")
    if two:
        out["variants_2w"] = two[-1]["variants"]
        out["renders_per_edition_2w"] = mail.status_number(two[-1]["status"], "renders", "renders_per_edition")
    # The yardsticks at these rates: BENCH_SUBSCRIBERS with one worker, 100,000 with two.
    rate, rate_2w = out["digest_msgs_per_s"], out["digest_2w_msgs_per_s"]
    out["digest_seconds_for_subscribers"] = round(out["sizes"]["subscribers"] / rate, 1) if rate else None
    out["digest_2w_seconds_for_100k"] = round(100_000 / rate_2w, 1) if rate_2w else None
    out["digest_runs"] = runs


def _mail_prepare(config: dict, out: dict):
    """Subscribers and approved editions (one per digest run); return (editions, the raw message bytes)."""
    from django.utils import timezone

    from newsletter.selectors import digest_audience_summary
    from newsletter.services import digest_message_bytes

    say(f"seeding {config['subscribers']} subscribers and approving {seed.DIGEST_MONTHS} editions")
    seed.subscribers_create(count=config["subscribers"], themes=seed.themes_create())
    editions = [seed.edition_approve(month) for month in seed.digest_months(timezone.localdate())]
    out["variants"] = digest_audience_summary(edition=editions[0]).variants
    message = digest_message_bytes(edition=editions[0], theme_ids=None)
    out["digest_message_bytes"] = len(message)
    return editions, message


def mail_half(stack: Stack, env: dict, config: dict, sink: tuple[int, Path], out: dict) -> None:
    """Raw smtplib rounds interleaved with digest rounds (1 worker, then 2), after one run at N/10."""
    editions, message = _mail_prepare(config, out)
    count = min(config["raw_messages"], max(config["subscribers"], 100))
    reason = mail.pipeline_unavailable() if "pipeline" not in config["skip"] else "skipped (BENCH_SKIP)"
    if reason:
        say(f"digest pipeline not measured: {reason}")
        out.update(mail.raw_measure(sink[0], message, count=count, reps=config["reps"]))
        out["digest_unavailable"] = reason
        _digest_keys(out, {})
        return
    runs: dict = {"1w": [], "2w": []}
    mail.pause_all_but(0.1)
    try:
        runs["small"] = mail.pipeline_run(stack, env, edition=editions[-1], workers=1, counter=sink[1])
    finally:
        mail.unpause_all()
    raw = []
    for rep in range(min(config["reps"], (len(editions) - 1) // 2)):
        raw.append(mail.raw_measure(sink[0], message, count=count, reps=1)["raw_msgs_per_s"])
        for workers, key in ((1, "1w"), (2, "2w")):
            edition = editions[2 * rep + workers - 1]
            runs[key].append(mail.pipeline_run(stack, env, edition=edition, workers=workers, counter=sink[1]))
    out["raw_msgs_per_s"], out["raw_runs"] = summary.median(raw), raw
    _digest_keys(out, runs)


def run(stack: Stack, config: dict, out: dict) -> None:
    say("starting PostgreSQL, Redis, smtp-sink on loopback")
    database_url = stack.postgres()
    redis_url = stack.redis()
    sink = stack.smtp_sink()
    env = django_env(stack.run_dir, database_url=database_url, redis_url=redis_url, sink_port=sink[0], page_cache=True)
    django_start({**env, "BENCH_PAGE_CACHE": "0"})
    if "web" not in config["skip"]:
        web_half(stack, env, config, out)
    if "mail" not in config["skip"]:
        if "web" in config["skip"]:
            count = max(config["articles"], seed.DIGEST_MONTHS * seed.DIGEST_ITEMS)
            seed.articles_create(count=count, start=0, themes=seed.themes_create())
        mail_half(stack, env, config, sink, out)


def _terminate(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    config = settings_from_env()
    out: dict = {"benchmark": "portal issue 13", "machine": summary.machine(), "load_start": summary.loadavg()}
    out["sizes"] = {"subscribers": config["subscribers"], "articles": config["articles"]}
    run_dir = Path(tempfile.mkdtemp(prefix="portal-bench."))
    run_dir.chmod(0o755)
    stack = Stack(run_dir)
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started with SIGINT ignored (a `&` job)
    started = time.perf_counter()
    code = 0
    try:
        run(stack, config, out)
    except KeyboardInterrupt:
        say("interrupted: stopping what this run started")
        out["error"], code = "interrupted", 130
    except Exception as error:
        say(f"failed: {error!r} (logs in {run_dir}, kept)")
        out["error"], code = repr(error), 1
    finally:
        _close_db()
        stack.stop()
    out["seconds"] = round(time.perf_counter() - started, 1)
    out["load_end"] = summary.loadavg()
    _clean(run_dir, keep_logs=code != 0)
    print(summary.human(out))
    print(summary.json_line(out))
    return code


def _clean(run_dir: Path, *, keep_logs: bool) -> None:
    """Remove the run's folder; after a failure keep only its logs."""
    if not keep_logs:
        shutil.rmtree(run_dir, ignore_errors=True)
        return
    for path in run_dir.iterdir():
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.suffix != ".log":
            path.unlink(missing_ok=True)


def _close_db() -> None:
    """Close this process's database connections (before PostgreSQL stops); nothing if Django never started."""
    if "django.apps" not in sys.modules:
        return
    from django.apps import apps

    if apps.ready:
        from django.db import connections

        with contextlib.suppress(Exception):
            connections.close_all()
