"""A person subscribes, opens the email from the local SMTP server, confirms, changes themes, unsubscribes.

The emails are sent by a real Celery worker (links point at the live server through SITE_URL). Screenshots
of every step go to test-artifacts/screenshots/newsletter-*.png, the emails to test-artifacts/mail/*.eml.
"""

import re
from pathlib import Path

import pytest
from django.core.cache import cache

from news.models import Theme
from newsletter.models import ConsentEvent, ConsentText, Subscriber
from tests.factories import ConsentTextFactory, ThemeFactory
from tests.plugins.browser import axe_scan, format_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

MAIL_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "mail"


@pytest.fixture(autouse=True)
def themes():
    """Two themes to choose from: the default ones of the news data migration, or made here after a flush."""
    cache.clear()
    if not ConsentText.objects.exists():
        ConsentTextFactory(version=1, is_active=True, text="Ik wil de nieuwsbrief ontvangen.")
    while Theme.objects.filter(is_active=True).count() < 2:
        ThemeFactory()
    return list(Theme.objects.filter(is_active=True).order_by("order", "name")[:2])


def _save_and_link(smtp_sink, index, name, path_start):
    """Keep the email for people to read; return the link in it that starts with path_start."""
    MAIL_DIR.mkdir(parents=True, exist_ok=True)
    (MAIL_DIR / f"newsletter-{name}.eml").write_bytes(smtp_sink.raw[index])
    text = smtp_sink.messages[index].get_body(("plain",)).get_content()
    print(f"----- {name}.eml (plain text) -----\n{text}")
    return re.search(rf"(https?://\S+{re.escape(path_start)}\S+/)", text).group(1)


def test_newsletter_flow_as_a_person(page, live_server, celery_worker_factory, smtp_sink, themes):
    first, second = themes
    worker = celery_worker_factory(env={**smtp_sink.env, "SITE_URL": live_server.url})

    page.visit("/nieuwsbrief/aanmelden/")
    screenshot(page, "newsletter-1-aanmelden")
    page.get_by_label("Uw e-mailadres").fill("inwoner@voorbeeld.nl")
    page.get_by_label(first.name, exact=True).check()
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Kijk in uw mailbox").wait_for()
    screenshot(page, "newsletter-2-verstuurd")
    assert not Subscriber.objects.exists()

    worker.wait_for(lambda: smtp_sink.raw, what="the confirmation email")
    confirm_url = _save_and_link(smtp_sink, 0, "bevestigen", "/nieuwsbrief/bevestigen/")
    assert confirm_url.startswith(live_server.url)
    page.goto(confirm_url)
    chosen = page.locator("main .newsletter-confirm__themes li")
    assert chosen.all_inner_texts() == [first.name]  # what the person confirms, above the button
    assert (
        chosen.first.bounding_box()["y"]
        < page.get_by_role("button", name="Bevestig mijn aanmelding").bounding_box()["y"]
    )
    screenshot(page, "newsletter-3-bevestigen")
    assert not Subscriber.objects.exists()  # opening the link changes nothing
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()
    page.get_by_role("heading", name="U bent aangemeld").wait_for()
    screenshot(page, "newsletter-4-aangemeld")
    subscriber = Subscriber.objects.get()
    assert list(subscriber.themes.all()) == [first]

    worker.wait_for(lambda: len(smtp_sink.raw) >= 2, what="the welcome email")
    preferences_url = _save_and_link(smtp_sink, 1, "welkom", "/nieuwsbrief/voorkeuren/")
    page.goto(preferences_url)
    assert page.get_by_label(first.name, exact=True).is_checked()
    page.get_by_label(first.name, exact=True).uncheck()
    page.get_by_label(second.name, exact=True).check()
    page.get_by_role("button", name="Thema's opslaan").click()
    page.get_by_text("Uw thema's zijn opgeslagen.").wait_for()
    screenshot(page, "newsletter-5-voorkeuren")
    assert list(subscriber.themes.all()) == [second]

    unsubscribe_url = _save_and_link(smtp_sink, 1, "welkom", "/nieuwsbrief/afmelden/")
    page.goto(unsubscribe_url)
    screenshot(page, "newsletter-6-afmelden")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    page.get_by_role("button", name="Afmelden").click()
    page.get_by_role("heading", name="U bent afgemeld").wait_for()
    screenshot(page, "newsletter-7-afgemeld")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    actions = list(ConsentEvent.objects.order_by("at", "id").values_list("action", "source"))
    assert actions == [("subscribe", "web_form"), ("themes", "preferences"), ("unsubscribe", "unsubscribe_page")]


def test_newsletter_pages_pass_axe(axe_page):
    from newsletter.tokens import subscriber_token_make
    from tests.factories import SubscriberFactory

    subscriber = SubscriberFactory()
    token = subscriber_token_make(purpose="preferences", subscriber_id=subscriber.pk, token_version=1)
    unsubscribe = subscriber_token_make(purpose="unsubscribe", subscriber_id=subscriber.pk, token_version=1)
    for path in (
        "/nieuwsbrief/aanmelden/",
        "/nieuwsbrief/aanmelden/verstuurd/",
        f"/nieuwsbrief/voorkeuren/{token}/",
        f"/nieuwsbrief/voorkeuren/{token}/verwijderen/",
        f"/nieuwsbrief/afmelden/{unsubscribe}/",
        "/nieuwsbrief/afmelden/ongeldig/",
    ):
        axe_page.visit(path)
        violations = axe_scan(axe_page)
        assert not violations, f"{path}:\n{format_violations(violations)}"


def test_newsletter_subscribe_errors_are_announced(page):
    page.visit("/nieuwsbrief/aanmelden/")
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Aanmelden").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Vul een geldig e-mailadres in" in alert.inner_text()
    assert page.title().startswith("Fout:")
    screenshot(page, "newsletter-0-fout")
