"""The import's rules as Django forms: one JSON item in, cleaned values or Dutch reasons out."""

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _

from news.models import Article, Theme
from news.sanitize import clean_html, clean_text
from news.services.articles import MAX_THEMES
from news.services.importing.fields import (
    FlagField,
    JSONInput,
    MomentField,
    SlugTextField,
    TextField,
    ThemesField,
    WebAddressField,
)

LEAD_MAX_CHARS = 300
_FIRST_BLOCK = re.compile(r"<(p|li|blockquote)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def form_reasons(form: forms.Form) -> list[str]:
    """Return every error message of a bound form in field order, each once."""
    messages = [error["message"] for errors in form.errors.get_json_data().values() for error in errors]
    return list(dict.fromkeys(messages))


def lead_from_body(body: str) -> str:
    """Use the first paragraph of the body as the lead, cut at a word boundary."""
    match = _FIRST_BLOCK.search(body)
    text = clean_text(match.group(2) if match else body)
    if len(text) <= LEAD_MAX_CHARS:
        return text
    return text[:LEAD_MAX_CHARS].rsplit(" ", 1)[0] + " …"


class EventImportForm(forms.Form):
    starts_at = MomentField(
        label=_("begin bijeenkomst"),
        error_messages={"required": _("bijeenkomst zonder begintijd (starts_at ontbreekt)")},
    )
    ends_at = MomentField(label=_("einde bijeenkomst"), required=False)
    location = TextField(label=_("locatie"), required=False, truncate=200)
    address = TextField(label=_("adres"), required=False, truncate=250)
    registration_url = WebAddressField(label=_("aanmelden"), required=False)
    accreditation = TextField(label=_("accreditatie"), required=False, truncate=250)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            raise ValidationError(_("de bijeenkomst eindigt voordat hij begint"))
        return cleaned


class LinkImportForm(forms.Form):
    label = TextField(truncate=200)
    url = WebAddressField()

    def __init__(self, *args, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        missing = _("link %(number)s mist een linktekst of webadres") % {"number": number}
        self.fields["label"].error_messages["required"] = missing
        self.fields["url"].error_messages["required"] = missing
        self.fields["label"].label = _("linktekst van link %(number)s") % {"number": number}
        self.fields["url"].label = _("link %(number)s") % {"number": number}


class ArticleImportForm(forms.Form):
    """One item of the JSON import (README "Artikelen importeren"); `default_theme` fills empty themes."""

    title = TextField(
        label=_("de titel"),
        max_length=250,
        error_messages={"required": _("titel ontbreekt"), "max_length": _("titel is te lang (maximaal 250 tekens)")},
    )
    slug = SlugTextField(max_length=120, required=False)
    lead = TextField(label=_("de inleiding"), required=False)
    body_html = TextField(label="body_html", required=False)
    published_at = MomentField(day=True, label="published_at", required=False)
    kind = forms.TypedChoiceField(
        choices=Article.Kind.choices,
        required=False,
        empty_value=Article.Kind.NIEUWS,
        widget=JSONInput,
        error_messages={
            "invalid_choice": format_lazy(
                _("onbekende soort %(value)r (kies uit: {choices})"), choices=", ".join(Article.Kind.values)
            )
        },
    )
    pinned = FlagField(label="pinned")
    pinned_until = MomentField(day=True, label="pinned_until", required=False)
    themes = ThemesField()
    event = forms.Field(required=False, widget=JSONInput)
    links = forms.Field(required=False, widget=JSONInput)

    def __init__(self, *args, default_theme: Theme | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_theme = default_theme
        if self.data.get("pinned") is not True:
            del self.fields["pinned_until"]  # only a pinned item's end date counts, even when it is unreadable

    def clean_body_html(self):
        return clean_html(self.cleaned_data["body_html"])

    def clean_themes(self):
        themes = self.cleaned_data["themes"]
        if not themes:
            if self.default_theme is None:
                raise ValidationError(
                    _("geen thema opgegeven (geef 1 tot %(max)s thema's op, of gebruik --default-theme)"),
                    params={"max": MAX_THEMES},
                )
            themes = [self.default_theme]
        return themes

    def clean_event(self):
        event = self.cleaned_data["event"]
        if event is None or event == {}:
            return {}
        if not isinstance(event, dict):
            raise ValidationError(
                _("'event' moet een object zijn met starts_at, ends_at, location, address, registration_url")
            )
        form = EventImportForm(data=event)
        if not form.is_valid():
            raise ValidationError(form_reasons(form))
        return form.cleaned_data

    def clean_links(self):
        """Return (label, url) pairs, each link checked with LinkImportForm."""
        links = self.cleaned_data["links"]
        if links is None:
            return []
        if not isinstance(links, list):
            raise ValidationError(_("'links' moet een lijst zijn van objecten met label en url"))
        pairs, reasons = [], []
        for number, link in enumerate(links, start=1):
            form = LinkImportForm(data=link, number=number) if isinstance(link, dict) else None
            if form is None:
                reasons.append(_("link %(number)s is geen object met label en url") % {"number": number})
            elif form.is_valid():
                pairs.append((form.cleaned_data["label"], form.cleaned_data["url"]))
            else:
                reasons += form_reasons(form)
        if reasons:
            raise ValidationError(reasons)
        return pairs

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug"):
            cleaned["slug"] = slugify(cleaned.get("title", ""))[:120].strip("-")
            if cleaned.get("title") and not cleaned["slug"] and "slug" not in self.errors:
                self.add_error("slug", _("van deze titel kan geen slug gemaakt worden; geef een 'slug' op"))
        lead = clean_text(cleaned.get("lead")) or lead_from_body(cleaned.get("body_html", ""))
        if lead:
            cleaned["lead"] = lead
        else:
            self.add_error("lead", _("inleiding ontbreekt en de tekst is leeg"))
        return cleaned

    def article_fields(self, *, fallback_date: datetime.date | None) -> dict[str, Any]:
        """Return the Article field values of a valid form; an undated item takes `fallback_date`."""
        data = self.cleaned_data
        event = data["event"]
        fields = {
            "title": data["title"],
            "lead": data["lead"],
            "body": data["body_html"],
            "kind": data["kind"],
            "show_date": data["published_at"] is not None,
            "is_pinned": data["pinned"],
            "pinned_until": data.get("pinned_until"),
            "event_starts_at": event.get("starts_at"),
            "event_ends_at": event.get("ends_at"),
            **{f"event_{name}": event.get(name, "") for name in ("location", "address", "accreditation")},
            "event_registration_url": event.get("registration_url", ""),
        }
        if day := data["published_at"] or fallback_date:
            fields["publication_date"] = day
        return fields
