"""Queries compiled once per process (news.prepared): each run binds its own "now" and ids."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import selectors
from news.models import Article
from news.prepared import PreparedQuery
from tests.factories import ArticleFactory, DocumentFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _published_ids(*, now):
    return Article.objects.published(now).order_by("pk").values_list("pk", flat=True)


def test_each_run_binds_its_own_now():
    now = timezone.now()
    shown = ArticleFactory()
    later = ArticleFactory(publish_at=now + datetime.timedelta(hours=1))
    query = PreparedQuery(_published_ids)

    assert query.rows(now=now) == [(shown.pk,)]
    assert query.rows(now=now + datetime.timedelta(hours=2)) == [(shown.pk,), (later.pk,)]


def test_a_placeholder_the_query_does_not_use_is_refused():
    query = PreparedQuery(lambda *, now, theme_id: _published_ids(now=now), theme_id=-19010203)

    with pytest.raises(RuntimeError, match="placeholder"):
        query.rows(now=timezone.now(), theme_id=1)


def test_the_first_news_page_is_one_query_with_the_pin_of_today():
    today = timezone.localdate()
    pin = ArticleFactory(is_pinned=True, pinned_until=today, publication_date=datetime.date(2020, 1, 1))
    newest = ArticleFactory(publication_date=datetime.date(2024, 1, 1))

    with CaptureQueriesContext(connection) as queries:
        page = selectors.article_page_published(number=1)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    next_day = selectors.article_page_published(number=1, now=tomorrow)

    assert len(queries) == 1
    assert [(item.pk, item.pinned_now) for item in page.items] == [(pin.pk, True), (newest.pk, False)]
    assert [(item.pk, item.pinned_now) for item in next_day.items] == [(newest.pk, False), (pin.pk, False)]


def test_theme_documents_are_the_public_ones_as_full_documents():
    theme, other = ThemeFactory(), ThemeFactory()
    linked = DocumentFactory(title="Gekoppeld", date=datetime.date(2024, 1, 2), themes=[theme])
    ArticleFactory().documents.add(linked)
    alone = DocumentFactory(title="Los", date=datetime.date(2024, 1, 1), themes=[theme])
    ArticleFactory(draft=True).documents.add(DocumentFactory(title="Geheim", themes=[theme]))
    DocumentFactory(title="Ander thema", themes=[other])

    documents = selectors.theme_documents(theme=theme)

    assert documents == [linked, alone]
    assert documents[0].title == "Gekoppeld" and documents[0].file.name == linked.file.name
    assert documents[0].get_absolute_url() == linked.get_absolute_url()
    assert selectors.theme_documents(theme=theme, limit=1) == [linked]
