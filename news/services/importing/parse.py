"""Read an import file: the JSON list, then each item through ArticleImportForm into what write.py saves."""

import dataclasses
import datetime
import json
from typing import Any

from django.utils.translation import gettext as _

from news.models import Theme
from news.services.importing.fields import iso_day
from news.services.importing.forms import ArticleImportForm, EventImportForm, form_reasons


class ImportFileError(Exception):
    """The file as a whole cannot be imported (not JSON, not a list); the message is Dutch."""


class ItemRejected(Exception):
    """One item cannot be imported; `reasons` are Dutch sentences for the person who runs the import."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclasses.dataclass
class ParsedItem:
    """One valid item: Article field values, themes and links, ready for `item_write`."""

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


def _unknown_field_warnings(item: dict) -> list[str]:
    known = set(ArticleImportForm.base_fields)
    warnings = [_("onbekend veld %(key)r genegeerd") % {"key": key} for key in sorted(set(item) - known)]
    event = item.get("event") or {}
    warnings += [
        _("onbekend veld %(key)r in 'event' genegeerd") % {"key": key}
        for key in sorted(set(event) - set(EventImportForm.base_fields))
    ]
    return warnings


def item_parse(
    item: Any, *, default_theme: Theme | None = None, fallback_date: datetime.date | None = None
) -> ParsedItem:
    """Validate one item; an undated one takes `fallback_date`. Raises ItemRejected with every reason found."""
    if not isinstance(item, dict):
        raise ItemRejected([_("dit item is geen JSON-object ({ ... })")])
    form = ArticleImportForm(data=item, default_theme=default_theme)
    if not form.is_valid():
        raise ItemRejected(form_reasons(form))
    return ParsedItem(
        slug=form.cleaned_data["slug"],
        fields=form.article_fields(fallback_date=fallback_date),
        themes=form.cleaned_data["themes"],
        links=form.cleaned_data["links"],
        warnings=_unknown_field_warnings(item),
    )


def fallback_dates(items: list[Any]) -> list[datetime.date | None]:
    """For undated items: the date of the nearest dated item above it (file order is the old page order)."""
    fallback, last = [], None
    for item in items:
        fallback.append(last)
        if isinstance(item, dict):
            last = iso_day(item.get("published_at")) or last
    return fallback
