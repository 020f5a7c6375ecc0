"""Reads for the newsletter pages and tasks."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from news.models import Theme
from newsletter.models import ConsentEvent, ConsentText, Subscriber
from newsletter.tokens import TokenInvalid, subscriber_token_read


def consent_text_active() -> ConsentText:
    """Return the consent text in use: the active one, else the newest (migration 0002 creates version 1)."""
    return ConsentText.objects.order_by("-is_active", "-version").first() or _consent_text_missing()


def _consent_text_missing() -> ConsentText:
    raise ConsentText.DoesNotExist("No consent text: run the newsletter migrations.")


def consent_text_in_use(*, text: ConsentText) -> bool:
    """Return whether anyone may have seen or agreed to this version: then it can no longer change."""
    return (
        text.is_active
        or Subscriber.objects.filter(consent_version=text.version).exists()
        or ConsentEvent.objects.filter(consent_version=text.version).exists()
    )


def theme_list_active() -> QuerySet[Theme]:
    """Return the themes a visitor can choose, in the editor's order."""
    return Theme.objects.filter(is_active=True).order_by("order", "name")


def subscriber_get_by_token(*, purpose: str, token: str) -> Subscriber:
    """Return the subscriber a preferences/unsubscribe token belongs to; raise TokenInvalid if revoked or gone."""
    subscriber_id, version = subscriber_token_read(purpose=purpose, token=token)
    subscriber = (
        Subscriber.objects.filter(pk=subscriber_id, token_version=version, email__isnull=False)
        .prefetch_related("themes")
        .first()
    )
    if subscriber is None:
        raise TokenInvalid
    return subscriber


def subscriber_counts_per_theme() -> dict:
    """Return confirmed subscriber counts: in total, paused, 'all themes', and per theme (chosen / receiving)."""
    confirmed = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    today = timezone.localdate()
    totals = confirmed.aggregate(
        total=Count("pk"),
        all_themes=Count("pk", filter=Q(all_themes=True)),
        paused=Count("pk", filter=Q(paused_until__gt=today)),
    )
    chosen = Q(newsletter_subscribers__status=Subscriber.Status.CONFIRMED, newsletter_subscribers__all_themes=False)
    themes = Theme.objects.annotate(chosen=Count("newsletter_subscribers", filter=chosen)).order_by("order", "name")
    rows = [
        {"theme": theme, "chosen": theme.chosen, "receiving": theme.chosen + totals["all_themes"]} for theme in themes
    ]
    return {"totals": totals, "rows": rows}
