"""Assembling an edition from the month's articles, and the editors' changes to a draft.

Re-assembling a draft refreshes its article list and keeps every editorial choice: the intro, the order, the
removals (kept as rows with `is_removed`), the articles an editor added and the teasers. An approved, sending,
sent or cancelled edition is never changed by assembly.
"""

import datetime
import enum
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from news.models import Article
from news.sanitize import clean_html, clean_text
from newsletter.models import Edition, EditionEvent, EditionItem
from newsletter.selectors import digest_article_list, digest_notice_list, month_first, month_previous
from newsletter.services.digest.events import CHANGE_PERMISSION, draft_check, edition_event_record, permission_check
from newsletter.tasks import digest_draft_ready_notify_task

logger = logging.getLogger(__name__)

# Gaps between positions, so an editor can put an article between two others by typing a number.
POSITION_STEP = 10


class Outcome(enum.StrEnum):
    CREATED = "created"
    REFRESHED = "refreshed"
    LOCKED = "locked"
    EMPTY = "empty"


@dataclass(frozen=True)
class AssembleResult:
    outcome: Outcome
    month: datetime.date
    edition: Edition | None = None
    added: int = 0
    dropped: int = 0

    @property
    def message(self) -> str:
        """What happened, in Dutch, for the command's output and the admin."""
        month = date_format(self.month, "F Y")
        if self.outcome is Outcome.EMPTY:
            return _("In %(month)s zijn geen artikelen verschenen. Er is geen editie gemaakt.") % {"month": month}
        if self.outcome is Outcome.LOCKED:
            return _("De editie van %(month)s is %(status)s. Er is niets veranderd.") % {
                "month": month,
                "status": self.edition.get_status_display().lower(),
            }
        if self.outcome is Outcome.CREATED:
            return ngettext(
                "Editie %(month)s samengesteld met %(count)d artikel. De eindredacteuren krijgen een e-mail.",
                "Editie %(month)s samengesteld met %(count)d artikelen. De eindredacteuren krijgen een e-mail.",
                self.added,
            ) % {"month": month, "count": self.added}
        return _(
            "Editie %(month)s ververst: %(added)d artikel(en) erbij, %(dropped)d vervallen. "
            "Uw wijzigingen (inleiding, volgorde, weggehaalde en toegevoegde artikelen, teksten) zijn bewaard."
        ) % {"month": month, "added": self.added, "dropped": self.dropped}


def _candidates(month: datetime.date, now: datetime.datetime) -> list[tuple[Article, str, bool]]:
    """(article, origin, is_notice) in the initial order: by first active theme, then newest first."""
    articles = digest_article_list(month=month, now=now)
    notices = digest_notice_list(now=now)
    pinned = {article.pk for article in notices}
    ordered = sorted(articles, key=lambda a: (a.active_themes[0].order, a.active_themes[0].name))
    rows = [(article, EditionItem.Origin.ASSEMBLED, article.pk in pinned) for article in ordered]
    in_month = {article.pk for article in articles}
    rows += [(notice, EditionItem.Origin.NOTICE, True) for notice in notices if notice.pk not in in_month]
    return rows


def _items_sync(edition: Edition, candidates: list[tuple[Article, str, bool]]) -> tuple[int, int]:
    """Add new candidates after the existing items; drop automatic items that no longer qualify."""
    existing = list(edition.items.all())
    wanted = {article.pk for article, _origin, _notice in candidates}
    automatic = {EditionItem.Origin.ASSEMBLED, EditionItem.Origin.NOTICE}
    stale = [
        item.pk
        for item in existing
        if item.article_id is None
        or (item.origin in automatic and not item.is_removed and item.article_id not in wanted)
    ]
    EditionItem.objects.filter(pk__in=stale).delete()
    present = {item.article_id for item in existing}
    start = max((item.position for item in existing), default=0) + POSITION_STEP
    new = [
        EditionItem(edition=edition, article=article, origin=origin, is_notice=is_notice)
        for article, origin, is_notice in candidates
        if article.pk not in present
    ]
    for index, item in enumerate(new):
        item.position = start + index * POSITION_STEP
    EditionItem.objects.bulk_create(new)
    return len(new), len(stale)


def _assemble(month: datetime.date, user, now: datetime.datetime) -> AssembleResult:
    edition = Edition.objects.select_for_update().filter(month=month).first()
    if edition is not None and edition.status != Edition.Status.DRAFT:
        return AssembleResult(Outcome.LOCKED, month, edition)
    candidates = _candidates(month, now)
    if edition is None and not any(origin == EditionItem.Origin.ASSEMBLED for _a, origin, _n in candidates):
        return AssembleResult(Outcome.EMPTY, month)
    created = edition is None
    if created:
        edition = Edition.objects.create(month=month, assembled_at=now)
    else:
        edition.assembled_at = now
        edition.save(update_fields=["assembled_at", "updated_at"])
    added, dropped = _items_sync(edition, candidates)
    action = EditionEvent.Action.ASSEMBLED if created else EditionEvent.Action.REFRESHED
    detail = _("%(added)d erbij, %(dropped)d vervallen") % {"added": added, "dropped": dropped}
    edition_event_record(edition=edition, action=action, user=user, detail=detail)
    if created:
        digest_draft_ready_notify_task.delay_on_commit(edition.pk)
    return AssembleResult(Outcome.CREATED if created else Outcome.REFRESHED, month, edition, added, dropped)


def digest_assemble(
    *, month: datetime.date | None = None, user=None, now: datetime.datetime | None = None
) -> AssembleResult:
    """Create or refresh the draft edition of `month` (default: last month); idempotent; see the module docstring.

    A month without articles creates nothing (Outcome.EMPTY). Raises PermissionDenied for a user who may not
    change editions.
    """
    permission_check(user=user, permission=CHANGE_PERMISSION)
    now = now or timezone.now()
    month = month_first(month) if month else month_previous(timezone.localdate(now))
    try:
        with transaction.atomic():
            result = _assemble(month, user, now)
    except IntegrityError:
        # A concurrent assembly created the edition first: refresh that one.
        with transaction.atomic():
            result = _assemble(month, user, now)
    logger.info("Digest %s assembled: %s (+%d, -%d)", month, result.outcome, result.added, result.dropped)
    return result


# --- The editors' changes to a draft ----------------------------------------------------------


def _locked_draft(edition: Edition, user) -> Edition:
    permission_check(user=user, permission=CHANGE_PERMISSION)
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    draft_check(edition)
    return edition


@transaction.atomic
def digest_edition_update(
    *, edition: Edition, user=None, intro: str | None = None, include_notices: bool | None = None
):
    """Change a draft's intro (sanitised like article bodies) or its 'Let op' block; log what changed.

    Raises PermissionDenied, or ValidationError when the edition is no longer a draft.
    """
    edition = _locked_draft(edition, user)
    changed = []
    if intro is not None and clean_html(intro) != edition.intro:
        edition.intro = clean_html(intro)
        changed.append(_("inleiding"))
    if include_notices is not None and include_notices != edition.include_notices:
        edition.include_notices = include_notices
        changed.append(_("blok 'Let op' aan") if include_notices else _("blok 'Let op' uit"))
    if changed:
        edition.save(update_fields=["intro", "include_notices", "updated_at"])
        edition_event_record(edition=edition, action=EditionEvent.Action.CHANGED, user=user, detail=", ".join(changed))
    return edition


def _item_title(item: EditionItem) -> str:
    return item.article.title if item.article_id else str(item)


def _item_changes(item: EditionItem, *, position, teaser, is_removed, is_notice) -> list[str]:
    changes = []
    if position is not None and position != item.position:
        item.position = position
        changes.append(_("volgorde %(position)d") % {"position": position})
    if teaser is not None and clean_text(teaser) != item.teaser:
        item.teaser = clean_text(teaser)
        changes.append(_("eigen tekst") if item.teaser else _("tekst van het artikel"))
    if is_removed is not None and is_removed != item.is_removed:
        item.is_removed = is_removed
        changes.append(_("weggehaald") if is_removed else _("teruggezet"))
    if is_notice is not None and is_notice != item.is_notice:
        item.is_notice = is_notice
        changes.append(_("in 'Let op'") if is_notice else _("niet in 'Let op'"))
    return changes


@transaction.atomic
def digest_item_update(
    *,
    item: EditionItem,
    user=None,
    position: int | None = None,
    teaser: str | None = None,
    is_removed: bool | None = None,
    is_notice: bool | None = None,
) -> EditionItem:
    """Change an item of a draft: its place, its mail text (plain text; empty = the article's lead), removal.

    The article itself is never changed. Raises PermissionDenied, or ValidationError when no longer a draft.
    """
    edition = _locked_draft(item.edition, user)
    item = EditionItem.objects.select_related("article").get(pk=item.pk, edition=edition)
    changes = _item_changes(item, position=position, teaser=teaser, is_removed=is_removed, is_notice=is_notice)
    if changes:
        item.save(update_fields=["position", "teaser", "is_removed", "is_notice"])
        detail = f"'{_item_title(item)}': {', '.join(changes)}"
        edition_event_record(edition=edition, action=EditionEvent.Action.CHANGED, user=user, detail=detail)
    return item


def digest_item_add_check(*, edition: Edition, article: Article) -> None:
    """Raise ValidationError unless `article` can be added to `edition`: visible and not in it already."""
    if not Article.objects.published().filter(pk=article.pk).exists():
        raise ValidationError(
            _("'%(title)s' staat niet op de site. Alleen zichtbare artikelen kunnen erin.") % {"title": article.title}
        )
    if edition.items.filter(article=article, is_removed=False).exists():
        raise ValidationError(_("'%(title)s' staat al in deze editie.") % {"title": article.title})


@transaction.atomic
def digest_item_add(
    *, edition: Edition, article: Article, user=None, teaser: str = "", position: int | None = None
) -> EditionItem:
    """Add a visible article to a draft (after the others unless `position`); a removed one comes back.

    Raises PermissionDenied, or ValidationError when the article is not visible, already in the edition, or the
    edition is no longer a draft.
    """
    edition = _locked_draft(edition, user)
    digest_item_add_check(edition=edition, article=article)
    item = edition.items.filter(article=article).first()
    if item is None:
        last = edition.items.aggregate(last=Max("position"))["last"] or 0
        item = EditionItem(
            edition=edition, article=article, origin=EditionItem.Origin.ADDED, position=last + POSITION_STEP
        )
    item.is_removed = False
    item.teaser = clean_text(teaser)
    if position is not None:
        item.position = position
    item.save()
    detail = f"'{article.title}': {_('toegevoegd')}"
    edition_event_record(edition=edition, action=EditionEvent.Action.CHANGED, user=user, detail=detail)
    return item
