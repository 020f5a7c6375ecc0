"""Page cache: served from cache, invalidated by public_pages_changed, scheduled changes on time."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from news.caching import _from_entry, public_pages_changed
from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_cache_serves_the_second_request(client):
    ArticleFactory(title="Eerste versie")

    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "hit"


def test_cache_published_change_is_visible_on_next_request(client):
    article = ArticleFactory(title="Eerste versie")
    assert "Eerste versie" in client.get("/").content.decode()

    # As every service write does, the change moves updated_at: the article's card is cached under it.
    Article.objects.filter(pk=article.pk).update(title="Tweede versie", updated_at=timezone.now())
    public_pages_changed()

    html = client.get("/").content.decode()
    assert "Tweede versie" in html
    assert "Eerste versie" not in html


def test_cache_scheduled_article_appears_after_publish_at(client):
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    ArticleFactory(title="Ingepland bericht", publish_at=publish_at)
    assert "Ingepland bericht" not in client.get("/").content.decode()

    with time_machine.travel(publish_at + datetime.timedelta(seconds=1), tick=False):
        html = client.get("/").content.decode()

    assert "Ingepland bericht" in html


def test_cache_article_disappears_after_unpublish_at(client):
    unpublish_at = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(title="Tijdelijk bericht", unpublish_at=unpublish_at)
    assert "Tijdelijk bericht" in client.get("/").content.decode()

    with time_machine.travel(unpublish_at + datetime.timedelta(seconds=1), tick=False):
        html = client.get("/").content.decode()

    assert "Tijdelijk bericht" not in html


def test_cache_is_bypassed_for_visitors_with_a_session(client):
    ArticleFactory(title="Eerste versie")
    client.cookies["sessionid"] = "iets"

    client.get("/")
    response = client.get("/")

    assert "X-Cache" not in response


def test_cache_response_varies_on_cookie_and_sets_no_cookie(client):
    response = client.get("/")

    assert "Cookie" in response["Vary"]
    assert "max-age" in response["Cache-Control"]
    assert not response.cookies


def test_cache_hit_gives_the_page_a_fresh_csp_nonce():
    entry = {
        "token": "t",
        "status": 200,
        "headers": [("Content-Security-Policy", "script-src 'nonce-oudenonce'"), ("X-Frame-Options", "DENY")],
        "content": b'<script nonce="oudenonce">x</script>',
        "nonce": "oudenonce",
    }

    response = _from_entry(entry)

    new_nonce = response["Content-Security-Policy"].split("'nonce-")[1].rstrip("'")
    assert new_nonce != "oudenonce"
    assert response.content == f'<script nonce="{new_nonce}">x</script>'.encode()
    assert response["X-Frame-Options"] == "DENY"


def _without_cache_marker(response) -> dict:
    return {name: value for name, value in response.headers.items() if name != "X-Cache"}


@pytest.mark.parametrize("path", ["/", "/feeds/nieuws/", "/zoeken/?q=regeling", "/themas/"])
def test_cache_hit_carries_the_same_headers_as_the_miss(client, settings, path):
    settings.SECURE_HSTS_SECONDS = 3600
    ArticleFactory(title="Nieuwe regeling")

    miss = client.get(path, secure=True)
    hit = client.get(path, secure=True)

    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert _without_cache_marker(hit) == _without_cache_marker(miss)
    assert hit.content == miss.content
    for header in ("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "Vary"):
        assert header in hit, header


def test_cache_hit_runs_no_other_middleware_and_no_view(client):
    ArticleFactory()
    client.get("/")
    session_middleware = "django.contrib.sessions.middleware.SessionMiddleware.process_request"

    with mock.patch(session_middleware) as inner, mock.patch("news.views.selectors.article_page_published") as view:
        response = client.get("/")

    assert response["X-Cache"] == "hit"
    inner.assert_not_called()
    view.assert_not_called()


@pytest.mark.skipif(not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"), reason="needs Redis")
def test_cache_hit_is_one_redis_round_trip(client):
    ArticleFactory()
    client.get("/")
    redis = cache._cache.get_client()
    before = redis.info("commandstats")

    assert client.get("/")["X-Cache"] == "hit"

    after = redis.info("commandstats")
    calls = {name: after[name]["calls"] - before.get(name, {"calls": 0})["calls"] for name in after}
    # The INFO command of this test itself is the only other call.
    assert {name: count for name, count in calls.items() if count} == {"cmdstat_mget": 1, "cmdstat_info": 1}


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "voorkeur"])
def test_cache_is_bypassed_for_requests_with_any_cookie(client, cookie):
    ArticleFactory(title="Eerste versie")
    client.get("/")
    client.cookies[cookie] = "iets"

    response = client.get("/")

    assert "X-Cache" not in response


def test_cache_logged_in_staff_see_fresh_pages_and_do_not_fill_the_cache(client, admin_user):
    article = ArticleFactory(title="Eerste versie")
    client.get("/")  # cached for visitors
    article.title = "Tweede versie"
    article.save()  # updated_at moves, as with every edit; the page cache's token is left alone here
    client.force_login(admin_user)

    staff_html = client.get("/").content.decode()
    client.logout()
    client.cookies.clear()
    visitor = client.get("/")

    assert "Tweede versie" in staff_html
    assert visitor["X-Cache"] == "hit"
    assert "Eerste versie" in visitor.content.decode()


def test_cache_entry_of_an_old_token_is_not_served(client):
    ArticleFactory(title="Eerste versie")
    client.get("/")
    public_pages_changed()

    assert client.get("/")["X-Cache"] == "miss"


def test_cache_article_published_through_the_service_shows_on_next_request(client, django_capture_on_commit_callbacks):
    from news.services.articles import article_publish

    article = ArticleFactory(title="Net gepubliceerd", draft=True)
    assert "Net gepubliceerd" not in client.get("/").content.decode()
    assert client.get("/")["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article)

    assert "Net gepubliceerd" in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200
