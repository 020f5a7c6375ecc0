"""Mail to the editors: "a draft is ready", and the test mail of a variant to the editor who asks for it.

Both go through Django's mailer (MAILERS) and the one SMTP policy (newsletter.services.mail), sent by a task
after the request's transaction committed.
"""

import email
import email.policy
import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from news.models import Theme
from news.services.groups import CHIEF_EDITOR_GROUP
from newsletter.emails import absolute_url, build_email
from newsletter.models import Edition, EditionEvent, Subscriber
from newsletter.selectors import digest_content
from newsletter.services.digest.events import edition_event_record
from newsletter.services.digest.render import MAX_LINE, digest_message_bytes
from newsletter.services.mail import mail_send
from newsletter.tasks import digest_test_send_task

logger = logging.getLogger(__name__)


class PreRenderedEmail(EmailMessage):
    """A message whose bytes are already complete (a digest variant): every mail backend sends them as they are."""

    def __init__(self, raw: bytes, *, to: list[str]):
        super().__init__(from_email=settings.DEFAULT_FROM_EMAIL, to=to)
        self.raw = raw

    def message(self, *, policy=email.policy.default):
        # 998: the digest's long List-Unsubscribe line must not be refolded into an encoded-word.
        return email.message_from_bytes(self.raw, policy=policy.clone(max_line_length=MAX_LINE))


def edition_admin_url(edition: Edition) -> str:
    """The edition's page in the admin, absolute (for mail)."""
    try:
        return absolute_url(reverse("admin:newsletter_edition_change", args=[edition.pk]))
    except NoReverseMatch:
        return absolute_url(reverse("admin:index"))


def digest_draft_ready_notify(*, edition_id: int) -> int:
    """Mail every active Eindredacteur with an address that the draft is ready; return how many were sent."""
    edition = Edition.objects.filter(pk=edition_id, status=Edition.Status.DRAFT).first()
    if edition is None:
        return 0
    users = get_user_model().objects.filter(groups__name=CHIEF_EDITOR_GROUP, is_active=True).exclude(email="")
    context = {
        "edition": edition,
        "admin_url": edition_admin_url(edition),
        "article_count": digest_content(edition=edition).article_count,
    }
    sent = 0
    for address in sorted(set(users.values_list("email", flat=True))):
        sent += mail_send(build_email("newsletter/digest_ready", to=[address], context=context))
    logger.info("Edition %s: %d Eindredacteur(en) told the draft is ready", edition.slug, sent)
    return sent


def _test_detail(subscriber: Subscriber | None, theme_ids: list[int] | None) -> str:
    if subscriber is not None:
        return _("Zoals abonnee #%(id)s hem krijgt") % {"id": subscriber.pk}
    if theme_ids is None:
        return _("Alle thema's")
    names = Theme.objects.filter(pk__in=theme_ids).order_by("order", "name").values_list("name", flat=True)
    return _("Thema's: %(names)s") % {"names": ", ".join(names)}


def digest_test_request(
    *, edition: Edition, user, subscriber: Subscriber | None = None, theme_ids: Iterable[int] | None = None
) -> None:
    """Queue a test mail of one variant to `user` (after commit); log it. The personal links are example links.

    Raises PermissionDenied without view permission, ValidationError when the user has no address.
    """
    if not user.has_perm("newsletter.view_edition"):
        raise PermissionDenied(_("U mag deze editie niet bekijken."))
    if not user.email:
        raise ValidationError(_("Uw account heeft geen e-mailadres. Vul het in bij uw gegevens."))
    theme_ids = None if theme_ids is None else sorted(set(theme_ids))
    with transaction.atomic():
        detail = _test_detail(subscriber, theme_ids)
        edition_event_record(edition=edition, action=EditionEvent.Action.TEST_SENT, user=user, detail=detail)
        digest_test_send_task.delay_on_commit(edition.pk, user.pk, subscriber.pk if subscriber else None, theme_ids)


def digest_test_send(
    *, edition_id: int, user_id: int, subscriber_id: int | None = None, theme_ids: list[int] | None = None
) -> bool:
    """Send the variant as the subscriber (or theme combination; None = all themes) gets it to the user."""
    edition = Edition.objects.get(pk=edition_id)
    user = get_user_model().objects.get(pk=user_id)
    subscriber = None
    if subscriber_id is not None:
        subscriber = Subscriber.objects.prefetch_related("themes").filter(pk=subscriber_id).first()
        if subscriber is None:
            return False
    raw = digest_message_bytes(edition=edition, subscriber=subscriber, theme_ids=theme_ids, example=True, to=user.email)
    if raw is None:
        logger.info("Edition %s: test mail skipped, nothing in the edition for that choice", edition.slug)
        return False
    return mail_send(PreRenderedEmail(raw, to=[user.email]))
