"""CSV export of confirmed subscribers and the import that demands a consent source per row."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, ConsentText, DataAccessLog, ImportConsent, Source, Subscriber
from newsletter.services.csv_io import Outcome, subscribers_export_csv, subscribers_import_csv
from newsletter.services.privacy import subscribers_apply_retention
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

HEADER = "email,themes,consent_source,consent_date\n"


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def themes():
    return [ThemeFactory(name="Jeugd", slug="jeugd"), ThemeFactory(name="Wonen en zorg", slug="wonen-en-zorg")]


def do_import(text, user=None, encoding="utf-8"):
    return subscribers_import_csv(data=text.encode(encoding), user=user)


def enqueued(callbacks, task_name):
    return [c.args for c in callbacks if getattr(c.func, "__self__", None) and c.func.__self__.name == task_name]


# --- Export -----------------------------------------------------------------------------------


def test_subscribers_export_csv_writes_only_confirmed(themes, admin_user):
    SubscriberFactory(email="a@example.org", themes=themes)
    SubscriberFactory(email="b@example.org")
    SubscriberFactory(email="weg@example.org", unsubscribed=True, unsubscribed_at=timezone.now() - timedelta(days=1))
    out = io.StringIO()

    assert subscribers_export_csv(out=out, user=admin_user) == 2

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sorted(r["email"] for r in rows) == ["a@example.org", "b@example.org"]
    by_email = {r["email"]: r for r in rows}
    assert by_email["a@example.org"]["themes"] == "jeugd|wonen-en-zorg"
    assert by_email["b@example.org"]["all_themes"] == "ja"


def test_subscribers_export_csv_is_logged_without_addresses(admin_user):
    SubscriberFactory(email="a@example.org")

    subscribers_export_csv(out=io.StringIO(), user=admin_user)

    log = DataAccessLog.objects.get()
    assert (log.user, log.action, log.count) == (admin_user, DataAccessLog.Action.EXPORT, 1)
    assert "@" not in log.detail


def test_subscribers_export_csv_defuses_formulas(admin_user):
    SubscriberFactory(email="=cmd@example.org")
    out = io.StringIO()

    subscribers_export_csv(out=out, user=admin_user)

    assert "'=cmd@example.org" in out.getvalue()


def test_subscribers_export_csv_round_trips_through_import(admin_user):
    SubscriberFactory(email="=cmd@example.org")
    out = io.StringIO()
    subscribers_export_csv(out=out, user=admin_user)

    report = do_import(out.getvalue(), admin_user)

    assert [(r.email, r.outcome, r.reason) for r in report.rows] == [
        ("'=cmd@example.org", Outcome.SKIPPED, "dit adres is al aangemeld")
    ]


# --- Import: the per-row verdicts ---------------------------------------------------------------


def test_subscribers_import_csv_adds_row_with_consent_source(themes, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        report = do_import(
            HEADER + "nieuw@example.org,jeugd|Wonen en zorg,bijeenkomst 12 maart,2026-03-12\n", admin_user
        )

    assert [(r.line, r.outcome) for r in report.rows] == [(2, Outcome.ADDED)]
    subscriber = Subscriber.objects.get(email_hash=email_hash("nieuw@example.org"))
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.source == Source.IMPORT
    assert set(subscriber.themes.values_list("slug", flat=True)) == {"jeugd", "wonen-en-zorg"}
    evidence = ImportConsent.objects.get(subscriber=subscriber)
    assert (evidence.consent_source, str(evidence.consent_date), evidence.imported_by) == (
        "bijeenkomst 12 maart",
        "2026-03-12",
        admin_user,
    )
    event = ConsentEvent.objects.get(subscriber=subscriber)
    assert (event.action, event.source) == (ConsentEvent.Action.SUBSCRIBE, Source.IMPORT)
    assert enqueued(callbacks, "newsletter.tasks.subscription_welcome_send_task") == [(subscriber.pk,)]


def test_subscribers_import_csv_without_consent_source_sends_repermission(themes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        report = do_import(HEADER + "vraag@example.org,jeugd,,\n")

    assert [r.outcome for r in report.rows] == [Outcome.REPERMISSION]
    assert not Subscriber.objects.exists()
    sent = enqueued(callbacks, "newsletter.tasks.subscription_request_email_send_task")
    assert [(email, slugs) for email, slugs, _version in sent] == [("vraag@example.org", ["jeugd"])]


def test_subscribers_import_csv_repermission_respects_address_limit(django_capture_on_commit_callbacks):
    do_import(HEADER + "vraag@example.org,,,\n")

    with django_capture_on_commit_callbacks() as callbacks:
        report = do_import(HEADER + "vraag@example.org,,,\n")

    assert [r.outcome for r in report.rows] == [Outcome.SKIPPED]
    assert "onlangs al een bevestigingsmail" in report.rows[0].reason
    assert callbacks == []


def test_subscribers_import_csv_repermission_is_not_capped_by_the_ip_limit(django_capture_on_commit_callbacks):
    rows = "".join(f"persoon{i}@example.org,,,\n" for i in range(15))

    with django_capture_on_commit_callbacks() as callbacks:
        report = do_import(HEADER + rows)

    assert report.count(Outcome.REPERMISSION) == 15
    assert len(callbacks) == 15


def test_subscribers_import_csv_never_readds_a_hashed_suppressed_address(django_capture_on_commit_callbacks):
    SubscriberFactory(email="weg@example.org", unsubscribed=True, unsubscribed_at=timezone.now() - timedelta(days=40))
    subscribers_apply_retention()

    with django_capture_on_commit_callbacks() as callbacks:
        report = do_import(HEADER + "WEG@example.org,,lijst 2019,2019-01-01\nweg@example.org,,,\n")

    assert [r.outcome for r in report.rows] == [Outcome.SKIPPED, Outcome.SKIPPED]
    assert "afgemeld" in report.rows[0].reason
    suppressed = Subscriber.objects.get()
    assert (suppressed.email, suppressed.status) == (None, Subscriber.Status.UNSUBSCRIBED)
    assert callbacks == []


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("geen-adres,,x,2026-01-01", "geen geldig e-mailadres"),
        ('"a@example.org\r\nBcc: b@example.org",,x,2026-01-01', "geen geldig e-mailadres"),
        ('"a@example.org\x00",,x,2026-01-01', "geen geldig e-mailadres"),
        ("ok@example.org,bestaat-niet,x,2026-01-01", "onbekend thema: bestaat-niet"),
        ("ok@example.org,,x,morgen", "datum van de toestemming ontbreekt"),
        ("ok@example.org,,x,2999-01-01", "ligt in de toekomst"),
        ("ok@example.org,,x,", "datum van de toestemming ontbreekt"),
    ],
)
def test_subscribers_import_csv_skips_bad_rows_with_reason(row, reason):
    report = do_import(HEADER + row + "\n")

    assert [r.outcome for r in report.rows] == [Outcome.SKIPPED]
    assert reason in report.rows[0].reason
    assert not Subscriber.objects.exists()


def test_subscribers_import_csv_skips_existing_and_duplicates():
    SubscriberFactory(email="al@example.org")
    SubscriberFactory(email="stuit@example.org", bounced=True)

    report = do_import(
        HEADER + "al@example.org,,x,2026-01-01\nstuit@example.org,,x,2026-01-01\n"
        "twee@example.org,,x,2026-01-01\nTWEE@example.org,,x,2026-01-01\n"
    )

    assert [(r.line, r.outcome, r.reason) for r in report.rows] == [
        (2, Outcome.SKIPPED, "dit adres is al aangemeld"),
        (3, Outcome.SKIPPED, "dit adres is onbestelbaar"),
        (4, Outcome.ADDED, "toestemming: x"),
        (5, Outcome.SKIPPED, "dit adres staat al eerder in het bestand"),
    ]


def test_subscribers_import_csv_reads_dutch_excel_semicolons_and_bom():
    text = "\ufeffE-mailadres;Thema's;Bron;Datum\r\nexcel@example.org;;formulier;05-01-2026\r\n"

    report = do_import(text)

    assert [r.outcome for r in report.rows] == [Outcome.ADDED]
    assert str(ImportConsent.objects.get().consent_date) == "2026-01-05"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"naam,adres2\nx,y\n", "De eerste regel moet de kolomnamen bevatten"),
        (b"", "De eerste regel moet de kolomnamen bevatten"),
        ("email\nj\xf6rg@example.org\n".encode("latin-1"), "geen UTF-8-tekst"),
        ((HEADER + "a@example.org,,,\n" * 5001).encode(), "meer dan 5000 regels"),
    ],
)
def test_subscribers_import_csv_refuses_unreadable_files_in_dutch(data, error):
    report = subscribers_import_csv(data=data, user=None)

    assert error in report.error
    assert report.rows == []
    assert not Subscriber.objects.exists()


def test_subscribers_import_csv_without_any_consent_text_refuses_in_dutch():
    ConsentText.objects.all().delete()

    report = do_import(HEADER + "a@example.org,,x,2026-01-01\n")

    assert "geen toestemmingstekst" in report.error
    assert not Subscriber.objects.exists()


def test_subscribers_import_csv_is_logged_without_addresses(admin_user):
    do_import(HEADER + "a@example.org,,x,2026-01-01\nb@example.org,,,\n", admin_user)

    log = DataAccessLog.objects.get(action=DataAccessLog.Action.IMPORT)
    assert (log.user, log.count) == (admin_user, 2)
    assert log.detail == "1 toegevoegd, 1 toestemming gevraagd, 0 overgeslagen"


# --- Fuzz: random files never make the service raise -----------------------------------------------

cells = st.one_of(
    st.text(max_size=40),
    st.emails().map(str),
    st.sampled_from(["jeugd", "Jeugd|wonen-en-zorg", "2026-01-01", "31-12-2025", "=1+1", "'=x@example.org", ""]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=6), max_size=8), header=st.booleans())
def test_subscribers_import_csv_fuzz_never_raises(themes, rows, header):
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(["email", "themes", "consent_source", "consent_date"])
    writer.writerows(rows)

    report = subscribers_import_csv(data=out.getvalue().encode("utf-8", "surrogatepass"), user=None)

    assert report.error or all(r.outcome in {Outcome.ADDED, Outcome.REPERMISSION, Outcome.SKIPPED} for r in report.rows)
    for subscriber in Subscriber.objects.filter(source=Source.IMPORT):
        assert subscriber.import_consents.exists()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_subscribers_import_csv_fuzz_bytes_never_raise(themes, data):
    report = subscribers_import_csv(data=b"email,themes,consent_source,consent_date\n" + data, user=None)

    assert isinstance(report.error, str)
