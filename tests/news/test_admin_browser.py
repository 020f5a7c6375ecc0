"""An Eindredacteur creates, schedules, previews and publishes an event article in a real browser."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from news.models import Article, AuditEntry
from tests.factories import DocumentFactory, ThemeFactory
from tests.news.editors import editor_user
from tests.plugins.browser import screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Proef-wachtwoord-2026"


def _login(page, group):
    user = editor_user(group)
    user.set_password(PASSWORD)
    user.save()
    page.visit("/beheer/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    return user


def _pick_autocomplete(page, field_id, text):
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.keyboard.type(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_eindredacteur_schedules_and_previews_event_article(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    ThemeFactory(name="Jeugd en gezin", slug="jeugd")
    DocumentFactory(title="Raadsbrief netwerken")
    user = _login(page, "Eindredacteur")

    page.visit("/beheer/news/article/add/")
    page.fill("#id_title", "Netwerkavond wijkteams")
    page.fill("#id_lead", "Wijkteams en huisartsen praten over verwijzen.")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Wij nodigen u uit.")
    _pick_autocomplete(page, "id_themes", "Jeugd en gezin")
    page.select_option("#id_kind", "bijeenkomst")
    later = timezone.localdate() + datetime.timedelta(days=3)
    page.fill("#id_publish_at_0", later.strftime("%d-%m-%Y"))
    page.fill("#id_publish_at_1", "09:00")
    page.get_by_text("Alleen voor bijeenkomsten").click()
    page.fill("#id_event_starts_at_0", "12-03-2030")
    page.fill("#id_event_starts_at_1", "19:00")
    page.fill("#id_event_location", "Wijkcentrum De Brug")
    _pick_autocomplete(page, "id_documents", "Raadsbrief netwerken")
    screenshot(page, "admin-article-add")
    page.click("input[name=_publish]")

    assert "Het artikel is ingepland" in page.locator(".messagelist").inner_text()
    article = Article.objects.get(slug="netwerkavond-wijkteams")
    assert article.status == Article.Status.PUBLISHED and article.is_scheduled
    assert article.body == "<p>Wij nodigen u uit.</p>"
    assert article.event_location == "Wijkcentrum De Brug"
    assert [d.title for d in article.documents.all()] == ["Raadsbrief netwerken"]
    assert article.audit_entries.filter(action=AuditEntry.Action.SCHEDULED, user=user).exists()

    page.get_by_role("link", name="Voorbeeld").click()
    expect(page.get_by_text("Wijkteams en huisartsen praten over verwijzen.")).to_be_visible()
    screenshot(page, "admin-article-preview")
    page.get_by_role("link", name="Bekijk de pagina").click()
    expect(page.get_by_role("heading", name="Netwerkavond wijkteams", level=1)).to_be_visible()
    assert errors == []


def test_redacteur_sees_no_publish_button_in_browser(page):
    _login(page, "Redacteur")
    page.visit("/beheer/news/article/add/")
    assert page.locator("input[name=_submit_review]").is_visible()
    assert page.locator("input[name=_publish]").count() == 0
    assert page.locator("#id_publish_at_0").count() == 0
