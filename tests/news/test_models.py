import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from news.models import Article, SiteText, Theme
from news.services import defaults_ensure
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _errors(article):
    with pytest.raises(ValidationError) as caught:
        article.full_clean(exclude=["themes", "related_articles", "documents"])
    return caught.value.message_dict


def test_default_themes_are_the_fifteen_from_the_issue_in_order():
    # The migration ran this; again (idempotent) in case a transactional test flushed the table.
    defaults_ensure()
    slugs = list(Theme.objects.filter(slug__in=_DEFAULT_SLUGS).order_by("order").values_list("slug", flat=True))
    assert slugs == _DEFAULT_SLUGS
    assert Theme.objects.get(slug="wmo").name == "Zorg en ondersteuning (Wmo)"
    assert Theme.objects.get(slug="beleid-financien").name == "Beleid, hervormingen en financiën"


_DEFAULT_SLUGS = [
    "jeugd",
    "wmo",
    "sociale-basis",
    "mantelzorg",
    "armoede-schulden",
    "werk-inkomen",
    "volksgezondheid",
    "wonen-opvang",
    "ouderen",
    "inburgering-taal",
    "asiel",
    "veiligheid",
    "subsidies",
    "corona",
    "beleid-financien",
]


def test_site_text_default_row_exists():
    defaults_ensure()
    site_text = SiteText.objects.get(pk=1)
    assert site_text.title == "Nieuws voor zorgprofessionals"
    assert site_text.intro
    assert site_text.newsletter_cta


def test_site_text_allows_only_one_row():
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteText.objects.create(pk=2, title="Tweede")


def test_article_clean_requires_alt_text_with_image():
    article = ArticleFactory.build(with_image=True, image_alt="")
    assert _errors(article)["image_alt"] == ["Vul een alternatieve tekst in: beschrijf wat er op de afbeelding staat."]


def test_article_clean_requires_event_start_for_bijeenkomst():
    article = ArticleFactory.build(kind=Article.Kind.BIJEENKOMST)
    assert _errors(article)["event_starts_at"] == ["Vul in wanneer de bijeenkomst begint."]


def test_article_clean_requires_event_start_when_end_is_set():
    article = ArticleFactory.build(event_ends_at=timezone.now())
    assert _errors(article)["event_starts_at"] == ["Vul in wanneer de bijeenkomst begint."]


def test_article_clean_rejects_event_ending_before_start():
    start = timezone.now()
    article = ArticleFactory.build(event_starts_at=start, event_ends_at=start - datetime.timedelta(hours=1))
    assert _errors(article)["event_ends_at"] == ["De bijeenkomst kan niet eindigen voordat hij begint."]


def test_article_clean_rejects_unpublish_before_publish():
    start = timezone.now()
    article = ArticleFactory.build(publish_at=start, unpublish_at=start - datetime.timedelta(days=1))
    assert _errors(article)["unpublish_at"] == ["'Zichtbaar tot' moet later zijn dan 'Publiceren vanaf'."]


@pytest.mark.parametrize("lead", ["", "   \n "])
def test_article_clean_requires_lead(lead):
    article = ArticleFactory.build(lead=lead)
    assert _errors(article)["lead"] == ["Vul een inleiding in. Die staat in overzichten en in de nieuwsbrief."]


def test_article_clean_accepts_a_complete_event():
    start = timezone.now()
    article = ArticleFactory.build(event=True, event_starts_at=start, event_ends_at=start)
    article.full_clean(exclude=["themes", "related_articles", "documents"])


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"image": "afbeeldingen/a.png", "image_alt": ""}, "article_image_needs_alt"),
        ({"event_ends_at": timezone.now()}, "article_event_end_needs_start"),
        (
            {"event_starts_at": timezone.now(), "event_ends_at": timezone.now() - datetime.timedelta(hours=1)},
            "article_event_ends_after_start",
        ),
        (
            {"publish_at": timezone.now(), "unpublish_at": timezone.now() - datetime.timedelta(hours=1)},
            "article_unpublish_after_publish",
        ),
    ],
)
def test_article_constraints_hold_in_the_database(fields, constraint):
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(**fields)


def test_article_slug_is_unique():
    ArticleFactory(slug="zelfde")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="zelfde")


def test_article_status_label_shows_scheduled_and_expired():
    now = timezone.now()
    assert str(ArticleFactory.build(scheduled=True).status_label) == "Ingepland"
    expired = ArticleFactory.build(published=True, unpublish_at=now - datetime.timedelta(minutes=1))
    assert str(expired.status_label) == "Verlopen"
    assert str(ArticleFactory.build(published=True).status_label) == "Gepubliceerd"
    assert str(ArticleFactory.build(draft=True).status_label) == "Concept"


def test_article_published_queryset_respects_schedule_window():
    now = timezone.now()
    live = ArticleFactory(published=True)
    ArticleFactory(scheduled=True)
    ArticleFactory(draft=True)
    ArticleFactory(published=True, unpublish_at=now - datetime.timedelta(minutes=1))
    assert list(Article.objects.published()) == [live]


def test_article_scheduled_and_expired_querysets_agree_with_status_label():
    now = timezone.now()
    ArticleFactory(published=True)
    ArticleFactory(draft=True, publish_at=now + datetime.timedelta(days=1))  # a planned draft is not scheduled
    scheduled = ArticleFactory(scheduled=True)
    expired = ArticleFactory(published=True, unpublish_at=now - datetime.timedelta(minutes=1))

    assert list(Article.objects.scheduled()) == [scheduled]
    assert list(Article.objects.expired()) == [expired]
    assert [str(a.status_label) for a in (scheduled, expired)] == ["Ingepland", "Verlopen"]


def test_article_pinned_queryset_holds_through_the_local_day():
    # 22:30 UTC (as timezone.now() gives it) is 00:30 the next day in Amsterdam: the pin of the 9th has ended.
    now = datetime.datetime(2025, 6, 9, 22, 30, tzinfo=datetime.UTC)
    ended = ArticleFactory(is_pinned=True, pinned_until=datetime.date(2025, 6, 9))
    today = ArticleFactory(is_pinned=True, pinned_until=datetime.date(2025, 6, 10))
    endless = ArticleFactory(is_pinned=True, pinned_until=None)
    ArticleFactory(is_pinned=False)

    pinned = set(Article.objects.pinned(now))

    assert pinned == {today, endless}
    assert ended not in pinned


def test_defaults_ensure_keeps_editor_changes():
    defaults_ensure()
    Theme.objects.filter(slug="corona").update(name="Corona en andere infectieziekten")
    SiteText.objects.filter(pk=1).update(title="Eigen titel")
    defaults_ensure()
    assert Theme.objects.get(slug="corona").name == "Corona en andere infectieziekten"
    assert SiteText.objects.get(pk=1).title == "Eigen titel"


def test_get_absolute_url_is_reverse_and_follows_the_script_prefix():
    from django.urls import reverse, set_script_prefix

    article = ArticleFactory.build(slug="een-bericht")
    assert article.get_absolute_url() == reverse("news:article_detail", kwargs={"slug": "een-bericht"})
    try:
        set_script_prefix("/portaal/")
        assert article.get_absolute_url() == "/portaal/nieuws/een-bericht/"
    finally:
        set_script_prefix("/")
    assert article.get_absolute_url() == "/nieuws/een-bericht/"
