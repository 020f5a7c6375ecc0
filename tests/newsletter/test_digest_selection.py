"""Which articles belong to a month's edition: Amsterdam month bounds, undated, scheduled, hidden, themes off."""

import datetime
import importlib
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.utils import timezone

from news.models import Article
from news.services import article_publish, article_save
from newsletter.selectors import digest_article_list, month_bounds, publication_moment
from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime.date(2027, 3, 1)
# Assembly runs on 1 April at 06:00 (beat).
AT_ASSEMBLY = datetime.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)


def local(*args):
    return datetime.datetime(*args, tzinfo=AMS)


def march_titles(now=AT_ASSEMBLY):
    return {article.title for article in digest_article_list(month=MARCH, now=now)}


def test_month_bounds_are_local_midnights_across_the_dst_change():
    start, end = month_bounds(MARCH)

    assert start == local(2027, 3, 1) and start.utcoffset() == datetime.timedelta(hours=1)
    assert end == local(2027, 4, 1) and end.utcoffset() == datetime.timedelta(hours=2)  # summer time since 28 March


def test_selection_publish_at_counts_in_amsterdam_time():
    ArticleFactory(
        title="1 maart 00:30", publish_at=local(2027, 3, 1, 0, 30), publication_date=datetime.date(2027, 3, 1)
    )
    ArticleFactory(
        title="28 feb 23:59", publish_at=local(2027, 2, 28, 23, 59), publication_date=datetime.date(2027, 2, 28)
    )
    ArticleFactory(
        title="31 mrt 23:59", publish_at=local(2027, 3, 31, 23, 59), publication_date=datetime.date(2027, 3, 31)
    )
    ArticleFactory(title="1 apr 00:01", publish_at=local(2027, 4, 1, 0, 1), publication_date=datetime.date(2027, 4, 1))

    # 1 March 00:30 in Amsterdam is still 28 February in UTC: the local month decides.
    assert local(2027, 3, 1, 0, 30).astimezone(datetime.UTC).day == 28
    assert march_titles() == {"1 maart 00:30", "31 mrt 23:59"}


def test_selection_dated_article_without_publish_at_counts_by_its_publication_date():
    ArticleFactory(title="eerste", publication_date=datetime.date(2027, 3, 1))
    ArticleFactory(title="laatste", publication_date=datetime.date(2027, 3, 31))
    ArticleFactory(title="februari", publication_date=datetime.date(2027, 2, 28))
    ArticleFactory(title="april", publication_date=datetime.date(2027, 4, 1))

    assert march_titles() == {"eerste", "laatste"}


def test_selection_undated_article_counts_by_the_moment_it_was_first_published():
    # An undated article's date is a sort key borrowed from its neighbours: it does not decide the month.
    ArticleFactory(
        title="ongedateerd, in maart gepubliceerd",
        undated=True,
        publication_date=datetime.date(2026, 11, 3),
        first_published_at=local(2027, 3, 12, 10),
    )
    ArticleFactory(
        title="ongedateerd, in februari gepubliceerd",
        undated=True,
        publication_date=datetime.date(2027, 3, 20),
        first_published_at=local(2027, 2, 27, 10),
    )

    assert march_titles() == {"ongedateerd, in maart gepubliceerd"}


def test_selection_leaves_out_scheduled_unpublished_and_expired_articles():
    ArticleFactory(title="zichtbaar", publication_date=datetime.date(2027, 3, 5))
    ArticleFactory(title="concept", draft=True, publication_date=datetime.date(2027, 3, 5))
    ArticleFactory(title="review", review=True, publication_date=datetime.date(2027, 3, 5))
    ArticleFactory(title="verlopen", publication_date=datetime.date(2027, 3, 5), unpublish_at=local(2027, 3, 30))
    ArticleFactory(
        title="nog ingepland", publish_at=local(2027, 3, 31, 23), publication_date=datetime.date(2027, 3, 31)
    )

    assert march_titles(now=local(2027, 3, 31, 22)) == {"zichtbaar"}
    assert march_titles(now=local(2027, 4, 1, 6)) == {"zichtbaar", "nog ingepland"}


def test_selection_leaves_out_articles_whose_themes_are_all_switched_off():
    off = ThemeFactory(name="Uit", is_active=False)
    on = ThemeFactory(name="Aan")
    ArticleFactory(title="alleen uit", themes=[off], publication_date=datetime.date(2027, 3, 5))
    ArticleFactory(title="uit en aan", themes=[off, on], publication_date=datetime.date(2027, 3, 6))

    (article,) = digest_article_list(month=MARCH, now=AT_ASSEMBLY)

    assert article.title == "uit en aan"
    assert [theme.name for theme in article.active_themes] == ["Aan"]


def test_selection_is_newest_first_by_publication_moment():
    ArticleFactory(title="5 maart", publication_date=datetime.date(2027, 3, 5))
    ArticleFactory(
        title="20 maart 9 uur", publish_at=local(2027, 3, 20, 9), publication_date=datetime.date(2027, 3, 20)
    )
    ArticleFactory(title="12 maart", undated=True, first_published_at=local(2027, 3, 12, 10))

    titles = [article.title for article in digest_article_list(month=MARCH, now=AT_ASSEMBLY)]

    assert titles == ["20 maart 9 uur", "12 maart", "5 maart"]


def test_publication_moment_of_a_dated_article_is_the_start_of_its_day_in_amsterdam():
    article = ArticleFactory.build(publication_date=datetime.date(2027, 7, 1))

    assert publication_moment(article) == local(2027, 7, 1)


# --- first_published_at -----------------------------------------------------------------------


def test_first_published_at_is_set_once_when_an_article_is_first_published():
    article = ArticleFactory(draft=True, undated=True)
    assert article.first_published_at is None

    article_publish(article=article)
    first = Article.objects.get(pk=article.pk).first_published_at
    assert first is not None and abs(first - timezone.now()) < datetime.timedelta(minutes=1)

    article.status = Article.Status.DRAFT
    article_save(article=article)
    article_publish(article=article)
    assert Article.objects.get(pk=article.pk).first_published_at == first


def test_first_published_at_of_a_scheduled_article_is_its_planned_moment():
    planned = timezone.now() + datetime.timedelta(days=3)
    article = ArticleFactory(draft=True, publish_at=planned)

    article_publish(article=article)

    assert Article.objects.get(pk=article.pk).first_published_at == planned


def test_first_published_at_backfill_uses_publish_at_or_the_start_of_the_publication_date():
    migration = importlib.import_module("news.migrations.0008_article_first_published_at")
    scheduled = ArticleFactory(publish_at=local(2027, 3, 9, 14), publication_date=datetime.date(2027, 3, 9))
    dated = ArticleFactory(publication_date=datetime.date(2027, 3, 1))
    draft = ArticleFactory(draft=True)

    migration.backfill(apps, None)

    assert Article.objects.get(pk=scheduled.pk).first_published_at == local(2027, 3, 9, 14)
    assert Article.objects.get(pk=dated.pk).first_published_at == local(2027, 3, 1)
    assert Article.objects.get(pk=draft.pk).first_published_at is None
