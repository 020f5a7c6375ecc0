"""Assembling an edition: what goes in, in which order, what a refresh keeps, and the editors' changes."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from newsletter.models import Edition, EditionEvent, EditionItem
from newsletter.services import (
    Outcome,
    digest_approve,
    digest_assemble,
    digest_edition_update,
    digest_item_add,
    digest_item_update,
)
from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime.date(2027, 3, 1)
AT_ASSEMBLY = datetime.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)


@pytest.fixture
def themes():
    return {
        "jeugd": ThemeFactory(name="Jeugd", slug="jeugd", order=1),
        "wmo": ThemeFactory(name="Wmo", slug="wmo", order=2),
        "werk": ThemeFactory(name="Werk en inkomen", slug="werk", order=3),
    }


def march(day, **kwargs):
    return ArticleFactory(publication_date=datetime.date(2027, 3, day), **kwargs)


def assemble(**kwargs):
    return digest_assemble(month=MARCH, now=AT_ASSEMBLY, **kwargs)


def titles(edition, **filters):
    return [item.article.title for item in edition.items.filter(**filters).select_related("article")]


def test_assemble_creates_a_draft_grouped_by_theme_order_then_newest_first(themes):
    march(3, title="Wmo oud", themes=[themes["wmo"]])
    march(20, title="Wmo nieuw", themes=[themes["wmo"]])
    march(10, title="Jeugd", themes=[themes["jeugd"]])
    march(11, title="Werk en jeugd", themes=[themes["werk"], themes["jeugd"]])

    result = assemble()

    assert result.outcome is Outcome.CREATED
    edition = result.edition
    assert (edition.month, edition.status) == (MARCH, Edition.Status.DRAFT)
    assert titles(edition) == ["Werk en jeugd", "Jeugd", "Wmo nieuw", "Wmo oud"]
    assert result.message == ("Editie maart 2027 samengesteld met 4 artikelen. De eindredacteuren krijgen een e-mail.")
    assert edition.events.get().action == EditionEvent.Action.ASSEMBLED


def test_assemble_month_without_articles_creates_nothing_and_says_so(themes):
    ArticleFactory(publication_date=datetime.date(2027, 2, 10))

    result = assemble()

    assert result.outcome is Outcome.EMPTY
    assert not Edition.objects.exists()
    assert result.message == "In maart 2027 zijn geen artikelen verschenen. Er is geen editie gemaakt."


def test_assemble_defaults_to_the_month_before(themes):
    march(5)

    result = digest_assemble(now=AT_ASSEMBLY)

    assert result.edition.month == MARCH


def test_assemble_offers_current_pinned_notices_as_let_op(themes):
    old_notice = ArticleFactory(
        title="Loket dicht", pinned=True, publication_date=datetime.date(2027, 1, 5), pinned_until=None
    )
    march_notice = march(8, title="Nieuwe openingstijden", pinned=True, pinned_until=None)
    march(9, title="Gewoon nieuws")
    ArticleFactory(title="Pin voorbij", is_pinned=True, pinned_until=datetime.date(2027, 3, 30))

    edition = assemble().edition

    items = {item.article_id: item for item in edition.items.all()}
    assert items[old_notice.pk].origin == EditionItem.Origin.NOTICE and items[old_notice.pk].is_notice
    assert items[march_notice.pk].origin == EditionItem.Origin.ASSEMBLED and items[march_notice.pk].is_notice
    assert "Pin voorbij" not in titles(edition)


def test_refresh_keeps_every_editorial_choice_and_follows_the_articles(themes):
    kept = march(5, title="Blijft")
    removed = march(6, title="Weggehaald")
    withdrawn = march(7, title="Teruggetrokken")
    moved = march(8, title="Verplaatst")
    added_by_editor = ArticleFactory(title="Uit februari", publication_date=datetime.date(2027, 2, 20))
    edition = assemble().edition
    digest_edition_update(edition=edition, intro="<p>Welkom</p><script>x()</script>")
    item = edition.items.get(article=kept)
    digest_item_update(item=item, teaser="Eigen tekst voor de mail")
    digest_item_update(item=edition.items.get(article=removed), is_removed=True)
    digest_item_update(item=edition.items.get(article=moved), position=1)
    digest_item_add(edition=edition, article=added_by_editor)
    withdrawn.status = withdrawn.Status.DRAFT
    withdrawn.save()
    march(25, title="Nieuw erbij")

    result = assemble()

    edition.refresh_from_db()
    assert result.outcome is Outcome.REFRESHED
    assert (result.added, result.dropped) == (1, 1)
    assert edition.intro == "<p>Welkom</p>"
    assert edition.items.get(article=kept).teaser == "Eigen tekst voor de mail"
    assert titles(edition, is_removed=True) == ["Weggehaald"]
    assert titles(edition, is_removed=False) == ["Verplaatst", "Blijft", "Uit februari", "Nieuw erbij"]
    assert "Teruggetrokken" not in titles(edition)
    assert edition.events.filter(action=EditionEvent.Action.REFRESHED).count() == 1


def test_refresh_of_an_approved_edition_changes_nothing_and_says_so(themes):
    march(5)
    edition = assemble().edition
    digest_approve(edition=edition, now=AT_ASSEMBLY)
    march(6, title="Te laat")

    result = assemble()

    assert result.outcome is Outcome.LOCKED
    assert "Te laat" not in titles(edition)
    assert result.message == "De editie van maart 2027 is goedgekeurd. Er is niets veranderd."


def test_item_teaser_changes_the_mail_text_not_the_article(themes):
    article = march(5, lead="De inleiding van het artikel.")
    edition = assemble().edition

    item = digest_item_update(item=edition.items.get(), teaser="  <b>Korter</b> voor de mail ")

    article.refresh_from_db()
    assert item.teaser == "Korter voor de mail"
    assert article.lead == "De inleiding van het artikel."
    event = edition.events.filter(action=EditionEvent.Action.CHANGED).get()
    assert "eigen tekst" in event.detail


def test_item_add_refuses_an_invisible_or_duplicate_article(themes):
    march(5, title="Erin")
    edition = assemble().edition
    draft = ArticleFactory(draft=True, title="Nog een concept")

    with pytest.raises(ValidationError, match="staat niet op de site"):
        digest_item_add(edition=edition, article=draft)
    with pytest.raises(ValidationError, match="staat al in deze editie"):
        digest_item_add(edition=edition, article=edition.items.get().article)


def test_editing_an_approved_edition_is_refused(themes):
    march(5)
    edition = assemble().edition
    digest_approve(edition=edition, now=AT_ASSEMBLY)

    with pytest.raises(ValidationError, match="goedgekeurd"):
        digest_edition_update(edition=edition, intro="<p>Te laat</p>")
    with pytest.raises(ValidationError):
        digest_item_update(item=edition.items.get(), is_removed=True)


def test_assemble_query_budget_does_not_grow_with_the_number_of_articles(themes, django_assert_max_num_queries):
    for day in range(1, 29):
        march(day, themes=[themes["jeugd"], themes["wmo"]])
        march(day, themes=[themes["werk"]])

    with django_assert_max_num_queries(14):
        result = assemble()

    assert result.edition.items.count() == 56


def test_digest_assemble_command_prints_dutch_messages(themes, capsys, time_machine):
    time_machine.move_to(AT_ASSEMBLY)
    call_command("digest_assemble", "--month", "2027-02")
    assert "In februari 2027 zijn geen artikelen verschenen" in capsys.readouterr().out

    march(5)
    call_command("digest_assemble")
    assert "Editie maart 2027 samengesteld met 1 artikel." in capsys.readouterr().out


def test_digest_assemble_command_refuses_a_bad_month():
    with pytest.raises(CommandError, match="geen maand"):
        call_command("digest_assemble", "--month", "maart")
