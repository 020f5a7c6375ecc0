"""The edition admin's own pages: assemble, subscriber search, preview (page, frame, .eml), test mail, approve,
and the confirmation pages of refresh, cancel and re-open. Thin: every read a selector, every write a service.
"""

import email
import email.policy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from newsletter.admin.digest_forms import ApproveForm, AssembleForm, PreviewForm, subscriber_label
from newsletter.models import DataAccessLog, Edition, Subscriber
from newsletter.selectors import digest_audience_search, digest_audience_summary, month_first, month_previous
from newsletter.services import (
    digest_approve,
    digest_assemble,
    digest_cancel,
    digest_message_bytes,
    digest_reopen,
    digest_test_request,
)
from newsletter.services.privacy import data_access_record

# The preview frame shows mail HTML: its own origin (sandbox), no scripts, no requests, only inline styles.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


class EditionViewsMixin:
    """The views of EditionAdmin beyond Django's list and form."""

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
