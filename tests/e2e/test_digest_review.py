"""Issue 9 in a real browser: an Eindredacteur reviews a draft edition, previews it as a subscriber of two
themes, sends a test to herself (a real worker delivers it to the SMTP sink) and approves it.

Screenshots of every step: test-artifacts/editor/digest-*.png.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format

from news.services import groups_sync
from newsletter.models import Edition, EditionEvent
from newsletter.selectors import month_first, month_previous
from newsletter.services import digest_assemble
from tests.e2e.editor_steps import PASSWORD, log_in, messages, snap, watch
from tests.factories import ArticleFactory, SiteTextFactory, SubscriberFactory, ThemeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CHIEF_EMAIL = "eindredacteur@gemeente.nl"


@pytest.fixture
def draft():
    """A draft edition of last month: articles in three themes, and a subscriber of two of them."""
    cache.clear()
    SiteTextFactory()
    groups_sync()
    themes = {}
    for order, (slug, name) in enumerate(
        [("jeugd", "Jeugd en gezin"), ("wmo", "Zorg en ondersteuning (Wmo)"), ("werk", "Werk en inkomen")]
    ):
        theme = ThemeFactory(slug=slug)
        theme.name, theme.order, theme.is_active = name, order, True
        theme.save()
        themes[slug] = theme
    month = month_previous(month_first(timezone.localdate()))
    day = month.replace(day=10)
    ArticleFactory(title="Nieuwe aanpak wachtlijsten jeugdhulp", publication_date=day, themes=[themes["jeugd"]])
    ArticleFactory(title="Huishoudelijke hulp anders geregeld", publication_date=day, themes=[themes["wmo"]])
    ArticleFactory(title="Oude bijeenkomst die eruit moet", publication_date=day, themes=[themes["wmo"]])
    ArticleFactory(title="Banenmarkt voor statushouders", publication_date=day, themes=[themes["werk"]])
    edition = digest_assemble(month=month).edition
    subscriber = SubscriberFactory(email="twee.themas@example.nl", themes=[themes["jeugd"], themes["wmo"]])
    chief = get_user_model().objects.create_user(
        username="eindredacteur", password=PASSWORD, email=CHIEF_EMAIL, is_staff=True
    )
    chief.groups.add(Group.objects.get(name="Eindredacteur"))
    return edition, subscriber


def _row(page, title):
    return page.locator("tr.form-row", has_text=title)


def test_eindredacteur_reviews_previews_tests_and_approves(draft, page, celery_worker_factory, smtp_sink):
    edition, _subscriber = draft
    celery_worker_factory(env=smtp_sink.env)
    problems = watch(page)
    month = date_format(edition.month, "F Y")

    # Review: the draft from the list, an intro, a mail text of her own, an article out.
    log_in(page, "eindredacteur")
    page.visit("/beheer/newsletter/edition/")
    page.get_by_role("link", name=month).click()
    page.locator(".ProseMirror[contenteditable=true]").first.click()
    page.keyboard.type("Welkom bij de nieuwsbrief van deze maand.")
    _row(page, "Nieuwe aanpak wachtlijsten jeugdhulp").locator("textarea").fill("Kort: de wachtlijsten worden korter.")
    _row(page, "Oude bijeenkomst die eruit moet").get_by_role("checkbox").last.check()
    snap(page, "digest-01-concept")
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    assert "is opgeslagen" in messages(page)

    # Preview as the subscriber of two themes.
    page.get_by_role("link", name="Bekijk als abonnee").click()
    page.locator("#id_subscriber + .select2 .select2-selection").click()
    page.keyboard.type("twee.the")
    page.locator(".select2-results__option", has_text="tw…@example.nl").click()
    page.get_by_role("button", name="Toon voorbeeld").click()
    text = page.locator(".digest-preview__text").inner_text()
    assert "JEUGD EN GEZIN" in text and "ZORG EN ONDERSTEUNING (WMO)" in text and "WERK EN INKOMEN" not in text
    assert "Kort: de wachtlijsten worden korter." in text and "Oude bijeenkomst" not in text
    assert "Welkom bij de nieuwsbrief van deze maand." in text
    frame = page.frame_locator("iframe.digest-preview__frame")
    assert frame.get_by_role("heading", name="Zorg en ondersteuning (Wmo)").count() == 1
    assert "twee.themas@example.nl" not in page.content()
    snap(page, "digest-02-voorbeeld")

    # A test mail to herself: sent by the worker, after the request.
    page.get_by_role("button", name="Stuur een testmail naar mij").click()
    assert CHIEF_EMAIL in messages(page)
    (message,) = smtp_sink.wait_for(1, timeout=60)
    assert smtp_sink.envelopes[0][1] == [CHIEF_EMAIL] and message["To"] == CHIEF_EMAIL
    assert message["Subject"] == f"Nieuwsbrief zorgprofessionals \N{EN DASH} {month}"
    body = message.get_body(("plain",)).get_content()
    assert "JEUGD EN GEZIN" in body and "WERK EN INKOMEN" not in body
    assert "/nieuwsbrief/afmelden/voorbeeld/" in message["List-Unsubscribe"]

    # Approve, to be sent tomorrow morning.
    page.get_by_role("link", name=str(edition)).click()
    page.get_by_role("link", name="Goedkeuren en verzenden").click()
    page.get_by_label("Verzenden op").check()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Datum en tijd").fill(f"{tomorrow:%Y-%m-%d}T09:00")
    snap(page, "digest-03-goedkeuren")
    page.get_by_role("button", name="Goedkeuren").click()
    assert "is goedgekeurd en wordt verzonden op" in messages(page)
    snap(page, "digest-04-goedgekeurd")

    approved = Edition.objects.get(pk=edition.pk)
    assert approved.status == Edition.Status.APPROVED
    assert timezone.localtime(approved.send_at).date() == tomorrow
    actions = set(approved.events.values_list("action", flat=True))
    assert {EditionEvent.Action.CHANGED, EditionEvent.Action.TEST_SENT, EditionEvent.Action.APPROVED} <= actions
    assert approved.items.get(article__title="Oude bijeenkomst die eruit moet").is_removed
    assert problems == []
