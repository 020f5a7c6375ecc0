"""Write parsed items through `article_save`, one savepoint per item, and report what happened to each."""

import contextlib
import dataclasses
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import Article, ArticleRedirect, Theme
from news.services.articles import article_save
from news.services.importing.parse import ItemRejected, ParsedItem, fallback_dates, item_parse

logger = logging.getLogger(__name__)


class Outcome:
    CREATED = "aangemaakt"
    UPDATED = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    REJECTED = "afgewezen"


@dataclasses.dataclass
class ItemResult:
    number: int  # 1-based position in the file
    title: str
    slug: str
    outcome: str
    reasons: list[str] = dataclasses.field(default_factory=list)
    warnings: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ImportReport:
    results: list[ItemResult] = dataclasses.field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def rejected(self) -> list[ItemResult]:
        return [result for result in self.results if result.outcome == Outcome.REJECTED]


def article_find(slug: str) -> Article | None:
    """Find by slug, or by an old slug an editor renamed away from (so a re-import still updates)."""
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        redirect = ArticleRedirect.objects.select_related("article").filter(old_slug=slug).first()
        article = redirect.article if redirect else None
    return article


def _unchanged(article: Article, fields: dict[str, Any], parsed: ParsedItem) -> bool:
    return (
        all(getattr(article, name) == value for name, value in fields.items())
        and sorted(article.themes.values_list("pk", flat=True)) == sorted(theme.pk for theme in parsed.themes)
        and list(article.links.values_list("label", "url")) == parsed.links
    )


def item_write(parsed: ParsedItem, *, status: str) -> tuple[Article, str]:
    """Create or update the article of one parsed item; return it with the outcome.

    Runs in the caller's transaction; raises ItemRejected when `article_save` refuses the values.
    """
    article = article_find(parsed.slug)
    created = article is None
    fields = {**parsed.fields, "status": status}
    if created:
        article = Article(slug=parsed.slug)
        fields.setdefault("publication_date", timezone.localdate())
    elif not fields["show_date"]:
        fields.pop("publication_date", None)  # an undated item keeps its place on re-import
    if not created and _unchanged(article, fields, parsed):
        return article, Outcome.UNCHANGED
    for name, value in fields.items():
        setattr(article, name, value)
    try:
        article_save(article=article, themes=parsed.themes, links=parsed.links)
    except ValidationError as exc:
        # The model's and article_save's messages are whole Dutch sentences; the field name adds nothing.
        raise ItemRejected(list(dict.fromkeys(exc.messages))) from exc
    return article, Outcome.CREATED if created else Outcome.UPDATED


def _item_import(item: Any, number: int, *, status: str, default_theme, fallback_date, seen: dict) -> ItemResult:
    title = item.get("title") if isinstance(item, dict) and isinstance(item.get("title"), str) else ""
    result = ItemResult(number=number, title=title, slug="", outcome=Outcome.REJECTED)
    try:
        parsed = item_parse(item, default_theme=default_theme, fallback_date=fallback_date)
        result.slug, result.warnings = parsed.slug, parsed.warnings
        if parsed.slug in seen:
            raise ItemRejected(
                [
                    _("dubbele slug %(slug)r: staat ook bij item %(number)s in dit bestand")
                    % {"slug": parsed.slug, "number": seen[parsed.slug]}
                ]
            )
        seen[parsed.slug] = number
        with transaction.atomic():  # a savepoint per item: a failure here undoes only this item
            result.outcome = item_write(parsed, status=status)[1]
    except ItemRejected as exc:
        result.reasons = exc.reasons
    except DatabaseError as exc:
        logger.warning("Import item %s failed in the database: %s", number, exc)
        result.reasons = [_("de database weigerde dit item: %(error)s") % {"error": exc}]
    return result


def articles_import(
    *,
    items: list[Any],
    status: str = Article.Status.PUBLISHED,
    default_theme: Theme | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Create or update an article per item, keyed on slug; idempotent. Rejected items are reported, never raised."""
    report = ImportReport(dry_run=dry_run)
    seen: dict[str, int] = {}
    # Each item commits on its own (see _item_import); a dry run wraps them all and rolls back.
    with transaction.atomic() if dry_run else contextlib.nullcontext():
        for number, (item, fallback_date) in enumerate(zip(items, fallback_dates(items), strict=True), start=1):
            report.results.append(
                _item_import(
                    item, number, status=status, default_theme=default_theme, fallback_date=fallback_date, seen=seen
                )
            )
        if dry_run:
            transaction.set_rollback(True)
    logger.info(
        "Imported articles: %s created, %s updated, %s unchanged, %s rejected (dry run: %s)",
        report.count(Outcome.CREATED),
        report.count(Outcome.UPDATED),
        report.count(Outcome.UNCHANGED),
        report.count(Outcome.REJECTED),
        dry_run,
    )
    return report
