"""The run's result: medians and ratios from the raw samples, a human table, and the one-line JSON.

Pure functions (tested in tests/bench): nothing here measures.
"""

import json
import os
import platform
import statistics

# The targets (issue 13), printed beside the measured values; never used to fail a run.
TARGETS = {
    "list_cached_vs_hello": (">=", 1.5),
    "feed_cached_vs_hello": (">=", 1.0),
    "list_vs_hello": (">=", 0.35),
    "article_vs_hello": (">=", 0.35),
    "digest_ratio": (">=", 0.75),
    "rss_ratio": ("<=", 1.2),
    "search_ms_ratio": ("<=", 2.0),  # search_ms at BENCH_ARTICLES / at 25 articles
    "digest_2w_msgs_per_s": (">=", 100_000 / 180),  # 100,000 subscribers in 3 minutes with 2 workers
}


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _round(value, digits: int = 3):
    return None if value is None else round(value, digits)


def web_summary(samples: dict[str, list[dict]]) -> dict:
    """Per page: median req/s, p50, p99 and the non-2xx count (summed); `<page>_vs_hello` = median ratio."""
    pages = {}
    for name, runs in samples.items():
        pages[name] = {
            "rps": _round(median(r["rps"] for r in runs), 1),
            "p50_ms": _round(median(r["p50_ms"] for r in runs), 2),
            "p99_ms": _round(median(r["p99_ms"] for r in runs), 2),
            "non2xx": sum(r["non2xx"] for r in runs),
            "socket_errors": sum(r.get("socket_errors", 0) for r in runs),
            "runs": len(runs),
        }
    result: dict = {"pages": pages}
    hello = pages.get("hello", {}).get("rps")
    for name, page in pages.items():
        if name != "hello":
            result[f"{name}_vs_hello"] = _round(page["rps"] / hello) if hello and page["rps"] is not None else None
    return result


def mail_ratio(digest: float | None, raw: float | None) -> float | None:
    return _round(digest / raw) if digest and raw else None


def machine() -> dict:
    model = None
    try:
        with open("/proc/cpuinfo") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), None)
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model or platform.processor() or None,
        "python": platform.python_version(),
    }


def loadavg() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def target_met(key: str, value) -> bool | None:
    if key not in TARGETS or value is None:
        return None
    op, bound = TARGETS[key]
    return value >= bound if op == ">=" else value <= bound


def _page_lines(summary: dict) -> list[str]:
    pages = summary.get("web", {}).get("pages", {})
    if not pages:
        return []
    lines = [f"{'page':<16}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non2xx':>8}{'sockerr':>8}{'vs hello':>10}"]
    for name, page in pages.items():
        ratio = summary.get(f"{name}_vs_hello")
        lines.append(
            f"{name:<16}{page['rps'] or 0:>9.1f}{page['p50_ms'] or 0:>9.2f}{page['p99_ms'] or 0:>9.2f}"
            f"{page['non2xx']:>8}{page['socket_errors']:>8}{'' if ratio is None else f'{ratio:.3f}':>10}"
        )
    return lines


def _target_lines(summary: dict) -> list[str]:
    lines = []
    if summary.get("renders_per_edition") is not None:
        equal = summary["renders_per_edition"] == summary.get("variants")
        lines.append(
            f"target renders per edition = variants ({summary.get('variants')}), 1 worker: "
            f"{summary['renders_per_edition']} -> {'met' if equal else 'MISSED'}"
        )
    if summary.get("renders_per_edition_2w") is not None:
        equal = summary["renders_per_edition_2w"] == summary.get("variants_2w")
        lines.append(
            f"target renders per edition = variants ({summary.get('variants_2w')}), 2 workers: "
            f"{summary['renders_per_edition_2w']} -> {'met' if equal else 'MISSED'}"
        )
    if "queries_equal" in summary:
        lines.append(f"target equal query counts at both sizes: {'met' if summary['queries_equal'] else 'MISSED'}")
    for key, value in summary.items():
        met = target_met(key, value)
        if met is not None:
            op, bound = TARGETS[key]
            lines.append(f"target {key} {op} {bound:g}: {value} -> {'met' if met else 'MISSED'}")
    return lines


def human(summary: dict) -> str:
    """A short table for people; the JSON line after it has everything."""
    lines = [f"machine: {summary['machine']}  load average start {summary['load_start']} end {summary['load_end']}"]
    lines += _page_lines(summary)
    keys = ("queries", "queries_equal", "search_ms", "search_ms_ratio", "raw_msgs_per_s", "digest_msgs_per_s")
    keys += ("digest_2w_msgs_per_s", "digest_ratio", "digest_seconds", "digest_seconds_for_subscribers")
    keys += (
        "digest_2w_seconds_for_100k",
        "rss_kb",
        "rss_ratio",
        "variants",
        "renders_per_edition",
        "queries_per_batch",
    )
    lines += [f"{key}: {summary[key]}" for key in keys if key in summary]
    if summary.get("digest_unavailable"):
        lines.append(f"digest pipeline: not measured ({summary['digest_unavailable']})")
    return "\n".join(lines + _target_lines(summary))


def json_line(summary: dict) -> str:
    """The last stdout line: one JSON object, one line."""
    return json.dumps(summary, separators=(",", ":"), sort_keys=False, default=str)
