"""Issue #3, "Done when": an editor creates, previews, schedules and publishes an event article with a
document in a real browser, without a manual; a Redacteur writes and submits but cannot publish.

Users belong to the groups of the news data migration (re-created with the same service after a flush).
Screenshots of every step: test-artifacts/editor/*.png.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from demo.pdf import pdf_bytes
from news.models import Article, AuditEntry, Document
from news.services import groups_sync
from tests.e2e.editor_steps import PASSWORD, Visitor, log_in, messages, pick, snap, type_body, watch
from tests.factories import ContactPointFactory, SiteTextFactory, ThemeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Netwerkavond wijkteams en huisartsen"
SLUG = "netwerkavond-wijkteams-en-huisartsen"
LEAD = "Wijkteams en huisartsen praten over verwijzen in de wijk."
DOCUMENT = "Raadsbrief netwerkavond wijkteams"


@pytest.fixture
def newsroom(settings, tmp_path):
    """Empty page cache, media in tmp, the site texts and two of the default themes."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    SiteTextFactory()
    contact = ContactPointFactory(name="Team Jeugd en Gezin", show_in_contact_block=True)
    # The data migration's themes may still be there (get_or_create on slug): set what the test relies on.
    themes = [("jeugd", "Jeugd en gezin", contact), ("wmo", "Zorg en ondersteuning (Wmo)", None)]
    for slug, name, contact_point in themes:
        theme = ThemeFactory(slug=slug)
        theme.name, theme.is_active, theme.contact_point = name, True, contact_point
        theme.save()
    if not Group.objects.filter(name__in=["Redacteur", "Eindredacteur"]).count() == 2:
        groups_sync()  # what the data migration ran; a flush by an earlier transactional test removed them


def _user(username: str, group: str):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def visitor(browser, live_server):
    visitor = Visitor(browser, live_server)
    yield visitor
    visitor.close()
    assert not visitor.foreign, f"public pages requested other hosts: {visitor.foreign}"


@pytest.fixture
def pdf_file(tmp_path):
    path = tmp_path / "raadsbrief-netwerkavond.pdf"
    path.write_bytes(pdf_bytes(title=DOCUMENT, paragraphs=["Het college informeert de raad over de netwerkavond."]))
    return path


def _add_document(page, pdf_file):
    page.get_by_role("link", name="Documenten").first.click()
    page.get_by_role("link", name="Document toevoegen").click()
    page.get_by_label("Titel:", exact=True).fill(DOCUMENT)
    page.get_by_label("Soort:", exact=True).select_option(label="Raadsbrief")
    page.get_by_label("Afzender:", exact=True).fill("College van burgemeester en wethouders")
    page.locator("#id_file").set_input_files(pdf_file)
    pick(page, "id_themes", "Jeugd en gezin")
    snap(page, "01-document-ingevuld")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    snap(page, "02-document-opgeslagen")
    assert f"\u2018{DOCUMENT}\u2019 is toegevoegd." in messages(page)  # not Django's "De document …" (locale/nl)


def _fill_article(page, event_day):
    page.get_by_label("Titel:", exact=True).fill(TITLE)
    page.get_by_label("Inleiding:", exact=True).fill(LEAD)
    type_body(page)
    pick(page, "id_themes", "Jeugd en gezin")
    pick(page, "id_themes", "Zorg en ondersteuning")
    page.get_by_label("Soort:", exact=True).select_option(label="Bijeenkomst")
    page.get_by_text("Alleen voor bijeenkomsten").click()
    day = event_day.strftime("%d-%m-%Y")
    page.locator("#id_event_starts_at_0").fill(day)
    page.locator("#id_event_starts_at_1").fill("19:30")
    page.locator("#id_event_ends_at_0").fill(day)
    page.locator("#id_event_ends_at_1").fill("21:30")
    page.get_by_label("Locatie:", exact=True).fill("Wijkcentrum De Linde")
    page.get_by_label("Adres:", exact=True).fill("Lindelaan 4, 1234 AB Voorbeeldstad")
    page.get_by_label("Aanmelden via:", exact=True).fill("https://www.example.nl/aanmelden")
    pick(page, "id_documents", DOCUMENT)
    page.locator("#id_links-0-label").fill("Meer informatie en aanmelden")
    page.locator("#id_links-0-url").fill("https://www.example.nl/meer-informatie")
    snap(page, "03-artikel-ingevuld")


def _preview(page):
    page.get_by_role("link", name="Voorbeeld").first.click()
    expect(page.get_by_text("Dit artikel staat nog niet op de site")).to_be_visible()
    expect(page.get_by_role("heading", name="Zo ziet het artikel eruit in de nieuwsbrief")).to_be_visible()
    expect(page.get_by_text(LEAD)).to_be_visible()
    snap(page, "05-voorbeeld-nieuwsbrief")
    page.get_by_role("link", name="Bekijk de pagina").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_text("Wijkcentrum De Linde")).to_be_visible()
    expect(page.get_by_role("link", name=DOCUMENT)).to_be_visible()
    snap(page, "06-voorbeeld-pagina")
    page.go_back()
    page.get_by_role("link", name="Terug naar bewerken").click()


def _assert_public_article(visitor):
    """The visitor finds the article on the news page and sees the event, the document and the links."""
    home, _ = visitor.open("/")
    expect(home.get_by_role("article", name=TITLE)).to_be_visible()
    snap(home, "09-nieuws-publiek")
    home.get_by_role("link", name=f"Lees meer over {TITLE}").click()
    expect(home.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    main = home.locator("main")
    expect(main.get_by_role("heading", name="Over de bijeenkomst")).to_be_visible()
    expect(main.get_by_text("19.30 tot 21.30 uur")).to_be_visible()
    expect(main.get_by_text("Wijkcentrum De Linde, Lindelaan 4")).to_be_visible()
    expect(main.get_by_role("heading", name="Programma", level=2)).to_be_visible()
    expect(main.locator("ul li", has_text="Gesprekken in kleine groepen")).to_be_visible()
    expect(main.get_by_role("link", name="voorwaarden")).to_have_attribute("href", "https://www.example.nl/voorwaarden")
    expect(main.get_by_role("link", name="Meer informatie en aanmelden")).to_be_visible()
    expect(main.get_by_role("region", name="Vragen?")).to_contain_text("Team Jeugd en Gezin")  # theme contact
    snap(home, "10-artikel-publiek")
    href = main.get_by_role("link", name=DOCUMENT).get_attribute("href")
    download = home.request.get(home.url.split("/nieuws/")[0] + href)
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.body().startswith(b"%PDF-")


def test_eindredacteur_creates_previews_schedules_and_publishes_event_with_document(newsroom, page, visitor, pdf_file):
    problems = watch(page)
    editor = _user("eindredacteur", "Eindredacteur")
    log_in(page, "eindredacteur")
    _add_document(page, pdf_file)
    document = Document.objects.get(title=DOCUMENT)
    assert document.file.name.endswith(".pdf") and "netwerkavond" in document.text

    page.get_by_role("link", name="Artikelen").first.click()
    page.get_by_role("link", name="Artikel toevoegen").click()
    event_day = timezone.localdate() + datetime.timedelta(days=30)
    _fill_article(page, event_day)
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    snap(page, "04-artikel-opgeslagen")
    assert f"\u2018{TITLE}\u2019 is toegevoegd. U kunt hieronder verder bewerken." in messages(page)
    article = Article.objects.get(slug=SLUG)
    assert article.status == Article.Status.DRAFT
    assert "<h2>Programma</h2>" in article.body
    assert "<li><p>Gesprekken in kleine groepen</p></li>" in article.body
    assert 'href="https://www.example.nl/voorwaarden"' in article.body
    assert sorted(theme.slug for theme in article.themes.all()) == ["jeugd", "wmo"]
    assert timezone.localtime(article.event_starts_at).strftime("%d-%m-%Y %H:%M") == event_day.strftime(
        "%d-%m-%Y 19:30"
    )
    assert article.event_registration_url == "https://www.example.nl/aanmelden"
    assert list(article.documents.all()) == [document]
    assert [(link.label, link.url) for link in article.links.all()] == [
        ("Meer informatie en aanmelden", "https://www.example.nl/meer-informatie")
    ]

    _preview(page)

    later = timezone.localdate() + datetime.timedelta(days=2)
    page.locator("#id_publish_at_0").fill(later.strftime("%d-%m-%Y"))
    page.locator("#id_publish_at_1").fill("08:00")
    page.get_by_role("button", name="Opslaan en publiceren (of inplannen)").click()
    snap(page, "07-ingepland")
    assert "Het artikel is ingepland" in messages(page)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.is_scheduled
    expect(page.get_by_text("Het staat nog niet op de site en verschijnt vanzelf")).to_be_visible()
    expect(page.get_by_text("direct te zien op de site")).to_have_count(0)
    preview_url = page.get_by_role("link", name="Weergeven op website").get_attribute("href")
    assert preview_url.endswith(f"/beheer/news/article/{article.pk}/voorbeeld/pagina/")  # no 404 before it is live
    home, _ = visitor.open("/")
    expect(home.get_by_role("heading", level=1)).to_be_visible()
    assert TITLE not in home.content()
    _, response = visitor.open(f"/nieuws/{SLUG}/")
    assert response.status == 404

    page.locator("#id_publish_at_0").fill("")
    page.locator("#id_publish_at_1").fill("")
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    snap(page, "08-gepubliceerd")
    assert f"\u2018{TITLE}\u2019 is opgeslagen. U kunt hieronder verder bewerken." in messages(page)
    expect(page.get_by_text("Wat u opslaat, is direct te zien op de site.")).to_be_visible()
    assert page.get_by_role("link", name="Weergeven op website").get_attribute("href") == f"/nieuws/{SLUG}/"
    article.refresh_from_db()
    assert article.publish_at is None
    assert Article.objects.published().filter(pk=article.pk).exists()
    _assert_public_article(visitor)

    assert AuditEntry.objects.filter(article=article, user=editor, action=AuditEntry.Action.SCHEDULED).exists()
    assert AuditEntry.objects.filter(article=article, user=editor, action=AuditEntry.Action.PUBLISHED).exists()
    assert article.publication_date == timezone.localdate()  # published early: dated today, not the planned day
    assert problems == []  # no script errors, nothing blocked by the CSP (admin pages included)


def test_redacteur_writes_and_submits_but_cannot_publish(newsroom, page, visitor):
    problems = watch(page)
    _user("redacteur", "Redacteur")
    log_in(page, "redacteur")
    page.get_by_role("link", name="Artikelen").first.click()
    page.get_by_role("link", name="Artikel toevoegen").click()
    snap(page, "20-redacteur-nieuw")
    assert page.get_by_role("button", name="Opslaan en publiceren (of inplannen)").count() == 0
    assert page.locator("#id_publish_at_0").count() == 0
    page.get_by_label("Titel:", exact=True).fill("Spreekuur schuldhulp in de bibliotheek")
    page.get_by_label("Inleiding:", exact=True).fill("Elke dinsdag kunt u zonder afspraak terecht met geldvragen.")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Het spreekuur is gratis.")
    pick(page, "id_themes", "Jeugd en gezin")
    page.get_by_role("button", name="Opslaan en ter review aanbieden").click()
    snap(page, "21-redacteur-ter-review")
    assert "Het artikel is ter review aangeboden." in messages(page)
    article = Article.objects.get(slug="spreekuur-schuldhulp-in-de-bibliotheek")
    assert article.status == Article.Status.REVIEW
    expect(page.get_by_text("Status: Ter review.", exact=True)).to_be_visible()
    assert page.locator(".workflow-row input[type=submit]").count() == 0

    # Even a forged publish button is refused by the server.
    with page.expect_navigation():
        page.evaluate(
            """() => {
                const form = document.querySelector('#article_form');
                const field = Object.assign(document.createElement('input'), {type: 'hidden', name: '_publish'});
                form.appendChild(field);
                form.requestSubmit();
            }"""
        )
    snap(page, "22-redacteur-publiceren-geweigerd")
    assert "Alleen een eindredacteur mag artikelen publiceren." in messages(page)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    _, response = visitor.open(f"/nieuws/{article.slug}/")
    assert response.status == 404

    page.get_by_role("link", name="Artikelen").first.click()
    expect(page.get_by_role("link", name="Spreekuur schuldhulp in de bibliotheek")).to_be_visible()
    actions = page.locator("select[name=action] option").all_inner_texts()
    assert actions == ["- Maak een keuze -", "Ter review aanbieden"]  # Django 6.1 leaves the first English
    assert problems == []  # no script errors, nothing blocked by the CSP (admin pages included)


# What django-prose-editor 0.28 writes on its toolbar; prose_editor_nl.js renames all of it.
ENGLISH_TOOLBAR = {"paragraph", "unordered list", "ordered list", "blockquote", "bold", "italic", "insert link"}
ENGLISH_TOOLBAR |= {"remove link", "undo", "redo", "question_mark", "heading 2", "heading 3", "heading 4"}
TOOLBAR_NAMES = """() => [...document.querySelectorAll('.prose-menubar [title], .prose-menubar [aria-label]')]
  .flatMap((element) => [element.title, element.getAttribute('aria-label')]).filter(Boolean)"""


def test_editor_toolbar_speaks_dutch_and_draws_its_menu_arrow(newsroom, page):
    problems = watch(page)
    _user("eindredacteur", "Eindredacteur")
    log_in(page, "eindredacteur")
    page.visit("/beheer/news/article/add/")
    menubar = page.locator(".prose-menubar")
    expect(menubar.get_by_role("button", name="Vet")).to_be_visible()

    names = set(page.evaluate(TOOLBAR_NAMES))
    assert {name.lower() for name in names} & ENGLISH_TOOLBAR == set()
    assert {"Gewone tekst", "Opsomming met bolletjes", "Genummerde opsomming", "Citaat", "Cursief"} <= names
    assert {"Link invoegen", "Link weghalen", "Ongedaan maken", "Opnieuw doen"} <= names
    options = [option.text_content() for option in menubar.locator(".prose-menubar__option").all()]
    assert options == ["Kop 2", "Kop 3", "Kop 4", "Gewone tekst"]
    # The block menu's arrow is drawn with borders, not with a character most fonts lack (an empty box).
    arrow = page.evaluate(
        "() => getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after').content"
    )
    assert arrow == '""'

    page.locator(".ProseMirror[contenteditable=true]").click()
    menubar.locator(".prose-menubar__selected").click()
    snap(page, "00-werkbalk-bloksoort")
    menubar.locator(".prose-menubar__option", has_text="Kop 2").click()
    expect(menubar.locator(".prose-menubar__selected").get_by_role("button", name="Kop 2")).to_have_count(1)
    assert problems == []
