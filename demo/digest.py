"""The demo's newsletter: sample subscribers, an approved edition of the last complete month and a sent one
before it (with its web version), so a newcomer sees the whole cycle. Idempotent.

The sent edition is marked sent without mailing anyone: the demo shows its web version and archive entry.
"""

import datetime
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from demo.content.digest import SUBSCRIBERS, intro_for
from demo.services import ALL_ARTICLES, _context, article_slug
from news.models import Article, Theme
from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, Edition, EditionEvent, Source, Subscriber
from newsletter.selectors import consent_text_active, month_first, month_previous
from newsletter.services import digest_approve, digest_assemble, digest_edition_update

logger = logging.getLogger(__name__)

SEND_HOUR = 9
# The approved edition waits this long before beat would start sending it.
APPROVED_WAITS = datetime.timedelta(days=7)


def _undated_dates_fix(today: datetime.date) -> None:
    """Undated sample articles count in the month of their place in the list, as if published then.

    Loading stamps them with the moment of loading (news.services.publication); an old site's imported items
    have no better moment, but the demo's months should look as they would have.
    """
    ctx = _context(today)
    zone = timezone.get_current_timezone()
    slugs = [article_slug(spec, ctx) for spec in ALL_ARTICLES if spec.get("undated")]
    for article in Article.objects.filter(slug__in=slugs, status=Article.Status.PUBLISHED):
        moment = datetime.datetime.combine(article.publication_date, datetime.time(SEND_HOUR), tzinfo=zone)
        Article.objects.filter(pk=article.pk).update(first_published_at=moment)


def _subscribers_load(report: dict[str, Any]) -> None:
    consent = consent_text_active()
    for address, slugs in SUBSCRIBERS:
        if Subscriber.objects.filter(email_hash=email_hash(address)).exists():
            continue
        themes = list(Theme.objects.filter(slug__in=slugs, is_active=True))
        subscriber = Subscriber.objects.create(
            email=address,
            email_hash=email_hash(address),
            all_themes=not themes,
            consent_version=consent.version,
            source=Source.SYSTEM,
            confirmed_at=timezone.now(),
        )
        subscriber.themes.set(themes)
        ConsentEvent.objects.create(
            subscriber=subscriber,
            action=ConsentEvent.Action.SUBSCRIBE,
            consent_version=consent.version,
            source=Source.SYSTEM,
            themes=sorted(theme.slug for theme in themes),
            all_themes=not themes,
        )
        report["abonnees"] += 1


def _edition_make(month: datetime.date, *, send_at: datetime.datetime, now: datetime.datetime) -> Edition | None:
    """Assemble and approve the edition of `month` with an intro; None when it exists or has no articles."""
    if Edition.objects.filter(month=month).exists():
        return None
    result = digest_assemble(month=month, now=now)
    if result.edition is None:
        return None
    edition = digest_edition_update(edition=result.edition, intro=intro_for(month))
    return digest_approve(edition=edition, send_at=max(send_at, now), now=now)


def _mark_sent(edition: Edition, moment: datetime.datetime) -> None:
    """The demo's earlier edition: sent on `moment` (nobody is mailed), so its web version is public."""
    edition.status = Edition.Status.SENT
    edition.started_at = edition.finished_at = moment
    edition.save(update_fields=["status", "started_at", "finished_at", "updated_at"])
    detail = "Voorbeeldinhoud: als verzonden gemarkeerd, er is niemand gemaild."
    EditionEvent.objects.create(edition=edition, action=EditionEvent.Action.SEND_STARTED, at=moment, detail=detail)


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(SEND_HOUR), tzinfo=timezone.get_current_timezone())


@transaction.atomic
def sample_editions_load(*, today: datetime.date | None = None) -> dict[str, int]:
    """Load sample subscribers and two editions (approved: last month; sent: the month before); idempotent."""
    today = today or timezone.localdate()
    report = {"abonnees": 0, "edities": 0}
    _undated_dates_fix(today)
    _subscribers_load(report)
    last = month_previous(month_first(today))
    earlier = month_previous(last)
    # The earlier edition was approved and sent on the first working morning of the month after it.
    sent_on = _moment(last + datetime.timedelta(days=1))
    if (edition := _edition_make(earlier, send_at=sent_on, now=sent_on - datetime.timedelta(hours=1))) is not None:
        _mark_sent(edition, sent_on)
        report["edities"] += 1
    now = timezone.now()
    if _edition_make(last, send_at=_moment(today) + APPROVED_WAITS, now=now) is not None:
        report["edities"] += 1
    logger.info("Sample editions loaded: %s", report)
    return report


def sample_editions_reset() -> None:
    """Delete the sample editions and the sample subscribers (with their ledger rows)."""
    Edition.objects.all().delete()
    hashes = [email_hash(address) for address, _slugs in SUBSCRIBERS]
    ConsentEvent.objects.filter(subscriber__email_hash__in=hashes).delete()
    Subscriber.objects.filter(email_hash__in=hashes).delete()
