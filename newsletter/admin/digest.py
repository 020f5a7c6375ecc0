"""The monthly digest in the admin: review a draft, preview it as a subscriber, test, approve, cancel, re-open.

Eindredacteuren edit and approve; Redacteuren may look (view permission). Every write goes through the digest
services, which check the same permissions; the preview shows exactly the bytes that would be sent. The
forms are in digest_forms.py, the pages beyond Django's list and form in digest_views.py.
"""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news.admin.base import CapitalTitleMixin, LowercaseAddTextFormSet
from newsletter.admin.digest_forms import EditionItemForm
from newsletter.admin.digest_send import EditionSendViewsMixin
from newsletter.admin.digest_views import EditionViewsMixin
from newsletter.models import Edition, EditionEvent, EditionItem
from newsletter.selectors import digest_audience_summary, edition_list_admin
from newsletter.services import digest_edition_update, digest_item_add, digest_item_update
from portal.admin import AppendOnlyAdminMixin

# --- Inlines ----------------------------------------------------------------------------------


class EditionItemInline(admin.TabularInline):
    """The edition's articles: order, 'Let op', the mail text and removal. New articles: EditionItemAddInline."""

    model = EditionItem
    form = EditionItemForm
    extra = 0
    can_delete = False
    fields = ["position", "themes", "origin", "is_notice", "teaser", "is_removed"]
    readonly_fields = ["themes", "origin"]
    verbose_name = _("artikel")
    verbose_name_plural = _("artikelen in deze nieuwsbrief (volgorde binnen elk thema: laag nummer eerst)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").prefetch_related("article__themes")

    @admin.display(description=_("thema's"))
    def themes(self, obj):
        if obj.snapshot_title:
            return _("vastgelegd bij het goedkeuren")
        if obj.article_id is None:
            return _("(artikel verwijderd)")
        return ", ".join(t.name for t in obj.article.themes.all() if t.is_active) or _("geen actief thema")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_draft) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


class EditionItemAddInline(admin.TabularInline):
    """'Nog een artikel toevoegen': any article that is on the site, through the autocomplete."""

    model = EditionItem
    form = EditionItemForm
    extra = 0
    can_delete = False
    autocomplete_fields = ["article"]
    fields = ["article", "position", "teaser"]
    verbose_name = _("artikel")
    verbose_name_plural = _("artikelen toevoegen")

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.is_draft and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


class EditionEventInline(AppendOnlyAdminMixin, admin.TabularInline):
    model = EditionEvent
    extra = 0
    fields = ["at", "action", "user", "detail"]
    readonly_fields = fields
    verbose_name_plural = _("logboek")


# --- The edition ------------------------------------------------------------------------------


# --- The edition ------------------------------------------------------------------------------


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["intro", "include_notices"]


TIMES = ["assembled_at", "approved_at", "approved_by", "send_at", "started_at", "finished_at", "pause_reason"]


@admin.register(Edition)
class EditionAdmin(EditionSendViewsMixin, EditionViewsMixin, CapitalTitleMixin, admin.ModelAdmin):
    form = EditionForm
    list_display = ["month_display", "status", "articles", "recipients", "variants", "send_at", "deliveries"]
    list_filter = ["status"]
    inlines = [EditionItemInline, EditionItemAddInline, EditionEventInline]
    view_on_site = False  # the web version exists only once sending started: "Webversie" links to it then
    readonly_fields = ["month_display", "status", *TIMES, "audience"]

    def get_queryset(self, request):
        return edition_list_admin()

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": ["month_display", "status", "audience", "intro", "include_notices"]}),
            (_("Tijden"), {"fields": TIMES, "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_draft:
            return [*self.readonly_fields, "intro", "include_notices"]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # editions are assembled ("Editie samenstellen"), not typed in

    def has_change_permission(self, request, obj=None):
        # Approved or later: the edition is frozen, the page only shows it.
        return (obj is None or obj.is_draft) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead: the log stays

    @admin.display(description=_("maand"), ordering="month")
    def month_display(self, obj):
        return date_format(obj.month, "F Y")

    @admin.display(description=_("artikelen"))
    def articles(self, obj):
        return obj.article_count

    def _summary(self, obj):
        if obj.status not in {Edition.Status.DRAFT, Edition.Status.APPROVED}:
            return None
        if not hasattr(obj, "_audience_summary"):
            obj._audience_summary = digest_audience_summary(edition=obj)
        return obj._audience_summary

    @admin.display(description=_("gaat naar"))
    def recipients(self, obj):
        summary = self._summary(obj)
        return summary.recipients if summary else "–"  # noqa: RUF001

    @admin.display(description=_("varianten"))
    def variants(self, obj):
        summary = self._summary(obj)
        return summary.variants if summary else "–"  # noqa: RUF001

    @admin.display(description=_("verzending"))
    def deliveries(self, obj):
        # Counts kept after the delivery rows are deleted (retention); while rows exist, the progress page.
        counts = ", ".join(f"{status}: {count}" for status, count in sorted(obj.counts.items()) if count)
        if obj.started_at is None:
            return counts or "–"  # noqa: RUF001
        url = reverse("admin:newsletter_edition_progress", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, counts or _("volgen"))

    @admin.display(description=_("bereik"))
    def audience(self, obj):
        summary = self._summary(obj)
        if summary is None:
            return "–"  # noqa: RUF001
        recipients = ngettext("%(n)d abonnee", "%(n)d abonnees", summary.recipients) % {"n": summary.recipients}
        variants = ngettext("%(n)d variant", "%(n)d varianten", summary.variants) % {"n": summary.variants}
        return _("Gaat nu naar %(recipients)s in %(variants)s; %(skipped)d krijgen niets (niets voor hun thema's).") % {
            "recipients": recipients,
            "variants": variants,
            "skipped": summary.skipped,
        }

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = LowercaseAddTextFormSet  # "Nog een artikel toevoegen"
        return inline_formsets

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            can_approve=request.user.has_perm("newsletter.approve_edition"),
            can_refresh=obj is not None and obj.is_draft and request.user.has_perm("newsletter.change_edition"),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        extra = {"can_assemble": request.user.has_perm("newsletter.change_edition"), **(extra_context or {})}
        return super().changelist_view(request, extra)

    # --- Saving: through the services ---------------------------------------------------------

    def save_model(self, request, obj, form, change):
        digest_edition_update(
            edition=obj,
            user=request.user,
            intro=form.cleaned_data.get("intro"),
            include_notices=form.cleaned_data.get("include_notices"),
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not EditionItem:
            return super().save_formset(request, form, formset, change)
        # What Django's change message (admin history) reads; the services write the items.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for item_form in formset.forms:
            if not item_form.has_changed() or not item_form.is_valid():
                continue
            data = item_form.cleaned_data
            if item_form.instance.pk is None:
                item = digest_item_add(
                    edition=form.instance,
                    article=data["article"],
                    user=request.user,
                    teaser=data.get("teaser", ""),
                    position=data.get("position"),
                )
                formset.new_objects.append(item)
            else:
                fields = ("position", "teaser", "is_removed", "is_notice")
                item = digest_item_update(
                    item=item_form.instance, user=request.user, **{f: data.get(f) for f in fields}
                )
                formset.changed_objects.append((item, item_form.changed_data))
        return None

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(EditionEvent)
class EditionEventAdmin(AppendOnlyAdminMixin, admin.ModelAdmin):
    """The digest's audit trail: nobody adds, changes or deletes here, not even a superuser."""

    list_display = ["at", "edition", "action", "user", "detail"]
    list_filter = ["action", "edition"]
    list_select_related = ["edition", "user"]
    date_hierarchy = "at"
    search_fields = ["detail"]
