"""The consent ledger (append-only) and the consent texts (a used text never changes) in the admin."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsletter.models import ConsentEvent, ConsentText
from newsletter.selectors import consent_text_in_use
from newsletter.services.consent import consent_text_save
from portal.admin import AppendOnlyAdminMixin


@admin.register(ConsentEvent)
class ConsentEventAdmin(AppendOnlyAdminMixin, admin.ModelAdmin):
    """The ledger is append-only: nobody, not even a superuser, adds, changes or deletes here."""

    list_display = ["at", "action", "source", "consent_version", "subscriber_ref", "themes", "all_themes"]
    list_filter = ["action", "source", "consent_version"]
    date_hierarchy = "at"
    fields = ["at", "action", "source", "consent_version", "subscriber_ref", "themes", "all_themes"]
    readonly_fields = fields

    @admin.display(description=_("abonnee"))
    def subscriber_ref(self, obj):
        return f"#{obj.subscriber_id}" if obj.subscriber_id else _("(verwijderd)")


class ConsentTextForm(forms.ModelForm):
    # Not the model field: the database allows one active text, so the old one is retired on save first.
    activate = forms.BooleanField(
        label=_("Direct in gebruik nemen"),
        required=False,
        help_text=_("De vorige versie gaat dan uit gebruik. Een gebruikte versie kunt u niet meer wijzigen."),
    )

    class Meta:
        model = ConsentText
        fields = ["text"]


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    """A used text is never edited: the editor adds a new version, prefilled with the current text."""

    form = ConsentTextForm
    list_display = ["version", "is_active", "created_at", "short_text"]
    readonly_fields = ["version", "created_at", "is_active"]

    @admin.display(description=_("tekst"))
    def short_text(self, obj):
        return obj.text[:100] + ("…" if len(obj.text) > 100 else "")

    def get_changeform_initial_data(self, request):
        current = ConsentText.objects.filter(is_active=True).first()
        return {"text": current.text if current else "", "activate": True}

    def get_fields(self, request, obj=None):
        if obj is not None and consent_text_in_use(text=obj):
            return ["version", "text", "is_active", "created_at"]
        return ["text", "activate"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and consent_text_in_use(text=obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and consent_text_in_use(text=obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        consent_text_save(text=obj, activate=form.cleaned_data.get("activate", False))
