"""Every write to an article: save, the review workflow, and restoring an earlier version.

`user=None` means a trusted caller (import, shell, sample content); a user is checked against the
permissions of the editor groups, so the rules hold whatever the admin shows or hides.
"""

import logging
from collections.abc import Iterable, Sequence

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from news import caching
from news.models import Article, ArticleLink, ArticleRedirect, AuditEntry, Theme
from news.sanitize import clean_html, clean_text
from news.services.publication import first_published_mark
from news.services.search_vectors import search_vectors_update

logger = logging.getLogger(__name__)

MIN_THEMES = 1
MAX_THEMES = 3
# Only an Eindredacteur changes these: together they decide whether and when an article is public.
PUBLISHING_FIELDS = ("status", "publish_at", "unpublish_at")
# Fields a restore leaves alone: the workflow state and bookkeeping are not content.
NOT_RESTORED = {
    "id",
    "search_vector",
    "status",
    "publish_at",
    "unpublish_at",
    "first_published_at",
    "created_by_id",
    "created_at",
    "updated_at",
}


def can_publish(user) -> bool:
    """Whether `user` may publish, schedule and withdraw articles (None = trusted system caller)."""
    return user is None or user.has_perm("news.publish_article")


def themes_validate(themes: Iterable[Theme]) -> list[Theme]:
    """Return the themes as a list; raise ValidationError unless there are 1 to 3."""
    themes = list(themes)
    if len(themes) < MIN_THEMES:
        raise ValidationError({"themes": _("Kies minstens één thema.")})
    if len(themes) > MAX_THEMES:
        raise ValidationError(
            {"themes": _("Kies hoogstens drie thema's. U koos er %(count)s.") % {"count": len(themes)}}
        )
    return themes


def _audit(*, article: Article, action: str, user, detail: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        article=article, article_title=article.title[:250], action=action, user=user or None, detail=detail[:250]
    )


def _after_write(user) -> None:
    if user is not None and user.is_authenticated:
        reversion.set_user(user)
    transaction.on_commit(caching.public_pages_changed)


def _check_publishing_fields(*, article: Article, stored: Article | None, user) -> None:
    if can_publish(user):
        return
    if stored is None:
        unchanged = article.status == Article.Status.DRAFT and not (article.publish_at or article.unpublish_at)
    else:
        unchanged = all(getattr(article, name) == getattr(stored, name) for name in PUBLISHING_FIELDS)
    if not unchanged:
        raise PermissionDenied(_("Alleen een eindredacteur mag publiceren, inplannen of de zichtbaarheid wijzigen."))


def _record_redirect(*, article: Article, old_slug: str) -> None:
    # The live slug always wins: a redirect from the new slug would loop or shadow the article.
    ArticleRedirect.objects.filter(old_slug=article.slug).delete()
    ArticleRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})


def _replace_links(*, article: Article, links: Sequence[tuple[str, str]]) -> None:
    article.links.all().delete()
    ArticleLink.objects.bulk_create(
        ArticleLink(article=article, label=label, url=url, order=order) for order, (label, url) in enumerate(links)
    )


@transaction.atomic
def article_save(
    *,
    article: Article,
    user=None,
    themes: Iterable[Theme] | None = None,
    links: Sequence[tuple[str, str]] | None = None,
    comment: str = "",
) -> Article:
    """Validate, sanitise and save `article`; keep its old URL when the slug changes.

    Raises ValidationError (Dutch messages) or PermissionDenied when a Redacteur touches publishing fields.
    """
    stored = Article.objects.filter(pk=article.pk).first() if article.pk else None
    _check_publishing_fields(article=article, stored=stored, user=user)
    article.body = clean_html(article.body)
    article.lead = clean_text(article.lead)
    if themes is not None:
        themes = themes_validate(themes)
    elif stored is None or not stored.themes.exists():
        raise ValidationError({"themes": _("Kies minstens één thema.")})
    if stored is not None:
        _undo_planned_date(article=article, stored=stored)
    article.full_clean(exclude=["themes", "related_articles", "documents"])
    if stored is None and user is not None and user.is_authenticated:
        article.created_by = user
    with reversion.create_revision():
        if comment:
            reversion.set_comment(comment)
        first_published_mark(article=article)
        article.save()
        if themes is not None:
            article.themes.set(themes)
        if links is not None:
            _replace_links(article=article, links=links)
        if stored is not None and stored.slug != article.slug:
            _record_redirect(article=article, old_slug=stored.slug)
        # Serialise again now that themes and links are in place (the save above saw the old ones).
        reversion.add_to_revision(article)
        action = AuditEntry.Action.CREATED if stored is None else AuditEntry.Action.CHANGED
        _audit(article=article, action=action, user=user)
        if stored is not None:
            _audit_visibility_change(article=article, stored=stored, user=user)
        search_vectors_update(article_ids=[article.pk])
        _after_write(user)
    return article


def _is_future(moment) -> bool:
    return moment is not None and moment > timezone.now()


def _scheduled_detail(article: Article) -> str:
    return _("Zichtbaar vanaf %s") % timezone.localtime(article.publish_at).strftime("%d-%m-%Y %H:%M")


def _undo_planned_date(*, article: Article, stored: Article) -> None:
    """Published now instead of on the planned day: the date article_publish gave it becomes today."""
    planned_day = timezone.localdate(stored.publish_at) if stored.is_scheduled else None
    today = timezone.localdate()
    if planned_day and not _is_future(article.publish_at) and article.publication_date == planned_day > today:
        article.publication_date = today


def _audit_visibility_change(*, article: Article, stored: Article, user) -> None:
    """A plain save of a published article can publish it now or (re)schedule it: log that moment too."""
    published = Article.Status.PUBLISHED
    if article.status != published or stored.status != published or article.publish_at == stored.publish_at:
        return
    if _is_future(article.publish_at):
        _audit(article=article, action=AuditEntry.Action.SCHEDULED, user=user, detail=_scheduled_detail(article))
    elif _is_future(stored.publish_at):
        _audit(article=article, action=AuditEntry.Action.PUBLISHED, user=user)


def _set_status(
    *, article: Article, status: str, user, action: str, detail: str = "", extra_fields: Sequence[str] = ()
) -> Article:
    with reversion.create_revision():
        reversion.set_comment(str(AuditEntry.Action(action).label))
        article.status = status
        first_published_mark(article=article)
        article.save(update_fields=["status", "updated_at", "first_published_at", *extra_fields])
        _audit(article=article, action=action, user=user, detail=detail)
        _after_write(user)
    return article


@transaction.atomic
def article_submit_for_review(*, article: Article, user=None) -> Article:
    """Move a draft to 'ter review'. Raises ValidationError when it is already published."""
    if user is not None and not user.has_perm("news.change_article"):
        raise PermissionDenied(_("U mag dit artikel niet wijzigen."))
    if article.status == Article.Status.PUBLISHED:
        raise ValidationError(_("Dit artikel is al gepubliceerd."))
    return _set_status(article=article, status=Article.Status.REVIEW, user=user, action=AuditEntry.Action.SUBMITTED)


@transaction.atomic
def article_publish(*, article: Article, user=None, keep_publication_date: bool = False) -> Article:
    """Publish now, or schedule when `publish_at` is in the future. Eindredacteur only (PermissionDenied).

    A scheduled article gets the planned day as its publication date, so it sorts where readers expect it,
    unless `keep_publication_date` (the editor chose that date on purpose).
    """
    if not can_publish(user):
        raise PermissionDenied(_("Alleen een eindredacteur mag artikelen publiceren."))
    themes_validate(article.themes.all())
    article.full_clean(exclude=["themes", "related_articles", "documents"])
    extra_fields = []
    if _is_future(article.publish_at):
        action, detail = AuditEntry.Action.SCHEDULED, _scheduled_detail(article)
        if not keep_publication_date:
            article.publication_date = timezone.localdate(article.publish_at)
            extra_fields.append("publication_date")
    else:
        action, detail = AuditEntry.Action.PUBLISHED, ""
    logger.info("Article %s %s by %s", article.pk, action, user)
    return _set_status(
        article=article,
        status=Article.Status.PUBLISHED,
        user=user,
        action=action,
        detail=detail,
        extra_fields=extra_fields,
    )


@transaction.atomic
def article_publish_now(*, article: Article, user=None, themes: Iterable[Theme] | None = None) -> Article:
    """Save `article` with 'publiceren vanaf' emptied and publish it, so it is visible at once.

    One save: the log says 'gepubliceerd', never 'ingepland', and an article dated on its planned day is
    dated today. Eindredacteur only: PermissionDenied before anything is saved.
    """
    if not can_publish(user):
        raise PermissionDenied(_("Alleen een eindredacteur mag artikelen publiceren."))
    article.publish_at = None
    article_save(article=article, user=user, themes=themes)
    if article.status != Article.Status.PUBLISHED:
        article_publish(article=article, user=user)
    return article


@transaction.atomic
def article_unpublish(*, article: Article, user=None) -> Article:
    """Withdraw a published or scheduled article back to concept. Eindredacteur only (PermissionDenied)."""
    if not can_publish(user):
        raise PermissionDenied(_("Alleen een eindredacteur mag artikelen terugtrekken."))
    return _set_status(article=article, status=Article.Status.DRAFT, user=user, action=AuditEntry.Action.UNPUBLISHED)


@transaction.atomic
def article_delete(*, article: Article, user=None) -> None:
    """Delete the article; the audit log keeps a 'verwijderd' entry and all earlier ones (by title).

    Only a user with delete permission (the Eindredacteur) may do this: PermissionDenied otherwise.
    """
    if user is not None and not user.has_perm("news.delete_article"):
        raise PermissionDenied(_("Alleen een eindredacteur mag artikelen verwijderen."))
    detail = _("Webadres was %(url)s") % {"url": article.get_absolute_url()}
    _audit(article=article, action=AuditEntry.Action.DELETED, user=user, detail=detail)
    logger.info("Article %s deleted by %s", article.pk, user)
    article.delete()
    transaction.on_commit(caching.public_pages_changed)


def _revision_links(version: Version) -> list[tuple[str, str]]:
    link_versions = version.revision.version_set.get_for_model(ArticleLink)
    ordered = sorted((v.field_dict for v in link_versions), key=lambda f: (f["order"], f["id"]))
    return [(fields["label"], fields["url"]) for fields in ordered]


@transaction.atomic
def article_restore_revision(*, article: Article, version_id: int, user=None) -> Article:
    """Bring back the content of an earlier version; status and publishing dates stay as they are.

    Raises Version.DoesNotExist when the version does not belong to this article.
    """
    version = Version.objects.get_for_object(article).get(pk=version_id)
    fields = version.field_dict
    for name, value in fields.items():
        if name not in NOT_RESTORED and name not in {"themes", "related_articles", "documents"}:
            setattr(article, name, value)
    current_themes = list(article.themes.all())
    themes = Theme.objects.filter(pk__in=fields.get("themes", [])) or current_themes
    stamp = timezone.localtime(version.revision.date_created).strftime("%d-%m-%Y %H:%M")
    comment = _("Versie van %s teruggezet") % stamp
    with reversion.create_revision():
        article_save(article=article, user=user, themes=themes, links=_revision_links(version), comment=comment)
        article.related_articles.set(Article.objects.filter(pk__in=fields.get("related_articles", [])))
        article.documents.set(fields.get("documents", []))
        search_vectors_update(article_ids=[article.pk])
    _audit(article=article, action=AuditEntry.Action.RESTORED, user=user, detail=comment)
    return article
