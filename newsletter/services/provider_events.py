"""An email provider (django-anymail): the message handed to its API, and what it reports back afterwards.

Most providers' APIs take subject, text, HTML and headers as fields, not a finished MIME message, so a
rendered digest's bytes are taken apart again by `provider_message` (and our Message-ID goes along as
metadata, which the provider returns in its webhooks).

A bounce, a rejection or a spam complaint arrives through anymail's `tracking` signal (newsletter/webhooks.py).
The address is suppressed with `subscription_bounce`, the same way an SMTP 5xx suppresses it, and the
delivery whose Message-ID the provider names is marked 'onbestelbaar'. Nothing here logs or stores the address.
"""

import email
import email.policy
import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from newsletter.hashing import email_hash
from newsletter.models import Delivery, Source, Subscriber
from newsletter.services.subscriptions import subscription_bounce

logger = logging.getLogger(__name__)

# Headers the provider must pass on unchanged (its API sets From, To, Subject, Date and MIME itself).
KEPT_HEADERS = ("Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id", "Reply-To", "Precedence")


def provider_message(raw: bytes, *, to: list[str]) -> EmailMultiAlternatives:
    """Return the finished MIME message `raw` as fields for a provider's API: subject, text, HTML, headers.

    Our Message-ID also goes as anymail metadata 'message_id', so that the provider's bounce report finds
    the delivery again. Attachments are not carried (the digest has none).
    """
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    text = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    message = EmailMultiAlternatives(
        subject=str(parsed.get("Subject", "")),
        body=text.get_content() if text is not None else "",
        from_email=str(parsed.get("From", "")) or None,
        to=to,
        headers={name: str(parsed[name]) for name in KEPT_HEADERS if parsed[name] is not None},
    )
    if html is not None:
        message.attach_alternative(html.get_content(), "text/html")
    # No tracking pixels or rewritten links: who opened or clicked what is personal data we do not collect.
    message.track_opens = message.track_clicks = False
    if parsed["Message-ID"] is not None:
        message.metadata = {"message_id": str(parsed["Message-ID"]).strip()}
    return message


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
                .update(
                    status=Delivery.Status.BOUNCED,
                    reason=f"{provider}: {event_type}"[:250],
                    updated_at=timezone.now(),  # the progress page lists problems by when they happened
                )
            )
    logger.info(
        "Provider %s reported %s for subscriber #%s (%d delivery marked)", provider, event_type, subscriber.pk, marked
    )
    return True
