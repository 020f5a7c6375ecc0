"""Every public URL with generated path values and query strings: never a server error (issue 11, 3).

The URLs come from the resolver, so a page added later is fuzzed too; the parameter names come from the
code (every `request.GET` read and every `int_param`/`text_param` call), plus names nobody reads.
"""

import logging
import re
from pathlib import Path
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.test import Client
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.models import Article, ArticleRedirect, Document, Theme
from tests.factories import ArticleFactory, DocumentFactory, ThemeFactory
from tests.security.routes import ADMIN_PREFIX, CONVERTER, public_routes

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
CASES_PER_ENDPOINT = 1000
_READS = re.compile(
    r"""(?:GET(?:\.get|\.getlist)?\(\s*|GET\[\s*|(?:int_param|text_param)\(\s*request\s*,\s*)["']([^"']+)["']"""
)


def parameter_names() -> list[str]:
    """Every query parameter the project reads, found in its source; 'p' is the sitemap's page."""
    names = {"p"}
    for folder in ("news", "newsletter", "portal"):
        for path in (ROOT / folder).rglob("*.py"):
            names.update(_READS.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


ROUTES = public_routes()
PARAMETERS = parameter_names()

# --- Values ---------------------------------------------------------------------------------------
huge_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["461168601842738792", "9223372036854775807", "9223372036854775808", "9" * 40, "9" * 5000]),
    st.sampled_from(["0", "-1", "+1", " 1", "1e9", "1.5", "0x10", "²", "\u0661", "\uff11", "NaN", "Infinity"]),
)
nasty_text = st.one_of(
    st.text(max_size=300),
    st.text(
        alphabet=st.sampled_from("\x00\x01\x1f\x7f\r\n\t %&=+?#;/\\<>\"'`é€\u202e\u2028\ufeff\ufffd\U0001d54f"),
        max_size=60,
    ),
    st.just("\x00"),
    # Long values, built cheaply (generating thousands of random characters is what makes hypothesis slow).
    st.tuples(st.sampled_from(["x", "é", "%", "\x00", "9", "<a>", "\U0001f600"]), st.integers(500, 3000)).map(
        lambda piece: piece[0] * piece[1]
    ),
    st.sampled_from(["' OR 1=1 --", "%", "_", "*", ":*", "!", "&", "|", "<->", "(", ")", '"', "'", "\\", "a:*&b"]),
)
values = st.one_of(nasty_text, huge_numbers)
names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=20))
raw_queries = st.binary(max_size=200).map(lambda raw: quote_from_bytes(raw, safe="=&"))


@st.composite
def query_strings(draw) -> str:
    """A query string: known and unknown names, repeated names, NUL, huge numbers, invalid UTF-8."""
    if draw(st.integers(0, 9)) == 0:
        return draw(raw_queries)
    pairs = draw(st.lists(st.tuples(names, values), max_size=6))
    if pairs and draw(st.booleans()):
        pairs.append((pairs[0][0], draw(values)))  # the same name twice
    return urlencode(pairs, quote_via=quote)


def _path_value(draw, converter, name: str, real: dict) -> str:
    if isinstance(converter, IntConverter):
        choice = st.one_of(huge_numbers.filter(str.isdigit), st.sampled_from(real.get(name) or ["1"]))
        return draw(choice)
    if isinstance(converter, SlugConverter):
        generated = st.one_of(st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True), st.just("a" * 5000))
        return draw(st.one_of(st.sampled_from(real["slug"]), generated))
    if isinstance(converter, PathConverter):
        generated = st.text(min_size=1, max_size=200).map(lambda text: quote(text, safe="/"))
        return draw(st.one_of(st.sampled_from(real["path"]), generated, st.sampled_from(["..", "../..", "%2e%2e/x"])))
    if isinstance(converter, UUIDConverter):
        return str(draw(st.uuids()))
    if isinstance(converter, StringConverter):
        return draw(st.text(min_size=1, max_size=300).map(lambda text: quote(text, safe="")).filter(bool))
    return quote(draw(st.text(min_size=1, max_size=100)), safe="")


@st.composite
def urls(draw, route: str, converters: dict, real: dict) -> str:
    """`route` with every converter filled (generated or real values) and a generated query string."""

    def fill(match):
        return _path_value(draw, converters[match["name"]], match["name"], real)

    path = "/" + CONVERTER.sub(fill, route)
    query = draw(query_strings())
    return f"{path}?{query}" if query else path


# --- Content ----------------------------------------------------------------------------------------


@pytest.fixture
def real_values(settings, tmp_path) -> dict:
    """Published content, so that real slugs, years and files lead past the 404s into the views."""
    settings.MEDIA_ROOT = tmp_path / "media"
    theme = ThemeFactory(slug="jeugd")
    document = DocumentFactory(themes=[theme])
    article = ArticleFactory(themes=[theme], with_image=True, event=True)
    article.documents.add(document)
    ArticleFactory(themes=[theme], title="Jeugdhulp in de wijk")
    ArticleRedirect.objects.create(old_slug="oude-titel", article=article)
    slugs = [
        *Article.objects.values_list("slug", flat=True),
        *Theme.objects.values_list("slug", flat=True)[:5],
        *Document.objects.values_list("slug", flat=True),
        "oude-titel",
    ]
    dates = Article.objects.values_list("publication_date", flat=True)
    return {
        "slug": slugs,
        "year": sorted({str(day.year) for day in dates}),
        "month": sorted({str(day.month) for day in dates}),
        "path": [article.image.name, document.file.name],
    }


@pytest.fixture(autouse=True)
def _quiet_request_logging():
    # Thousands of 404s each log a warning; that only slows the run down. Errors still log.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


# --- Tests -------------------------------------------------------------------------------------------


def test_fuzz_routes_come_from_the_resolver():
    routes = [route for route, _converters in ROUTES]

    assert "" in routes
    assert "zoeken/" in routes
    assert "archief/<int:year>/<int:month>/" in routes
    assert any(route.startswith("nieuwsbrief/") for route in routes)
    assert not any(route.startswith(ADMIN_PREFIX) for route in routes)
    assert {"pagina", "q", "thema", "jaar", "p"} <= set(PARAMETERS)


@pytest.mark.parametrize(("route", "converters"), ROUTES, ids=[route or "/" for route, _c in ROUTES])
def test_fuzz_public_url_never_answers_500(real_values, route, converters):
    converters = dict(converters)
    client = Client()

    @settings(
        max_examples=CASES_PER_ENDPOINT,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(url=urls(route, converters, real_values), head=st.booleans())
    def check(url, head):
        response = client.head(url) if head else client.get(url)
        assert response.status_code < 500, url

    check()
