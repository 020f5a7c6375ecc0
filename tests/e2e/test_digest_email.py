"""The digest in Chromium: the mail HTML of a full month passes axe-core, reflows, and its web version is a page.

Screenshots (light and dark, 600 and 375 px): test-artifacts/screenshots/digest-*.png.
"""

import datetime
import email
import email.policy

import pytest

from newsletter.services import digest_approve, digest_assemble, digest_message_bytes, digest_send_start
from tests.e2e.conftest import ARCHIVE_MONTH, ARCHIVE_YEAR
from tests.newsletter.digest_helpers import AT_ASSEMBLY, full_month
from tests.plugins.browser import SCREENSHOT_DIR, axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _html(edition) -> str:
    message = email.message_from_bytes(digest_message_bytes(edition=edition), policy=email.policy.default)
    return message.get_body(("html",)).get_content()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_digest_html_of_a_full_month_has_no_axe_violations(page, scheme):
    edition, _themes = full_month()
    page.emulate_media(color_scheme=scheme)
    page.set_content(_html(edition))

    violations = axe_scan(page)

    assert violations == [], format_violations(violations)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").count() == 1
    assert page.locator("img").count() == 0
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for width in (600, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOT_DIR / f"digest-{scheme}-{width}.png"))


def test_digest_html_reflows_at_320_pixels(page):
    edition, _themes = full_month(per_theme=1)
    page.set_viewport_size({"width": 320, "height": 640})
    page.set_content(_html(edition))

    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")

    assert overflow <= 0


@pytest.fixture
def sent_edition(site_content):
    """The site content's month, assembled, approved and started (the web version exists from then on)."""
    now = datetime.datetime(ARCHIVE_YEAR, ARCHIVE_MONTH + 1, 1, 6, tzinfo=AT_ASSEMBLY.tzinfo)
    edition = digest_assemble(month=datetime.date(ARCHIVE_YEAR, ARCHIVE_MONTH, 1), now=now).edition
    edition = digest_approve(edition=edition)
    assert digest_send_start(edition_id=edition.pk)
    return edition


@pytest.mark.parametrize("path", ["web", "archive"])
def test_digest_web_pages_are_accessible(sent_edition, page, path):
    url = sent_edition.get_absolute_url() if path == "web" else "/nieuwsbrief/archief/"

    response = page.visit(url)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    violations = axe_scan(page)
    assert violations == [], format_violations(violations)
    screenshot(page, f"digest-{path}")


def test_digest_web_version_is_linked_from_the_month_archive_and_the_footer(sent_edition, page):
    page.visit(f"/archief/{ARCHIVE_YEAR}/{ARCHIVE_MONTH}/")
    page.get_by_role("link", name="Lees de nieuwsbrief van maart 2026").click()
    assert page.locator("h1").inner_text() == "Nieuwsbrief maart 2026"
    assert page.get_by_role("heading", name="Jeugd en gezin").count() == 1

    page.get_by_role("contentinfo").get_by_role("link", name="Eerdere nieuwsbrieven").click()
    assert page.get_by_role("link", name="Nieuwsbrief maart 2026").count() == 1
