"""The send pages of the edition admin: start now, follow the progress (page and JSON), the control buttons."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from newsletter.models import Delivery, Edition, EditionEvent
from tests.factories import EditionFactory, SubscriberFactory, ThemeFactory
from tests.factories.delivery import DeliveryFactory
from tests.news.editors import editor_client

pytestmark = pytest.mark.django_db

S = Delivery.Status


@pytest.fixture
def chief(client):
    return editor_client(client, "Eindredacteur")


@pytest.fixture
def editor(client):
    return editor_client(client, "Redacteur")


@pytest.fixture
def sending():
    edition = EditionFactory(sending=True)
    theme = ThemeFactory(name="Mantelzorg")
    DeliveryFactory(edition=edition, sent=True, subscriber=SubscriberFactory(email="piet@voorbeeld.nl"))
    DeliveryFactory(edition=edition, subscriber=SubscriberFactory(themes=[theme]))
    DeliveryFactory(
        edition=edition,
        status=S.DEFERRED,
        reason="451 4.2.0 <klaas@voorbeeld.nl> mailbox vol",
        subscriber=SubscriberFactory(email="klaas@voorbeeld.nl"),
    )
    return edition


def url(name, edition, *args):
    return reverse(f"admin:newsletter_edition_{name}", args=[edition.pk, *args])


def test_progress_page_shows_counts_bar_live_region_and_static_script(editor, sending):
    response = editor.get(url("progress", sending))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<progress id="digest-progress-bar" class="digest-progress__bar" max="3" value="1"' in html
    assert 'aria-live="polite"' in html
    assert "1 van 3 verwerkt (33%), waarvan 1 verzonden." in html
    assert "Mantelzorg" in html and "Alle thema&#x27;s" in html
    assert "451 4.2.0 [adres] mailbox vol" in html
    assert 'src="/static/newsletter/admin/digest_progress.js"' in html
    assert "<script>" not in html.split("<body")[1].replace('<script src="', "")  # no inline script
    assert "voorbeeld.nl" not in html
    # A Redacteur may look but has no buttons.
    assert 'action="' + url("control", sending, "pauzeren") not in html


def test_progress_page_offers_the_buttons_that_apply_to_an_eindredacteur(chief, sending):
    html = chief.get(url("progress", sending)).content.decode()

    assert f'action="{url("control", sending, "pauzeren")}" data-control="pauzeren" >' in html
    assert f'action="{url("control", sending, "hervatten")}" data-control="hervatten" hidden>' in html
    assert f'action="{url("control", sending, "opnieuw")}" data-control="opnieuw" hidden>' in html
    assert 'data-control="stoppen" >' in html


def test_progress_json_gives_numbers_texts_and_buttons(chief, sending):
    response = chief.get(url("progress_json", sending))

    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert (data["total"], data["done"], data["open"], data["percent"]) == (3, 1, 2, 33)
    assert data["counts"]["uitgesteld"] == 1
    assert data["texts"]["announce"] == "Wordt verzonden: 30% verwerkt."
    assert data["controls"] == {"pauzeren": True, "hervatten": False, "stoppen": True, "opnieuw": False}
    assert [row["name"] for row in data["themes"]] == ["Alle thema's", "Mantelzorg"]
    assert data["errors"][0]["reason"] == "451 4.2.0 [adres] mailbox vol"
    assert "voorbeeld.nl" not in response.content.decode()
    assert data["finished"] is False


def test_progress_json_is_for_staff_with_the_view_permission_only(client, sending):
    assert client.get(url("progress_json", sending)).status_code == 302  # to the login page
    user = get_user_model().objects.create_user(username="buiten", is_staff=False)
    client.force_login(user)
    assert client.get(url("progress_json", sending)).status_code == 302
    user.is_staff = True
    user.save()
    assert client.get(url("progress_json", sending)).status_code == 403


def test_progress_json_of_a_finished_send_says_so(chief):
    edition = EditionFactory(sending=True, status=Edition.Status.SENT)
    DeliveryFactory(edition=edition, sent=True)

    assert chief.get(url("progress_json", edition)).json()["finished"] is True


def test_send_now_asks_first_then_starts_the_approved_edition(chief):
    edition = EditionFactory(approved=True)
    SubscriberFactory()

    page = chief.get(url("send", edition))
    assert page.status_code == 200
    assert "Nu verzenden" in page.content.decode()
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.APPROVED

    response = chief.post(url("send", edition), follow=True)

    assert response.redirect_chain[-1][0] == url("progress", edition)
    assert "Het verzenden is begonnen." in response.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENDING
    assert edition.events.filter(action=EditionEvent.Action.SEND_STARTED).count() == 1


def test_send_now_refuses_an_edition_already_sending(chief, sending):
    response = chief.post(url("send", sending), follow=True)

    assert "Alleen een goedgekeurde editie die nog niet verzonden wordt" in response.content.decode()
    assert not sending.events.filter(action=EditionEvent.Action.SEND_STARTED).exists()


def test_send_and_controls_are_refused_to_a_redacteur(editor, sending):
    approved = EditionFactory(month=sending.month.replace(month=4), approved=True)

    assert editor.post(url("send", approved)).status_code == 403
    assert editor.post(url("control", sending, "pauzeren")).status_code == 403
    assert Edition.objects.get(pk=approved.pk).status == Edition.Status.APPROVED


def test_control_cancel_asks_for_confirmation_first(chief, sending):
    response = chief.get(url("control", sending, "stoppen"))

    assert response.status_code == 200
    assert "Het verzenden stopt voorgoed" in response.content.decode()
    assert chief.get(url("control", sending, "onzin")).status_code == 404


def test_change_form_links_to_send_now_and_to_the_progress(chief, sending):
    approved = EditionFactory(month=sending.month.replace(month=4), approved=True)

    assert url("send", approved) in chief.get(url("change", approved)).content.decode()
    assert url("progress", sending) in chief.get(url("change", sending)).content.decode()


def test_change_list_links_a_started_edition_to_its_progress(chief, sending, django_assert_max_num_queries):
    EditionFactory(month=sending.month.replace(month=4), approved=True)

    with django_assert_max_num_queries(20):
        html = chief.get(reverse("admin:newsletter_edition_changelist")).content.decode()

    assert f'<a href="{url("progress", sending)}">volgen</a>' in html


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "\N{EN DASH}"), (45, "minder dan een minuut"), (60, "ongeveer 1 minuut"), (600, "ongeveer 10 minuten"),
     (3 * 3600 + 20 * 60, "ongeveer 3 uur en 20 min.")],
)  # fmt: skip
def test_progress_time_left_in_words(seconds, text):
    from newsletter.admin.digest_send import _duration

    assert _duration(seconds) == text
