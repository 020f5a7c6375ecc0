"""What an email provider reports after it accepted a message: a bounce, a rejection or a spam complaint.

Reached through django-anymail's `tracking` signal (newsletter/webhooks.py). The address is suppressed with
`subscription_bounce`, the same way an SMTP 5xx suppresses it, and the delivery whose Message-ID the provider
names is marked 'onbestelbaar'. Nothing here logs or stores the address.
"""

import logging

from django.db import transaction

from newsletter.hashing import email_hash
from newsletter.models import Delivery, Source, Subscriber
from newsletter.services.subscriptions import subscription_bounce

logger = logging.getLogger(__name__)

# anymail's EventType values that mean: do not mail this address again.
SUPPRESSING_EVENTS = frozenset({"bounced", "rejected", "complained"})


def _message_id_variants(message_ids: list[str | None]) -> list[str]:
    """A provider may report a Message-ID with or without its angle brackets."""
    bare = [str(value).strip().strip("<>") for value in message_ids if value]
    return [variant for value in bare if value for variant in (value, f"<{value}>")]


def provider_event_apply(*, event_type: str, address: str | None, message_ids: list[str | None], provider: str) -> bool:
    """Suppress the address of a bounce, rejection or complaint; mark the delivery with one of message_ids bounced.

    Return whether the event was one of those and named a known subscriber. Idempotent: a provider that sends
    the same event again changes nothing.
    """
    if event_type not in SUPPRESSING_EVENTS or not address:
        return False
    subscriber = Subscriber.objects.filter(email_hash=email_hash(address)).only("pk").first()
    if subscriber is None:
        logger.info("Provider %s reported %s for an address that is not subscribed", provider, event_type)
        return False
    with transaction.atomic():
        subscription_bounce(subscriber_ids=[subscriber.pk], source=Source.SYSTEM)
        marked = 0
        if variants := _message_id_variants(message_ids):
            marked = (
                Delivery.objects.filter(subscriber=subscriber, message_id__in=variants)
                .exclude(status=Delivery.Status.BOUNCED)
                .update(status=Delivery.Status.BOUNCED, reason=f"{provider}: {event_type}"[:250])
            )
    logger.info(
        "Provider %s reported %s for subscriber #%s (%d delivery marked)", provider, event_type, subscriber.pk, marked
    )
    return True
