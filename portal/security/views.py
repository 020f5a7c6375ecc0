"""The second login step for staff: set up an authenticator app, enter a code, see the recovery codes."""

from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from portal.security import two_factor

WRONG_CODE = "Deze code klopt niet. Probeer het opnieuw met de code die nu in de app staat."
THROTTLED = "Te veel verkeerde codes achter elkaar. Wacht even en probeer het dan opnieuw."


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )


def _page(request, template: str, context: dict, status: int = 200):
    return render(request, template, {**admin.site.each_context(request), **context}, status=status)


def _staff_only(view):
    """Logged-in staff only; anyone else goes to the admin login."""

    @login_required(login_url="admin:login")
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            return redirect("admin:login")
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
@_staff_only
def two_factor_setup(request):
    """Scan the QR code (or type the secret), enter the first code; then the recovery codes are shown."""
    if two_factor.confirmed_app_device(request.user) and not request.user.is_verified():
        # Replacing the app needs the old one first, or a stolen password could register a new app.
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': reverse('two_factor_setup')})}")
    device = two_factor.app_device_pending(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        was_throttled = two_factor.throttled_device(device)
        codes = two_factor.app_device_confirm(request=request, device=device, token=form.cleaned_data["code"])
        if codes is not None:
            two_factor.new_codes_keep(request, codes)
            next_url = two_factor.safe_next(request, reverse("admin:index"))
            return redirect(f"{reverse('two_factor_recovery_codes')}?{urlencode({'next': next_url})}")
        form.add_error("code", THROTTLED if was_throttled else WRONG_CODE)
    context = {
        "title": "Tweestapsverificatie instellen",
        "form": form,
        "qr_svg": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_typing(device),
        "next": two_factor.safe_next(request, ""),
    }
    return _page(request, "admin/two_factor/setup.html", context, status=400 if form.errors else 200)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
@_staff_only
def two_factor_verify(request):
    """Enter the code from the app, or a recovery code, once per login."""
    if not two_factor.confirmed_app_device(request.user) and not request.user.is_verified():
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["code"]
        was_throttled = two_factor.throttled(request.user, token)
        if two_factor.verify(request=request, token=token) is not None:
            return redirect(two_factor.safe_next(request, reverse("admin:index")))
        form.add_error("code", THROTTLED if was_throttled else WRONG_CODE)
    context = {"title": "Tweestapsverificatie", "form": form, "next": two_factor.safe_next(request, "")}
    return _page(request, "admin/two_factor/verify.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET"])
@_staff_only
def two_factor_recovery_codes(request):
    """Show the recovery codes made by the set-up just finished, once."""
    codes = two_factor.new_codes_pop(request)
    next_url = two_factor.safe_next(request, reverse("admin:index"))
    if not codes:
        return redirect(next_url)
    return _page(
        request, "admin/two_factor/recovery_codes.html", {"title": "Uw herstelcodes", "codes": codes, "next": next_url}
    )
