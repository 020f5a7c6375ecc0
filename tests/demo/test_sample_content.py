"""load_sample_content: enough realistic, varied, linked content for the demo; idempotent."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.dates import MONTHS

from demo.services import ALL_ARTICLES, _article_item, _context, sample_content_load, sample_content_reset, workday
from news.models import Article, ContactPoint, Document, QuickLink, Theme
from news.sanitize import clean_html, clean_text
from news.services.importing import item_parse

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 22)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load once for the module inside a transaction that is rolled back afterwards."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        transaction.atomic(),
    ):
        report = sample_content_load(today=TODAY)
        yield report
        transaction.set_rollback(True)


@pytest.fixture
def published(loaded):
    return Article.objects.published(now=timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(12))))


def test_sample_content_has_at_least_60_published_articles(published):
    assert published.count() >= 60


def test_sample_content_spans_14_months_up_to_today(published):
    months = {(day.year, day.month) for day in published.values_list("publication_date", flat=True)}
    newest = published.order_by("-publication_date").first().publication_date

    assert len(months) >= 14
    assert (TODAY - newest).days <= 3


def test_sample_content_uses_every_theme_and_kind(published):
    used_themes = set(Theme.objects.filter(articles__in=published).values_list("slug", flat=True))

    assert used_themes == set(Theme.objects.values_list("slug", flat=True))
    assert len(used_themes) == 15
    assert set(published.values_list("kind", flat=True)) == set(Article.Kind.values)


def test_sample_content_articles_have_one_to_three_themes(loaded):
    counts = [article.themes.count() for article in Article.objects.all()]

    assert min(counts) >= 1
    assert max(counts) <= 3


def test_sample_content_has_undated_items(published):
    assert published.filter(show_date=False).count() >= 3


def test_sample_content_has_one_active_pinned_notice(published):
    pinned = published.pinned(now=timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(12))))

    assert pinned.count() == 1
    assert pinned.get().pinned_until > TODAY
    assert pinned.get().kind == Article.Kind.MEDEDELING


def test_sample_content_event_reports_link_back_to_their_events(published):
    reports = published.filter(kind=Article.Kind.TERUGBLIK)

    assert reports.count() >= 2
    for report in reports:
        event = report.related_articles.get(kind=Article.Kind.BIJEENKOMST)
        assert event.event_starts_at.date() <= report.publication_date
        assert report in event.related_articles.all()


def test_sample_content_has_upcoming_events_with_details(published):
    upcoming = published.filter(event_starts_at__date__gt=TODAY)

    assert upcoming.count() >= 2
    for event in upcoming:
        assert event.event_location
        assert event.event_registration_url.startswith("https://")
        assert event.event_starts_at.weekday() < 5


def test_sample_content_documents_have_pdf_text_and_articles(loaded):
    documents = Document.objects.all()

    assert 3 <= documents.count() <= 5
    letter = Document.objects.get(kind=Document.Kind.RAADSBRIEF)
    assert "hervormingen in het sociaal domein" in letter.text
    assert letter.file.name.endswith(".pdf")
    assert letter.articles.filter(status=Article.Status.PUBLISHED).exists()
    assert all(document.text and document.themes.exists() for document in documents)


def test_sample_content_contact_points_in_block_and_per_theme(loaded):
    assert ContactPoint.objects.filter(show_in_contact_block=True).count() == 3
    assert Theme.objects.filter(contact_point__isnull=False).count() >= 14
    assert all(point.email.endswith("@example.nl") for point in ContactPoint.objects.exclude(email=""))
    assert QuickLink.objects.count() >= 3


def test_sample_content_bodies_are_rich_sanitised_and_80_to_500_words(loaded):
    bodies = list(Article.objects.values_list("body", flat=True))

    for body in bodies:
        assert 80 <= len(clean_text(body).split()) <= 500
        assert clean_html(body) == body
    joined = "".join(bodies)
    for tag in ("<h2>", "<h3>", "<ul><li>", "<ol>", "<blockquote>", '<a href="https://www.example.nl/'):
        assert tag in joined
    assert "<ul><li>" in joined and "<li>" in joined.split("<ul><li>", 2)[1]  # a list inside a list item
    assert any("<li>" in body and "<ul><li>" in body.split("<li>", 1)[1] for body in bodies)


def test_sample_content_fills_municipality_and_dates(loaded):
    texts = list(Article.objects.values_list("title", "lead", "body"))

    assert not any("{" in text for row in texts for text in row)
    assert any("Voorbeeldstad" in text for row in texts for text in row)
    leads = " ".join(lead for _, lead, _ in texts)
    month = "|".join(str(name) for name in MONTHS.values())
    assert re.search(rf"\b\d{{1,2}} (?:{month}) 20\d\d\b", leads)


def test_sample_content_has_editorial_demo_states(loaded, published):
    assert Article.objects.filter(status=Article.Status.DRAFT).count() >= 1
    assert Article.objects.filter(status=Article.Status.REVIEW).count() >= 1
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__date__gt=TODAY)
    assert scheduled.count() >= 1
    assert not published.filter(pk__in=scheduled).exists()


def test_sample_content_articles_are_items_of_the_json_import():
    ctx = _context(TODAY)

    for spec in ALL_ARTICLES:
        assert item_parse(_article_item(spec, ctx)).warnings == []


def test_sample_content_load_twice_creates_nothing(loaded):
    articles, documents = Article.objects.count(), Document.objects.count()

    report = sample_content_load(today=TODAY)

    assert sum(report.created.values()) == 0
    assert report.skipped["artikelen"] == articles
    assert (Article.objects.count(), Document.objects.count()) == (articles, documents)


def test_sample_content_reset_removes_sample_items(loaded):
    sample_content_reset(today=TODAY)

    assert Article.objects.count() == 0
    assert Document.objects.count() == 0
    assert Theme.objects.count() == 15


def test_load_sample_content_command_reports_and_refuses_production(loaded, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command("load_sample_content", "--reset", stdout=out)
    assert "artikelen: 69 aangemaakt, 0 bestonden al" in out.getvalue()

    settings.PRODUCTION = True
    with pytest.raises(Exception, match="productieomgeving"):
        call_command("load_sample_content", stdout=StringIO())


def test_workday_moves_weekend_to_monday():
    assert workday(datetime.date(2026, 11, 21)) == datetime.date(2026, 11, 23)
    assert workday(datetime.date(2026, 11, 22)) == datetime.date(2026, 11, 23)
    assert workday(datetime.date(2026, 11, 24)) == datetime.date(2026, 11, 24)
    assert _context(TODAY).fill("{dag:+0}, {datum:-1}") == "maandag 23 november 2026, 23 november 2026"
    assert _context(TODAY).fill("Begroting {jaar:+1}, {stad}") == "Begroting 2027, Voorbeeldstad"
