"""The Eindredacteur's newsletter admin: subscribers (read-only, changes through services), ledger, texts.

Viewing and exporting subscriber data is logged in DataAccessLog, without addresses or search terms.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news.models import Theme
from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, ConsentText, DataAccessLog, ImportConsent, Source, Subscriber
from newsletter.services.csv_io import MAX_IMPORT_ROWS, subscribers_export_csv, subscribers_import_csv
from newsletter.services.privacy import data_access_record, subscriber_erase
from newsletter.services.subscriptions import subscription_unsubscribe
from portal.admin import AppendOnlyAdminMixin

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class ReadOnlyInline(AppendOnlyAdminMixin, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False


class ImportConsentInline(ReadOnlyInline):
    model = ImportConsent
    fields = ["consent_source", "consent_date", "imported_by", "imported_at"]
    readonly_fields = fields


class ConsentEventInline(ReadOnlyInline):
    model = ConsentEvent
    fields = ["at", "action", "source", "consent_version", "themes", "all_themes"]
    readonly_fields = fields


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: email, themes, consent_source, consent_date. Thema's scheidt u met |. "
            "Zonder bron van toestemming krijgt het adres eerst een bevestigingsmail."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB. Splits het in kleinere bestanden."))
        return upload


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["address", "status", "themes_display", "confirmed_on", "paused_until", "unsubscribed_on"]
    list_filter = ["status", "source", "all_themes", "themes"]
    search_fields = ["email"]
    search_help_text = _("Zoek op (een deel van) het e-mailadres. Een volledig adres vindt ook afgemelde adressen.")
    list_per_page = 50
    fields = [
        "email",
        "status",
        "all_themes",
        "themes",
        "paused_until",
        "source",
        "consent_version",
        "confirmed_at",
        "unsubscribed_at",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [ImportConsentInline, ConsentEventInline]
    actions = ["unsubscribe_selected", "erase_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def get_inlines(self, request, obj):
        if obj is not None and not obj.import_consents.exists():
            return [ConsentEventInline]
        return self.inlines

    @admin.display(description=_("e-mailadres"), ordering="email")
    def address(self, obj):
        return obj.email or _("(alleen sleutel-hash, afgemeld)")

    @admin.display(description=_("bevestigd op"), ordering="confirmed_at")
    def confirmed_on(self, obj):
        return date_format(timezone.localtime(obj.confirmed_at), "SHORT_DATE_FORMAT") if obj.confirmed_at else None

    @admin.display(description=_("afgemeld op"), ordering="unsubscribed_at")
    def unsubscribed_on(self, obj):
        return (
            date_format(timezone.localtime(obj.unsubscribed_at), "SHORT_DATE_FORMAT") if obj.unsubscribed_at else None
        )

    @admin.display(description=_("thema's"))
    def themes_display(self, obj):
        if obj.all_themes:
            return _("alle thema's")
        return ", ".join(theme.name for theme in obj.themes.all()) or None

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if "@" in term:
            # A hashed (suppressed) row has no address to match, only its keyed hash.
            results |= queryset.filter(email_hash=email_hash(term))
        return results, may_have_duplicates

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Every change goes through a service, so that the consent ledger records it.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_erase_permission(self, request):
        return request.user.has_perm("newsletter.delete_subscriber")

    def has_unsubscribe_permission(self, request):
        return request.user.has_perm("newsletter.change_subscriber")

    def has_import_permission(self, request):
        return request.user.has_perm("newsletter.add_subscriber")

    @admin.action(description=_("Geselecteerde abonnees afmelden"), permissions=["unsubscribe"])
    def unsubscribe_selected(self, request, queryset):
        done = sum(subscription_unsubscribe(subscriber=s, source=Source.ADMIN) for s in queryset)
        self.message_user(request, ngettext("%(n)d abonnee afgemeld.", "%(n)d abonnees afgemeld.", done) % {"n": done})

    @admin.action(description=_("Alle gegevens van geselecteerde abonnees verwijderen"), permissions=["erase"])
    def erase_selected(self, request, queryset):
        if request.POST.get("post") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Weet u het zeker?"),
                "subscribers": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/newsletter/subscriber/erase_confirmation.html", context)
        count = 0
        for subscriber in queryset:
            subscriber_erase(subscriber=subscriber, source=Source.ADMIN)
            count += 1
        data_access_record(user=request.user, action=DataAccessLog.Action.ERASE, count=count)
        self.message_user(
            request,
            ngettext(
                "Alle gegevens van %(n)d abonnee zijn verwijderd.",
                "Alle gegevens van %(n)d abonnees zijn verwijderd.",
                count,
            )
            % {"n": count},
            messages.SUCCESS,
        )
        return None

    # --- Views: logging, export, import, counts -----------------------------------------------

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import": self.has_import_permission(request),
            "max_import_rows": MAX_IMPORT_ROWS,
        }
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl") if request.method == "GET" else None
        if changelist is not None:
            filtered = bool(changelist.query) or len(changelist.get_filters_params()) > 0
            detail = f"pagina {changelist.page_num}" + (", met zoekopdracht of filter" if filtered else "")
            data_access_record(
                user=request.user,
                action=DataAccessLog.Action.LIST,
                count=len(changelist.result_list),
                detail=detail,
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            data_access_record(
                user=request.user, action=DataAccessLog.Action.DETAIL, count=1, detail=f"abonnee #{int(object_id)}"
            )
        return response

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("export/", view(self.export_view), name="newsletter_subscriber_export"),
            path("import/", view(self.import_view), name="newsletter_subscriber_import"),
            path("themas/", view(self.theme_counts_view), name="newsletter_subscriber_themes"),
            *super().get_urls(),
        ]

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        filename = f"abonnees-{timezone.localdate():%Y-%m-%d}.csv"
        response = HttpResponse(
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
        )
        response.write("\ufeff")  # so that spreadsheet programs read UTF-8
        subscribers_export_csv(out=response, user=request.user)
        return response

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
        report = None
        if form.is_bound and form.is_valid():
            report = subscribers_import_csv(data=form.cleaned_data["file"].read(), user=request.user)
            if report.error:
                form.add_error("file", report.error)
                report = None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Abonnees importeren"),
            "form": form,
            "report": report,
            "max_import_rows": MAX_IMPORT_ROWS,
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/import.html", context)

    def theme_counts_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Aantal abonnees per thema"),
            **subscriber_counts_per_theme(),
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/theme_counts.html", context)


def subscriber_counts_per_theme() -> dict:
    """Return confirmed subscriber counts: in total, paused, 'all themes', and per theme (chosen / receiving)."""
    confirmed = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    today = timezone.localdate()
    totals = confirmed.aggregate(
        total=Count("pk"),
        all_themes=Count("pk", filter=Q(all_themes=True)),
        paused=Count("pk", filter=Q(paused_until__gt=today)),
    )
    chosen = Q(newsletter_subscribers__status=Subscriber.Status.CONFIRMED, newsletter_subscribers__all_themes=False)
    themes = Theme.objects.annotate(chosen=Count("newsletter_subscribers", filter=chosen)).order_by("order", "name")
    rows = [
        {"theme": theme, "chosen": theme.chosen, "receiving": theme.chosen + totals["all_themes"]} for theme in themes
    ]
    return {"totals": totals, "rows": rows}


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


def consent_text_in_use(text: ConsentText) -> bool:
    """Whether anyone may have seen or agreed to this version: then it can no longer change."""
    return (
        text.is_active
        or Subscriber.objects.filter(consent_version=text.version).exists()
        or ConsentEvent.objects.filter(consent_version=text.version).exists()
    )


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
        if obj is not None and consent_text_in_use(obj):
            return ["version", "text", "is_active", "created_at"]
        return ["text", "activate"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and consent_text_in_use(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and consent_text_in_use(obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if obj.version is None:
                obj.version = (ConsentText.objects.aggregate(v=Max("version"))["v"] or 0) + 1
            if form.cleaned_data.get("activate"):
                # One active text at a time (a database constraint): retire the old one first.
                ConsentText.objects.filter(is_active=True).exclude(pk=obj.pk).update(is_active=False)
                obj.is_active = True
            obj.save()


@admin.register(DataAccessLog)
class DataAccessLogAdmin(AppendOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "user", "action", "count", "detail"]
    list_filter = ["action", "user"]
    date_hierarchy = "at"
    list_select_related = ["user"]


# The monthly digest's admin (issue 9); it moves to newsletter/admin/digest.py once this module is a package.
from newsletter import admin_digest  # noqa: E402, F401
