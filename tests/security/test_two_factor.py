"""Two-factor login for staff: set-up with a QR code, a code on every login, recovery codes once."""

import datetime
import re
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Juist-wachtwoord-2026"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
SETUP, VERIFY, CODES = "/beheer/tweestapsverificatie/instellen/", "/beheer/tweestapsverificatie/", None


@pytest.fixture(autouse=True)
def _required(settings):
    settings.STAFF_REQUIRE_2FA = True
    settings.STAFF_2FA_EXEMPT_USERNAMES = []
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("redacteur", password=PASSWORD, is_staff=True, is_superuser=True)


def code_for(device: TOTPDevice) -> str:
    """The code the authenticator app shows now (the real TOTP algorithm, RFC 6238)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def password_login(client) -> None:
    response = client.post("/beheer/login/", {"username": "redacteur", "password": PASSWORD})
    assert response.status_code == 302


def set_up(client, clock) -> tuple[TOTPDevice, list[str]]:
    """Log in with the password, scan (read the device), enter a code; return the device and recovery codes."""
    password_login(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get()
    response = client.post(SETUP, {"code": code_for(device), "next": "/beheer/"})
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page)
    clock.shift(datetime.timedelta(seconds=30))  # a code is accepted once: wait for the next one
    return device, codes


class _Sources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in {"src", "href", "action"} and value]


def test_two_factor_staff_without_a_device_is_sent_to_set_up(client, editor, clock):
    password_login(client)

    response = client.get("/beheer/news/article/")

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fbeheer%2Fnews%2Farticle%2F"


def test_two_factor_set_up_page_draws_the_qr_code_here_and_shows_the_secret(client, editor, clock):
    password_login(client)

    html = client.get(SETUP).content.decode()

    device = TOTPDevice.objects.get(confirmed=False)
    parser = _Sources()
    parser.feed(html)
    assert "<svg" in html
    assert "QR-code voor de authenticator-app" in html
    secret = re.search(r'<code class="two-factor-secret">([A-Z2-7 ]+)</code>', html).group(1)
    from base64 import b32decode

    assert b32decode(secret.replace(" ", "")) == device.bin_key  # 20 bytes: 32 characters, no padding
    assert [url for url in parser.urls if url.startswith(("http:", "https:", "//"))] == []
    assert "Tweestapsverificatie instellen" in html


def test_two_factor_set_up_with_a_real_code_shows_recovery_codes_once(client, editor, clock):
    password_login(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get()

    wrong = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    clock.shift(datetime.timedelta(seconds=2))  # after a wrong code django-otp waits 1 s, then 2, 4, ...
    response = client.post(SETUP, {"code": code_for(device), "next": "/beheer/news/"})
    codes_page = client.get(response["Location"])
    again = client.get(response["Location"])

    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()
    assert response.status_code == 302
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    assert again.status_code == 302  # shown once
    assert again["Location"] == "/beheer/news/"
    assert client.get("/beheer/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_two_factor_every_new_login_asks_for_a_code(client, editor, clock):
    device, _codes = set_up(client, clock)
    client.logout()
    password_login(client)

    sent = client.get("/beheer/")
    wrong = client.post(VERIFY, {"code": "12345" + str((int(code_for(device)[-1]) + 1) % 10)})
    clock.shift(datetime.timedelta(seconds=2))
    right = client.post(VERIFY, {"code": code_for(device), "next": "/beheer/news/"})

    assert sent.status_code == 302
    assert sent["Location"].startswith(VERIFY)
    assert "Deze code klopt niet" in wrong.content.decode()
    assert right.status_code == 302
    assert right["Location"] == "/beheer/news/"
    assert client.get("/beheer/").status_code == 200


def test_two_factor_a_code_works_only_once(client, editor, clock):
    device, _codes = set_up(client, clock)
    client.logout()
    password_login(client)
    code = code_for(device)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    password_login(client)

    assert client.post(VERIFY, {"code": code}).status_code == 400


def test_two_factor_recovery_code_works_once(client, editor, clock):
    _device, codes = set_up(client, clock)
    client.logout()
    password_login(client)

    first = client.post(VERIFY, {"code": codes[0].upper()[:4] + " " + codes[0][4:]})
    client.logout()
    password_login(client)
    clock.shift(datetime.timedelta(minutes=5))
    reused = client.post(VERIFY, {"code": codes[0]})

    assert first.status_code == 302
    assert reused.status_code == 400
    assert StaticToken.objects.count() == 9


def test_two_factor_wrong_codes_are_throttled(client, editor, clock):
    device, _codes = set_up(client, clock)
    client.logout()
    password_login(client)
    wrong = "000000" if code_for(device) != "000000" else "111111"

    for _ in range(3):
        client.post(VERIFY, {"code": wrong})
    throttled = client.post(VERIFY, {"code": code_for(device)})

    assert "Te veel verkeerde codes" in throttled.content.decode()
    clock.shift(datetime.timedelta(seconds=30))
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_two_factor_a_password_alone_cannot_register_a_new_app(client, editor, clock):
    set_up(client, clock)
    client.logout()
    password_login(client)

    response = client.get(SETUP)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.count() == 1


def test_two_factor_next_stays_on_this_site(client, editor, clock):
    device, _codes = set_up(client, clock)
    client.logout()
    password_login(client)

    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})

    assert response["Location"] == "/beheer/"


def test_two_factor_public_pages_and_logout_stay_open(client, editor, clock):
    password_login(client)

    assert client.get("/").status_code == 200
    assert client.post("/beheer/logout/").status_code == 200


def test_two_factor_draft_images_need_the_second_step(client, editor, clock, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = ArticleFactory(with_image=True, draft=True)
    password_login(client)

    assert client.get(article.image.url).status_code == 404


def test_two_factor_off_lets_staff_in_with_the_password(client, editor, settings):
    settings.STAFF_REQUIRE_2FA = False
    password_login(client)

    assert client.get("/beheer/").status_code == 200


def test_two_factor_exempt_username_outside_production(client, editor, settings):
    settings.STAFF_2FA_EXEMPT_USERNAMES = ["redacteur"]
    password_login(client)

    assert client.get("/beheer/").status_code == 200


def test_two_factor_pages_need_a_staff_login(client):
    assert client.get(VERIFY)["Location"].startswith("/beheer/login/")
    assert client.get(SETUP)["Location"].startswith("/beheer/login/")
