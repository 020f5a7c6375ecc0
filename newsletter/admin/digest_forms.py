"""Forms and widgets of the edition admin: preview choice, approval moment, assembly month, an item's row."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from news.models import Theme
from newsletter.models import ConsentEvent, EditionItem, Subscriber
from newsletter.selectors import digest_audience
from newsletter.services import digest_item_add_check


def masked_address(address: str) -> str:
    """'jeugdverpleegkundige@example.nl' → 'je…@example.nl': enough to recognise, not to copy."""
    local, _at, domain = address.partition("@")
    return f"{local[:2]}…@{domain}"


def subscriber_label(subscriber: Subscriber) -> str:
    themes = _("alle thema's") if subscriber.all_themes else ", ".join(t.name for t in subscriber.themes.all())
    return f"#{subscriber.pk} · {masked_address(subscriber.email or '')} · {themes}"


class SubscriberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return subscriber_label(obj)


class SubscriberSearchWidget(AutocompleteSelect):
    """Django's autocomplete box, fed by the edition admin's own search (masked addresses, audience only)."""

    def __init__(self, url: str):
        # The field only names a model for the widget's data attributes; the search itself is `url`.
        super().__init__(ConsentEvent._meta.get_field("subscriber"), admin.site)
        self.url = url

    def get_url(self):
        return self.url


class PreviewForm(forms.Form):
    subscriber = SubscriberChoiceField(
        label=_("Bekijk als abonnee"),
        queryset=Subscriber.objects.none(),
        required=False,
        help_text=_("Typ minstens drie letters van het e-mailadres."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Of kies thema's"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: een abonnee van alle thema's."),
    )

    def __init__(self, *args, search_url: str, can_choose_subscriber: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True).order_by("order", "name")
        if can_choose_subscriber:
            self.fields["subscriber"].widget = SubscriberSearchWidget(search_url)
            # Setting the queryset after the widget also gives the widget its choices.
            self.fields["subscriber"].queryset = digest_audience().prefetch_related("themes")
        else:
            del self.fields["subscriber"]


class ApproveForm(forms.Form):
    when = forms.ChoiceField(
        label=_("Wanneer verzenden?"),
        choices=[("nu", _("Nu verzenden")), ("later", _("Verzenden op"))],
        widget=forms.RadioSelect,
        initial="nu",
    )
    send_at = forms.DateTimeField(
        label=_("Datum en tijd"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
        help_text=_("Nederlandse tijd. Een minuut na dit moment begint het verzenden."),
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later" and not data.get("send_at"):
            self.add_error("send_at", _("Kies een datum en tijd, of kies 'Nu verzenden'."))
        return data


class AssembleForm(forms.Form):
    month = forms.DateField(
        label=_("Maand"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m"],
        help_text=_("De nieuwsbrief bevat de artikelen die in deze maand op de site kwamen."),
    )


class EditionItemForm(forms.ModelForm):
    class Meta:
        model = EditionItem
        fields = ["position", "article", "is_notice", "teaser", "is_removed"]
        widgets = {"teaser": forms.Textarea(attrs={"rows": 2, "cols": 40})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        article = self.instance.article if self.instance.article_id else None
        if article is not None and "teaser" in self.fields:
            # Empty means the article's lead: show it, so the editor sees what the mail says.
            self.fields["teaser"].widget.attrs["placeholder"] = article.lead[:300]

    def clean(self):
        data = super().clean()
        if not self.instance.pk and data.get("article") is not None:
            try:
                digest_item_add_check(edition=self.instance.edition, article=data["article"])
            except ValidationError as error:
                self.add_error("article", error)
        return data
