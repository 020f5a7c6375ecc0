"""Settings for portal: one file, read from the environment.

With no environment at all this is the embedded profile (SQLite, filesystem broker, mail captured
in var/mail, DEBUG on). DJANGO_ENV=production refuses to start without the variables production
needs. The profiles differ only in values.
"""

import datetime
import importlib.util
import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("PORTAL_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'.")


def _require(name: str, hint: str) -> str:
    """Return the variable or refuse to start with a message that names it."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production ({hint}).")
    return value


def _dev_secret_key() -> str:
    """Return a random key kept in var/, so the embedded profile needs no made-up fallback."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


# --- Core -------------------------------------------------------------------------------------
if PRODUCTION:
    SECRET_KEY = _require("DJANGO_SECRET_KEY", "a long random string")
    ALLOWED_HOSTS = [h.strip() for h in _require("DJANGO_ALLOWED_HOSTS", "e.g. nieuws.gemeente.nl").split(",")]
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or _dev_secret_key()
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

# Earlier keys, newest first: what was signed or encrypted with them (sessions, email links) stays valid.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])

DEBUG = env.bool("DJANGO_DEBUG", default=not PRODUCTION)
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")
MUNICIPALITY_NAME = env.str("MUNICIPALITY_NAME", default="Gemeente Voorbeeldstad")
SITE_NAME = env.str("SITE_NAME", default="Nieuws voor zorgprofessionals")
# The monthly digest's name in its subject ("Nieuwsbrief zorgprofessionals - maart 2027"); empty: made from SITE_NAME.
DIGEST_NAME = env.str("DIGEST_NAME", default="")
# Sending the digest (newsletter.services.digest.delivery): messages per second over all workers together
# (0 = unlimited), recipients per task, attempts before a temporarily refused mail counts as failed, the first
# retry's delay (doubling per attempt, at most an hour), and when the sweeper takes back a claimed row (must
# exceed a batch's longest run: the task time limit, 300 s) or re-queues a row whose task went missing.
DIGEST_RATE_PER_SECOND = env.int("DIGEST_RATE_PER_SECOND", default=0)
DIGEST_BATCH_SIZE = env.int("DIGEST_BATCH_SIZE", default=250)
DIGEST_MAX_ATTEMPTS = env.int("DIGEST_MAX_ATTEMPTS", default=6)
DIGEST_RETRY_SECONDS = env.int("DIGEST_RETRY_SECONDS", default=60)
DIGEST_CLAIM_TIMEOUT_SECONDS = env.int("DIGEST_CLAIM_TIMEOUT_SECONDS", default=330)
DIGEST_REQUEUE_SECONDS = env.int("DIGEST_REQUEUE_SECONDS", default=600)
# Behind a reverse proxy every request comes from the proxy: name the header it sets with the client's
# address (as a META key, e.g. HTTP_X_REAL_IP) so that limits per IP (admin login, newsletter sign-up)
# count real clients. NEWSLETTER_CLIENT_IP_HEADER is the older name and still works for both.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="") or env.str("NEWSLETTER_CLIENT_IP_HEADER", default="")
NEWSLETTER_CLIENT_IP_HEADER = env.str("NEWSLETTER_CLIENT_IP_HEADER", default="") or CLIENT_IP_HEADER

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_prose_editor",
    "reversion",
    "anymail",
    "portal.security.apps.AxesConfig",
    "django_otp",
    "portal.security.apps.OTPTOTPConfig",
    "portal.security.apps.OTPStaticConfig",
    "portal",
    "news",
    "newsletter",
]
if not PRODUCTION:
    INSTALLED_APPS.append("demo")  # sample content and load_sample_content: not part of the product

MIDDLEWARE = [
    "portal.middleware.HealthzMiddleware",
    # Anonymous cache hits are answered here, before the rest of the stack (news.caching).
    "portal.middleware.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # After auth and messages, and after the header middleware so that their redirects get the headers too:
    # an expired staff session is logged out first, then the second login step is asked for.
    "portal.security.sessions.StaffSessionTimeoutMiddleware",
    "portal.security.two_factor.StaffTwoFactorMiddleware",
    # Last, as django-axes asks: turns a lockout during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "news.context_processors.chrome",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
if PRODUCTION:
    DATABASES = {"default": env.db_url_config(_require("DATABASE_URL", "postgres://user:pass@host:5432/db"))}
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL when DJANGO_ENV=production.")
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The test database is a file (one per test process, so parallel runs don't collide), so that a
    # real worker process started by the tests sees the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}
    # The demo runs web, worker and beat against one file: WAL and a busy timeout avoid "locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Django's RedisCache with one client object per pool, made once (portal.cache), not one per call.
    CACHES = {"default": {"BACKEND": "portal.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="portal")

# --- Celery -----------------------------------------------------------------------------------
if PRODUCTION:
    CELERY_BROKER_URL = _require("CELERY_BROKER_URL", "redis://host:6379/0")
    if not CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        raise ImproperlyConfigured("CELERY_BROKER_URL must be a redis:// URL when DJANGO_ENV=production.")
else:
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")

BROKER_DIR = Path(env.str("CELERY_BROKER_DIR", default=str(VAR_DIR / "broker")))
if CELERY_BROKER_URL.startswith("filesystem://"):
    for sub in ("queue", "processed", "control"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    # Redis: a task not acknowledged within an hour is delivered again (acks_late).
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}

# --- Mail: one EMAIL_URL mapped onto Django 6.1's MAILERS -------------------------------------


def _anymail_provider(esp: str) -> str:
    """Return the django-anymail module name of an email provider ('postmark', 'mailgun', 'brevo', ...)."""
    module = esp.replace("-", "_").lower()
    if not module.isidentifier() or importlib.util.find_spec(f"anymail.backends.{module}") is None:
        raise ImproperlyConfigured(f"EMAIL_URL names an unknown email provider {esp!r}: see django-anymail's list.")
    return module


def mailer_from_url(url: str) -> dict:
    """Translate EMAIL_URL (smtp://, smtp+tls://, smtp+ssl://, anymail://PROVIDER, file://, console://, locmem://)."""
    parts = urlsplit(url)
    scheme = parts.scheme
    if scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
        options = {
            "host": parts.hostname or "localhost",
            "port": parts.port or {"smtp": 25, "smtp+tls": 587, "smtp+ssl": 465}[scheme],
            "use_tls": scheme == "smtp+tls",
            "use_ssl": scheme == "smtp+ssl",
            "timeout": 30,
        }
        if parts.username:
            options["username"] = unquote(parts.username)
            options["password"] = unquote(parts.password or "")
        return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    if scheme == "anymail":
        # The provider's keys come from the ANYMAIL_* variables (below), never from the URL. The wrapper hands
        # finished MIME messages (the digest) to the provider's anymail backend as fields.
        return {
            "BACKEND": "newsletter.provider.EmailBackend",
            "OPTIONS": {"provider": _anymail_provider(parts.hostname or "")},
        }
    if scheme == "file":
        return {"BACKEND": "portal.mail.EmlFileBackend", "OPTIONS": {"file_path": unquote(parts.path)}}
    if scheme == "console":
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    raise ImproperlyConfigured(
        f"EMAIL_URL has an unknown scheme {scheme!r}: use smtp, smtp+tls, smtp+ssl, anymail, file or console."
    )


EMAIL_URL = env.str("EMAIL_URL", default=f"file://{VAR_DIR / 'mail'}")
MAILERS = {"default": mailer_from_url(EMAIL_URL)}
# Any other mail backend by its dotted path (e.g. a django-anymail backend with its own options): overrides EMAIL_URL.
if env.str("EMAIL_BACKEND", default=""):
    MAILERS["default"] = {"BACKEND": env.str("EMAIL_BACKEND")}
# Who got which edition (one delivery row per subscriber) is kept this long after the send finished; then only
# the counts per status remain (README, privacy section).
DELIVERY_RETENTION_DAYS = env.int("DELIVERY_RETENTION_DAYS", default=90)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"{MUNICIPALITY_NAME} <nieuwsbrief@example.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# django-anymail: every ANYMAIL_<NAME> variable becomes ANYMAIL["<NAME>"] (ANYMAIL_POSTMARK_SERVER_TOKEN,
# ANYMAIL_MAILGUN_API_KEY, ANYMAIL_BREVO_API_KEY, ...). WEBHOOK_SECRET ("user:password") guards the provider's
# bounce and complaint webhooks under /nieuwsbrief/anymail/ with HTTP basic auth; without it they are not mounted.
ANYMAIL = {name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_")}
WEBHOOK_SECRET = env.str("WEBHOOK_SECRET", default="")
if WEBHOOK_SECRET:
    ANYMAIL["WEBHOOK_SECRET"] = WEBHOOK_SECRET
EMAIL_PROVIDER_USED = MAILERS["default"]["BACKEND"].startswith(("anymail.", "newsletter.provider."))
if PRODUCTION and EMAIL_PROVIDER_USED and not WEBHOOK_SECRET:
    raise ImproperlyConfigured(
        "WEBHOOK_SECRET must be set when the mail goes through an email provider (user:password for its "
        "bounce webhooks), or bounces are never suppressed."
    )

# --- Security ---------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
# No script of ours or of the admin reads either cookie. Lax: a link from an e-mail into the admin still
# arrives logged in, a form posted from another site does not.
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.bool("DJANGO_BEHIND_PROXY", default=PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The hash admits exactly one inline <style>: Tiptap's base CSS, which the admin's prose editor injects
    # (django-prose-editor offers no way to turn that off). A Tiptap upgrade changes it: tests/e2e/test_editor_flow.py
    # then fails and prints the new hash.
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Admin login throttling (django-axes) -------------------------------------------------------
# Failed logins are counted per username and per client IP (either one locks). The database handler
# keeps the counts in PostgreSQL: shared by every web process and machine, kept across restarts, and
# listed in the admin ("Toegangspogingen"), where deleting a row unlocks. The same page answers for
# existing and unknown usernames. Unlock from the shell: manage.py axes_reset_username NAME.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip.client_ip"

# --- Staff sessions ---------------------------------------------------------------------------------
# A session (only staff have one) ends after STAFF_SESSION_IDLE_MINUTES without a request, and after
# STAFF_SESSION_MAX_HOURS whatever happens (portal.security.sessions); the cookie lives no longer than that
# and goes when the browser closes.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_MINUTES", default=30) * 60
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_HOURS", default=10) * 3600
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Two-factor login for staff (django-otp) -----------------------------------------------------
# On in production: after the password, staff enter a code from an authenticator app (TOTP) or a
# single-use recovery code; without an app the set-up page comes first. Off in the embedded profile.
# Exempt usernames (the demo's editor account) count only outside production.
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=PRODUCTION)
STAFF_2FA_EXEMPT_USERNAMES = [] if PRODUCTION else env.list("STAFF_2FA_EXEMPT_USERNAMES", default=["redactie"])
OTP_TOTP_ISSUER = f"{MUNICIPALITY_NAME} {SITE_NAME}".replace(":", "")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows a device's secret key or its QR code

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
if not PRODUCTION:
    # WhiteNoise warns at every start while the folder is missing; production fills it by collectstatic.
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
# The prose editor's toolbar speaks English (hard-coded upstream): this module, loaded with the editor's
# extensions, gives it Dutch names from locale/nl/LC_MESSAGES/djangojs.po. "Menu" is always enabled, so the
# module always loads; it adds no markup, so the sanitiser's allow-list stays as it is.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {"js": [f"{STATIC_URL}news/admin/prose_editor_nl.js"], "extensions": {"Menu": lambda config, shared: None}},
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Logging: one line per event with level and logger ----------------------------------------
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"()": "portal.log.OneLineFormatter", "format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # axes.apps announces itself at every start of every command.
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes.apps": {"level": "WARNING"}},
}
