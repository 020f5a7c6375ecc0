"""The mails of a subscription, sent by the worker: the confirmation (or "already subscribed") and the welcome.

Each renders through newsletter.emails.build_email and sends through newsletter.services.mail.mail_send.
"""

from django.urls import reverse

from news.models import Theme
from newsletter.emails import absolute_url, build_email, subscriber_links, unsubscribe_headers
from newsletter.hashing import email_hash
from newsletter.models import Subscriber
from newsletter.services.mail import mail_send
from newsletter.tokens import CONFIRM_MAX_AGE, SignupRequest, confirm_token_make


def subscription_request_email_send(*, email: str, theme_slugs: list[str], consent_version: int) -> bool:
    """Send the confirmation email, or the "already subscribed" email with the preferences link; return sent."""
    subscriber = Subscriber.objects.filter(email_hash=email_hash(email), status=Subscriber.Status.CONFIRMED).first()
    if subscriber is not None:
        context = {"subscriber": subscriber, **subscriber_links(subscriber)}
        message = build_email(
            "newsletter/already_subscribed",
            to=[subscriber.email],
            context=context,
            headers=unsubscribe_headers(subscriber),
        )
        return mail_send(message)
    signup = SignupRequest(email=email, theme_slugs=tuple(theme_slugs), consent_version=consent_version)
    token = confirm_token_make(signup)
    context = {
        "confirm_url": absolute_url(reverse("newsletter:confirm", kwargs={"token": token})),
        "themes": list(Theme.objects.filter(slug__in=theme_slugs, is_active=True)),
        "valid_days": CONFIRM_MAX_AGE.days,
    }
    return mail_send(build_email("newsletter/confirm", to=[email], context=context))


def subscription_welcome_send(*, subscriber_id: int) -> bool:
    """Send the welcome email with the preferences link; return False if the subscriber is gone or refused."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.CONFIRMED).first()
    if subscriber is None:
        return False
    context = {
        "subscriber": subscriber,
        "themes": list(subscriber.themes.all()),
        **subscriber_links(subscriber),
    }
    message = build_email(
        "newsletter/welcome", to=[subscriber.email], context=context, headers=unsubscribe_headers(subscriber)
    )
    return mail_send(message)
