"""A staff member sets up two-factor login in a real browser: QR code, first code, recovery codes, admin.

The page fixture fails on any request to another host; `watch` collects script errors and anything the CSP
blocked, admin pages included. Screenshots: test-artifacts/editor/two-factor-*.png.
"""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.e2e.editor_steps import PASSWORD, snap, watch

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_two_factor_set_up_in_the_browser(page, settings):
    settings.STAFF_REQUIRE_2FA = True
    settings.STAFF_2FA_EXEMPT_USERNAMES = []
    get_user_model().objects.create_user("beheerder", password=PASSWORD, is_staff=True, is_superuser=True)
    problems = watch(page)

    page.visit("/beheer/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Tweestapsverificatie instellen").wait_for()
    qr = page.get_by_role("img", name="QR-code voor de authenticator-app")
    qr.wait_for()
    box = qr.bounding_box()
    snap(page, "two-factor-1-set-up")

    page.get_by_label("Code uit de app").fill(_code(TOTPDevice.objects.get()))
    page.get_by_role("button", name="Instellen en doorgaan").click()
    page.get_by_role("heading", name="Uw herstelcodes").wait_for()
    codes = page.locator(".two-factor-codes code").all_inner_texts()
    snap(page, "two-factor-2-recovery-codes")
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    page.get_by_role("button", name="Afmelden").wait_for()

    assert box["width"] >= 150 and box["height"] >= 150
    assert len(codes) == 10
    assert problems == []
