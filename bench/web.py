"""The web half: wrk against gunicorn, query counts and in-process search time.

`parse_wrk` and the page table are pure and tested (tests/bench); the rest needs the servers.
"""

import re
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from bench.procs import say

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class Page:
    name: str  # key in the summary: list, list_cached, ...
    path: str
    cached: bool


def pages(*, article_slug: str, theme_slug: str, search_word: str) -> list[Page]:
    """The measured pages: the hello reference, then each public page uncached and cached."""
    paths = {
        "list": "/",
        "article": f"/nieuws/{article_slug}/",
        "theme": f"/themas/{theme_slug}/",
        "search": f"/zoeken/?q={search_word}",
        "feed": "/feeds/nieuws/",
    }
    result = [Page("hello", "/bench/hello/", cached=False)]
    for name, path in paths.items():
        result += [Page(name, path, cached=False), Page(f"{name}_cached", path, cached=True)]
    return result


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {value!r}")
    return round(float(match.group(1)) * _UNITS[match.group(2)], 3)


def parse_wrk(text: str) -> dict:
    """Requests/s, p50/p99 (ms), requests, non-2xx/3xx responses and socket errors from `wrk --latency` output."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if rps is None:
        raise ValueError("wrk output has no Requests/sec line")
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    requests = re.search(r"(\d+) requests in", text)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": float(rps.group(1)),
        "p50_ms": _ms(p50.group(1)) if p50 else None,
        "p99_ms": _ms(p99.group(1)) if p99 else None,
        "requests": int(requests.group(1)) if requests else None,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
    }


def wrk_run(wrk: str, url: str, *, duration: int, connections: int = 32, timeout: int | None = None) -> dict:
    """One wrk run; `timeout` (s) replaces wrk's 2 s request timeout (a timed-out request is a socket error)."""
    args = [wrk, "-t1", f"-c{connections}", f"-d{duration}s", "--latency"]
    args += [f"--timeout={timeout}s", url] if timeout else [url]
    done = subprocess.run(args, capture_output=True, text=True, check=True, timeout=duration + 60)
    return parse_wrk(done.stdout)


def status_of(url: str) -> int:
    """One plain GET, redirects not followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk_rounds(
    wrk: str, base: dict[bool, str], page_list: list[Page], *, reps: int, duration: int, timeout: int | None = None
) -> dict:
    """Every page once per round, rounds interleaved (the order rotates); returns {page: [wrk result, ...]}."""
    for page in page_list:  # every URL answers 200 before it is measured (and a cached page is warm)
        code = status_of(base[page.cached] + page.path)
        if code != 200:
            raise RuntimeError(f"{page.name} {page.path} answered {code}, not 200")
    samples: dict[str, list[dict]] = {page.name: [] for page in page_list}
    for rep in range(reps):
        shift = rep % len(page_list)
        for page in page_list[shift:] + page_list[:shift]:
            if page.cached:
                status_of(base[True] + page.path)  # the token may have expired: warm again
            result = wrk_run(wrk, base[page.cached] + page.path, duration=duration, timeout=timeout)
            samples[page.name].append(result)
            say(
                f"round {rep + 1}/{reps} {page.name:<15} {result['rps']:8.1f} req/s  p99 {result['p99_ms']} ms"
                f"  non-2xx {result['non2xx']}  socket errors {result['socket_errors']}"
            )
    return samples


def queries_per_page(page_list: list[Page]) -> dict[str, int]:
    """Queries of each uncached page in this process (Django test client; the page cache is off here)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get("/robots.txt")  # the site chrome is cached per content version: build it first
    counts = {}
    for page in page_list:
        if page.cached:
            continue
        client.get(page.path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        if response.status_code != 200:
            raise RuntimeError(f"{page.path} answered {response.status_code} in process")
        counts[page.name] = len(captured.captured_queries)
    return counts


def search_ms(path: str, *, times: int = 9) -> float:
    """Median milliseconds of the search page, uncached, in this process."""
    from django.test import Client

    client = Client()
    client.get(path)
    durations = []
    for _ in range(times):
        start = time.perf_counter()
        response = client.get(path)
        durations.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return round(statistics.median(durations), 1)
