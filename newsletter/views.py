"""Newsletter pages: sign up, confirm, preferences, unsubscribe. A GET never changes anything."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView, TemplateView

from newsletter import services
from newsletter.forms import PauseForm, SubscribeForm, ThemesForm
from newsletter.models import Source, Subscriber
from newsletter.selectors import consent_text_active, subscriber_get_by_token, theme_list_active
from newsletter.tokens import TokenExpired, TokenInvalid, confirm_token_read, subscriber_token_make

ONE_CLICK_FIELD, ONE_CLICK_VALUE = "List-Unsubscribe", "One-Click"  # RFC 8058
SAVED_MESSAGES = {"themas", "pauze", "afgemeld"}


def client_ip(request) -> str:
    """Return the client IP: REMOTE_ADDR, or the header a trusted proxy sets (NEWSLETTER_CLIENT_IP_HEADER)."""
    header = getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def link_invalid(request, exc: TokenInvalid) -> HttpResponse:
    """Render the friendly page for a tampered, expired or revoked link (410 if expired, else 400)."""
    expired = isinstance(exc, TokenExpired)
    return render(request, "newsletter/link_invalid.html", {"expired": expired}, status=410 if expired else 400)


class TokenPageMixin:
    """Pages reached from an email link: never cached, never indexed, a bad token gives a friendly 4xx."""

    purpose = "preferences"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.subscriber = subscriber_get_by_token(purpose=self.purpose, token=kwargs["token"])
        except TokenInvalid as exc:
            response = link_invalid(request, exc)
        else:
            response = super().dispatch(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


# The sign-up form carries no CSRF token, so opening it sets no cookie (issue #4: no cookie for a visitor
# who has not used a form). CSRF protection would add nothing here: a forged POST can only ask for a
# confirmation email, which the attacker can ask for directly too, and which changes nothing until the
# recipient presses the button behind the link; rate limits and the honeypot apply to every POST.
@method_decorator(csrf_exempt, name="dispatch")
class SubscribeView(FormView):
    form_class = SubscribeForm
    template_name = "newsletter/subscribe.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(consent=consent_text_active(), **kwargs)

    def form_valid(self, form):
        # Whatever the address's state, the answer is the same redirect: nothing reveals a subscription.
        if not form.is_bot():
            verdict = services.subscription_request(
                email=form.cleaned_data["email"],
                theme_slugs=[theme.slug for theme in form.cleaned_data["themes"]],
                client_ip=client_ip(self.request),
            )
            if verdict is services.Verdict.IP_FLOODING:
                return render(self.request, "newsletter/too_many_requests.html", status=429)
        return redirect("newsletter:subscribe_done")


class SubscribeDoneView(TemplateView):
    template_name = "newsletter/subscribe_done.html"


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    def dispatch(self, request, *args, **kwargs):
        try:
            self.signup = confirm_token_read(kwargs["token"])
        except TokenInvalid as exc:
            return link_invalid(request, exc)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, token):
        # The same rule as subscription_confirm: no active theme chosen means every theme.
        themes = theme_list_active().filter(slug__in=self.signup.theme_slugs) if self.signup.theme_slugs else []
        return render(request, "newsletter/confirm.html", {"email": self.signup.email, "themes": themes})

    def post(self, request, token):
        services.subscription_confirm(signup=self.signup, source=Source.WEB_FORM)
        return redirect("newsletter:confirm_done")


class ConfirmDoneView(TemplateView):
    template_name = "newsletter/confirm_done.html"


class PreferencesView(TokenPageMixin, View):
    template_name = "newsletter/preferences.html"

    def get(self, request, token, themes_form=None, pause_form=None, status=200):
        subscriber = self.subscriber
        context = {
            "subscriber": subscriber,
            "token": token,
            "saved": request.GET.get("gewijzigd") if request.GET.get("gewijzigd") in SAVED_MESSAGES else None,
            "themes_form": themes_form or ThemesForm(initial={"themes": list(subscriber.themes.all())}),
            "pause_form": pause_form or PauseForm(),
        }
        return render(request, self.template_name, context, status=status)

    def post(self, request, token):
        action = request.POST.get("action")
        if self.subscriber.status != Subscriber.Status.CONFIRMED:
            return redirect("newsletter:preferences", token=token)
        if action == "unsubscribe":
            services.subscription_unsubscribe(subscriber=self.subscriber, source=Source.PREFERENCES)
            return self._saved(token, "afgemeld")
        if action == "pause":
            form = PauseForm(request.POST)
            if not form.is_valid():
                return self.get(request, token, pause_form=form, status=400)
            services.subscription_pause(subscriber=self.subscriber, months=form.cleaned_data["months"])
            return self._saved(token, "pauze")
        form = ThemesForm(request.POST)
        if action != "themes" or not form.is_valid():
            return self.get(request, token, themes_form=form, status=400)
        services.subscription_update_themes(subscriber=self.subscriber, themes=form.cleaned_data["themes"])
        return self._saved(token, "themas")

    @staticmethod
    def _saved(token, what):
        return redirect(reverse("newsletter:preferences", kwargs={"token": token}) + f"?gewijzigd={what}#melding")


class DataExportView(TokenPageMixin, View):
    def get(self, request, token):
        data = services.subscriber_export_data(subscriber=self.subscriber)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-nieuwsbriefgegevens.json"'
        return response


class EraseView(TokenPageMixin, View):
    def get(self, request, token):
        return render(request, "newsletter/erase.html", {"subscriber": self.subscriber, "token": token})

    def post(self, request, token):
        services.subscriber_erase(subscriber=self.subscriber, source=Source.PREFERENCES)
        return redirect("newsletter:erase_done")


class EraseDoneView(TemplateView):
    template_name = "newsletter/erase_done.html"


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(TokenPageMixin, View):
    """The unsubscribe link. Only the RFC 8058 one-click POST skips CSRF: it comes from a mail client."""

    purpose = "unsubscribe"

    def get(self, request, token):
        # Whoever holds the unsubscribe link holds the mailbox: offer the preferences page too.
        preferences = subscriber_token_make(
            purpose="preferences", subscriber_id=self.subscriber.pk, token_version=self.subscriber.token_version
        )
        context = {"subscriber": self.subscriber, "preferences_token": preferences}
        return render(request, "newsletter/unsubscribe.html", context)

    def post(self, request, token):
        if request.POST.get(ONE_CLICK_FIELD) == ONE_CLICK_VALUE:
            services.subscription_unsubscribe(subscriber=self.subscriber, source=Source.ONE_CLICK)
            return HttpResponse(_one_click_text(), content_type="text/plain; charset=utf-8")
        return csrf_protect(self._button_post)(request, token)

    def _button_post(self, request, token):
        services.subscription_unsubscribe(subscriber=self.subscriber, source=Source.UNSUBSCRIBE_PAGE)
        return redirect("newsletter:unsubscribe", token=token)


def _one_click_text() -> str:
    return gettext("U bent afgemeld voor de nieuwsbrief.") + "\n"
