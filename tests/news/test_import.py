"""The article import: good, partial and bad files, idempotency, sanitising, undated items, events and links."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import Article, ArticleRedirect, AuditEntry
from news.services.importing import ImportFileError, Outcome, articles_import, import_file_parse
from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "import_files"
SLUGS = ["jeugd", "beleid-financien", "mantelzorg", "armoede-schulden", "subsidies", "ouderen", "wmo", "asiel"]


@pytest.fixture(autouse=True)
def themes():
    return {slug: ThemeFactory(slug=slug, name=slug.title()) for slug in SLUGS}


def run(*args):
    out = StringIO()
    call_command("import_articles", *args, stdout=out)
    return out.getvalue()


def run_failing(*args):
    out = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_articles", *args, stdout=out)
    return out.getvalue(), excinfo.value


def items(name):
    return json.loads((FILES / name).read_text())


def test_import_articles_good_file_creates_every_item():
    output = run(str(FILES / "good.json"))

    assert Article.objects.count() == 3
    assert "3 aangemaakt" in output
    article = Article.objects.get(slug="nieuwe-aanpak-voor-wachtlijsten-jeugdhulp")
    assert article.status == Article.Status.PUBLISHED
    assert article.publication_date == datetime.date(2024, 3, 22)
    assert article.show_date is True
    assert sorted(article.themes.values_list("slug", flat=True)) == ["beleid-financien", "jeugd"]
    assert Article.objects.published().count() == 3


def test_import_articles_sanitises_body_and_keeps_rich_text():
    run(str(FILES / "good.json"))

    body = Article.objects.get(slug="nieuwe-aanpak-voor-wachtlijsten-jeugdhulp").body
    assert "<script" not in body
    assert "alert" not in body
    assert "<h2>Wat verandert er?</h2>" in body
    assert "<ul><li>ook voor spoed</li></ul>" in body


def test_import_articles_event_fields_and_links():
    run(str(FILES / "good.json"))

    event = Article.objects.get(slug="informatieavond-mantelzorgwaardering")
    assert event.is_event
    assert event.kind == Article.Kind.BIJEENKOMST
    assert event.event_location == "Wijkcentrum De Linde"
    assert event.event_registration_url == "https://www.example.nl/aanmelden"
    assert event.event_ends_at - event.event_starts_at == datetime.timedelta(minutes=90)
    assert event.event_starts_at.utcoffset() is not None
    article = Article.objects.get(slug="nieuwe-aanpak-voor-wachtlijsten-jeugdhulp")
    assert list(article.links.values_list("label", "url")) == [
        ("Lees de raadsbrief", "https://www.example.nl/raadsbrief-jeugdhulp")
    ]


def test_import_articles_undated_item_hides_date_and_keeps_file_position():
    run(str(FILES / "good.json"))

    undated = Article.objects.get(kind=Article.Kind.CAMPAGNE)
    assert undated.show_date is False
    # placed with the item above it in the file (the old page order), not at today's date
    assert undated.publication_date == datetime.date(2024, 3, 20)
    assert undated.is_pinned is True
    assert undated.lead == "Posters en flyers voor uw wachtkamer zijn gratis te bestellen."
    assert undated.slug == "campagnemateriaal-vraag-het-gewoon"


def test_import_articles_second_run_is_unchanged_without_duplicates():
    run(str(FILES / "good.json"))
    output = run(str(FILES / "good.json"))

    assert Article.objects.count() == 3
    assert "3 ongewijzigd" in output


def test_articles_import_updates_existing_article_on_slug():
    data = items("good.json")
    articles_import(items=data)
    data[0]["lead"] = "Een nieuwe inleiding."
    data[0]["links"] = []

    report = articles_import(items=data)

    assert [r.outcome for r in report.results] == [Outcome.UPDATED, Outcome.UNCHANGED, Outcome.UNCHANGED]
    article = Article.objects.get(slug="nieuwe-aanpak-voor-wachtlijsten-jeugdhulp")
    assert article.lead == "Een nieuwe inleiding."
    assert article.links.count() == 0
    assert Article.objects.count() == 3


def test_articles_import_follows_renamed_slug():
    article = ArticleFactory(slug="nieuwe-naam", title="Oud")
    ArticleRedirect.objects.create(old_slug="oude-naam", article=article)

    report = articles_import(items=[{"title": "Oud", "slug": "oude-naam", "lead": "Bijgewerkt.", "themes": ["jeugd"]}])

    assert report.results[0].outcome == Outcome.UPDATED
    assert Article.objects.count() == 1
    article.refresh_from_db()
    assert article.lead == "Bijgewerkt."


def test_import_articles_partial_file_imports_good_items_and_explains_rejects():
    output, error = run_failing(str(FILES / "partial.json"))

    assert set(Article.objects.values_list("slug", flat=True)) == {
        "subsidie-buurtinitiatieven-weer-open",
        "gratis-ov-voor-ouderen-met-een-laag-inkomen",
    }
    assert "onbekend thema 'bestaat-niet'" in output
    assert "titel ontbreekt" in output
    assert "ongeldige datum" in output
    assert "bijeenkomst zonder begintijd" in output
    assert "2 aangemaakt" in output
    assert "4 afgewezen" in output
    assert error.returncode == 1


@pytest.mark.parametrize("name", ["invalid.json", "not_a_list.json"])
def test_import_articles_unreadable_file_fails_with_dutch_message(name):
    _, error = run_failing(str(FILES / name))

    assert error.returncode == 2
    assert "Het bestand" in str(error)
    assert Article.objects.count() == 0


def test_import_articles_missing_file_fails():
    _, error = run_failing(str(FILES / "bestaat-niet.json"))

    assert error.returncode == 2
    assert "Kan het bestand niet lezen" in str(error)


def test_import_file_parse_reports_line_of_syntax_error():
    with pytest.raises(ImportFileError, match="regel 2"):
        import_file_parse(b'[\n{"title": }]')


def test_articles_import_wrong_types_are_rejected_one_by_one():
    report = articles_import(items=items("wrong_types.json"))

    reasons = [" ".join(result.reasons) for result in report.results]
    assert [r.outcome for r in report.results] == [Outcome.REJECTED] * 6
    assert "geen JSON-object" in reasons[0]
    assert "titel moet tekst zijn" in reasons[1]
    assert "lijst van thema-slugs" in reasons[2]
    assert "'pinned' moet true of false zijn" in reasons[3]
    assert "'links' moet een lijst zijn" in reasons[4]
    assert "te veel thema's: 4" in reasons[5]
    assert Article.objects.count() == 0


def test_articles_import_without_themes_rejects_or_uses_default_theme(themes):
    item = {"title": "Zonder thema", "lead": "Geen thema's opgegeven."}

    rejected = articles_import(items=[item])
    accepted = articles_import(items=[item], default_theme=themes["wmo"])

    assert "geen thema opgegeven" in rejected.results[0].reasons[0]
    assert accepted.results[0].outcome == Outcome.CREATED
    assert list(Article.objects.get().themes.values_list("slug", flat=True)) == ["wmo"]


def test_import_articles_status_option_and_dry_run():
    run(str(FILES / "good.json"), "--dry-run")
    assert Article.objects.count() == 0

    run(str(FILES / "good.json"), "--status", "concept")
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 3
    assert Article.objects.published().count() == 0


def test_articles_import_rejects_duplicate_slug_in_one_file():
    item = {"title": "Twee keer", "lead": "Dubbel.", "themes": ["jeugd"]}

    report = articles_import(items=[item, dict(item, lead="Anders.")])

    assert [r.outcome for r in report.results] == [Outcome.CREATED, Outcome.REJECTED]
    assert "staat ook bij item 1" in report.results[1].reasons[0]
    assert Article.objects.get().lead == "Dubbel."


def test_articles_import_event_ending_before_start_is_rejected():
    item = {
        "title": "Omgekeerde bijeenkomst",
        "lead": "Eindigt voor het begin.",
        "themes": ["jeugd"],
        "event": {"starts_at": "2024-04-11T19:30", "ends_at": "2024-04-11T18:00"},
    }

    report = articles_import(items=[item])

    assert "eindigt voordat hij begint" in report.results[0].reasons[0]


def test_articles_import_warns_about_unknown_fields():
    item = {"title": "Met extra veld", "lead": "Extra.", "themes": ["jeugd"], "auteur": "Iemand"}

    report = articles_import(items=[item])

    assert report.results[0].outcome == Outcome.CREATED
    assert report.results[0].warnings == ["onbekend veld 'auteur' genegeerd"]


def test_articles_import_goes_through_article_save_with_audit_entry():
    articles_import(items=[{"title": "Met logregel", "lead": "Logboek.", "themes": ["jeugd"]}])

    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.CREATED
    assert entry.article.slug == "met-logregel"


def test_articles_import_uses_local_day_of_aware_datetime():
    item = {"title": "Laat op de avond", "lead": "UTC.", "themes": ["jeugd"], "published_at": "2024-03-31T23:30:00Z"}

    articles_import(items=[item])

    # 23:30 UTC is 01:30 the next day in Amsterdam (summer time)
    assert Article.objects.get().publication_date == datetime.date(2024, 4, 1)


def test_articles_import_derives_short_lead_from_first_paragraph():
    words = " ".join(["woord"] * 100)
    item = {
        "title": "Zonder inleiding",
        "body_html": f"<h2>Kop</h2><p><strong>{words}</strong></p>",
        "themes": ["jeugd"],
    }

    articles_import(items=[item])

    lead = Article.objects.get().lead
    assert lead.startswith("woord woord")
    assert lead.endswith(" …")
    assert len(lead) <= 302
    assert "<" not in lead


def test_articles_import_rejects_item_without_lead_and_body():
    report = articles_import(items=[{"title": "Alleen een titel", "themes": ["jeugd"]}])

    assert report.results[0].reasons == ["inleiding ontbreekt en de tekst is leeg"]


def test_import_articles_unknown_default_theme_fails():
    _, error = run_failing(str(FILES / "good.json"), "--default-theme", "bestaat-niet")

    assert error.returncode == 2
    assert Article.objects.count() == 0
