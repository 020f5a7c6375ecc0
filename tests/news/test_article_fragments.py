"""Fragment cache of the article page's own markup: keyed by the rows it shows, so every change shows at once."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from news.caching import public_pages_changed
from news.models import Article, ArticleLink, ContactPoint, Document, SiteText, Theme
from news.templatetags import article_fragments, safe_html
from tests.factories import ArticleFactory, ContactPointFactory, DocumentFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_uncached(settings):
    settings.PUBLIC_PAGE_CACHE = False  # measured here: the page's rendering, not the page cache
    settings.FRAGMENT_CACHE = True
    article_fragments.local_entries.clear()


@pytest.fixture
def article():
    contact = ContactPointFactory(name="Wijkteam Noord", email="noord@example.nl")
    theme = ThemeFactory(name="Wonen", slug="wonen", contact_point=contact)
    article = ArticleFactory(title="Hoofdbericht", themes=[theme], links=[("Aanmelden", "https://example.nl/a")])
    article.documents.add(DocumentFactory(title="Raadsbrief woningbouw"))
    article.related_articles.add(ArticleFactory(title="Verwant bericht"))
    return article


def _page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _body_renders(client, article) -> int:
    """How often the article body was sanitised (inside the cached block) while the page was served."""
    with mock.patch.object(safe_html, "clean_html", wraps=safe_html.clean_html) as clean:
        _page(client, article)
    return clean.call_count


def test_article_markup_comes_from_the_cache_the_second_time(client, article):
    assert _body_renders(client, article) == 1
    assert _body_renders(client, article) == 0


def test_page_html_is_the_same_with_and_without_the_fragment_cache(client, settings, article):
    settings.FRAGMENT_CACHE = False
    plain = _page(client, article)
    settings.FRAGMENT_CACHE = True
    _page(client, article)  # fills the cache
    cached = _page(client, article)

    assert "Wijkteam Noord" in plain and "Raadsbrief woningbouw" in plain and "Verwant bericht" in plain
    assert re.sub(r'nonce="[^"]*"', "", cached) == re.sub(r'nonce="[^"]*"', "", plain)


def test_without_the_fragment_cache_the_markup_is_rendered_every_time(client, settings, article):
    settings.FRAGMENT_CACHE = False
    _page(client, article)

    assert _body_renders(client, article) == 1


# Each change is made with QuerySet.update(): no save(), no signal, no updated_at of the article. The key is a
# digest of the rows the page shows, so the page shows the change without anything being invalidated.
CHANGES = {
    "article title": (lambda a: Article.objects.filter(pk=a.pk).update(title="Nieuwe titel"), "Nieuwe titel"),
    "theme name": (lambda a: Theme.objects.filter(slug="wonen").update(name="Wonen en zorg"), "Wonen en zorg"),
    "contact point": (
        lambda a: ContactPoint.objects.filter(name="Wijkteam Noord").update(email="wijk@example.nl"),
        "wijk@example.nl",
    ),
    "document": (
        lambda a: Document.objects.filter(title="Raadsbrief woningbouw").update(title="Raadsbrief wonen"),
        "Raadsbrief wonen",
    ),
    "link": (lambda a: ArticleLink.objects.filter(article=a).update(label="Direct aanmelden"), "Direct aanmelden"),
    "related title": (
        lambda a: Article.objects.filter(title="Verwant bericht").update(title="Ander verwant bericht"),
        "Ander verwant bericht",
    ),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_every_change_to_what_the_page_shows_is_shown_at_once(client, article, change):
    make_change, expected = CHANGES[change]
    _page(client, article)

    make_change(article)

    assert expected in _page(client, article)


@pytest.mark.parametrize(
    "hide",
    [
        lambda: Article.objects.filter(title="Verwant bericht").update(status=Article.Status.DRAFT),
        lambda: Theme.objects.filter(slug="wonen").update(is_active=False),
        lambda: Document.objects.filter(title="Raadsbrief woningbouw").delete(),
        lambda: ArticleLink.objects.all().delete(),
    ],
    ids=["related unpublished", "theme deactivated", "document removed", "link removed"],
)
def test_rows_that_leave_the_page_leave_the_cached_markup(client, article, hide):
    before = _page(client, article)
    hide()
    after = _page(client, article)

    assert before != after
    assert "Verwant bericht" in before and "Wijkteam Noord" in before and "Raadsbrief woningbouw" in before


def test_related_article_that_expires_leaves_the_page_on_time(client, article, time_machine):
    ends = timezone.now() + datetime.timedelta(hours=1)
    Article.objects.filter(title="Verwant bericht").update(unpublish_at=ends)
    assert "Verwant bericht" in _page(client, article)

    time_machine.move_to(ends + datetime.timedelta(minutes=1))

    assert "Verwant bericht" not in _page(client, article)


def test_key_changes_with_language_content_values_and_site_url(settings):
    article = Article(pk=1)
    article.page_digest = "abc"
    key = article_fragments.article_fragment_key(article, ["Nieuwsportaal"])

    assert article_fragments.article_fragment_key(article, ["Ander portaal"]) != key
    settings.SITE_URL = "https://elders.example.nl"
    assert article_fragments.article_fragment_key(article, ["Nieuwsportaal"]) != key
    with mock.patch.object(article_fragments, "get_language", return_value="en"):
        assert article_fragments.article_fragment_key(article, ["Nieuwsportaal"]) != key
    article.page_digest = "abd"
    assert article_fragments.article_fragment_key(article, ["Nieuwsportaal"]) != key
    article.page_digest = None
    assert article_fragments.article_fragment_key(article, ["Nieuwsportaal"]) is None


def test_all_parts_of_a_page_view_come_from_one_cache_read(client, article):
    _page(client, article)
    article_fragments.local_entries.clear()  # as in another process

    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        html = _page(client, article)

    reads = [call for call in get.call_args_list if call.args[0].startswith("news:article:")]
    assert len(reads) == 1
    assert 'property="og:title" content="Hoofdbericht"' in html and 'aria-current="page">Hoofdbericht' in html
    assert _body_renders(client, article) == 0  # the other process rendered nothing either


def test_the_process_keeps_the_entries_it_used_last(client, article):
    _page(client, article)

    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        _page(client, article)

    assert not [call for call in get.call_args_list if call.args[0].startswith("news:article:")]
    local = article_fragments._LocalEntries(2)
    for key in ("a", "b", "a", "c"):
        local.put(key, {"main": key})
    assert local.get("b") is None and local.get("a") == {"main": "a"} and local.get("c") == {"main": "c"}


def test_a_new_site_title_is_shown_in_the_cached_meta_tags(client, article):
    _page(client, article)

    SiteText.objects.update_or_create(pk=1, defaults={"title": "Nieuwe sitenaam"})
    public_pages_changed()  # as the site text admin does: the chrome is rebuilt

    assert 'property="og:site_name" content="Nieuwe sitenaam"' in _page(client, article)
