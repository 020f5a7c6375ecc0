"""The edition admin's send pages: start sending now, watch the progress, pause, resume, cancel, retry failed.

Thin: the numbers come from `delivery_progress`, every change from a digest service, which checks the
permission again and refuses with a Dutch ValidationError when the edition is not in a state for it. The
progress page refreshes itself through newsletter/admin/digest_progress.js (a static file: the CSP allows no
inline script) from the JSON view. No page title, message or log line names a subscriber.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsletter.models import Delivery, Edition
from newsletter.selectors import digest_audience_summary
from newsletter.selectors.delivery import DeliveryProgress, delivery_progress, delivery_progress_data
from newsletter.services import digest_send_start
from newsletter.services.digest.control import (
    deliveries_retry_failed,
    digest_pause,
    digest_resume,
    digest_send_cancel,
)

S = Edition.Status
# The URL step, the service, and the states of the edition in which the button is offered.
CONTROLS = {
    "pauzeren": (digest_pause, {S.SENDING}),
    "hervatten": (digest_resume, {S.PAUSED}),
    "stoppen": (digest_send_cancel, {S.SENDING, S.PAUSED}),
    "opnieuw": (deliveries_retry_failed, {S.SENDING, S.PAUSED, S.SENT}),
}
# How often the page asks for new numbers while a send is under way (milliseconds).
REFRESH_MS = 3000


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return "–"  # noqa: RUF001
    if seconds < 60:
        return _("minder dan een minuut")
    minutes = round(seconds / 60)
    if minutes < 60:
        return ngettext("ongeveer %(n)d minuut", "ongeveer %(n)d minuten", minutes) % {"n": minutes}
    hours, minutes = divmod(minutes, 60)
    return _("ongeveer %(hours)d uur en %(minutes)d min.") % {"hours": hours, "minutes": minutes}


def progress_texts(*, progress: DeliveryProgress, edition: Edition) -> dict[str, str]:
    """Return the Dutch sentences of the progress page (the script only puts them in place)."""
    status = edition.get_status_display()
    summary = _("%(done)s van %(total)s verwerkt (%(percent)d%%), waarvan %(sent)s verzonden.") % {
        "done": _n(progress.done),
        "total": _n(progress.total),
        "percent": progress.percent,
        "sent": _n(progress.counts.get(Delivery.Status.SENT, 0)),
    }
    # Read out by screen readers when it changes: the status and whole tens of percents, not every number.
    announce = _("%(status)s: %(percent)d%% verwerkt.") % {"status": status, "percent": progress.percent // 10 * 10}
    if edition.status == S.PAUSED and edition.pause_reason:
        announce = f"{announce} {_('Reden van de pauze: %(reason)s') % {'reason': edition.pause_reason}}"
    return {
        "status": str(status),
        "summary": summary,
        "announce": announce,
        "rate": _("%(rate)s per seconde") % {"rate": number_format(progress.rate, 1)},
        "eta": _duration(progress.eta_seconds) if edition.status == S.SENDING else "–",  # noqa: RUF001
    }


def _error_rows(progress: DeliveryProgress) -> list[dict[str, str]]:
    return [
        {"at": date_format(timezone.localtime(e.at), "j M H:i:s"), "status": e.status_label, "reason": e.reason}
        for e in progress.errors
    ]


def _theme_rows(progress: DeliveryProgress) -> list[dict[str, str]]:
    everyone = [progress.all_themes] if progress.all_themes else []
    return [
        {
            "name": theme.name or _("Alle thema's"),
            "total": _n(theme.total),
            "sent": _n(theme.sent),
            "done": _n(theme.done),
        }
        for theme in [*everyone, *progress.themes]
    ]


def available_controls(*, progress: DeliveryProgress, edition: Edition) -> dict[str, bool]:
    """Return which buttons to show now; the services decide again when one is pressed."""
    shown = {step: edition.status in states for step, (_service, states) in CONTROLS.items()}
    shown["opnieuw"] = shown["opnieuw"] and progress.counts.get(Delivery.Status.FAILED, 0) > 0
    return shown


class EditionSendViewsMixin:
    """URLs and views of sending; mixed into EditionAdmin before EditionViewsMixin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/verzenden/", view(self.send_view), name="newsletter_edition_send"),
            path("<int:pk>/verzending/", view(self.progress_view), name="newsletter_edition_progress"),
            path(
                "<int:pk>/verzending/voortgang.json",
                view(self.progress_json_view),
                name="newsletter_edition_progress_json",
            ),
            path("<int:pk>/verzending/<slug:step>/", view(self.control_view), name="newsletter_edition_control"),
            *super().get_urls(),
        ]

    def _progress_context(self, request, edition):
        progress = delivery_progress(edition=edition)
        return {
            "progress": progress,
            "texts": progress_texts(progress=progress, edition=edition),
            "controls": available_controls(progress=progress, edition=edition),
            "errors": _error_rows(progress),
            "theme_rows": _theme_rows(progress),
            "statuses": [(value, label, _n(progress.counts.get(value, 0))) for value, label in Delivery.Status.choices],
        }

    def progress_view(self, request, pk):
        edition = self._edition(request, pk)
        title = _("Verzending")
        context = self._context(request, edition, title, **self._progress_context(request, edition))
        context.update(
            can_control=request.user.has_perm("newsletter.approve_edition"),
            refresh_ms=REFRESH_MS,
            json_url=reverse("admin:newsletter_edition_progress_json", args=[pk]),
        )
        return TemplateResponse(request, "admin/newsletter/edition/progress.html", context)

    def progress_json_view(self, request, pk):
        edition = self._edition(request, pk)
        progress = delivery_progress(edition=edition)
        data = delivery_progress_data(progress=progress, edition=edition)
        data.update(
            errors=_error_rows(progress),
            themes=_theme_rows(progress),
            texts=progress_texts(progress=progress, edition=edition),
            controls=available_controls(progress=progress, edition=edition),
            counts_label={status: _n(n) for status, n in progress.counts.items()},
            finished=edition.status in {S.SENT, S.CANCELLED} and progress.open == 0,
        )
        return JsonResponse(data)  # admin_view adds never_cache

    def control_view(self, request, pk, step):
        if step not in CONTROLS:
            raise Http404
        edition = self._edition(request, pk, permission="approve")
        progress_url = reverse("admin:newsletter_edition_progress", args=[pk])
        if request.method != "POST":
            if step != "stoppen":
                return redirect(progress_url)
            context = self._context(request, edition, _("Verzenden stoppen"), step=step, progress_url=progress_url)
            return TemplateResponse(request, "admin/newsletter/edition/send_cancel.html", context)
        service, _states = CONTROLS[step]
        try:
            result = service(edition=edition, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, self._control_message(step, result), messages.SUCCESS)
        return redirect(progress_url)

    @staticmethod
    def _control_message(step: str, result) -> str:
        if step == "opnieuw":
            return ngettext(
                "%(n)d mislukte verzending wordt opnieuw geprobeerd.",
                "%(n)d mislukte verzendingen worden opnieuw geprobeerd.",
                result,
            ) % {"n": result}
        return {
            "pauzeren": _("Het verzenden is gepauzeerd. Berichten die al onderweg waren, worden nog afgemaakt."),
            "hervatten": _("Het verzenden is hervat en gaat verder waar het stopte."),
            "stoppen": _("Het verzenden is gestopt. Wie nog niets had gekregen, krijgt deze editie niet."),
        }[step]

    def send_view(self, request, pk):
        edition = self._edition(request, pk, permission="approve")
        if request.method == "POST":
            if digest_send_start(edition_id=edition.pk, user=request.user):
                self.message_user(request, _("Het verzenden is begonnen."), messages.SUCCESS)
                return redirect("admin:newsletter_edition_progress", pk)
            text = _("Alleen een goedgekeurde editie die nog niet verzonden wordt, kan worden verzonden.")
            self.message_user(request, text, messages.ERROR)
            return redirect("admin:newsletter_edition_change", pk)
        summary = digest_audience_summary(edition=edition) if edition.status == S.APPROVED else None
        context = self._context(request, edition, _("Nu verzenden"), summary=summary)
        return TemplateResponse(request, "admin/newsletter/edition/send.html", context)
