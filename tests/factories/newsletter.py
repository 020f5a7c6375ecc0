"""Factories for the newsletter app. SubscriberFactory makes a confirmed subscriber; traits for other states."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, ConsentText, Edition, EditionItem, Source, Subscriber
from newsletter.tokens import SignupRequest


class ConsentTextFactory(DjangoModelFactory):
    class Meta:
        model = ConsentText
        django_get_or_create = ("version",)

    version = factory.Sequence(lambda n: n + 100)
    text = "Ik wil de nieuwsbrief ontvangen."
    is_active = False


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"abonnee{n}@voorbeeld.nl")
    email_hash = factory.LazyAttribute(lambda o: email_hash(o.email or f"gone-{id(o)}"))
    status = Subscriber.Status.CONFIRMED
    all_themes = True
    consent_version = 1
    source = Source.WEB_FORM
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        unsubscribed = factory.Trait(
            status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=factory.LazyFunction(timezone.now)
        )
        bounced = factory.Trait(status=Subscriber.Status.BOUNCED, bounced_at=factory.LazyFunction(timezone.now))
        # After retention: only the keyed hash is left, as suppression.
        hashed = factory.Trait(
            status=Subscriber.Status.UNSUBSCRIBED,
            unsubscribed_at=factory.LazyFunction(timezone.now),
            email=None,
            email_hash=factory.Sequence(lambda n: email_hash(f"verdwenen{n}@voorbeeld.nl")),
        )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            Subscriber.objects.filter(pk=self.pk).update(all_themes=False)
            self.all_themes = False


class ConsentEventFactory(DjangoModelFactory):
    class Meta:
        model = ConsentEvent

    subscriber = factory.SubFactory(SubscriberFactory)
    action = ConsentEvent.Action.SUBSCRIBE
    consent_version = 1
    source = Source.WEB_FORM


class SignupRequestFactory(factory.Factory):
    """A pending sign-up as carried by a confirmation token (not stored)."""

    class Meta:
        model = SignupRequest

    email = factory.Sequence(lambda n: f"nieuw{n}@voorbeeld.nl")
    theme_slugs = ()
    consent_version = 1


class EditionFactory(DjangoModelFactory):
    """A draft edition of March 2027; `approved=True` or `sending=True` for later states (no snapshot made)."""

    class Meta:
        model = Edition
        django_get_or_create = ("month",)

    month = datetime.date(2027, 3, 1)
    status = Edition.Status.DRAFT

    class Params:
        approved = factory.Trait(
            status=Edition.Status.APPROVED,
            approved_at=factory.LazyFunction(timezone.now),
            send_at=factory.LazyFunction(timezone.now),
        )
        sending = factory.Trait(
            status=Edition.Status.SENDING,
            approved_at=factory.LazyFunction(timezone.now),
            send_at=factory.LazyFunction(timezone.now),
            started_at=factory.LazyFunction(timezone.now),
        )


class EditionItemFactory(DjangoModelFactory):
    class Meta:
        model = EditionItem

    edition = factory.SubFactory(EditionFactory)
    position = factory.Sequence(lambda n: (n + 1) * 10)
