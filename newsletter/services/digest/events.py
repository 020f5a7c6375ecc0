"""The audit trail of an edition and the permission checks every digest service makes."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from newsletter.models import Edition, EditionEvent

logger = logging.getLogger(__name__)

CHANGE_PERMISSION = "newsletter.change_edition"
APPROVE_PERMISSION = "newsletter.approve_edition"


def permission_check(*, user, permission: str) -> None:
    """Raise PermissionDenied unless `user` holds `permission`; None is a trusted caller (beat, command, shell)."""
    if user is not None and not user.has_perm(permission):
        if permission == APPROVE_PERMISSION:
            raise PermissionDenied(_("Alleen een eindredacteur mag een editie goedkeuren, annuleren of verzenden."))
        raise PermissionDenied(_("Alleen een eindredacteur mag een editie wijzigen."))


def draft_check(edition: Edition) -> None:
    """Raise ValidationError unless the edition is still a draft (concept)."""
    if edition.status != Edition.Status.DRAFT:
        raise ValidationError(
            _("Deze editie is %(status)s. Wijzigen kan alleen in een concept: zet haar eerst terug naar concept.")
            % {"status": edition.get_status_display().lower()}
        )


def edition_event_record(*, edition: Edition, action: str, user=None, detail: str = "") -> EditionEvent:
    """Append one line to the edition's log (who, when, what)."""
    event = EditionEvent.objects.create(
        edition=edition,
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        detail=detail[:500],
    )
    logger.info("Edition %s: %s by %s %s", edition.slug, action, user, detail[:100])
    return event
