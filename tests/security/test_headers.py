"""Under the production settings every public URL and the admin send the security headers and cookie flags.

The production values come from a fresh process started with DJANGO_ENV=production (as in
tests/portal/test_settings.py) and are applied here with override_settings, so the pages are rendered by
this process against the test database.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import ArticleFactory, DocumentFactory, ThemeFactory
from tests.portal.test_settings import PRODUCTION_ENV, run
from tests.security.routes import public_routes, route_path

pytestmark = pytest.mark.django_db

HOST = PRODUCTION_ENV["DJANGO_ALLOWED_HOSTS"]
SECURITY_SETTINGS = [
    *("DEBUG", "ALLOWED_HOSTS", "SECURE_CSP", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY"),
    *("SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"),
    *("SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE"),
    *("SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY"),
    *("CSRF_COOKIE_SAMESITE", "SESSION_COOKIE_AGE", "SESSION_EXPIRE_AT_BROWSER_CLOSE", "STAFF_REQUIRE_2FA"),
    "STAFF_2FA_EXEMPT_USERNAMES",
]
PASSWORD = "Juist-wachtwoord-2026"


@pytest.fixture(scope="module")
def production_values(tmp_path_factory) -> dict:
    import json

    code = (
        "import json, sys, django; django.setup(); from django.conf import settings;"
        "print(json.dumps({n: getattr(settings, n) for n in sys.argv[1:]}))"
    )
    result = run(["-c", code, *SECURITY_SETTINGS], PRODUCTION_ENV, tmp_path_factory.mktemp("production"))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    if values["SECURE_PROXY_SSL_HEADER"]:
        values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(settings, production_values, tmp_path):
    for name, value in production_values.items():
        setattr(settings, name, value)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings


@pytest.fixture
def https(production) -> Client:
    return Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")


@pytest.fixture
def real(production) -> dict:
    """A value per converter name that leads to real content (so pages answer 200, not only 404)."""
    theme = ThemeFactory(slug="jeugd")
    document = DocumentFactory(slug="raadsbrief", themes=[theme])
    article = ArticleFactory(slug="bericht", themes=[theme], with_image=True)
    article.documents.add(document)
    day = article.publication_date
    return {
        "slug": "bericht",
        "year": str(day.year),
        "month": str(day.month),
        "path": article.image.name,
        "token": "x",
        "_theme": "jeugd",
        "_document": "raadsbrief",
    }


def _paths(real: dict) -> list[str]:
    paths = []
    for route, _converters in public_routes():
        values = dict(real)
        if route.startswith("themas/"):
            values["slug"] = real["_theme"]
        elif route.startswith("documenten/"):
            values["slug"] = real["_document"]
        paths.append(route_path(route, values))
    return paths


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_secure_headers(response, where: str) -> None:
    csp = csp_directives(response.get("Content-Security-Policy", ""))
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts is not None, f"{where}: no CSP for scripts"
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, f"{where}: {scripts}"
    assert csp.get("frame-ancestors") == ["'none'"], where
    assert response.get("X-Content-Type-Options") == "nosniff", where
    assert response.get("Referrer-Policy") in {"same-origin", "no-referrer", "strict-origin-when-cross-origin"}, where
    assert response.get("X-Frame-Options") == "DENY", where


def test_headers_every_public_url_carries_them_under_production_settings(https, real):
    answered = {}
    for path in _paths(real):
        response = https.get(path)
        answered[path] = response.status_code
        assert_secure_headers(response, path)
        if response.status_code == 200 and path != "/healthz":
            assert response.get("Strict-Transport-Security", "").startswith("max-age=31536000"), path

    assert answered["/"] == 200
    assert answered["/nieuws/bericht/"] == 200
    assert answered["/documenten/raadsbrief/"] == 200
    assert answered["/feeds/nieuws/"] == 200


def test_headers_404_and_plain_http_redirect_carry_them_too(production, real):
    plain = Client(HTTP_HOST=HOST)

    redirect = plain.get("/")
    missing = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https").get("/bestaat-niet/")

    assert redirect.status_code == 301
    assert redirect["Location"] == f"https://{HOST}/"
    assert missing.status_code == 404
    assert_secure_headers(missing, "404")


def test_headers_admin_pages_carry_them(https, production):
    user = get_user_model().objects.create_user("redacteur", password=PASSWORD, is_staff=True, is_superuser=True)

    login_page = https.get("/beheer/login/")
    https.force_login(user)
    setup = https.get("/beheer/tweestapsverificatie/instellen/")  # production: the second step comes first
    index = https.get("/beheer/")

    for name, response in {"login": login_page, "setup": setup, "index": index}.items():
        assert_secure_headers(response, name)
    assert setup.status_code == 200
    assert index.status_code == 302


def test_headers_cookies_are_secure_httponly_and_samesite(https, production):
    get_user_model().objects.create_user("redacteur", password=PASSWORD, is_staff=True)

    form = https.get("/beheer/login/")
    login = https.post("/beheer/login/", {"username": "redacteur", "password": PASSWORD})

    assert login.status_code == 302
    for name, response in (("csrftoken", form), ("sessionid", login)):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name
    assert not login.cookies["sessionid"]["max-age"]  # ends with the browser (the server caps it as well)


def test_headers_production_profile_values(production_values):
    assert production_values["DEBUG"] is False
    assert production_values["SECURE_SSL_REDIRECT"] is True
    assert production_values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production_values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert production_values["STAFF_REQUIRE_2FA"] is True
    assert production_values["STAFF_2FA_EXEMPT_USERNAMES"] == []
    assert production_values["SESSION_COOKIE_AGE"] <= 12 * 3600
