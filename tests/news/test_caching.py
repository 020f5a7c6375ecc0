"""Page cache: served from cache, invalidated by public_pages_changed, scheduled changes on time."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from news.caching import _from_cache, public_pages_changed
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

    Article.objects.filter(pk=article.pk).update(title="Tweede versie")
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


def test_cache_replaces_the_csp_nonce_on_a_hit(rf):
    from django.http import HttpResponse
    from django.utils.csp import LazyNonce

    request = rf.get("/")
    request._csp_nonce = LazyNonce()
    entry = {"response": HttpResponse('<script nonce="oudenonce">x</script>'), "nonce": "oudenonce"}

    response = _from_cache(request, entry)

    assert b"oudenonce" not in response.content
    assert f'nonce="{request._csp_nonce}"'.encode() in response.content


def test_cache_article_published_through_the_service_shows_on_next_request(client, django_capture_on_commit_callbacks):
    from news.services.articles import article_publish

    article = ArticleFactory(title="Net gepubliceerd", draft=True)
    assert "Net gepubliceerd" not in client.get("/").content.decode()
    assert client.get("/")["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article)

    assert "Net gepubliceerd" in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200
