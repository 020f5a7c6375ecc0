"""Delivery rows in any state, for the progress page, the webhooks and retention (no worker involved)."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from newsletter.models import Delivery
from tests.factories.newsletter import EditionFactory, SubscriberFactory


class DeliveryFactory(DjangoModelFactory):
    class Meta:
        model = Delivery

    edition = factory.SubFactory(EditionFactory, sending=True)
    subscriber = factory.SubFactory(SubscriberFactory)
    status = Delivery.Status.PENDING

    class Params:
        sent = factory.Trait(
            status=Delivery.Status.SENT,
            attempts=1,
            sent_at=factory.LazyFunction(timezone.now),
            message_id=factory.Sequence(lambda n: f"<digest-{n}@voorbeeld.nl>"),
        )
