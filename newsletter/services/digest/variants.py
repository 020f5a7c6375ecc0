"""An approved edition's rendered variants, stored once in PostgreSQL for every worker process and machine.

The first worker process that needs a variant (theme combination) renders it and stores the complete message
with its placeholders (`EditionVariant`); every other process, and any process started later (a restart, a
new machine, a killed worker's successor), reads it. Two processes that need the same variant at the same
moment do not both render it: on PostgreSQL the render runs under a transaction-level advisory lock per
(edition, version, variant), and the second finds the row once it has the lock. SQLite (`make demo`) has no
such lock: two processes may then both render, `INSERT ... ON CONFLICT DO NOTHING` keeps the first row, and
both read that one back, so every process sends the same bytes. Redis plays no part: emptying it loses nothing.

The version is a digest of the approval moment, the frozen content and the release (the digest templates,
the rendering code, the translations, the library versions and the settings that enter the mail): a
re-approved edition or a new release renders again. A new version's first row deletes the edition's rows of
other versions; the rest go with the edition's delivery rows after DELIVERY_RETENTION_DAYS
(`newsletter.services.privacy`). The rows hold no personal data.
"""

import hashlib
from collections.abc import Callable
from functools import cache
from importlib.metadata import version as package_version
from pathlib import Path

import django
from django.conf import settings
from django.db import connection, transaction
from django.template.loader import get_template
from django.utils.translation import get_language

from newsletter.models import Edition, EditionVariant

TEMPLATES = ("emails/digest.subject.txt", "emails/digest.txt", "emails/digest.html")
_HERE = Path(__file__).resolve().parent
# The code that turns an edition into a variant's bytes.
SOURCES = (_HERE / "render.py", _HERE / "markup.py", _HERE.parents[1] / "emails.py")
# Settings that appear in the mail (build_email's context, the From address, the subject's name, dates).
SETTINGS = ("SITE_URL", "SITE_NAME", "MUNICIPALITY_NAME", "DIGEST_NAME", "DEFAULT_FROM_EMAIL", "TIME_ZONE")


@cache
def _code_version(language: str) -> str:
    """The templates, the code, the project's translations and the libraries, as one digest (per process)."""
    digest = hashlib.sha256()
    for source in TEMPLATES:
        digest.update(get_template(source).template.source.encode())
    for path in SOURCES:
        digest.update(path.read_bytes())
    for folder in settings.LOCALE_PATHS:
        catalog = Path(folder) / language / "LC_MESSAGES" / "django.mo"
        digest.update(catalog.read_bytes() if catalog.exists() else b"-")
    digest.update(f"{django.__version__} {package_version('css-inline')}".encode())
    return digest.hexdigest()


def release_version() -> str:
    """A digest of everything of this release that enters a rendered variant besides the edition."""
    values = [_code_version(get_language() or settings.LANGUAGE_CODE)]
    values += [repr(getattr(settings, name, "")) for name in SETTINGS]
    return hashlib.sha256("\0".join(values).encode()).hexdigest()


def variant_version(*, edition: Edition, content) -> str:
    """The version of an approved edition's variants: approval moment, frozen content and release."""
    themes = [(theme.pk, theme.name, theme.order) for theme in content.themes.values()]
    pieces = (
        release_version(),
        edition.approved_at.isoformat() if edition.approved_at else "-",
        edition.slug,
        edition.intro,
        str(edition.include_notices),
        repr(content.items),
        repr(content.notices),
        repr(themes),
    )
    return hashlib.sha256("\0".join(pieces).encode()).hexdigest()[:40]


def _key_text(key: tuple[int, ...]) -> str:
    return ".".join(map(str, key))


def _stored(edition_id: int, version: str, key: str) -> tuple[bytes, str] | None:
    row = (
        EditionVariant.objects.filter(edition_id=edition_id, version=version, key=key)
        .values_list("message", "nonce")
        .first()
    )
    return None if row is None else (bytes(row[0]), row[1])


def _lock(edition_id: int, version: str, key: str) -> None:
    """Hold a transaction-level advisory lock for this variant (PostgreSQL; elsewhere nothing)."""
    if connection.vendor != "postgresql":
        return
    name = f"newsletter.digest.variant:{edition_id}:{version}:{key}".encode()
    lock_id = int.from_bytes(hashlib.sha256(name).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])


def variant_get_or_render(
    *, edition_id: int, version: str, key: tuple[int, ...], render: Callable[[], tuple[bytes, str]]
) -> tuple[bytes, str, bool]:
    """The stored message and placeholder nonce of a variant, rendered by `render()` and stored if absent.

    Returns (message, nonce, rendered here). Every caller gets the stored row's bytes, also when another
    process stored its render first (SQLite), so all processes send the same message.
    """
    text = _key_text(key)
    found = _stored(edition_id, version, text)
    if found is not None:
        return (*found, False)
    with transaction.atomic():
        _lock(edition_id, version, text)
        found = _stored(edition_id, version, text)
        if found is not None:
            return (*found, False)
        message, nonce = render()
        EditionVariant.objects.filter(edition_id=edition_id).exclude(version=version).delete()
        row = EditionVariant(edition_id=edition_id, version=version, key=text, nonce=nonce, message=message)
        EditionVariant.objects.bulk_create([row], ignore_conflicts=True)
        return (*_stored(edition_id, version, text), True)


def edition_variants_delete(*, edition_id: int) -> int:
    """Delete an edition's stored variants; return how many went. Idempotent."""
    deleted, _per_model = EditionVariant.objects.filter(edition_id=edition_id).delete()
    return deleted
