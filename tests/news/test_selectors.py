"""Selectors and the site chrome: what they return, and that the chrome is built once per content version."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from news import selectors
from news.caching import next_transition, public_pages_changed
from news.context_processors import _Memo as _ChromeMemo
from news.context_processors import chrome
from news.models import Article, SiteText
from news.services import defaults_ensure
from tests.factories import ArticleFactory, ContactPointFactory, DocumentFactory, QuickLinkFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_chrome_returns_the_names_the_header_and_footer_use(rf):
    contact = ContactPointFactory(name="Telefoon", in_contact_block=True)
    ContactPointFactory(name="Alleen bij thema")
    link = QuickLinkFactory(label="Subsidies")
    QuickLinkFactory(label="Uit", is_active=False)

    data = chrome(rf.get("/"))

    assert {"site_text", "contact_points", "quick_links", "nav_themes"} <= set(data)
    assert data["site_text"].title
    assert data["contact_points"] == [contact]
    assert data["quick_links"] == [link]
    assert all(theme.is_active for theme in data["nav_themes"])


def test_chrome_is_cached_until_public_pages_change(rf, django_assert_num_queries):
    chrome(rf.get("/"))
    with django_assert_num_queries(0):
        chrome(rf.get("/"))

    QuickLinkFactory(label="Nieuw snel-naar")
    public_pages_changed()

    assert "Nieuw snel-naar" in [link.label for link in chrome(rf.get("/"))["quick_links"]]


def test_site_text_defaults_have_the_wording_a_new_site_stores():
    defaults_ensure()
    stored = SiteText.objects.get(pk=1)

    fallback = selectors.site_text_defaults()

    fields = ("title", "intro", "newsletter_cta")
    assert [str(getattr(fallback, name)) for name in fields] == [getattr(stored, name) for name in fields]


def test_article_page_published_pins_first_then_newest():
    old_pin = ArticleFactory(pinned=True, publication_date=datetime.date(2020, 1, 1))
    newest = ArticleFactory(publication_date=datetime.date(2024, 1, 2))
    older = ArticleFactory(publication_date=datetime.date(2024, 1, 1))

    page = selectors.article_page_published()

    assert [item.pk for item in page.items] == [old_pin.pk, newest.pk, older.pk]
    assert [item.pinned_now for item in page.items] == [True, False, False]
    assert page.items[1].updated_at == newest.updated_at  # what the card's cache key needs
    assert not page.has_next


def test_article_page_published_pages_through_pins_and_the_rest_in_one_order():
    pins = [ArticleFactory(pinned=True, publication_date=datetime.date(2020, 1, day)) for day in (2, 1)]
    expired_pin = ArticleFactory(is_pinned=True, pinned_until=datetime.date(2021, 1, 1))
    expired_pin.publication_date = datetime.date(2023, 6, 1)
    expired_pin.save()
    rest = [ArticleFactory(publication_date=datetime.date(2024, 1, 1) - datetime.timedelta(days=n)) for n in range(20)]

    first = selectors.article_page_published(number=1)
    second = selectors.article_page_published(number=2)

    # Active pins first (newest first), then everything else by date; the expired pin takes its place by date.
    assert [item.pk for item in first.items + second.items] == [article.pk for article in [*pins, *rest, expired_pin]]
    assert [a.pinned_now for a in first.items[:3]] == [True, True, False]
    assert first.has_next
    assert not second.has_next


def test_article_page_published_with_more_pins_than_a_page_holds():
    pins = [
        ArticleFactory(pinned=True, publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
        for n in range(2 * selectors.PAGE_SIZE + 2)
    ]
    other = ArticleFactory(publication_date=datetime.date(2024, 1, 1))
    expected = [*reversed([pin.pk for pin in pins]), other.pk]

    pages = [selectors.article_page_published(number=number) for number in (1, 2, 3)]

    assert [item.pk for page in pages for item in page.items] == expected
    assert [page.has_next for page in pages] == [True, True, False]


def test_article_page_published_raises_for_empty_later_page():
    ArticleFactory()

    with pytest.raises(ValueError):
        selectors.article_page_published(number=2)


def test_article_get_published_returns_only_published_related():
    shown = ArticleFactory(title="Getoond")
    hidden = ArticleFactory(title="Verborgen", draft=True)
    unrelated = ArticleFactory(title="Los")
    article = ArticleFactory()
    article.related_articles.add(shown, hidden)

    found = selectors.article_get_published(slug=article.slug)

    assert found == article
    assert found.related_published == [shown]
    assert unrelated not in found.related_published


def test_article_get_published_of_draft_is_none():
    assert selectors.article_get_published(slug=ArticleFactory(draft=True).slug) is None


def _rich_article():
    """An article with everything its page shows, and rows the page must leave out."""
    contact = ContactPointFactory(name="Wijkteam")
    themes = [ThemeFactory(order=2, contact_point=contact), ThemeFactory(order=1), ThemeFactory(is_active=False)]
    article = ArticleFactory(
        themes=themes, event=True, with_image=True, links=[("B", "https://b.nl"), ("A", "https://a.nl")]
    )
    now = timezone.now()
    article.related_articles.add(
        ArticleFactory(title="Ouder", publication_date=datetime.date(2020, 1, 1)),
        ArticleFactory(title="Nieuwer", undated=True),
        ArticleFactory(draft=True),
        ArticleFactory(scheduled=True),
        ArticleFactory(unpublish_at=now - datetime.timedelta(minutes=1), publish_at=now - datetime.timedelta(days=1)),
        article,
    )
    article.documents.add(DocumentFactory(date=None), DocumentFactory(title="B"), DocumentFactory(title="A"))
    return article


def test_article_get_published_in_one_query_gives_what_the_orm_gives(django_assert_num_queries):
    article = _rich_article()
    now = timezone.now()

    expected = selectors.article_get_published_orm(slug=article.slug, now=now)
    expected_html = _article_html(expected)  # also builds the cached site chrome

    with django_assert_num_queries(1):
        found = selectors.article_get_published(slug=article.slug, now=now)
        html = _article_html(found)

    assert html == expected_html
    assert "Wijkteam" in html  # the theme's contact point, shown under "Vragen?"
    assert [(link.label, link.url) for link in found.links.all()] == [("B", "https://b.nl"), ("A", "https://a.nl")]
    assert list(found.documents.all()) == list(expected.documents.all())
    assert [related.title for related in found.related_published] == ["Nieuwer", "Ouder"]
    assert list(found.themes.all()) == list(expected.themes.all())
    assert [field.attname for field in found._meta.concrete_fields if field.attname in found.get_deferred_fields()] == [
        "search_vector"
    ]


def test_article_get_published_builds_relations_on_first_use_and_counts_them_as_prefetched(
    django_assert_num_queries,
):
    article = _rich_article()
    found = selectors.article_get_published(slug=article.slug)

    assert dict(found._prefetched_objects_cache) == {}  # nothing built until the page needs it
    with django_assert_num_queries(0):
        prefetch_related_objects([found], "themes", "documents", "links")  # already "prefetched"
        assert [theme.is_active for theme in found.themes.all()] == [True, True]
        assert len(found.documents.all()) == 3 and len(found.links.all()) == 2
        assert [related.title for related in found.related_published] == ["Nieuwer", "Ouder"]
    assert set(found._prefetched_objects_cache) == {"themes", "documents", "links"}


def test_article_get_published_relations_are_read_again_after_a_write_or_refresh():
    article = _rich_article()
    found = selectors.article_get_published(slug=article.slug)
    extra = ThemeFactory(name="Extra", order=0)

    found.themes.add(extra)  # drops the unbuilt "themes"
    found.refresh_from_db(fields=["documents"])  # drops the unbuilt "documents"
    found.documents.clear()

    assert extra in found.themes.all()
    assert list(found.documents.all()) == []


def test_article_get_published_prepares_its_query_once_and_nothing_else():
    article = ArticleFactory()
    for _ in range(3):
        selectors.article_get_published(slug=article.slug)
        list(Article.objects.filter(pk=article.pk))  # the connection's other queries stay unprepared

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]

    assert len(statements) == 1
    assert "WITH page AS" in statements[0]


def test_article_get_published_of_expired_or_scheduled_is_none():
    now = timezone.now()
    expired = ArticleFactory(publish_at=now - datetime.timedelta(days=1), unpublish_at=now)
    assert selectors.article_get_published(slug=expired.slug, now=now) is None
    assert selectors.article_get_published(slug=ArticleFactory(scheduled=True).slug) is None


def _article_html(article) -> str:
    context = {"article": article, "theme_contact_points": selectors.article_theme_contact_points(article)}
    return render_to_string("news/article_detail.html", context, request=RequestFactory().get("/"))


def test_article_theme_contact_points_lists_each_contact_once_in_theme_order():
    shared = ContactPointFactory(name="Wijkteam")
    own = ContactPointFactory(name="Jeugdteam")
    themes = [
        ThemeFactory(order=1, contact_point=own),
        ThemeFactory(order=2, contact_point=shared),
        ThemeFactory(order=3, contact_point=shared),
        ThemeFactory(order=4),
    ]
    article = selectors.article_get_published(slug=ArticleFactory(themes=themes).slug)

    assert selectors.article_theme_contact_points(article) == [own, shared]


def test_archive_months_counts_per_month():
    ArticleFactory(publication_date=datetime.date(2023, 3, 1))
    ArticleFactory(publication_date=datetime.date(2023, 3, 31))
    ArticleFactory(publication_date=datetime.date(2022, 12, 1))
    ArticleFactory(publication_date=datetime.date(2023, 3, 5), draft=True)

    assert selectors.archive_months() == [
        {"year": 2023, "month": 3, "count": 2},
        {"year": 2022, "month": 12, "count": 1},
    ]


def test_theme_list_active_counts_published_articles():
    theme = ThemeFactory(slug="telthema")
    ArticleFactory(themes=[theme])
    ArticleFactory(themes=[theme], draft=True)

    counted = {t.slug: t.article_count for t in selectors.theme_list_active()}

    assert counted["telthema"] == 1


def test_next_transition_is_the_earliest_schedule_or_pin_end():
    now = timezone.now()
    ArticleFactory(publish_at=now + datetime.timedelta(hours=5))
    ArticleFactory(unpublish_at=now + datetime.timedelta(hours=3))
    ArticleFactory(publish_at=now + datetime.timedelta(hours=1), draft=True)  # drafts never appear by themselves

    assert next_transition(now) == now + datetime.timedelta(hours=3)


def test_next_transition_pin_ends_at_local_midnight_after_pinned_until():
    now = timezone.now()
    today = timezone.localdate(now)
    ArticleFactory(is_pinned=True, pinned_until=today)

    moment = next_transition(now)

    assert timezone.localtime(moment).date() == today + datetime.timedelta(days=1)
    assert timezone.localtime(moment).hour == 0


def test_chrome_is_one_cache_round_trip_per_request(rf):
    chrome(rf.get("/"))  # builds it
    request = rf.get("/")
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as get,
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
    ):
        first = chrome(request)
        second = chrome(request)  # the search page and the context processor both ask

    assert first is second
    assert get.call_count == 1 and get_many.call_count == 0  # the content token; the process has the chrome


def test_chrome_built_by_another_process_is_read_from_the_cache(rf, django_assert_num_queries):
    built = chrome(rf.get("/"))
    _ChromeMemo.entry = (None, None)  # another process: it has not seen this content token yet

    with django_assert_num_queries(0), mock.patch.object(cache, "get", wraps=cache.get) as get:
        read = chrome(rf.get("/"))

    assert get.call_count == 2  # the content token, then the chrome
    assert read == built and read is not built


def test_chrome_footer_is_rendered_once_per_content_token_and_follows_changes(client, settings):
    settings.PUBLIC_PAGE_CACHE = False
    theme = ThemeFactory(name="Oude naam", slug="oud")
    client.get("/")
    html = client.get("/").content.decode()  # the footer from the chrome entry
    included = render_to_string(
        "includes/footer.html", {**chrome(RequestFactory().get("/")), "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME}
    )
    assert included in html and "Oude naam" in included

    theme.name = "Nieuwe naam"
    theme.save()
    public_pages_changed()

    assert "Nieuwe naam" in client.get("/").content.decode()


def test_chrome_pieces_follow_the_next_content_token(client, settings):
    settings.PUBLIC_PAGE_CACHE = False
    SiteText.objects.update_or_create(pk=1, defaults={"newsletter_cta": "Oude oproep"})
    html = client.get("/").content.decode()
    assert "Oude oproep" in html and "news-quick-links" not in html

    QuickLinkFactory(label="Subsidies & regelingen", url="/themas/subsidies/")
    SiteText.objects.filter(pk=1).update(newsletter_cta="Nieuwe oproep")
    public_pages_changed()
    html = client.get("/").content.decode()

    assert "Nieuwe oproep" in html and "Oude oproep" not in html
    assert ">Subsidies &amp; regelingen</a>" in html
