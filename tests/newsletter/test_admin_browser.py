"""The Eindredacteur in a real browser: log in, import a CSV, read the report, count themes, export."""

import csv
import io

import pytest
from playwright.sync_api import expect

from newsletter.models import ConsentText, DataAccessLog, Subscriber
from tests.factories import ThemeFactory
from tests.factories.newsletter import SubscriberFactory
from tests.news.editors import BROWSER_PASSWORD, editor_browser_login
from tests.plugins.browser import axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chief_page(page, settings):
    # A transactional test empties the database afterwards, also what the data migrations made.
    ConsentText.objects.get_or_create(version=1, defaults={"text": "Ik wil de nieuwsbrief.", "is_active": True})
    return editor_browser_login(page, settings)


def test_admin_browser_import_report_counts_and_export(chief_page, tmp_path):
    page = chief_page
    ThemeFactory(slug="test-ouderen", name="Test ouderen")
    SubscriberFactory(email="bestaand@example.org")
    upload = tmp_path / "lijst.csv"
    upload.write_text(
        "email;themes;consent_source;consent_date\n"
        "nieuw@example.org;test-ouderen;aanmeldlijst bijeenkomst;2026-03-12\n"
        "bestaand@example.org;;lijst;2026-01-01\n",
        encoding="utf-8",
    )

    page.visit("/beheer/newsletter/subscriber/")
    page.get_by_role("link", name="Abonnees importeren (CSV)").click()
    page.get_by_label("CSV-bestand").set_input_files(str(upload))
    page.get_by_role("button", name="Importeren").click()

    status = page.get_by_role("status")
    assert "Toegevoegd: 1." in status.inner_text()
    assert "dit adres is al aangemeld" in page.locator("#result_list").inner_text()
    screenshot(page, "newsletter-admin-import-report")

    page.visit("/beheer/newsletter/subscriber/")
    page.get_by_role("link", name="Aantallen per thema").click()
    page.wait_for_url("**/subscriber/themas/")
    row = page.get_by_role("row", name="Test ouderen")
    # all_inner_texts() does not wait: wait for the row first, or a slow navigation reads an empty page.
    expect(row).to_be_visible()
    assert row.get_by_role("cell").all_inner_texts() == ["1", "2"]

    page.visit("/beheer/newsletter/subscriber/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Bevestigde abonnees exporteren (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert sorted(r["email"] for r in rows) == ["bestaand@example.org", "nieuw@example.org"]
    assert Subscriber.objects.get(email="nieuw@example.org").source == "import"
    actions = set(DataAccessLog.objects.values_list("action", flat=True))
    assert {DataAccessLog.Action.IMPORT, DataAccessLog.Action.LIST, DataAccessLog.Action.EXPORT} <= actions


def test_admin_browser_import_page_has_no_axe_violations_of_our_own(axe_page, chief_page):
    # axe needs the CSP bypass; log in on that page too.
    page = axe_page
    page.visit("/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill("eindredacteur")
    page.get_by_label("Wachtwoord").fill(BROWSER_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()

    for path in ("/beheer/newsletter/subscriber/import/", "/beheer/newsletter/subscriber/themas/"):
        page.visit(path)
        violations = axe_scan(page)
        assert violations == [], format_violations(violations)
