"""Privacy services: retention of unsubscribed and bounced addresses, erasure, a subscriber's own data, access logging.

Erasure removes the address *and* its keyed hash: the hash is pseudonymous personal data (GDPR recital 26),
and a person who asks for erasure asks for no trace. Retention keeps the hash on purpose, as suppression,
so an import cannot re-add an address that unsubscribed or bounced.

One trace of an erasure is kept for 7 days: an ErasureTombstone (a keyed hash of the email_hash under its
own key, and the moment), so that a confirmation link requested before the erasure, valid 7 days, cannot
bring the subscription back. The daily retention deletes it once every such link has expired.
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsletter.hashing import email_hash, erasure_key
from newsletter.models import (
    ConsentEvent,
    ConsentText,
    DataAccessLog,
    Delivery,
    Edition,
    ErasureTombstone,
    Source,
    Subscriber,
)
from newsletter.services.digest.delivery import delivery_counts
from newsletter.services.digest.variants import edition_variants_delete
from newsletter.tokens import CONFIRM_MAX_AGE

logger = logging.getLogger(__name__)

RETENTION_DAYS = 30
REDACTED = "(adres verwijderd)"


def _admin_log_entries(subscriber_ids: list[int]):
    """Return the admin history rows of these subscribers: their object_repr holds the address."""
    content_type = ContentType.objects.get_for_model(Subscriber)
    return LogEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in subscriber_ids])


def _editions_retention_due(cutoff: datetime):
    """Sent or cancelled editions that finished before `cutoff` (a send under way or paused is never due)."""
    return (
        Edition.objects.filter(status__in=[Edition.Status.SENT, Edition.Status.CANCELLED])
        .annotate(ended=Coalesce("finished_at", "updated_at"))
        .filter(ended__lte=cutoff)
    )


def _edition_deliveries_collapse(edition_id: int, cutoff: datetime) -> int:
    """Keep the delivery counts per status in Edition.counts and delete the rows; return how many rows went.

    The edition is checked again under its lock: between the listing and here an editor may have retried its
    failed rows (back to sending) or reopened it."""
    with transaction.atomic():
        edition = _editions_retention_due(cutoff).select_for_update(of=("self",)).filter(pk=edition_id).first()
        if edition is None:
            return 0
        counts = delivery_counts(edition_id=edition.pk)
        if not any(counts.values()):
            return 0
        edition.counts = counts
        edition.save(update_fields=["counts", "updated_at"])
        deleted, _per_model = Delivery.objects.filter(edition=edition).delete()
        edition_variants_delete(edition_id=edition.pk)  # the rendered variants go with the rows
    logger.info("Retention: edition %s keeps only its delivery counts (%d rows deleted)", edition.slug, deleted)
    return deleted


def deliveries_apply_retention(*, now: datetime | None = None) -> int:
    """Delete the delivery rows of editions finished DELIVERY_RETENTION_DAYS ago; return how many rows went.

    Sent and cancelled editions keep their counts per status in `Edition.counts`. Idempotent; an edition
    still sending or paused is never touched.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.DELIVERY_RETENTION_DAYS)
    due = _editions_retention_due(cutoff).filter(deliveries__isnull=False).values_list("pk", flat=True).distinct()
    return sum(_edition_deliveries_collapse(pk, cutoff) for pk in list(due))


def subscribers_apply_retention(*, now: datetime | None = None) -> int:
    """Replace addresses unsubscribed or bounced 30 days ago or more by their keyed hash; return how many.

    Idempotent. The row stays with its status as suppression: an import skips such an address.

    Also deletes the erasure tombstones older than a confirmation link can be (7 days), and the delivery rows
    of editions finished more than DELIVERY_RETENTION_DAYS ago (deliveries_apply_retention).
    """
    now = now or timezone.now()
    deliveries_apply_retention(now=now)
    cutoff = now - timedelta(days=RETENTION_DAYS)
    tombstones, _per_model = ErasureTombstone.objects.filter(erased_at__lt=now - CONFIRM_MAX_AGE).delete()
    if tombstones:
        logger.info("Retention: deleted %d erasure tombstone(s) older than 7 days", tombstones)
    with transaction.atomic():
        ids = list(
            Subscriber.objects.select_for_update()
            .filter(
                Q(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lte=cutoff)
                | Q(status=Subscriber.Status.BOUNCED, bounced_at__lte=cutoff),
                email__isnull=False,
            )
            .values_list("pk", flat=True)
        )
        if not ids:
            return 0
        # The row stays as suppression (status + hash); everything else about the person goes.
        Subscriber.themes.through.objects.filter(subscriber_id__in=ids).delete()
        Subscriber.objects.filter(pk__in=ids).update(email=None, all_themes=False, paused_until=None, updated_at=now)
        _admin_log_entries(ids).update(object_repr=REDACTED, change_message="")
    logger.info("Retention: replaced %d unsubscribed or bounced address(es) by their hash", len(ids))
    return len(ids)


def subscriber_erase(*, subscriber: Subscriber, source: str) -> None:
    """Delete the subscriber, the address and its hash everywhere; the ledger keeps an anonymous erase event.

    A 7-day tombstone (no address, not the email_hash) keeps earlier confirmation links from undoing it.
    """
    now = timezone.now()
    with transaction.atomic():
        _admin_log_entries([subscriber.pk]).delete()
        # Earlier ledger events are detached (FK SET_NULL), so they hold no link to the person any more.
        subscriber.delete()
        ConsentEvent.objects.create(subscriber=None, action=ConsentEvent.Action.ERASE, source=source, at=now)
        ErasureTombstone.objects.update_or_create(key=erasure_key(subscriber.email_hash), defaults={"erased_at": now})
    logger.info("Erased one subscriber (source %s)", source)


def subscriber_erase_address(*, email: str, source: str = Source.ADMIN) -> bool:
    """Erase whatever is stored for this address (also a hashed suppression row); return whether any was."""
    subscriber = Subscriber.objects.filter(email_hash=email_hash(email)).first()
    if subscriber is None:
        return False
    subscriber_erase(subscriber=subscriber, source=source)
    return True


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def subscriber_export_data(*, subscriber: Subscriber) -> dict[str, Any]:
    """Return everything stored about this subscriber as JSON-ready data (GDPR art. 15 and 20)."""
    events = subscriber.consent_events.order_by("at", "id")
    versions = {subscriber.consent_version} | {e.consent_version for e in events if e.consent_version}
    return {
        "e_mailadres": subscriber.email,
        "status": subscriber.get_status_display(),
        "alle_themas": subscriber.all_themes,
        "themas": sorted(theme.name for theme in subscriber.themes.all()),
        "gepauzeerd_tot": _iso(subscriber.paused_until),
        "bron": subscriber.get_source_display(),
        "versie_toestemmingstekst": subscriber.consent_version,
        "aangemaakt_op": _iso(subscriber.created_at),
        "bevestigd_op": _iso(subscriber.confirmed_at),
        "afgemeld_op": _iso(subscriber.unsubscribed_at),
        "onbestelbaar_sinds": _iso(subscriber.bounced_at),
        "toestemming_laatst_gewijzigd_op": _iso(subscriber.consent_changed_at),
        "gewijzigd_op": _iso(subscriber.updated_at),
        "toestemmingslogboek": [
            {
                "tijdstip": _iso(event.at),
                "actie": event.get_action_display(),
                "bron": event.get_source_display(),
                "versie_toestemmingstekst": event.consent_version,
                "themas": event.themes,
                "alle_themas": event.all_themes,
            }
            for event in events
        ],
        "toestemming_uit_import": [
            {"bron": c.consent_source, "datum": _iso(c.consent_date), "geimporteerd_op": _iso(c.imported_at)}
            for c in subscriber.import_consents.all()
        ],
        "toestemmingsteksten": {
            str(t.version): t.text for t in ConsentText.objects.filter(version__in=versions).order_by("version")
        },
        "uitgevoerd_op": _iso(timezone.now()),
    }


def data_access_record(*, user, action: str, count: int | None = None, detail: str = "") -> DataAccessLog:
    """Append one line to the data access log; detail must never hold an address or a search term."""
    return DataAccessLog.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        count=count,
        detail=detail[:250],
    )
