"""CSV export of confirmed subscribers and CSV import that demands a consent source per row.

Import rules: a row with a consent source and date is subscribed at once (the evidence is kept in
ImportConsent); a row without one only gets the double opt-in confirmation email (re-permission). An
address that unsubscribed or bounced, even one only kept as a hash, is never re-added by an import: only
the person's own new sign-up can do that. Every row gets a Dutch verdict; no row raises.
"""

import csv
import datetime
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils import timezone

from news.models import Theme
from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, ConsentText, DataAccessLog, ImportConsent, Source, Subscriber
from newsletter.selectors import consent_text_active
from newsletter.services.privacy import data_access_record
from newsletter.services.ratelimit import Verdict
from newsletter.services.subscriptions import subscription_request
from newsletter.tasks import subscription_welcome_send_task

logger = logging.getLogger(__name__)

MAX_IMPORT_ROWS = 5000
EXPORT_COLUMNS = ["email", "themes", "all_themes", "confirmed_at", "paused_until", "consent_version", "source"]
# Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
HEADER_ALIASES = {
    "email": {"email", "e-mail", "e-mailadres", "emailadres", "adres"},
    "themes": {"themes", "themas", "thema's", "thema"},
    "consent_source": {"consent_source", "toestemming_bron", "bron_toestemming", "bron"},
    "consent_date": {"consent_date", "toestemming_datum", "datum_toestemming", "datum"},
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class Outcome:
    ADDED = "toegevoegd"
    REPERMISSION = "toestemming gevraagd"
    SKIPPED = "overgeslagen"


@dataclass(frozen=True)
class ImportRow:
    line: int
    email: str
    outcome: str
    reason: str


@dataclass
class ImportReport:
    rows: list[ImportRow] = field(default_factory=list)
    error: str = ""

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def added(self) -> int:
        return self.count(Outcome.ADDED)

    @property
    def asked(self) -> int:
        return self.count(Outcome.REPERMISSION)

    @property
    def skipped(self) -> int:
        return self.count(Outcome.SKIPPED)


@dataclass
class _Context:
    user: object
    consent_version: int
    themes: dict[str, Theme]
    seen: set[str] = field(default_factory=set)


# --- Export -----------------------------------------------------------------------------------


def _cell(value: object) -> str:
    """Return the value as a CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _local(value: datetime.datetime | None) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def subscribers_export_csv(*, out: TextIO, user) -> int:
    """Write every confirmed subscriber as CSV to out, log the export, and return how many were written."""
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    subscribers = (
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .prefetch_related("themes")
        .order_by("pk")
        .iterator(chunk_size=2000)
    )
    count = 0
    for subscriber in subscribers:
        themes = "|".join(sorted(theme.slug for theme in subscriber.themes.all()))
        row = [
            subscriber.email,
            themes,
            "ja" if subscriber.all_themes else "nee",
            _local(subscriber.confirmed_at),
            subscriber.paused_until.isoformat() if subscriber.paused_until else "",
            subscriber.consent_version,
            subscriber.source,
        ]
        writer.writerow([_cell(value) for value in row])
        count += 1
    data_access_record(user=user, action=DataAccessLog.Action.EXPORT, count=count, detail="bevestigde abonnees")
    return count


# --- Import: parsing --------------------------------------------------------------------------


def _clean_text(value: str | None, limit: int = 250) -> str:
    """Return the value on one line without control characters, at most limit characters."""
    return " ".join(CONTROL_CHARS.sub(" ", value or "").split())[:limit]


def _clean_email(value: str | None) -> str | None:
    """Return a valid address from a cell (undoing our own formula escape), or None."""
    raw = (value or "").strip()
    if raw.startswith("'") and raw[1:2] in FORMULA_START:
        raw = raw[1:]
    if not raw or len(raw) > 254 or CONTROL_CHARS.search(raw):
        return None
    try:
        validate_email(raw)
    except ValidationError:
        return None
    return raw


def _parse_date(value: str | None) -> datetime.date | None:
    """Return a consent date that is not in the future, or None."""
    text = _clean_text(value, 40)
    for fmt in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a date, no time zone)
        except ValueError:
            continue
        return day if day <= timezone.localdate() else None
    return None


def _header(row: list[str]) -> dict[str, int]:
    """Map our column names to their positions in the header row (aliases allowed, any case)."""
    positions = {}
    for index, name in enumerate(row):
        clean = _clean_text(name, 60).lower().lstrip("\ufeff")
        for column, aliases in HEADER_ALIASES.items():
            if clean in aliases and column not in positions:
                positions[column] = index
    return positions


def _read_rows(data: bytes) -> tuple[list[list[str]], str]:
    """Return the CSV rows of the upload, or an empty list and a Dutch error."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return (
            [],
            "Het bestand is geen UTF-8-tekst. Sla het in uw spreadsheet op als 'CSV UTF-8' en probeer het opnieuw.",
        )
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return [], "Het bestand is geen geldig CSV-bestand."
    if len(rows) > MAX_IMPORT_ROWS + 1:
        return [], f"Het bestand heeft meer dan {MAX_IMPORT_ROWS} regels. Splits het in kleinere bestanden."
    return rows, ""


def _themes(value: str | None, known: dict[str, Theme]) -> tuple[list[Theme], list[str]]:
    """Return the themes named in a cell (slug or name, separated by | ; or ,) and the unknown names."""
    names = [_clean_text(name, 120) for name in re.split(r"[|;,]", value or "")]
    names = [name for name in names if name]
    themes = {known[n.lower()] for n in names if n.lower() in known}
    return sorted(themes, key=lambda t: t.pk), [n for n in names if n.lower() not in known]


# --- Import: one row --------------------------------------------------------------------------


def _existing_reason(email: str, key: str) -> str:
    """Return why an existing subscriber blocks the import of this address, or an empty string."""
    existing = Subscriber.objects.filter(email_hash=key).only("status", "unsubscribed_at").first()
    if existing is None:
        return ""
    if existing.status == Subscriber.Status.CONFIRMED:
        return "dit adres is al aangemeld"
    if existing.status == Subscriber.Status.BOUNCED:
        return "dit adres is onbestelbaar"
    return "dit adres heeft zich afgemeld; alleen een nieuwe aanmelding door de persoon zelf zet het terug"


def _subscribe(*, email: str, key: str, themes: list[Theme], source: str, day: datetime.date, ctx: _Context) -> None:
    """Create a confirmed subscriber with the row's consent evidence; welcome mail after commit."""
    with transaction.atomic():
        subscriber = Subscriber.objects.create(
            email=email,
            email_hash=key,
            status=Subscriber.Status.CONFIRMED,
            all_themes=not themes,
            consent_version=ctx.consent_version,
            source=Source.IMPORT,
            confirmed_at=timezone.now(),
        )
        subscriber.themes.set(themes)
        ImportConsent.objects.create(
            subscriber=subscriber,
            consent_source=source,
            consent_date=day,
            imported_by=ctx.user if getattr(ctx.user, "is_authenticated", False) else None,
        )
        # No consent text version: this consent was given elsewhere, on the source's own terms.
        ConsentEvent.objects.create(
            subscriber=subscriber,
            action=ConsentEvent.Action.SUBSCRIBE,
            consent_version=None,
            source=Source.IMPORT,
            themes=[t.slug for t in themes],
            all_themes=not themes,
        )
        subscription_welcome_send_task.delay_on_commit(subscriber.pk)


def _repermission(*, email: str, themes: list[Theme]) -> tuple[str, str]:
    """Send the double opt-in email; return the outcome and reason."""
    # The per-IP limit guards the public form against anonymous floods; an import is one signed-in
    # editor, so each address gets its own bucket and only the per-address limits apply.
    verdict = subscription_request(email=email, theme_slugs=[t.slug for t in themes], client_ip=f"import:{email}")
    if verdict is Verdict.ALLOWED:
        return Outcome.REPERMISSION, "bevestigingsmail verstuurd; het adres komt pas op de lijst na bevestiging"
    return Outcome.SKIPPED, "dit adres kreeg onlangs al een bevestigingsmail; probeer het later opnieuw"


def _import_row(*, cells: dict[str, str], ctx: _Context) -> tuple[str, str]:
    """Return (outcome, reason) for one row; writes at most one subscriber."""
    email = _clean_email(cells.get("email"))
    if email is None:
        return Outcome.SKIPPED, "geen geldig e-mailadres"
    key = email_hash(email)
    if key in ctx.seen:
        return Outcome.SKIPPED, "dit adres staat al eerder in het bestand"
    ctx.seen.add(key)
    themes, unknown = _themes(cells.get("themes"), ctx.themes)
    if unknown:
        return Outcome.SKIPPED, "onbekend thema: " + ", ".join(unknown)
    reason = _existing_reason(email, key)
    if reason:
        return Outcome.SKIPPED, reason
    source = _clean_text(cells.get("consent_source"))
    if not source:
        return _repermission(email=email, themes=themes)
    day = _parse_date(cells.get("consent_date"))
    if day is None:
        return Outcome.SKIPPED, "datum van de toestemming ontbreekt, is ongeldig of ligt in de toekomst (JJJJ-MM-DD)"
    _subscribe(email=email, key=key, themes=themes, source=source, day=day, ctx=ctx)
    return Outcome.ADDED, "toestemming: " + source


def _theme_lookup() -> dict[str, Theme]:
    known = {}
    for theme in Theme.objects.filter(is_active=True):
        known[theme.name.lower()] = theme
        known[theme.slug.lower()] = theme
    return known


def _rows_import(rows: Iterable[list[str]], positions: dict[str, int], ctx: _Context) -> list[ImportRow]:
    results = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {column: row[index] for column, index in positions.items() if index < len(row)}
        shown = _clean_text(cells.get("email"), 254)
        try:
            outcome, reason = _import_row(cells=cells, ctx=ctx)
        except DatabaseError:
            logger.exception("CSV import: line %d could not be stored", line)
            outcome, reason = Outcome.SKIPPED, "kon niet worden opgeslagen; probeer deze regel opnieuw"
        results.append(ImportRow(line=line, email=shown, outcome=outcome, reason=reason))
    return results


def subscribers_import_csv(*, data: bytes, user) -> ImportReport:
    """Import subscribers from CSV bytes (email, themes, consent_source, consent_date); never raises on content."""
    rows, error = _read_rows(data)
    if error:
        return ImportReport(error=error)
    positions = _header(rows[0]) if rows else {}
    if "email" not in positions:
        return ImportReport(
            error="De eerste regel moet de kolomnamen bevatten: email, themes, consent_source, consent_date."
        )
    try:
        consent = consent_text_active()
    except ConsentText.DoesNotExist:
        return ImportReport(error="Er is nog geen toestemmingstekst. Maak eerst een toestemmingstekst aan.")
    ctx = _Context(user=user, consent_version=consent.version, themes=_theme_lookup())
    report = ImportReport(rows=_rows_import(rows[1:], positions, ctx))
    detail = f"{report.added} toegevoegd, {report.asked} toestemming gevraagd, {report.skipped} overgeslagen"
    data_access_record(user=user, action=DataAccessLog.Action.IMPORT, count=len(report.rows), detail=detail)
    return report
