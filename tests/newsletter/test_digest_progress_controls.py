"""The progress page's buttons call the real control services: pause, resume, cancel, retry failed."""

import pytest
from django.urls import reverse

from newsletter.models import Delivery, Edition, EditionEvent
from tests.factories import EditionFactory
from tests.factories.delivery import DeliveryFactory
from tests.news.editors import editor_user

pytestmark = pytest.mark.django_db

S = Delivery.Status


@pytest.fixture
def chief(client):
    client.force_login(editor_user("Eindredacteur"))
    return client


def press(client, edition, step):
    url = reverse("admin:newsletter_edition_control", args=[edition.pk, step])
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:newsletter_edition_progress", args=[edition.pk])
    return [str(m) for m in response.context["messages"]]


def test_control_pause_then_resume(chief):
    edition = EditionFactory(sending=True)
    DeliveryFactory.create_batch(2, edition=edition)

    assert press(chief, edition, "pauzeren") == [
        "Het verzenden is gepauzeerd. Berichten die al onderweg waren, worden nog afgemaakt."
    ]
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.PAUSED
    assert press(chief, edition, "hervatten") == ["Het verzenden is hervat en gaat verder waar het stopte."]
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENDING
    actions = list(edition.events.values_list("action", flat=True))
    assert EditionEvent.Action.PAUSED in actions and EditionEvent.Action.RESUMED in actions


def test_control_refuses_with_the_reason_when_not_applicable(chief):
    edition = EditionFactory(sending=True, status=Edition.Status.SENT)

    assert press(chief, edition, "pauzeren") == ["Alleen een editie die wordt verzonden, kan worden gepauzeerd."]
    assert press(chief, edition, "hervatten") == ["Alleen een gepauzeerde editie kan worden hervat."]
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_control_cancel_stops_the_open_rows(chief):
    edition = EditionFactory(sending=True)
    waiting = DeliveryFactory(edition=edition)
    sent = DeliveryFactory(edition=edition, sent=True)

    messages = press(chief, edition, "stoppen")

    assert messages == ["Het verzenden is gestopt. Wie nog niets had gekregen, krijgt deze editie niet."]
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.CANCELLED
    assert Delivery.objects.get(pk=waiting.pk).status == S.CANCELLED
    assert Delivery.objects.get(pk=sent.pk).status == S.SENT


def test_control_retry_failed_gives_them_new_attempts(chief):
    edition = EditionFactory(sending=True, status=Edition.Status.PAUSED)
    failed = DeliveryFactory.create_batch(2, edition=edition, status=S.FAILED, attempts=6, reason="451")

    assert press(chief, edition, "opnieuw") == ["2 mislukte verzendingen worden opnieuw geprobeerd."]
    assert {d.status for d in Delivery.objects.filter(pk__in=[d.pk for d in failed])} == {S.PENDING}
