"""make demo: the Eindredacteur sends the approved demo edition from the admin and the mail arrives in var/mail."""

import re

import pytest
from playwright.sync_api import expect

from tests.plugins.browser import DESKTOP
from tests.support.demo import demo_running

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Run scripts/demo.sh in a clean environment; yield its URL, var/ folder and the editor's password."""
    var = tmp_path_factory.mktemp("demo-send-var")
    with demo_running(var) as (url, log_path):
        password = re.search(r"wachtwoord (\S+)", log_path.read_text()).group(1)
        yield url, var, password


def test_demo_editor_sends_the_approved_edition_and_it_arrives_in_var_mail(browser, demo):
    url, var, password = demo
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{url}/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill("redactie")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()

    page.goto(f"{url}/beheer/newsletter/edition/?status__exact=goedgekeurd")
    page.locator("#result_list tbody a").first.click()
    page.get_by_role("link", name="Nu verzenden").click()
    page.get_by_role("button", name="Nu verzenden").click()

    expect(page.get_by_text("Het verzenden is begonnen.")).to_be_visible()
    # The progress page refreshes itself until the worker on the digest queue has sent everything.
    expect(page.locator("[aria-live=polite]")).to_have_text("Verzonden: 100% verwerkt.", timeout=120_000)
    sent = int(page.locator('[data-count="verzonden"]').inner_text())
    context.close()
    assert sent > 0
    mails = sorted((var / "mail").glob("*.eml"))
    digests = [path for path in mails if b"\nList-Unsubscribe:" in path.read_bytes()]
    assert len(digests) == sent
