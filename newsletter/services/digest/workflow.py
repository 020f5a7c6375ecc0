"""An edition's life: approve (freeze), cancel, re-open, and the start of sending.

concept → goedgekeurd (snapshot, send moment) → verzenden (by `digest_send_start`, from beat's periodic
`digest_due_start` or "nu verzenden") → issue 10 takes over (gepauzeerd, verzonden). Cancel and re-open are
possible until sending starts. A due edition is started by a periodic task, never by a Celery ETA message:
those are lost when Redis is.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from news.caching import public_pages_changed
from newsletter.emails import absolute_url
from newsletter.models import Edition, EditionEvent, EditionItem
from newsletter.selectors import edition_items_live
from newsletter.services.digest.delivery import deliveries_create, deliveries_enqueue
from newsletter.services.digest.events import APPROVE_PERMISSION, edition_event_record, permission_check
from newsletter.tasks import digest_due_start_task

logger = logging.getLogger(__name__)

# "Verzenden op" may lie this far in the past (the editor filled in the form a moment ago); earlier is refused.
SEND_AT_GRACE = datetime.timedelta(minutes=10)


def _locked(edition_id: int) -> Edition:
    return Edition.objects.select_for_update().get(pk=edition_id)


def _snapshot(edition: Edition, now: datetime.datetime) -> int:
    """Freeze title, teaser, URL, active themes and date of every item; refuse items that are not visible."""
    live = edition_items_live(edition=edition, now=now)
    hidden = edition.items.filter(is_removed=False).exclude(pk__in=[item.pk for item in live])
    missing = [str(item) for item in hidden.select_related("article")]
    if missing:
        raise ValidationError(
            _("Deze artikelen staan niet (meer) op de site: %(titles)s. Haal ze uit de editie of publiceer ze.")
            % {"titles": ", ".join(f"'{title}'" for title in missing)}
        )
    for item in live:
        article = item.article
        item.snapshot_title = article.title
        item.snapshot_teaser = item.teaser.strip() or article.lead
        item.snapshot_url = absolute_url(article.get_absolute_url())
        item.snapshot_theme_ids = [theme.pk for theme in article.active_themes]
        item.snapshot_publication_date = article.publication_date
        item.snapshot_show_date = article.show_date
    fields = ["snapshot_title", "snapshot_teaser", "snapshot_url", "snapshot_theme_ids"]
    EditionItem.objects.bulk_update(live, [*fields, "snapshot_publication_date", "snapshot_show_date"])
    # Only items in a theme section make a mail: "Let op" alone goes to nobody.
    in_block = edition.include_notices
    return sum(
        1
        for item in live
        if item.snapshot_theme_ids and item.origin != EditionItem.Origin.NOTICE and not (in_block and item.is_notice)
    )


def _send_at_check(send_at: datetime.datetime | None, now: datetime.datetime) -> datetime.datetime:
    if send_at is None:
        return now
    if timezone.is_naive(send_at):
        raise ValueError("send_at must be timezone-aware")
    if send_at < now - SEND_AT_GRACE:
        raise ValidationError(_("Dat moment is al voorbij. Kies een moment in de toekomst, of 'Nu verzenden'."))
    return max(send_at, now)


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y H:i")


@transaction.atomic
def digest_approve(
    *, edition: Edition, user=None, send_at: datetime.datetime | None = None, now: datetime.datetime | None = None
) -> Edition:
    """Approve a draft: freeze its content and plan sending at `send_at` (None: now).

    Raises PermissionDenied (not an Eindredacteur), ValidationError (not a draft, nothing to send, an article no
    longer visible, a send moment in the past).
    """
    permission_check(user=user, permission=APPROVE_PERMISSION)
    now = now or timezone.now()
    edition = _locked(edition.pk)
    if edition.status != Edition.Status.DRAFT:
        raise ValidationError(_("Alleen een concept kan worden goedgekeurd."))
    send_at = _send_at_check(send_at, now)
    if _snapshot(edition, now) == 0:
        raise ValidationError(_("Er staat geen artikel in deze editie. Voeg er een toe of annuleer de editie."))
    edition.status = Edition.Status.APPROVED
    edition.approved_at, edition.approved_by, edition.send_at = now, user, send_at
    edition.save(update_fields=["status", "approved_at", "approved_by", "send_at", "updated_at"])
    detail = _("Verzenden op %(when)s") % {"when": _when(send_at)}
    edition_event_record(edition=edition, action=EditionEvent.Action.APPROVED, user=user, detail=detail)
    if send_at <= now:
        # A nudge so that "nu verzenden" does not wait for beat's next minute; beat stays the guarantee.
        digest_due_start_task.delay_on_commit()
    return edition


@transaction.atomic
def digest_reopen(*, edition: Edition, user=None) -> Edition:
    """Back to concept from goedgekeurd or geannuleerd (not once sending started); the snapshot is dropped.

    Raises PermissionDenied or ValidationError.
    """
    permission_check(user=user, permission=APPROVE_PERMISSION)
    edition = _locked(edition.pk)
    if edition.status not in {Edition.Status.APPROVED, Edition.Status.CANCELLED}:
        raise ValidationError(_("Alleen een goedgekeurde of geannuleerde editie kan terug naar concept."))
    edition.status = Edition.Status.DRAFT
    edition.approved_at = edition.approved_by = edition.send_at = None
    edition.save(update_fields=["status", "approved_at", "approved_by", "send_at", "updated_at"])
    edition_event_record(edition=edition, action=EditionEvent.Action.REOPENED, user=user)
    return edition


@transaction.atomic
def digest_cancel(*, edition: Edition, user=None) -> Edition:
    """Cancel a concept or approved edition before sending starts. Raises PermissionDenied or ValidationError."""
    permission_check(user=user, permission=APPROVE_PERMISSION)
    edition = _locked(edition.pk)
    if edition.status not in {Edition.Status.DRAFT, Edition.Status.APPROVED}:
        raise ValidationError(_("Een editie die al verzonden wordt of is, kan hier niet meer worden geannuleerd."))
    edition.status = Edition.Status.CANCELLED
    edition.save(update_fields=["status", "updated_at"])
    edition_event_record(edition=edition, action=EditionEvent.Action.CANCELLED, user=user)
    return edition


def digest_send_start(*, edition_id: int, user=None) -> bool:
    """Move an approved edition to 'verzenden', create its deliveries and enqueue them after commit.

    Idempotent: returns False and does nothing unless the edition is approved (so a second, concurrent start
    waits for the row lock and then finds it sending). Raises PermissionDenied for a user who may not send.
    """
    permission_check(user=user, permission=APPROVE_PERMISSION)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().filter(pk=edition_id).first()
        if edition is None or edition.status != Edition.Status.APPROVED:
            return False
        edition.status = Edition.Status.SENDING
        edition.started_at = timezone.now()
        edition.save(update_fields=["status", "started_at", "updated_at"])
        edition_event_record(edition=edition, action=EditionEvent.Action.SEND_STARTED, user=user)
        deliveries_create(edition=edition)
        transaction.on_commit(lambda: deliveries_enqueue(edition_id=edition_id, already_marked=True))
        # The web version, the archive and the feed show the edition from now on.
        transaction.on_commit(public_pages_changed)
    logger.info("Edition %s: sending started", edition.slug)
    return True


def digest_due_start(*, now: datetime.datetime | None = None) -> list[int]:
    """Start every approved edition whose send moment has come; return the ids started. Idempotent."""
    now = now or timezone.now()
    due = Edition.objects.filter(status=Edition.Status.APPROVED, send_at__lte=now).order_by("send_at")
    return [pk for pk in due.values_list("pk", flat=True) if digest_send_start(edition_id=pk)]
