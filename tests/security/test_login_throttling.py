"""Admin login throttling with django-axes: per account and per IP, Dutch, no user enumeration."""

import datetime
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "Juist-wachtwoord-2026"
LOGIN = "/beheer/login/?next=/beheer/"
LOCKED = "Aanmelden tijdelijk geblokkeerd"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("redacteur", password=PASSWORD, is_staff=True)


def log_in(client, username, password, ip="203.0.113.7", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


def logged_in(client) -> bool:
    return client.get("/beheer/").status_code == 200


def _normalised(response) -> str:
    """The page without the values that differ per request (CSRF token, nonce)."""
    html = response.content.decode()
    return re.sub(r'(value|nonce)="[^"]*"', "", html)


def test_login_locks_out_after_five_wrong_passwords_and_refuses_the_right_one(client, editor):
    answers = [log_in(client, "redacteur", "fout") for _ in range(5)]

    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert LOCKED in answers[-1].content.decode()
    refused = log_in(client, "redacteur", PASSWORD)
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    assert "Probeer het over 30 minuten opnieuw." in refused.content.decode()
    assert not logged_in(client)


def test_login_lockout_counts_per_account_across_addresses(client, editor):
    for n in range(5):
        log_in(client, "redacteur", "fout", ip=f"198.51.100.{n}")

    assert log_in(client, "redacteur", PASSWORD, ip="192.0.2.99").status_code == 429


def test_login_lockout_counts_per_address_across_accounts(client, editor):
    for n in range(5):
        log_in(client, f"bestaat-niet-{n}", "fout", ip="198.51.100.20")

    assert log_in(client, "redacteur", PASSWORD, ip="198.51.100.20").status_code == 429
    assert log_in(client, "redacteur", PASSWORD, ip="198.51.100.21").status_code == 302


def test_login_gives_the_same_answers_for_unknown_and_existing_usernames(client, editor):
    existing = [log_in(client, "redacteur", "fout", ip="198.51.100.30") for _ in range(5)]
    unknown = [log_in(client, "niemand", "fout", ip="198.51.100.31") for _ in range(5)]

    assert [a.status_code for a in existing] == [a.status_code for a in unknown]
    for mine, theirs in zip(existing, unknown, strict=True):
        assert _normalised(mine).replace("redacteur", "X") == _normalised(theirs).replace("niemand", "X")


def test_login_lockout_ends_after_the_cool_off(client, editor):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False) as clock:
        for _ in range(5):
            log_in(client, "redacteur", "fout")
        clock.shift(datetime.timedelta(minutes=29))
        assert log_in(client, "redacteur", PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=31))
        assert log_in(client, "redacteur", PASSWORD).status_code == 302


def test_login_unlock_in_the_admin(client, admin_client, editor):
    for _ in range(5):
        log_in(client, "redacteur", "fout")
    attempts = AccessAttempt.objects.filter(username="redacteur")
    assert attempts.exists()

    changelist = admin_client.get("/beheer/axes/accessattempt/")
    response = admin_client.post(
        "/beheer/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [a.pk for a in attempts], "post": "yes"},
    )

    assert changelist.status_code == 200
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert log_in(client, "redacteur", PASSWORD).status_code == 302
    assert logged_in(client)


def test_login_success_resets_the_count(client, editor):
    for _ in range(4):
        log_in(client, "redacteur", "fout")
    assert log_in(client, "redacteur", PASSWORD).status_code == 302
    client.logout()

    assert [log_in(client, "redacteur", "fout").status_code for _ in range(4)] == [200] * 4


def test_login_behind_a_proxy_counts_the_client_address_from_the_header(client, editor, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxy = "10.0.0.2"
    for _ in range(5):
        log_in(client, "iemand-anders", "fout", ip=proxy, HTTP_X_REAL_IP="198.51.100.40")

    assert log_in(client, "redacteur", PASSWORD, ip=proxy, HTTP_X_REAL_IP="198.51.100.41").status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.40"


@pytest.mark.parametrize("header", ["", "geen-ip", "198.51.100.1, <script>", "fe80::1%eth0", "198.51.100", "x" * 500])
def test_login_with_a_nonsense_client_ip_header_falls_back_to_the_connection(client, editor, settings, header):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    response = log_in(client, "redacteur", "fout", ip="198.51.100.50", HTTP_X_REAL_IP=header)

    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address == "198.51.100.50"


def test_login_for_tests_with_force_login_is_not_throttled(client, editor):
    for _ in range(10):
        log_in(client, "redacteur", "fout")

    client.force_login(editor)

    assert logged_in(client)


def test_login_throttling_admin_pages_are_dutch(client, admin_client, editor):
    log_in(client, "redacteur", "fout")
    index = admin_client.get("/beheer/").content.decode()
    changelist = admin_client.get("/beheer/axes/accessattempt/").content.decode()

    assert "Aanmeldbeveiliging" in index
    assert "Toegangspogingen" in index
    assert "Mislukte pogingen" in changelist
    assert "IP-adres" in changelist
