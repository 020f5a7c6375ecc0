"""What an editor (or the automatic pause) does to a send under way: pause, resume, cancel, retry failed.

Each service locks the edition row, changes its status and the open delivery rows in one transaction,
records an EditionEvent, and is idempotent (a second click finds the state already reached and does
nothing). Workers re-read the edition status before each batch, so a pause stops a send within one batch.
Raises PermissionDenied for a user without the approve permission, ValidationError (Dutch message) when
the edition is in a state the action does not apply to.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletter.models import Delivery, Edition, EditionEvent
from newsletter.services.digest.delivery import deliveries_enqueue, edition_finish_if_done
from newsletter.services.digest.events import APPROVE_PERMISSION, edition_event_record, permission_check

logger = logging.getLogger(__name__)

Status = Edition.Status


def _locked(edition: Edition) -> Edition:
    return Edition.objects.select_for_update().get(pk=edition.pk)


def _refuse_unless(edition: Edition, allowed: set[str], message: str) -> None:
    if edition.status not in allowed:
        raise ValidationError(message)


def digest_pause(*, edition: Edition, user=None, reason: str = "", automatic: bool = False) -> Edition:
    """Pause a sending edition: workers stop claiming rows; claimed rows finish. Idempotent."""
    permission_check(user=user, permission=APPROVE_PERMISSION)
    with transaction.atomic():
        edition = _locked(edition)
        if edition.status == Status.PAUSED:
            return edition
        if automatic and edition.status != Status.SENDING:
            return edition  # a batch finishing after a cancel or the end: nothing to pause
        _refuse_unless(edition, {Status.SENDING}, _("Alleen een editie die wordt verzonden, kan worden gepauzeerd."))
        edition.status = Status.PAUSED
        edition.pause_reason = (reason or (_("Automatisch gepauzeerd") if automatic else _("Gepauzeerd")))[:250]
        edition.save(update_fields=["status", "pause_reason", "updated_at"])
        action = EditionEvent.Action.AUTO_PAUSED if automatic else EditionEvent.Action.PAUSED
        edition_event_record(edition=edition, action=action, user=user, detail=edition.pause_reason)
    log = logger.warning if automatic else logger.info
    log("Edition %s: sending paused (%s)", edition.slug, edition.pause_reason)
    return edition


def digest_resume(*, edition: Edition, user=None) -> Edition:
    """Resume a paused edition where it stopped: its open rows are queued again. Idempotent."""
    permission_check(user=user, permission=APPROVE_PERMISSION)
    with transaction.atomic():
        edition = _locked(edition)
        if edition.status == Status.SENDING:
            return edition
        _refuse_unless(edition, {Status.PAUSED}, _("Alleen een gepauzeerde editie kan worden hervat."))
        edition.status, edition.pause_reason = Status.SENDING, ""
        edition.save(update_fields=["status", "pause_reason", "updated_at"])
        edition_event_record(edition=edition, action=EditionEvent.Action.RESUMED, user=user)
        # Deferred rows keep their backoff; the rest go now (their earlier tasks found the edition paused).
        Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING).update(queued_at=None)
        pk = edition.pk
        transaction.on_commit(lambda: _enqueue_or_finish(pk))
    return edition


def _enqueue_or_finish(edition_id: int) -> None:
    if not deliveries_enqueue(edition_id=edition_id):
        edition_finish_if_done(edition_id=edition_id)


def digest_send_cancel(*, edition: Edition, user=None) -> Edition:
    """Stop a sending or paused edition for good: open rows become 'geannuleerd'. Idempotent."""
    permission_check(user=user, permission=APPROVE_PERMISSION)
    with transaction.atomic():
        edition = _locked(edition)
        if edition.status == Status.CANCELLED:
            return edition
        message = _("Alleen een editie die wordt verzonden of gepauzeerd is, kan worden gestopt.")
        _refuse_unless(edition, {Status.SENDING, Status.PAUSED}, message)
        # Rows a worker holds right now finish (their mail may be on its way); the others are cancelled.
        stopped = Delivery.objects.filter(
            edition=edition, status__in=[Delivery.Status.PENDING, Delivery.Status.DEFERRED]
        ).update(status=Delivery.Status.CANCELLED, next_attempt_at=None, updated_at=timezone.now())
        edition.status, edition.finished_at = Status.CANCELLED, timezone.now()
        edition.save(update_fields=["status", "finished_at", "updated_at"])
        detail = _("%(count)d verzendingen geannuleerd") % {"count": stopped}
        edition_event_record(edition=edition, action=EditionEvent.Action.SEND_CANCELLED, user=user, detail=detail)
    return edition


def deliveries_retry_failed(*, edition: Edition, user=None) -> int:
    """Give the failed rows of an edition new attempts and queue them; return how many. Idempotent."""
    permission_check(user=user, permission=APPROVE_PERMISSION)
    with transaction.atomic():
        edition = _locked(edition)
        message = _("Mislukte verzendingen kunnen alleen opnieuw tijdens of na het verzenden.")
        _refuse_unless(edition, {Status.SENDING, Status.PAUSED, Status.SENT}, message)
        count = Delivery.objects.filter(edition=edition, status=Delivery.Status.FAILED).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=None, queued_at=None, updated_at=timezone.now()
        )
        if not count:
            return 0
        if edition.status == Status.SENT:
            edition.status, edition.finished_at = Status.SENDING, None
            edition.save(update_fields=["status", "finished_at", "updated_at"])
        detail = _("%(count)d verzendingen opnieuw") % {"count": count}
        edition_event_record(edition=edition, action=EditionEvent.Action.RETRIED, user=user, detail=detail)
        pk = edition.pk
        transaction.on_commit(lambda: deliveries_enqueue(edition_id=pk))
    return count
