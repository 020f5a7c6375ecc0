"""The send progress page in Chromium: under the real CSP its static script refreshes the numbers; axe finds nothing."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from newsletter.models import Delivery
from tests.factories import EditionFactory, SubscriberFactory, ThemeFactory
from tests.factories.delivery import DeliveryFactory
from tests.news.editors import editor_browser_login
from tests.plugins.browser import axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chief_page(page, settings):
    return editor_browser_login(page, settings)


def test_progress_page_refreshes_itself_and_is_accessible(chief_page):
    page = chief_page
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    edition = EditionFactory(sending=True)
    theme = ThemeFactory(name="Mantelzorg")
    DeliveryFactory(edition=edition, sent=True)
    waiting = [DeliveryFactory(edition=edition, subscriber=SubscriberFactory(themes=[theme])) for _ in range(3)]

    page.visit(f"/beheer/newsletter/edition/{edition.pk}/verzending/")
    bar = page.get_by_role("progressbar", name="Voortgang")
    expect(bar).to_have_attribute("value", "1")
    live = page.locator("[aria-live=polite]")
    expect(live).to_have_text("Wordt verzonden: 20% verwerkt.")

    Delivery.objects.filter(pk__in=[d.pk for d in waiting]).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), message_id="<x@voorbeeld.nl>"
    )

    expect(live).to_have_text("Wordt verzonden: 100% verwerkt.", timeout=15_000)
    expect(bar).to_have_attribute("value", "4")
    expect(page.get_by_role("row", name="Mantelzorg")).to_contain_text("3")
    # The buttons are real buttons in the tab order.
    pause = page.get_by_role("button", name="Pauzeren")
    pause.focus()
    expect(pause).to_be_focused()
    assert blocked == []
    screenshot(page, "digest-send-progress")
    violations = axe_scan(page)
    assert violations == [], format_violations(violations)
