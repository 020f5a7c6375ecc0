"""Subscription services: request, confirm, change themes, pause, unsubscribe, revoke links.

Nothing is stored before confirmation: subscription_request only counts the attempt (keyed hashes in
the cache) and enqueues the confirmation email after commit; the pending sign-up travels in the signed
token of that email. Every change to consent appends a ConsentEvent.
"""

import calendar
import datetime
import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from news.models import Theme
from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, Source, Subscriber
from newsletter.selectors import consent_text_active
from newsletter.services.ratelimit import Verdict, confirmation_attempt_register
from newsletter.tasks import subscription_request_email_send_task, subscription_welcome_send_task
from newsletter.tokens import SignupRequest

logger = logging.getLogger(__name__)

PAUSE_MONTHS = (1, 2, 3)


def subscription_request(*, email: str, theme_slugs: Iterable[str], client_ip: str) -> Verdict:
    """Enqueue a confirmation email after commit unless a rate limit says no; store nothing; return the verdict."""
    verdict = confirmation_attempt_register(email=email, client_ip=client_ip)
    if verdict is Verdict.ALLOWED:
        consent = consent_text_active()
        subscription_request_email_send_task.delay_on_commit(email.strip(), sorted(set(theme_slugs)), consent.version)
    else:
        logger.info("Subscription request refused by rate limit (%s)", verdict.value)
    return verdict


def _ledger(subscriber: Subscriber, action: str, source: str) -> None:
    ConsentEvent.objects.create(
        subscriber=subscriber,
        action=action,
        consent_version=subscriber.consent_version,
        source=source,
        themes=sorted(subscriber.themes.values_list("slug", flat=True)),
        all_themes=subscriber.all_themes,
    )


def subscription_confirm(*, signup: SignupRequest, source: str = Source.WEB_FORM) -> Subscriber:
    """Create or re-activate the subscriber from a confirmed sign-up. Idempotent: confirmed stays as it is."""
    key = email_hash(signup.email)
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().filter(email_hash=key).first()
            if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
                return subscriber
            action = ConsentEvent.Action.SUBSCRIBE if subscriber is None else ConsentEvent.Action.RESUBSCRIBE
            subscriber = subscriber or Subscriber(email_hash=key)
            themes = list(Theme.objects.filter(slug__in=signup.theme_slugs, is_active=True))
            subscriber.email = signup.email.strip()
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.all_themes = not themes
            subscriber.consent_version = signup.consent_version
            subscriber.source = source
            subscriber.confirmed_at = timezone.now()
            subscriber.unsubscribed_at = None
            subscriber.paused_until = None
            subscriber.save()
            subscriber.themes.set(themes)
            _ledger(subscriber, action, source)
            subscription_welcome_send_task.delay_on_commit(subscriber.pk)
    except IntegrityError:
        # A concurrent confirm of the same address won the race: a second confirm is harmless.
        return Subscriber.objects.get(email_hash=key)
    logger.info("Subscriber %s confirmed (%s)", subscriber.pk, action)
    return subscriber


def _locked(subscriber: Subscriber) -> Subscriber:
    return Subscriber.objects.select_for_update().get(pk=subscriber.pk)


def subscription_update_themes(
    *, subscriber: Subscriber, themes: Iterable[Theme], source: str = Source.PREFERENCES
) -> Subscriber:
    """Replace the subscriber's themes; none means all themes, also future ones. Logs a themes event."""
    themes = list(themes)
    with transaction.atomic():
        subscriber = _locked(subscriber)
        subscriber.all_themes = not themes
        subscriber.save(update_fields=["all_themes", "updated_at"])
        subscriber.themes.set(themes)
        _ledger(subscriber, ConsentEvent.Action.THEMES, source)
    return subscriber


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def subscription_pause(*, subscriber: Subscriber, months: int, source: str = Source.PREFERENCES) -> Subscriber:
    """Pause the digest for 1-3 months from today; raise ValueError for another number."""
    if months not in PAUSE_MONTHS:
        raise ValueError("months must be 1, 2 or 3")
    with transaction.atomic():
        subscriber = _locked(subscriber)
        subscriber.paused_until = _add_months(timezone.localdate(), months)
        subscriber.save(update_fields=["paused_until", "updated_at"])
        _ledger(subscriber, ConsentEvent.Action.PAUSE, source)
    return subscriber


def subscription_unsubscribe(*, subscriber: Subscriber, source: str) -> bool:
    """Unsubscribe; return False (and change nothing) when already unsubscribed. Idempotent."""
    with transaction.atomic():
        subscriber = _locked(subscriber)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return False
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.paused_until = None
        subscriber.save(update_fields=["status", "unsubscribed_at", "paused_until", "updated_at"])
        _ledger(subscriber, ConsentEvent.Action.UNSUBSCRIBE, source)
    logger.info("Subscriber %s unsubscribed (source %s)", subscriber.pk, source)
    return True


def subscription_tokens_revoke(*, subscriber: Subscriber) -> None:
    """Invalidate every preferences and unsubscribe link sent to this subscriber so far."""
    Subscriber.objects.filter(pk=subscriber.pk).update(token_version=F("token_version") + 1)
