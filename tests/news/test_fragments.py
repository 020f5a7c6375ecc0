"""Fragment cache of the article cards: keyed by article and updated_at, one round trip, same HTML."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import fragments
from news.caching import public_pages_changed
from news.models import Article
from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_uncached(settings):
    settings.PUBLIC_PAGE_CACHE = False  # what is measured here is the rendering of a page, not the page cache
    settings.FRAGMENT_CACHE = True


def _without_nonce(html: bytes) -> bytes:
    return re.sub(rb'nonce="[^"]*"', b"", html)


def test_card_shows_the_edited_article_and_keeps_the_others(client):
    edited = ArticleFactory(title="Eerste versie", links=[("Aanmelden", "https://example.nl/a")])
    ArticleFactory(title="Ander bericht")
    client.get("/")
    # A change that leaves updated_at alone is not seen: the card really comes from the cache.
    Article.objects.filter(pk=edited.pk).update(title="Stille wijziging")
    assert "Eerste versie" in client.get("/").content.decode()

    edited.refresh_from_db()
    edited.title = "Tweede versie"
    edited.save()  # as article_save does: updated_at moves
    with mock.patch.object(fragments, "_render", wraps=fragments._render) as render:
        html = client.get("/").content.decode()

    assert "Tweede versie" in html and "Eerste versie" not in html
    assert "Ander bericht" in html
    rendered = {pk for call in render.call_args_list for _variant, pk in call.args[0]}
    assert rendered == {edited.pk}  # only the edited article's card and contents entry were rendered again


def test_cards_are_read_in_one_round_trip_and_stored_in_one_then_kept_in_the_process(client):
    theme = ThemeFactory(slug="wonen")
    ArticleFactory.create_batch(5, themes=[theme], links=[("Meer", "https://example.nl/m")])
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many:
        with mock.patch.object(cache, "set_many", wraps=cache.set_many) as set_many:
            client.get("/themas/wonen/")
            client.get("/themas/wonen/")  # the cards this process has: no round trip
            public_pages_changed()  # a new content token: the process starts over, the shared cache has them
            client.get("/themas/wonen/")

    card_reads = [call for call in get_many.call_args_list if call.args[0][0].startswith("news:card:")]
    assert len(card_reads) == 2 and all(len(call.args[0]) == 5 for call in card_reads)
    assert set_many.call_count == 1  # the first request stores the five misses; the others have none


def test_a_new_content_token_empties_the_process_memo(client):
    ArticleFactory(title="Eerste versie")
    client.get("/")
    cache.clear()  # what an operator does to start over; the token goes with it
    Article.objects.update(title="Stille wijziging")  # updated_at stays: only a render can show it

    assert "Stille wijziging" in client.get("/").content.decode()


def test_cached_cards_need_no_links_query(client):
    ArticleFactory.create_batch(3, links=[("Meer", "https://example.nl/m")])
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()

    assert html.count("https://example.nl/m") == 3
    assert not [query for query in queries.captured_queries if "news_articlelink" in query["sql"]]


@pytest.mark.parametrize("path", ["/", "/themas/wonen/", "archive"])
def test_page_html_is_the_same_with_and_without_the_fragment_cache(client, settings, path):
    theme = ThemeFactory(slug="wonen")
    articles = ArticleFactory.create_batch(3, themes=[theme], links=[("Meer", "https://example.nl/m")])
    ArticleFactory(title="Vastgezet", pinned=True, themes=[theme], links=[("Melden", "https://example.nl/p")])
    if path == "archive":
        day = articles[0].publication_date
        path = f"/archief/{day.year}/{day.month}/"
    settings.FRAGMENT_CACHE = False
    plain = client.get(path).content
    settings.FRAGMENT_CACHE = True
    client.get(path)  # fills the cache
    cached = client.get(path).content

    assert b"news-item" in plain
    assert path != "/" or (b"news-notice" in plain and b"news-toc" in plain)
    assert _without_nonce(cached) == _without_nonce(plain)


def test_card_key_changes_with_language_and_variant():
    article = ArticleFactory()
    key = fragments.card_key(article, level=2, with_details=False)

    assert key != fragments.card_key(article, level=3, with_details=False)
    assert key != fragments.card_key(article, level=2, with_details=True)
    with mock.patch.object(fragments, "get_language", return_value="en"):
        assert key != fragments.card_key(article, level=2, with_details=False)
