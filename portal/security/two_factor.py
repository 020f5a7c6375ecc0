"""Two-factor login for staff (django-otp): TOTP from an authenticator app, recovery codes as a fallback.

With STAFF_REQUIRE_2FA a staff user who logged in with a password reaches the admin only after entering a
code. Without a confirmed device the set-up page comes first (QR code drawn here, no external service);
the recovery codes are shown once, right after set-up. django-otp's OTPMiddleware must run before this
middleware: it sets `request.user.is_verified()` from the session.
"""

import logging
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"
APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"


def two_factor_required(user) -> bool:
    """True when this user must pass the second step before the admin (STAFF_REQUIRE_2FA, not exempt)."""
    if not (settings.STAFF_REQUIRE_2FA and user.is_authenticated and user.is_staff):
        return False
    return user.get_username() not in settings.STAFF_2FA_EXEMPT_USERNAMES


def two_factor_passed(user) -> bool:
    """True for a user who may use the admin now: no second step needed, or it was passed this session."""
    if not two_factor_required(user):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def staff_verified(user) -> bool:
    """True for an active staff user who passed the second step when it is required."""
    return user.is_active and user.is_staff and two_factor_passed(user)


def confirmed_app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def safe_next(request, default: str) -> str:
    """The ?next= (or POSTed next) path when it stays on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class StaffTwoFactorMiddleware:
    """Send staff who have not passed the second step from any admin page to set-up or verification."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            return self._redirect(request)
        return self.get_response(request)

    @staticmethod
    def _open_paths() -> set[str]:
        names = ("two_factor_verify", "two_factor_setup", "two_factor_recovery_codes", "admin:logout", "admin:login")
        return {reverse(name) for name in names}

    def _must_verify(self, request) -> bool:
        if not request.path_info.startswith(reverse("admin:index")):
            return False
        if two_factor_passed(request.user):
            return False
        return request.path_info not in self._open_paths()

    @staticmethod
    def _redirect(request):
        target = "two_factor_verify" if confirmed_app_device(request.user) else "two_factor_setup"
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(f"{reverse(target)}?{query}" if query else reverse(target))


# --- Devices --------------------------------------------------------------------------------------


def app_device_pending(user) -> TOTPDevice:
    """The user's unconfirmed app device, made when missing, so the QR code stays the same on reload."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as inline SVG (drawn by segno on our own host; nothing leaves the server)."""
    code = segno.make(device.config_url, error="m")
    svg = code.svg_inline(
        scale=5, border=4, omitsize=True, title="QR-code voor de authenticator-app", svgclass="two-factor-qr"
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for apps where one types it instead of scanning."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def app_device_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm `device` with a code from the app: replace the user's other devices, make recovery codes,
    mark this session verified and return the new codes; None when the code is wrong or throttled."""
    if not device.verify_token(token):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_replace(user=user)
    otp_login(request, device)
    request.session.cycle_key()
    logger.info("Two-factor app confirmed for user %s", user.pk)
    return codes


def recovery_codes_replace(*, user) -> list[str]:
    """Give `user` RECOVERY_CODE_COUNT fresh single-use codes, dropping the old ones; returns them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def normalised(token: str) -> str:
    """A code as typed, without spaces or dashes, lower case (recovery codes are lower-case base32)."""
    return "".join(token.split()).replace("-", "").lower()[:32]


def device_kind(token: str) -> type:
    """Digits are a code from the app; anything else can only be a recovery code. Trying a code on the
    wrong kind of device would count as a wrong code there and slow the person down for nothing."""
    return TOTPDevice if normalised(token).isdigit() else StaticDevice


def verify(*, request, token: str):
    """Check a code against the user's app (six digits) or a recovery code; on success mark the session
    verified and return the device, else None. Wrong codes are throttled per device by django-otp."""
    token = normalised(token)
    kind = device_kind(token)
    with transaction.atomic():
        for device in devices_for_user(request.user, confirmed=True, for_verify=True):
            if isinstance(device, kind) and device.verify_token(token):
                otp_login(request, device)
                request.session.cycle_key()
                return device
    return None


def throttled_device(device) -> bool:
    """True when `device` refuses codes for now (too many wrong ones; the wait doubles each time)."""
    return not device.verify_is_allowed()[0]


def throttled(user, token: str) -> bool:
    """True when the devices that `token` would be checked against refuse codes for now."""
    kind = device_kind(token)
    devices = [device for device in devices_for_user(user, confirmed=True) if isinstance(device, kind)]
    return bool(devices) and all(throttled_device(device) for device in devices)


def new_codes_pop(request) -> list[str]:
    """The recovery codes made during this set-up, once: a reload shows nothing."""
    return request.session.pop(NEW_CODES_SESSION_KEY, [])


def new_codes_keep(request, codes: list[str]) -> None:
    request.session[NEW_CODES_SESSION_KEY] = codes
