"""The monthly digest in the admin: review a draft, preview it as a subscriber, test, approve, cancel, re-open.

Eindredacteuren edit and approve; Redacteuren may look (view permission). Every write goes through the digest
services, which check the same permissions; the preview shows exactly the bytes that would be sent.
"""

import email
import email.policy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin

from news.admin.base import CapitalTitleMixin, LowercaseAddTextFormSet
from news.models import Theme
from newsletter.models import ConsentEvent, DataAccessLog, Edition, EditionEvent, EditionItem, Subscriber
from newsletter.selectors import (
    digest_audience,
    digest_audience_search,
    digest_audience_summary,
    edition_list_admin,
    month_first,
    month_previous,
)
from newsletter.services import (
    digest_approve,
    digest_assemble,
    digest_cancel,
    digest_edition_update,
    digest_item_add,
    digest_item_add_check,
    digest_item_update,
    digest_message_bytes,
    digest_reopen,
    digest_test_request,
)
from newsletter.services.privacy import data_access_record
from portal.admin import AppendOnlyAdminMixin

# The preview frame shows mail HTML: its own origin (sandbox), no scripts, no requests, only inline styles.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def masked_address(address: str) -> str:
    """'jeugdverpleegkundige@example.nl' → 'je…@example.nl': enough to recognise, not to copy."""
    local, _at, domain = address.partition("@")
    return f"{local[:2]}…@{domain}"


def subscriber_label(subscriber: Subscriber) -> str:
    themes = _("alle thema's") if subscriber.all_themes else ", ".join(t.name for t in subscriber.themes.all())
    return f"#{subscriber.pk} · {masked_address(subscriber.email or '')} · {themes}"


# --- Forms ------------------------------------------------------------------------------------


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


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["intro", "include_notices"]


TIMES = ["assembled_at", "approved_at", "approved_by", "send_at", "started_at", "finished_at", "pause_reason"]


@admin.register(Edition)
class EditionAdmin(CapitalTitleMixin, admin.ModelAdmin):
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
        # Filled in by the delivery of issue 10 (and kept after its rows are deleted).
        return ", ".join(f"{status}: {count}" for status, count in sorted(obj.counts.items())) or "–"  # noqa: RUF001

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

    # --- Views --------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("samenstellen/", view(self.assemble_view), name="newsletter_edition_assemble"),
            path("abonnees-zoeken/", view(self.subscriber_search_view), name="newsletter_edition_subscribers"),
            path("<int:pk>/voorbeeld/", view(self.preview_view), name="newsletter_edition_preview"),
            path("<int:pk>/voorbeeld/html/", view(self.preview_html_view), name="newsletter_edition_preview_html"),
            path("<int:pk>/voorbeeld/bericht.eml", view(self.preview_eml_view), name="newsletter_edition_preview_eml"),
            path("<int:pk>/testmail/", view(self.test_mail_view), name="newsletter_edition_test_mail"),
            path("<int:pk>/goedkeuren/", view(self.approve_view), name="newsletter_edition_approve"),
            *(
                path(f"<int:pk>/{step}/", view(self.step_view), {"step": step}, name=f"newsletter_edition_{step}")
                for step in self.STEPS
            ),
            *super().get_urls(),
        ]

    def _context(self, request, edition, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": edition,
            "edition": edition,
            "title": title,
            **extra,
        }

    def _edition(self, request, pk, permission="view") -> Edition:
        edition = get_object_or_404(Edition, pk=pk)
        if not request.user.has_perm(f"newsletter.{permission}_edition"):
            raise PermissionDenied
        return edition

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

    def assemble_view(self, request):
        if not request.user.has_perm("newsletter.change_edition"):
            raise PermissionDenied
        initial = {"month": month_previous(month_first(timezone.localdate()))}
        form = AssembleForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            result = digest_assemble(month=form.cleaned_data["month"], user=request.user)
            self.message_user(request, result.message, messages.SUCCESS if result.edition else messages.WARNING)
            if result.edition is not None:
                return redirect("admin:newsletter_edition_change", result.edition.pk)
        context = {**self.admin_site.each_context(request), "opts": self.opts, "form": form}
        context["title"] = _("Editie samenstellen")
        return TemplateResponse(request, "admin/newsletter/edition/assemble.html", context)

    def subscriber_search_view(self, request):
        """Autocomplete results: masked addresses of subscribers in the audience, never a list of all."""
        if not request.user.has_perm("newsletter.view_subscriber"):
            raise PermissionDenied
        found = digest_audience_search(term=request.GET.get("term", ""))
        results = [{"id": str(s.pk), "text": subscriber_label(s)} for s in found]
        return JsonResponse({"results": results, "pagination": {"more": False}})

    # --- Preview ------------------------------------------------------------------------------

    def _preview_form(self, request, edition) -> PreviewForm:
        search_url = reverse("admin:newsletter_edition_subscribers")
        can_choose = request.user.has_perm("newsletter.view_subscriber")
        data = request.GET if ("subscriber" in request.GET or "themes" in request.GET) else None
        return PreviewForm(data, search_url=search_url, can_choose_subscriber=can_choose)

    def _preview_choice(self, request, edition) -> tuple[PreviewForm, Subscriber | None, list[int] | None]:
        """The chosen subscriber or theme ids (None: all themes) from the query string."""
        form = self._preview_form(request, edition)
        if not form.is_bound or not form.is_valid():
            return form, None, None
        subscriber = form.cleaned_data.get("subscriber")
        themes = form.cleaned_data.get("themes")
        return form, subscriber, ([theme.pk for theme in themes] if themes and subscriber is None else None)

    def _preview_bytes(self, request, edition) -> tuple[PreviewForm, bytes | None, Subscriber | None]:
        form, subscriber, theme_ids = self._preview_choice(request, edition)
        raw = digest_message_bytes(edition=edition, subscriber=subscriber, theme_ids=theme_ids, example=True)
        return form, raw, subscriber

    def preview_view(self, request, pk):
        edition = self._edition(request, pk)
        form, raw, subscriber = self._preview_bytes(request, edition)
        if subscriber is not None:
            detail = f"voorbeeld nieuwsbrief {edition.slug} als abonnee #{subscriber.pk}"
            data_access_record(user=request.user, action=DataAccessLog.Action.DETAIL, count=1, detail=detail)
        context = self._context(request, edition, _("Bekijk als"), form=form, media=self.media + form.media)
        context["query"] = request.GET.urlencode()
        if raw is not None:
            message = email.message_from_bytes(raw, policy=email.policy.default)
            html = message.get_body(("html",)).get_content()
            context.update(
                subject=message["Subject"],
                text=message.get_body(("plain",)).get_content(),
                raw_size=len(raw),
                html_size=len(html.encode()),
            )
        return TemplateResponse(request, "admin/newsletter/edition/preview.html", context)

    @xframe_options_sameorigin
    def preview_html_view(self, request, pk):
        edition = self._edition(request, pk)
        _form, raw, _subscriber = self._preview_bytes(request, edition)
        if raw is None:
            return HttpResponse(_("Voor deze keuze staat niets in deze editie."), content_type="text/plain")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        response = HttpResponse(message.get_body(("html",)).get_content(), content_type="text/html; charset=utf-8")
        response["Content-Security-Policy"] = PREVIEW_CSP
        response["Cache-Control"] = "no-store"
        return response

    def preview_eml_view(self, request, pk):
        edition = self._edition(request, pk)
        _form, raw, _subscriber = self._preview_bytes(request, edition)
        if raw is None:
            return HttpResponse(_("Voor deze keuze staat niets in deze editie."), content_type="text/plain")
        response = HttpResponse(raw, content_type="message/rfc822")
        response["Content-Disposition"] = f'attachment; filename="nieuwsbrief-{edition.slug}-voorbeeld.eml"'
        response["Cache-Control"] = "no-store"
        return response

    def test_mail_view(self, request, pk):
        edition = self._edition(request, pk)
        if request.method != "POST":
            return redirect("admin:newsletter_edition_preview", pk)
        _form, subscriber, theme_ids = self._preview_choice(request, edition)
        try:
            digest_test_request(edition=edition, user=request.user, subscriber=subscriber, theme_ids=theme_ids)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            text = _("De testmail gaat naar %(address)s. Hij komt meestal binnen een minuut aan.")
            self.message_user(request, text % {"address": request.user.email}, messages.SUCCESS)
        preview = reverse("admin:newsletter_edition_preview", args=[pk])
        return redirect(f"{preview}?{request.GET.urlencode()}" if request.GET else preview)

    # --- Workflow -----------------------------------------------------------------------------

    def approve_view(self, request, pk):
        edition = self._edition(request, pk, permission="approve")
        form = ApproveForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            send_at = form.cleaned_data["send_at"] if form.cleaned_data["when"] == "later" else None
            try:
                edition = digest_approve(edition=edition, user=request.user, send_at=send_at)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                when = date_format(timezone.localtime(edition.send_at), "j F Y H:i")
                text = _("%(edition)s is goedgekeurd en wordt verzonden op %(when)s.")
                self.message_user(request, text % {"edition": edition, "when": when}, messages.SUCCESS)
                return redirect("admin:newsletter_edition_change", pk)
        summary = digest_audience_summary(edition=edition) if edition.is_draft else None
        context = self._context(request, edition, _("Goedkeuren en verzenden"), form=form, summary=summary)
        return TemplateResponse(request, "admin/newsletter/edition/approve.html", context)

    STEPS = {
        "verversen": ("change", digest_assemble, _("Artikellijst verversen")),
        "annuleren": ("approve", digest_cancel, _("Editie annuleren")),
        "heropenen": ("approve", digest_reopen, _("Terug naar concept")),
    }

    def step_view(self, request, pk, step):
        permission, service, title = self.STEPS[step]
        edition = self._edition(request, pk, permission=permission)
        if request.method == "POST":
            try:
                if service is digest_assemble:
                    self.message_user(request, digest_assemble(month=edition.month, user=request.user).message)
                else:
                    service(edition=edition, user=request.user)
                    self.message_user(request, _("Gedaan: %(step)s.") % {"step": title}, messages.SUCCESS)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:newsletter_edition_change", pk)
        context = self._context(request, edition, title, step=step)
        return TemplateResponse(request, "admin/newsletter/edition/confirm.html", context)


@admin.register(EditionEvent)
class EditionEventAdmin(AppendOnlyAdminMixin, admin.ModelAdmin):
    """The digest's audit trail: nobody adds, changes or deletes here, not even a superuser."""

    list_display = ["at", "edition", "action", "user", "detail"]
    list_filter = ["action", "edition"]
    list_select_related = ["edition", "user"]
    date_hierarchy = "at"
    search_fields = ["detail"]
