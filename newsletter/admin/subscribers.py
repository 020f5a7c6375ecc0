"""Subscribers in the admin: read-only, every change through a service; import, export and theme counts.

Viewing and exporting subscriber data is logged in DataAccessLog, without addresses or search terms.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, DataAccessLog, ImportConsent, Source, Subscriber
from newsletter.selectors import subscriber_counts_per_theme
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


@admin.register(DataAccessLog)
class DataAccessLogAdmin(AppendOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "user", "action", "count", "detail"]
    list_filter = ["action", "user"]
    date_hierarchy = "at"
    list_select_related = ["user"]
