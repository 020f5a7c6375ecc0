"""The benchmark's pure parts (no servers started): wrk parsing, the summary, the URL conf, the seed dates."""

import datetime
import json

import pytest
from django.test import override_settings

from bench import load, mail, seed, summary, web
from bench.procs import sink_count

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.10ms    5.00ms  80.00ms   90.00%
    Req/Sec     1.60k   100.00     1.80k    70.00%
  Latency Distribution
     50%  750.00us
     75%   22.00ms
     90%   30.00ms
     99%    1.20s
  15985 requests in 10.01s, 20.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   1597.00
Transfer/sec:      2.00MB
"""


def test_parse_wrk_reads_rate_percentiles_in_ms_and_errors():
    result = web.parse_wrk(WRK_OUTPUT)

    assert result == {
        "rps": 1597.0,
        "p50_ms": 0.75,
        "p99_ms": 1200.0,
        "requests": 15985,
        "non2xx": 7,
        "socket_errors": 3,
    }


def test_parse_wrk_without_errors_counts_zero_and_refuses_garbage():
    clean = WRK_OUTPUT.replace("  Non-2xx or 3xx responses: 7\n", "").replace(
        "  Socket errors: connect 0, read 2, write 0, timeout 1\n", ""
    )
    assert web.parse_wrk(clean)["non2xx"] == 0
    assert web.parse_wrk(clean)["socket_errors"] == 0
    with pytest.raises(ValueError):
        web.parse_wrk("wrk: connection refused")


def _run(rps, p99=10.0, non2xx=0):
    return {"rps": rps, "p50_ms": 1.0, "p99_ms": p99, "non2xx": non2xx}


def test_web_summary_reports_medians_and_ratios_to_hello():
    samples = {
        "hello": [_run(1000), _run(900), _run(1100)],
        "list": [_run(300), _run(500, non2xx=2), _run(400, p99=30.0)],
        "list_cached": [_run(1500), _run(1600), _run(2000)],
    }

    result = summary.web_summary(samples)

    assert result["pages"]["list"]["rps"] == 400
    assert result["pages"]["list"]["p99_ms"] == 10.0
    assert result["pages"]["list"]["non2xx"] == 2
    assert result["list_vs_hello"] == 0.4
    assert result["list_cached_vs_hello"] == 1.6
    assert "hello_vs_hello" not in result


def test_summary_prints_a_table_and_ends_with_one_json_line():
    out = {"machine": summary.machine(), "load_start": [1.0, 1.0, 1.0], "load_end": [2.0, 1.0, 1.0]}
    out.update(summary.web_summary({"hello": [_run(100)], "list": [_run(50)]}))
    out["web"] = {"pages": out.pop("pages")}
    out["digest_ratio"] = summary.mail_ratio(600.0, 1000.0)

    text = summary.human(out)
    line = summary.json_line(out)

    assert "list_vs_hello >= 0.35: 0.5 -> met" in text
    assert "digest_ratio >= 0.75: 0.6 -> MISSED" in text
    assert "\n" not in line
    assert json.loads(line)["list_vs_hello"] == 0.5
    assert out["machine"]["nproc"] >= 1


def test_mail_ratio_is_none_without_both_rates():
    assert summary.mail_ratio(None, 1000.0) is None
    assert summary.mail_ratio(500.0, 0) is None


def test_pages_cover_each_public_page_uncached_and_cached_plus_hello():
    pages = web.pages(article_slug="a", theme_slug="t", search_word="regeling")

    names = [page.name for page in pages]
    assert names[0] == "hello"
    for name in ("list", "article", "theme", "search", "feed"):
        assert name in names
        assert f"{name}_cached" in names
    assert {p.path for p in pages if p.name.startswith("search")} == {"/zoeken/?q=regeling"}


def test_sink_count_reads_the_last_counter_record(tmp_path):
    counter = tmp_path / "count"
    counter.write_bytes(b"sess=1 quit=0 mesg=1\rsess=1 quit=0 mesg=2\rsess=1 quit=1 mesg=2\r")

    assert sink_count(counter) == 2
    assert sink_count(tmp_path / "missing") == 0


def test_article_dates_fill_each_digest_month_then_go_back():
    today = datetime.date(2026, 12, 2)
    months = seed.digest_months(today)
    dates = seed.article_dates(seed.DIGEST_MONTHS * seed.DIGEST_ITEMS + 5, 0, today)

    assert months[:3] == [datetime.date(2026, 11, 1), datetime.date(2026, 10, 1), datetime.date(2026, 9, 1)]
    assert len(months) == seed.DIGEST_MONTHS
    for month in months:
        assert sum(1 for d in dates if (d.year, d.month) == (month.year, month.month)) == seed.DIGEST_ITEMS
    assert max(dates[-5:]) < months[-1]
    assert seed.article_dates(5, seed.DIGEST_MONTHS * seed.DIGEST_ITEMS, today) == dates[-5:]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="bench.urls")
def test_bench_urls_add_a_hello_view_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/bench/hello/")

    assert response.status_code == 200
    assert response.content.startswith(b"hello ")
    assert client.get("/robots.txt").status_code == 200  # the project's own URLs are still there


def _load_result(**changes):
    page = {"rps": 100.0, "p99_ms": 10.0, "non2xx": 0, "socket_errors": 0}
    result = {
        "pages": {"cached": dict(page), "uncached": dict(page)},
        "signup": {"posts": 41, "by_status": {302: 10, 429: 30}, "last_status": 429},
        "mails": 10,
    }
    result.update(changes)
    return result


def test_load_passes_a_flood_that_ends_in_429_within_the_limit():
    assert load.violations(_load_result(), limit=10) == []


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"mails": 11}, "11 confirmation mails"),
        ({"mails": 4}, "only 4 confirmation mails arrived"),
        ({"signup": {"posts": 41, "by_status": {302: 40}, "last_status": 302}}, "did not end in rate limiting"),
        ({"signup": {"posts": 41, "by_status": {302: 10, 500: 30}, "last_status": 429}}, "other than 302/429"),
        (
            {"pages": {"cached": {"non2xx": 3, "socket_errors": 0}, "uncached": {"non2xx": 0, "socket_errors": 0}}},
            "news page cached: 3 non-2xx",
        ),
    ],
)
def test_load_reports_each_broken_rule(changes, words):
    found = load.violations(_load_result(**changes), limit=10)

    assert any(words in violation for violation in found), found


def test_an_edition_counts_as_sent_only_when_nothing_is_left_and_the_mails_arrived():
    left = {"counts": {"pending": 3, "claimed": 0, "sent": 97}}
    done = {"counts": {"pending": 0, "claimed": 0, "deferred": 0, "sent": 100}}

    assert not mail._finished(left, sent=97, expected=100, idle=10)
    assert not mail._finished({}, sent=100, expected=100, idle=10)
    assert not mail._finished(done, sent=0, expected=100, idle=10)  # status says done before any mail arrived
    assert not mail._finished(done, sent=60, expected=100, idle=1)
    assert mail._finished(done, sent=100, expected=100, idle=0)
    assert mail._finished(done, sent=95, expected=100, idle=5)  # five failed for good
    assert not mail._finished({"counts": {"wachtend": 1, "verzonden": 99}}, sent=99, expected=100, idle=9)


def test_digest_status_numbers_are_read_at_the_top_or_under_counts():
    status = {"counts": {"pending": 0, "renders": 9}, "queries_per_batch": 4}

    assert mail.status_number(status, "renders", "renders_per_edition") == 9
    assert mail.status_number(status, "queries_per_batch") == 4
    assert mail.status_number(status, "missing") is None
