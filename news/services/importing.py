"""Import articles from a JSON list (migration from an old site); one bad item never stops the rest."""

import contextlib
import dataclasses
import datetime
import json
import logging
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _

from news.models import Article, ArticleRedirect, Theme
from news.sanitize import clean_html, clean_text
from news.services.articles import article_save

logger = logging.getLogger(__name__)

KNOWN_FIELDS = frozenset(
    {"title", "slug", "lead", "body_html", "published_at", "themes", "kind", "pinned", "pinned_until", "event", "links"}
)
EVENT_FIELDS = frozenset({"starts_at", "ends_at", "location", "address", "registration_url", "accreditation"})
MAX_THEMES = 3
LEAD_MAX_CHARS = 300
_FIRST_BLOCK = re.compile(r"<(p|li|blockquote)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_validate_url = URLValidator(schemes=["http", "https"])


class ImportFileError(Exception):
    """The file as a whole cannot be imported (not JSON, not a list); the message is Dutch."""


class ItemRejected(Exception):
    """One item cannot be imported; `reasons` are Dutch sentences for the person who runs the import."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


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


@dataclasses.dataclass
class _Parsed:
    """One item after validation: model field values, themes and links, ready to write."""

    slug: str
    fields: dict[str, Any]
    themes: list[Theme]
    links: list[tuple[str, str]]
    warnings: list[str]


def import_file_parse(raw: bytes | str) -> list[Any]:
    """Return the list of items in a JSON import file; raises ImportFileError with a Dutch message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("Het bestand is geen UTF-8-tekst.")) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("Het bestand is geen geldige JSON (regel %(line)s, kolom %(col)s: %(msg)s).")
            % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}
        ) from exc
    if not isinstance(data, list):
        raise ImportFileError(_("Het bestand moet een JSON-lijst van artikelen zijn: [ {...}, {...} ]."))
    return data


def _text(item: dict, key: str, reasons: list[str], label: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        reasons.append(_("%(label)s moet tekst zijn") % {"label": label})
        return ""
    return value.strip()


def _parse_day(value: Any, label: str, reasons: list[str]) -> datetime.date | None:
    """Accept an ISO date or date-time; return the (local) day."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            moment = parse_datetime(value)
            if moment is not None:
                return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
            day = parse_date(value)
        except ValueError:
            day = None
        if day is not None:
            return day
    reasons.append(
        _("ongeldige datum bij %(label)s: %(value)r (gebruik bijvoorbeeld 2024-03-22)")
        % {
            "label": label,
            "value": value,
        }
    )
    return None


def _parse_moment(value: Any, label: str, reasons: list[str]) -> datetime.datetime | None:
    """Accept an ISO date-time (a date alone means midnight); naive values are local time."""
    if value in (None, ""):
        return None
    moment = None
    if isinstance(value, str):
        try:
            moment = parse_datetime(value)
            if moment is None and (day := parse_date(value)) is not None:
                moment = datetime.datetime.combine(day, datetime.time())
        except ValueError:
            moment = None
    if moment is None:
        reasons.append(
            _("ongeldig tijdstip bij %(label)s: %(value)r (gebruik bijvoorbeeld 2024-03-22T19:30)")
            % {
                "label": label,
                "value": value,
            }
        )
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _parse_url(value: Any, label: str, reasons: list[str]) -> str:
    if value in (None, ""):
        return ""
    try:
        if not isinstance(value, str):
            raise ValidationError("not a string")
        _validate_url(value)
    except ValidationError:
        reasons.append(_("ongeldig webadres bij %(label)s: %(value)r") % {"label": label, "value": value})
        return ""
    return value


def _parse_slug(item: dict, title: str, reasons: list[str]) -> str:
    given = item.get("slug")
    if given not in (None, ""):
        try:
            if not isinstance(given, str) or len(given) > 120:
                raise ValidationError("bad slug")
            validate_slug(given)
        except ValidationError:
            reasons.append(
                _("ongeldige slug %(value)r (alleen kleine letters, cijfers en streepjes)") % {"value": given}
            )
            return ""
        return given
    slug = slugify(title)[:120].strip("-")
    if title and not slug:
        reasons.append(_("van deze titel kan geen slug gemaakt worden; geef een 'slug' op"))
    return slug


def _parse_themes(item: dict, default_theme: Theme | None, reasons: list[str]) -> list[Theme]:
    slugs = item.get("themes")
    if slugs is None:
        slugs = []
    if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
        reasons.append(_("'themes' moet een lijst van thema-slugs zijn"))
        return []
    slugs = list(dict.fromkeys(slug.strip() for slug in slugs if slug.strip()))
    found = {theme.slug: theme for theme in Theme.objects.filter(slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            reasons.append(_("onbekend thema %(slug)r") % {"slug": slug})
    themes = [found[slug] for slug in slugs if slug in found]
    if not slugs:
        if default_theme is None:
            reasons.append(_("geen thema opgegeven (geef 1 tot 3 thema's op, of gebruik --default-theme)"))
        else:
            themes = [default_theme]
    if len(slugs) > MAX_THEMES:
        reasons.append(_("te veel thema's: %(count)s (maximaal 3)") % {"count": len(slugs)})
    return themes


def _parse_kind(item: dict, reasons: list[str]) -> str:
    kind = item.get("kind")
    if kind in (None, ""):
        return Article.Kind.NIEUWS
    if kind not in Article.Kind.values:
        reasons.append(
            _("onbekende soort %(kind)r (kies uit: %(choices)s)")
            % {"kind": kind, "choices": ", ".join(Article.Kind.values)}
        )
        return Article.Kind.NIEUWS
    return kind


def _parse_event(item: dict, reasons: list[str]) -> dict[str, Any]:
    event = item.get("event")
    empty = {
        "event_starts_at": None,
        "event_ends_at": None,
        "event_location": "",
        "event_address": "",
        "event_registration_url": "",
        "event_accreditation": "",
    }
    if event in (None, {}):
        return empty
    if not isinstance(event, dict):
        reasons.append(_("'event' moet een object zijn met starts_at, ends_at, location, address, registration_url"))
        return empty
    starts_at = _parse_moment(event.get("starts_at"), _("begin bijeenkomst"), reasons)
    ends_at = _parse_moment(event.get("ends_at"), _("einde bijeenkomst"), reasons)
    if event.get("starts_at") in (None, ""):
        reasons.append(_("bijeenkomst zonder begintijd (starts_at ontbreekt)"))
    if starts_at and ends_at and ends_at < starts_at:
        reasons.append(_("de bijeenkomst eindigt voordat hij begint"))
    return {
        "event_starts_at": starts_at,
        "event_ends_at": ends_at,
        "event_location": _text(event, "location", reasons, _("locatie"))[:200],
        "event_address": _text(event, "address", reasons, _("adres"))[:250],
        "event_registration_url": _parse_url(event.get("registration_url"), _("aanmelden"), reasons),
        "event_accreditation": _text(event, "accreditation", reasons, _("accreditatie"))[:250],
    }


def _parse_links(item: dict, reasons: list[str]) -> list[tuple[str, str]]:
    links = item.get("links")
    if links is None:
        return []
    if not isinstance(links, list):
        reasons.append(_("'links' moet een lijst zijn van objecten met label en url"))
        return []
    parsed = []
    for number, link in enumerate(links, start=1):
        if not isinstance(link, dict):
            reasons.append(_("link %(number)s is geen object met label en url") % {"number": number})
            continue
        label = _text(link, "label", reasons, _("linktekst"))
        url = _parse_url(link.get("url"), _("link %(number)s") % {"number": number}, reasons)
        if not label or not url:
            reasons.append(_("link %(number)s mist een linktekst of webadres") % {"number": number})
            continue
        parsed.append((label[:200], url))
    return parsed


def _lead_from_body(body: str) -> str:
    """Use the first paragraph of the body as the lead, cut at a word boundary."""
    match = _FIRST_BLOCK.search(body)
    text = clean_text(match.group(2) if match else body)
    if len(text) <= LEAD_MAX_CHARS:
        return text
    return text[:LEAD_MAX_CHARS].rsplit(" ", 1)[0] + " …"


def _parse_dates(item: dict, fallback_date: datetime.date | None, reasons: list[str]) -> dict[str, Any]:
    published_on = _parse_day(item.get("published_at"), "published_at", reasons)
    fields: dict[str, Any] = {"show_date": published_on is not None}
    day = published_on or fallback_date
    if day is not None:
        fields["publication_date"] = day
    pinned = item.get("pinned", False)
    if not isinstance(pinned, bool):
        reasons.append(_("'pinned' moet true of false zijn"))
        pinned = False
    fields["is_pinned"] = pinned
    fields["pinned_until"] = _parse_day(item.get("pinned_until"), "pinned_until", reasons) if pinned else None
    return fields


def _item_parse(item: Any, *, default_theme: Theme | None, fallback_date: datetime.date | None) -> _Parsed:
    """Validate one item and return what to write; raises ItemRejected with every reason found."""
    if not isinstance(item, dict):
        raise ItemRejected([_("dit item is geen JSON-object ({ ... })")])
    reasons: list[str] = []
    title = _text(item, "title", reasons, _("de titel"))
    if not title:
        reasons.append(_("titel ontbreekt"))
    elif len(title) > 250:
        reasons.append(_("titel is te lang (maximaal 250 tekens)"))
    slug = _parse_slug(item, title, reasons)
    body = clean_html(_text(item, "body_html", reasons, "body_html"))
    lead = clean_text(_text(item, "lead", reasons, _("de inleiding"))) or _lead_from_body(body)
    if not lead:
        reasons.append(_("inleiding ontbreekt en de tekst is leeg"))
    fields = {
        "title": title,
        "lead": lead,
        "body": body,
        "kind": _parse_kind(item, reasons),
        **_parse_dates(item, fallback_date, reasons),
        **_parse_event(item, reasons),
    }
    themes = _parse_themes(item, default_theme, reasons)
    links = _parse_links(item, reasons)
    if reasons:
        raise ItemRejected(reasons)
    warnings = [_("onbekend veld %(key)r genegeerd") % {"key": key} for key in sorted(set(item) - KNOWN_FIELDS)]
    warnings += [
        _("onbekend veld %(key)r in 'event' genegeerd") % {"key": key}
        for key in sorted(set(item.get("event") or {}) - EVENT_FIELDS)
    ]
    return _Parsed(slug=slug, fields=fields, themes=themes, links=links, warnings=warnings)


def _article_find(slug: str) -> Article | None:
    """Find by slug, or by an old slug an editor renamed away from (so a re-import still updates)."""
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        redirect = ArticleRedirect.objects.select_related("article").filter(old_slug=slug).first()
        article = redirect.article if redirect else None
    return article


_WRITABLE_FIELDS = (
    "title",
    "lead",
    "body",
    "kind",
    "status",
    "publication_date",
    "show_date",
    "is_pinned",
    "pinned_until",
    "event_starts_at",
    "event_ends_at",
    "event_location",
    "event_address",
    "event_registration_url",
    "event_accreditation",
)


def _validation_reasons(error: ValidationError) -> list[str]:
    # The model's and article_save's messages are whole Dutch sentences; the field name adds nothing.
    return list(dict.fromkeys(error.messages))


def _article_state(article: Article) -> tuple:
    return (
        {name: getattr(article, name) for name in _WRITABLE_FIELDS},
        sorted(article.themes.values_list("pk", flat=True)),
        list(article.links.values_list("label", "url")),
    )


def _item_write(parsed: _Parsed, *, status: str) -> str:
    """Create or update one article inside the caller's savepoint; return the outcome."""
    article = _article_find(parsed.slug)
    created = article is None
    if created:
        article = Article(slug=parsed.slug)
        parsed.fields.setdefault("publication_date", timezone.localdate())
    elif not parsed.fields["show_date"]:
        parsed.fields.pop("publication_date", None)  # an undated item keeps its place on re-import
    before = None if created else _article_state(article)
    for name, value in {**parsed.fields, "status": status}.items():
        setattr(article, name, value)
    if before is not None and _article_state(article) == (
        before[0],
        sorted(theme.pk for theme in parsed.themes),
        parsed.links,
    ):
        return Outcome.UNCHANGED
    try:
        article_save(article=article, themes=parsed.themes, links=parsed.links)
    except ValidationError as exc:
        raise ItemRejected(_validation_reasons(exc)) from exc
    return Outcome.CREATED if created else Outcome.UPDATED


def _fallback_dates(items: list[Any]) -> list[datetime.date | None]:
    """For undated items: the date of the nearest dated item above it (file order is the old page order)."""
    fallback, last = [], None
    for item in items:
        fallback.append(last)
        if isinstance(item, dict):
            last = _parse_day(item.get("published_at"), "published_at", []) or last
    return fallback


def _item_import(item: Any, number: int, *, status: str, default_theme, fallback_date, seen: dict) -> ItemResult:
    title = item.get("title") if isinstance(item, dict) and isinstance(item.get("title"), str) else ""
    result = ItemResult(number=number, title=title, slug="", outcome=Outcome.REJECTED)
    try:
        parsed = _item_parse(item, default_theme=default_theme, fallback_date=fallback_date)
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
            result.outcome = _item_write(parsed, status=status)
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
        for number, (item, fallback_date) in enumerate(zip(items, _fallback_dates(items), strict=True), start=1):
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
