"""Settings come from the environment: the embedded profile by default, a strict production profile."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings import mailer_from_url

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "x7Hq2-" + "k9Lm3nP4qR5sT6uV7wX8yZ9aB0cD1eF2gH3iJ4kL5mN6oP7" + "Qr",
    "DJANGO_ALLOWED_HOSTS": "nieuws.voorbeeldstad.nl",
    "DATABASE_URL": "postgres://portal:geheim@db.internal:5432/portal",
    "CELERY_BROKER_URL": "redis://broker.internal:6379/0",
    "REDIS_URL": "redis://cache.internal:6379/0",
}
SHOWN = [
    *("DEBUG", "DATABASES", "CACHES", "CELERY_BROKER_URL", "CELERY_BROKER_TRANSPORT_OPTIONS", "MAILERS"),
    *("LANGUAGE_CODE", "TIME_ZONE", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS"),
    *("SECURE_SSL_REDIRECT", "SECURE_CSP", "SITE_URL", "ALLOWED_HOSTS"),
    *("STAFF_REQUIRE_2FA", "STAFF_2FA_EXEMPT_USERNAMES"),
]
REQUIRED = ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"]


def run(args: list[str], env: dict, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run Python in a fresh process with exactly `env` (plus PATH and a private var/ directory)."""
    base = {"PATH": "/usr/bin:/bin", "PORTAL_VAR_DIR": str(tmp_path / "var")}
    base["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    return subprocess.run(
        [sys.executable, *args], env={**base, **env}, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def settings_from(env: dict, tmp_path: Path) -> dict:
    """Start Django with `env` and return the settings under test as JSON-friendly values."""
    code = (
        "import json, sys, django; django.setup(); from django.conf import settings;"
        "print(json.dumps({n: getattr(settings, n) for n in sys.argv[1:]}, default=str))"
    )
    result = run(["-c", code, *SHOWN], env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_default_profile_is_embedded(tmp_path):
    values = settings_from({}, tmp_path)

    var = tmp_path / "var"
    assert values["DEBUG"] is True
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DATABASES"]["default"]["NAME"] == str(var / "db.sqlite3")
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["CELERY_BROKER_URL"] == "filesystem://"
    assert values["CELERY_BROKER_TRANSPORT_OPTIONS"]["data_folder_in"] == str(var / "broker" / "queue")
    assert values["MAILERS"]["default"] == {
        "BACKEND": "portal.mail.EmlFileBackend",
        "OPTIONS": {"file_path": str(var / "mail")},
    }
    assert values["LANGUAGE_CODE"] == "nl"
    assert values["TIME_ZONE"] == "Europe/Amsterdam"
    assert values["SITE_URL"] == "http://localhost:8000"
    assert (var / "secret_key").stat().st_mode & 0o077 == 0


def test_settings_default_profile_keeps_generated_secret_key(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    first = run(["-c", code], {}, tmp_path)
    second = run(["-c", code], {}, tmp_path)

    assert len(first.stdout.strip()) >= 50
    assert first.stdout == second.stdout


def test_settings_broker_dir_follows_environment(tmp_path):
    values = settings_from({"CELERY_BROKER_DIR": str(tmp_path / "elsewhere")}, tmp_path)

    assert values["CELERY_BROKER_TRANSPORT_OPTIONS"]["data_folder_out"] == str(tmp_path / "elsewhere" / "queue")


def test_settings_production_profile_is_strict(tmp_path):
    values = settings_from(PRODUCTION_ENV, tmp_path)

    assert values["DEBUG"] is False
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert values["DATABASES"]["default"]["HOST"] == "db.internal"
    assert values["CACHES"]["default"]["BACKEND"] == "portal.cache.RedisCache"
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_CSP"]["default-src"] == ["'self'"]
    assert values["ALLOWED_HOSTS"] == ["nieuws.voorbeeldstad.nl"]


@pytest.mark.parametrize("missing", REQUIRED)
def test_settings_production_refuses_missing_variable(tmp_path, missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = run(["-c", "import django; django.setup()"], env, tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set when DJANGO_ENV=production" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "sqlite:////tmp/portal.sqlite3"),
        ("CELERY_BROKER_URL", "filesystem://"),
        ("DJANGO_ENV", "staging"),
    ],
)
def test_settings_production_refuses_wrong_kind(tmp_path, name, value):
    result = run(["-c", "import django; django.setup()"], {**PRODUCTION_ENV, name: value}, tmp_path)

    assert result.returncode != 0
    assert f"{name} must" in result.stderr


def test_settings_production_passes_deploy_check(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV, tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_production_deploy_check_rejects_short_secret(tmp_path):
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": "kort"}

    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)

    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_settings_email_url_smtp():
    assert mailer_from_url("smtp://mail.internal:2525") == {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "mail.internal", "port": 2525, "use_tls": False, "use_ssl": False, "timeout": 30},
    }


def test_settings_email_url_smtp_tls_with_credentials():
    mailer = mailer_from_url("smtp+tls://nieuws%40gemeente.nl:p%40ss%3Aword@smtp.gemeente.nl")

    assert mailer["OPTIONS"] == {
        "host": "smtp.gemeente.nl",
        "port": 587,
        "use_tls": True,
        "use_ssl": False,
        "timeout": 30,
        "username": "nieuws@gemeente.nl",
        "password": "p@ss:word",
    }


def test_settings_email_url_smtp_ssl_default_port():
    assert mailer_from_url("smtp+ssl://smtp.gemeente.nl")["OPTIONS"]["port"] == 465


def test_settings_email_url_file():
    assert mailer_from_url("file:///srv/portal/mail") == {
        "BACKEND": "portal.mail.EmlFileBackend",
        "OPTIONS": {"file_path": "/srv/portal/mail"},
    }


def test_settings_email_url_console():
    assert mailer_from_url("console://") == {"BACKEND": "django.core.mail.backends.console.EmailBackend"}


def test_settings_email_url_unknown_scheme_refused():
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        mailer_from_url("sendgrid://key@api")


def test_settings_email_url_reaches_mailers(tmp_path):
    values = settings_from({"EMAIL_URL": "smtp://127.0.0.1:1025"}, tmp_path)

    assert values["MAILERS"]["default"]["OPTIONS"]["port"] == 1025


def test_settings_two_factor_is_on_in_production_without_exemptions(tmp_path):
    values = settings_from({**PRODUCTION_ENV, "STAFF_2FA_EXEMPT_USERNAMES": "redactie"}, tmp_path)

    assert values["STAFF_REQUIRE_2FA"] is True
    assert values["STAFF_2FA_EXEMPT_USERNAMES"] == []


def test_settings_two_factor_is_off_in_the_embedded_profile_and_exempts_the_demo_account(tmp_path):
    values = settings_from({}, tmp_path)

    assert values["STAFF_REQUIRE_2FA"] is False
    assert values["STAFF_2FA_EXEMPT_USERNAMES"] == ["redactie"]


def test_settings_production_deploy_check_warns_when_two_factor_is_off(tmp_path):
    env = {**PRODUCTION_ENV, "STAFF_REQUIRE_2FA": "false"}

    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)

    assert result.returncode != 0
    assert "portal.W001" in result.stderr


def test_settings_production_deploy_check_warns_when_cache_and_broker_share_a_redis(tmp_path):
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://broker.internal:6379/1"}

    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)

    assert result.returncode != 0
    assert "portal.W002" in result.stderr
