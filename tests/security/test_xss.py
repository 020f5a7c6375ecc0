"""Hostile text in every field that reaches HTML is rendered harmless: pages, feeds, search and mail.

Two ways in: through the services (what editors and imports do) and straight into the database (shell,
SQL, an old import). Each page is parsed with html.parser and compared with the same page holding
harmless values (tests/security/html_check.py): no extra tag, attribute, URL scheme, comment or script.
"""

import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.models import Article, ArticleLink, ContactPoint, Document, QuickLink, SiteText, Theme
from news.sanitize import clean_html
from news.services import article_save
from news.templatetags.safe_html import safe_url
from newsletter.emails import build_email
from tests.factories import (
    ArticleFactory,
    ArticleLinkFactory,
    ContactPointFactory,
    DocumentFactory,
    QuickLinkFactory,
    SiteTextFactory,
    ThemeFactory,
)
from tests.news.xss_corpus import XSS_VECTORS
from tests.security.html_check import parse, problems, url_is_safe

pytestmark = pytest.mark.django_db

SEARCH_WORD = "zoekwoord"
ATOM = "{http://www.w3.org/2005/Atom}"
# Every plain-text and URL field that a template, feed or mail shows, per model. Written with the same
# hostile value; `title` keeps the search word in front so that the search page lists the article.
PLAIN_FIELDS = {
    Article: [
        *("title", "subtitle", "lead", "author", "image_alt", "image_credit"),
        *("event_location", "event_address", "event_accreditation", "event_registration_url"),
    ],
    ArticleLink: ["label", "url"],
    ContactPoint: ["name", "email", "phone", "url", "notes"],
    Theme: ["name", "description"],
    Document: ["title", "summary", "issuer", "text"],
    QuickLink: ["label", "url"],
    SiteText: ["title", "intro", "newsletter_cta"],
}
# Hostile pieces: markup, entities, schemes, quotes, comments, template syntax, odd Unicode.
PIECES = [
    *("<", ">", "</", "/>", '"', "'", "`", "=", "&", ";", ":", "/", "\\", " ", "\n", "\t", "\r", "\x01", "\x0b"),
    *("&lt;", "&gt;", "&amp;", "&#60;", "&#x3C;", "&quot;", "&#39;", "&#x6A;", "&colon;", "&Tab;"),
    *("script", "img", "svg", "a", "p", "iframe", "style", "math", "base", "meta", "link", "form", "mark"),
    *(" src=x", " href=", " onerror=alert(1)", " onload=alert(1)", " style=x:expression(alert(1))"),
    *("javascript:", "JaVaScRiPt:", "java\tscript:", "data:text/html,", "vbscript:", "alert(1)"),
    *("<!--", "-->", "<![CDATA[", "]]>", "<!doctype html>", "<?xml ?>", "{{ x }}", "{% now 'Y' %}"),
    *("\u2028", "\ufeff", "\u202e", "é", "€", "\U0001d54f", "\U0001f600", "%3C", "%00"),
]
fragments = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), min_size=1, max_size=15).map("".join),
    st.tuples(st.sampled_from(XSS_VECTORS), st.sampled_from(XSS_VECTORS), st.sampled_from(PIECES)).map("".join),
)
# Generated fragments are checked in batches: one database write and one render of every page per batch,
# each fragment of the batch in a different field (see `_write_batch`). BATCHES x BATCH_SIZE = 2,000.
BATCH_SIZE = 8
BATCHES = 250
HYPOTHESIS = settings(
    max_examples=BATCHES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass
class Site:
    article: Article
    related: Article
    theme: Theme
    pages: dict = field(repr=False)
    core_pages: list = field(repr=False)
    baseline: dict = field(default_factory=dict, repr=False)


@pytest.fixture
def site(settings, tmp_path):
    """Every kind of content a public page shows, with harmless values; returns the objects and URLs."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUBLIC_PAGE_CACHE = False
    contact = ContactPointFactory(in_contact_block=True, notes="Op werkdagen.\nOok 's avonds.")
    theme = ThemeFactory(slug="jeugd", name="Jeugd", contact_point=contact)
    document = DocumentFactory(title=f"{SEARCH_WORD} raadsbrief", themes=[theme])
    related = ArticleFactory(title=f"{SEARCH_WORD} gerelateerd", themes=[theme], body="<p>Rijke tekst.</p>")
    article = ArticleFactory(
        event=True,
        with_image=True,
        title=f"{SEARCH_WORD} bijeenkomst",
        subtitle="Ondertitel",
        author="Redactie",
        event_accreditation="Accreditatie aangevraagd",
        themes=[theme],
    )
    article.related_articles.add(related)
    article.documents.add(document)
    ArticleLinkFactory(article=article, label="Meer informatie", url="https://www.example.nl/info")
    ArticleFactory(pinned=True, title="Mededeling", themes=[theme])
    QuickLinkFactory(label="Snel naar jeugd", url="/themas/jeugd/")
    SiteTextFactory(newsletter_cta="Meld u aan.")
    # The default themes (data migration) have no description: give every row a value, as the attack will.
    Theme.objects.filter(description="").update(description="Nieuws en informatie.")
    today = timezone.localdate()
    pages = {
        "/": False,
        article.get_absolute_url(): False,
        related.get_absolute_url(): True,  # its body carries the hostile rich text
        "/themas/": False,
        theme.get_absolute_url(): False,
        f"/archief/{today.year}/": False,
        f"/archief/{today.year}/{today.month}/": False,
        f"/zoeken/?q={SEARCH_WORD}": False,
        "/nieuwsbrief/aanmelden/": False,
    }
    # Between them these pages show every field; the generated-input test renders only these, for speed.
    core = [article.get_absolute_url(), related.get_absolute_url(), "/", theme.get_absolute_url()]
    core.append(f"/zoeken/?q={SEARCH_WORD}")
    return Site(article=article, related=related, theme=theme, pages=pages, core_pages=core)


def _emails(site) -> dict[str, str]:
    """The confirmation and welcome mails' HTML, for the site's themes (theme names reach the mail)."""
    themes = list(Theme.objects.all())
    confirm = build_email(
        "newsletter/confirm",
        to=["iemand@example.nl"],
        context={
            "confirm_url": "https://nieuws.example.nl/nieuwsbrief/bevestigen/x/",
            "themes": themes,
            "valid_days": 7,
        },
    )
    welcome = build_email(
        "newsletter/welcome",
        to=["iemand@example.nl"],
        context={
            "subscriber": SimpleNamespace(all_themes=False),
            "themes": themes,
            "preferences_url": "https://nieuws.example.nl/nieuwsbrief/voorkeuren/x/",
            "unsubscribe_url": "https://nieuws.example.nl/nieuwsbrief/afmelden/x/",
        },
    )
    return {"mail:confirm": confirm.alternatives[0][0], "mail:welcome": welcome.alternatives[0][0]}


def _render(client, site, pages=None) -> dict[str, str]:
    cache.clear()  # the chrome (page texts, contact block, quick links) is cached per content version
    rendered = {}
    for path in pages or site.pages:
        response = client.get(path)
        assert response.status_code == 200, path
        rendered[path] = response.content.decode()
    rendered.update(_emails(site))
    return rendered


def _check_feeds(client, site) -> None:
    for path in ("/feeds/nieuws/", f"/themas/{site.theme.slug}/feed/"):
        response = client.get(path)
        assert response.status_code == 200, path
        root = ET.fromstring(response.content)  # noqa: S314 (our own feed); raises when not well-formed
        assert [e.tag for e in root.iter() if e.get("type") not in {None, "text"}] == [], path


def _baseline(client, site) -> dict:
    return {name: parse(document) for name, document in _render(client, site).items()}


def _assert_harmless(client, site, baseline, pages=None) -> None:
    for name, document in _render(client, site, pages).items():
        found = problems(document, baseline[name], rich=site.pages.get(name, False))
        assert found == [], f"{name}: {found}"
    _check_feeds(client, site)


def _fit(model, name: str, value: str) -> str:
    """`value` cut to the column's length; PostgreSQL refuses NUL in text, and an image needs its alt text."""
    value = value.replace("\x00", "") or "x"
    field = model._meta.get_field(name)
    return value[: field.max_length] if isinstance(field, models.CharField) and field.max_length else value


def _write_directly(site, value: str) -> None:
    """Put `value` into every shown field with UPDATE statements: no service, no form, no cleaning."""
    for model, names in PLAIN_FIELDS.items():
        rows = model.objects.filter(pk=site.article.pk) if model is Article else model.objects.all()
        rows.update(**{name: _fit(model, name, value) for name in names})
    Article.objects.filter(pk=site.article.pk).update(title=_fit(Article, "title", f"{SEARCH_WORD} {value}"))
    Article.objects.filter(pk=site.related.pk).update(
        title=f"{SEARCH_WORD} gerelateerd", body=_fit(Article, "body", value)
    )


# --- Known vectors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vector_written_to_the_database_is_rendered_harmless(client, site, vector):
    baseline = _baseline(client, site)

    _write_directly(site, vector)

    _assert_harmless(client, site, baseline)


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vector_saved_through_the_service_is_rendered_harmless(client, site, vector):
    baseline = _baseline(client, site)
    text = vector.replace("\x00", "")
    article = Article.objects.get(pk=site.article.pk)
    for name in ("subtitle", "author", "event_location", "event_address", "event_accreditation"):
        setattr(article, name, _fit(Article, name, text))
    article.lead = f"Inleiding {text}"  # the service strips markup; a lead may not end up empty
    article.title = _fit(Article, "title", f"{SEARCH_WORD} {text}")
    article_save(article=article, links=[(_fit(ArticleLink, "label", text), "https://www.example.nl/info")])
    related = Article.objects.get(pk=site.related.pk)
    related.body = text
    article_save(article=related)

    _assert_harmless(client, site, baseline)


def test_xss_database_body_with_script_is_cleaned_at_output(client, site):
    Article.objects.filter(pk=site.related.pk).update(
        body="<p>Tekst</p><script>alert(1)</script><img src=x onerror=alert(1)>"
    )

    html = client.get(site.related.get_absolute_url()).content.decode()

    assert "<p>Tekst</p>" in html
    assert "<script>alert(1)" not in html
    assert "onerror" not in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<script>x</script>"])
def test_xss_database_link_targets_with_a_script_scheme_become_harmless(client, site, url):
    ArticleLink.objects.update(url=url)
    QuickLink.objects.update(url=url)
    ContactPoint.objects.update(url=url)
    Article.objects.update(event_registration_url=url)

    for path in ("/", site.article.get_absolute_url()):
        markup = parse(client.get(path).content.decode())
        assert all("script" not in value.lower() for _tag, _name, value in markup.urls), path


# --- Generated fragments -------------------------------------------------------------------------


def _write_batch(site, batch: list[str]) -> int:
    """Like `_write_directly`, but each field of each row gets the next fragment of `batch`, round robin.

    So one render of the pages shows every fragment of the batch (a page shows more fields than a batch
    has fragments), each in other fields than the batch before. Returns the number of fields written.
    """
    slots = itertools.count()

    def value() -> str:
        return batch[next(slots) % len(batch)]

    for model, names in PLAIN_FIELDS.items():
        rows = model.objects.filter(pk=site.article.pk) if model is Article else model.objects.all()
        for pk in rows.order_by("pk").values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(**{name: _fit(model, name, value()) for name in names})
    Article.objects.filter(pk=site.article.pk).update(title=_fit(Article, "title", f"{SEARCH_WORD} {value()}"))
    Article.objects.filter(pk=site.related.pk).update(
        title=f"{SEARCH_WORD} gerelateerd", body=_fit(Article, "body", value())
    )
    return next(slots)


EMPTY = parse("")


def _assert_filters_harmless(fragment: str) -> None:
    """The output filters in-process, once per fragment: the rich-text allow-list and the link filter."""
    found = problems(clean_html(fragment), EMPTY, rich=True)
    assert found == [], f"clean_html({fragment!r}): {found}"
    assert url_is_safe(safe_url(fragment)), f"safe_url({fragment!r})"


def test_xss_batch_puts_every_fragment_in_fields(site):
    """The batching below is only as good as its spread: every fragment lands in several fields."""
    batch = [f"fragment-{index}" for index in range(BATCH_SIZE)]

    written = _write_batch(site, batch)

    assert written >= 3 * BATCH_SIZE
    theme_names = set(Theme.objects.values_list("name", flat=True))
    assert len(theme_names) > 1  # rows of one model differ too, so a list page shows several fragments
    article = Article.objects.get(pk=site.article.pk)
    assert len({article.subtitle, article.lead, article.author, article.image_alt}) == 4


@pytest.mark.slow
@HYPOTHESIS
@given(batch=st.lists(fragments, min_size=BATCH_SIZE, max_size=BATCH_SIZE))
def test_xss_generated_fragments_in_every_field_are_rendered_harmless(client, site, batch):
    baseline = site.baseline = site.baseline or _baseline(client, site)
    for fragment in batch:
        _assert_filters_harmless(fragment)

    _write_batch(site, batch)

    _assert_harmless(client, site, baseline, site.core_pages)
