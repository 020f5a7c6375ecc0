"""Confirmation: GET shows a button and changes nothing; POST creates or re-activates; twice is harmless."""

import pytest
from django.urls import reverse

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import confirm_token_make
from tests.factories import SignupRequestFactory, SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def welcomed(monkeypatch):
    from newsletter import tasks

    calls = []
    monkeypatch.setattr(tasks.subscription_welcome_send_task, "delay_on_commit", lambda *a: calls.append(a))
    return calls


def _url(signup):
    return reverse("newsletter:confirm", kwargs={"token": confirm_token_make(signup)})


def _main(response) -> str:
    """The page's <main> only: the footer lists every theme."""
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def test_confirm_get_shows_button_and_stores_nothing(client):
    signup = SignupRequestFactory()
    response = client.get(_url(signup))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bevestig mijn aanmelding" in html
    assert 'method="post"' in html
    assert response["Cache-Control"].startswith("max-age=0")
    assert Subscriber.objects.count() == 0


def test_confirm_get_lists_the_chosen_themes(client):
    ThemeFactory(slug="jeugd", name="Jeugd en gezin")
    ThemeFactory(slug="wmo", name="Zorg en ondersteuning")
    ThemeFactory(slug="oud", name="Oud thema", is_active=False)
    signup = SignupRequestFactory(theme_slugs=("jeugd", "oud"))

    html = _main(client.get(_url(signup)))

    assert "U krijgt nieuws over deze thema's:" in html
    assert "Jeugd en gezin" in html
    assert "Zorg en ondersteuning" not in html
    assert "Oud thema" not in html  # inactive: not subscribed to on confirm either
    assert html.index("Jeugd en gezin") < html.index("Bevestig mijn aanmelding")


@pytest.mark.parametrize("slugs", [(), ("bestaat-niet",)])
def test_confirm_get_says_all_themes_when_none_was_chosen(client, slugs):
    ThemeFactory(slug="jeugd", name="Jeugd en gezin")
    signup = SignupRequestFactory(theme_slugs=slugs)

    html = _main(client.get(_url(signup)))

    assert "U krijgt nieuws over alle thema's, ook over thema's die later bijkomen." in html
    assert "Jeugd en gezin" not in html


def test_confirm_post_creates_confirmed_subscriber_with_themes_and_ledger(client, welcomed):
    jeugd = ThemeFactory(slug="jeugd")
    ThemeFactory(slug="wmo")
    signup = SignupRequestFactory(email="Nieuw@Voorbeeld.nl", theme_slugs=("jeugd",))
    response = client.post(_url(signup))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:confirm_done")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.email == "Nieuw@Voorbeeld.nl"
    assert subscriber.email_hash == email_hash("nieuw@voorbeeld.nl")
    assert list(subscriber.themes.all()) == [jeugd]
    assert subscriber.all_themes is False
    assert subscriber.confirmed_at is not None
    event = ConsentEvent.objects.get()
    assert (event.action, event.source, event.themes, event.consent_version) == ("subscribe", "web_form", ["jeugd"], 1)
    assert welcomed == [(subscriber.pk,)]


def test_confirm_without_themes_means_all_themes(client, welcomed):
    client.post(_url(SignupRequestFactory(theme_slugs=())))
    subscriber = Subscriber.objects.get()
    assert subscriber.all_themes is True
    assert subscriber.themes.count() == 0


def test_confirm_twice_is_harmless(client, welcomed):
    url = _url(SignupRequestFactory())
    client.post(url)
    second = client.post(url)
    assert second.status_code == 302
    assert Subscriber.objects.count() == 1
    assert ConsentEvent.objects.count() == 1
    assert len(welcomed) == 1


def test_confirm_does_not_change_a_confirmed_subscriber(client, welcomed):
    jeugd = ThemeFactory(slug="jeugd")
    subscriber = SubscriberFactory(email="a@voorbeeld.nl", themes=[jeugd])
    client.post(_url(SignupRequestFactory(email="a@voorbeeld.nl", theme_slugs=())))
    subscriber.refresh_from_db()
    assert list(subscriber.themes.all()) == [jeugd]
    assert ConsentEvent.objects.count() == 0


@pytest.mark.parametrize("state", ["unsubscribed", "bounced"])
def test_confirm_reactivates_unsubscribed_or_bounced(client, welcomed, state):
    subscriber = SubscriberFactory(email="a@voorbeeld.nl", **{state: True})
    client.post(_url(SignupRequestFactory(email="a@voorbeeld.nl")))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.unsubscribed_at is None
    assert ConsentEvent.objects.get().action == ConsentEvent.Action.RESUBSCRIBE


def test_confirm_restores_address_of_hashed_suppression_row(client, welcomed):
    SubscriberFactory(hashed=True, email_hash=email_hash("terug@voorbeeld.nl"))
    client.post(_url(SignupRequestFactory(email="terug@voorbeeld.nl")))
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "terug@voorbeeld.nl"
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_confirm_post_without_csrf_cookie_is_refused(welcomed):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_url(SignupRequestFactory()))
    assert response.status_code == 403
    assert Subscriber.objects.count() == 0
