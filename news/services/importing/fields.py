"""Form fields for JSON values: they take the value as it is and refuse a wrong type.

An HTML form only ever sends text; a JSON item carries numbers, booleans, lists and objects, and
Django's own fields would turn 42 into "42" and "ja" into True.
"""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from news.models import Theme
from news.services.articles import MAX_THEMES

SLUG_INVALID = _("ongeldige slug %(value)r (alleen kleine letters, cijfers en streepjes)")
ADDRESS_INVALID = _("ongeldig webadres bij %(label)s: %(value)r")


def _invalid(field: forms.Field, code: str = "invalid", **params) -> ValidationError:
    return ValidationError(field.error_messages[code], code=code, params={"label": field.label, **params})


def _iso_moment(value: Any) -> datetime.datetime | None:
    """An ISO date-time, or a date (midnight); None when `value` is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        return None
    return moment


def _local_moment(value: Any) -> datetime.datetime | None:
    moment = _iso_moment(value)
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


def iso_day(value: Any) -> datetime.date | None:
    """The local day of an ISO date or date-time; None when `value` is not one."""
    moment = _iso_moment(value)
    if moment is None:
        return None
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


class JSONInput(forms.Widget):
    """Hand the field the JSON value untouched (no text coercion); `missing` when the key is absent."""

    def __init__(self, missing: Any = None):
        super().__init__()
        self.missing = missing

    def value_from_datadict(self, data, files, name):
        return data.get(name, self.missing)


class TextField(forms.CharField):
    """A JSON string (null is empty), optionally cut to `truncate` characters; other types are refused."""

    widget = JSONInput
    default_error_messages = {"not_text": _("%(label)s moet tekst zijn")}

    def __init__(self, *, truncate: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.truncate = truncate

    def to_python(self, value):
        if value is None:
            return ""
        if not isinstance(value, str):
            raise _invalid(self, "not_text", value=value)
        value = value.strip() if self.strip else value
        return value[: self.truncate] if self.truncate else value


class SlugTextField(TextField):
    default_validators = [validate_slug]
    default_error_messages = {"not_text": SLUG_INVALID, "invalid": SLUG_INVALID, "max_length": SLUG_INVALID}

    def __init__(self, **kwargs):
        super().__init__(strip=False, **kwargs)


class WebAddressField(TextField):
    """An http or https address."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {"not_text": ADDRESS_INVALID, "invalid": ADDRESS_INVALID}

    def __init__(self, **kwargs):
        super().__init__(strip=False, **kwargs)

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except ValidationError:
            raise _invalid(self, value=value) from None  # one message, naming the field


class MomentField(forms.Field):
    """An ISO date-time (a date alone is midnight, no offset is local time); with `day=True` its local day."""

    widget = JSONInput
    default_error_messages = {
        "invalid": _("ongeldig tijdstip bij %(label)s: %(value)r (gebruik bijvoorbeeld 2024-03-22T19:30)"),
        "invalid_day": _("ongeldige datum bij %(label)s: %(value)r (gebruik bijvoorbeeld 2024-03-22)"),
    }

    def __init__(self, *, day: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.day = day

    def to_python(self, value):
        if value in (None, ""):
            return None
        result = iso_day(value) if self.day else _local_moment(value)
        if result is None:
            raise _invalid(self, "invalid_day" if self.day else "invalid", value=value)
        return result


class FlagField(forms.Field):
    """A JSON true or false; absent is false."""

    default_error_messages = {"invalid": _("'%(label)s' moet true of false zijn")}

    def __init__(self, **kwargs):
        super().__init__(required=False, widget=JSONInput(missing=False), **kwargs)

    def to_python(self, value):
        if not isinstance(value, bool):
            raise _invalid(self)
        return value


class ThemesField(forms.ModelMultipleChoiceField):
    """Theme slugs, each known, at most MAX_THEMES; cleaned to the themes in the order given."""

    widget = JSONInput
    default_error_messages = {
        "invalid_list": _("'themes' moet een lijst van thema-slugs zijn"),
        "invalid_choice": _("onbekend thema %(value)r"),
        "too_many": _("te veel thema's: %(count)s (maximaal %(max)s)"),
    }

    def __init__(self, **kwargs):
        super().__init__(queryset=Theme.objects.all(), to_field_name="slug", required=False, **kwargs)

    def clean(self, value):
        value = [] if value is None else value
        if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
            raise _invalid(self, "invalid_list")
        slugs = list(dict.fromkeys(slug.strip() for slug in value if slug.strip()))
        found = {theme.slug: theme for theme in self.queryset.filter(slug__in=slugs)}
        errors = [_invalid(self, "invalid_choice", value=slug) for slug in slugs if slug not in found]
        if len(slugs) > MAX_THEMES:
            errors.append(_invalid(self, "too_many", count=len(slugs), max=MAX_THEMES))
        if errors:
            raise ValidationError(errors)
        return [found[slug] for slug in slugs]
