"""Forms of the newsletter pages. No field may carry CR, LF or NUL (header injection)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsletter.selectors import theme_list_active
from newsletter.services import PAUSE_MONTHS

_FORBIDDEN = ("\r", "\n", "\x00")


class _NoControlCharactersMixin:
    """Reject CR, LF and NUL anywhere in the raw input, before any stripping hides them."""

    def clean(self):
        cleaned = super().clean()
        for name in self.fields:
            values = self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else []
            if any(char in str(value) for value in values for char in _FORBIDDEN):
                self.add_error(name, ValidationError(_("Dit veld bevat tekens die niet zijn toegestaan.")))
        return cleaned


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=theme_list_active(), to_field_name="slug", required=False, **kwargs)


class SubscribeForm(_NoControlCharactersMixin, forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    themes = ThemeChoiceField(
        label=_("Over welke thema's wilt u nieuws ontvangen?"),
        help_text=_("Kiest u niets? Dan ontvangt u nieuws over alle thema's."),
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by bots. A filled-in form is dropped.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ThemesForm(_NoControlCharactersMixin, forms.Form):
    themes = ThemeChoiceField(
        label=_("Over welke thema's wilt u nieuws ontvangen?"),
        help_text=_("Kiest u niets? Dan ontvangt u nieuws over alle thema's, ook over nieuwe thema's."),
    )


class PauseForm(_NoControlCharactersMixin, forms.Form):
    months = forms.TypedChoiceField(
        label=_("Hoe lang wilt u de nieuwsbrief niet ontvangen?"),
        coerce=int,
        choices=[(m, _("1 maand") if m == 1 else _("%(n)s maanden") % {"n": m}) for m in PAUSE_MONTHS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe lang u wilt pauzeren.")},
    )
