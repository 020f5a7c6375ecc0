"""The Eindredacteur's newsletter admin: who may see it, what is logged, and what it refuses to do."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, ConsentText, DataAccessLog, Source, Subscriber
from tests.factories import ThemeFactory
from tests.factories.newsletter import ConsentEventFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

NEWSLETTER_URLS = [
    ("admin:newsletter_subscriber_changelist", {}),
    ("admin:newsletter_subscriber_export", {}),
    ("admin:newsletter_subscriber_import", {}),
    ("admin:newsletter_subscriber_themes", {}),
    ("admin:newsletter_consentevent_changelist", {}),
    ("admin:newsletter_consenttext_changelist", {}),
    ("admin:newsletter_dataaccesslog_changelist", {}),
]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # admin_client's user gets a password; the production hasher would make each test a second slower.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def staff(group_name):
    user = User.objects.create_user(username=group_name.lower(), password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def chief(client):
    user = staff("Eindredacteur")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor(client):
    client.force_login(staff("Redacteur"))
    return client


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()


# --- Permissions per role ---------------------------------------------------------------------


def test_eindredacteur_group_has_every_newsletter_permission_after_migrate():
    expected = set(Permission.objects.filter(content_type__app_label="newsletter").values_list("codename", flat=True))
    granted = set(Group.objects.get(name="Eindredacteur").permissions.values_list("codename", flat=True))

    assert {"view_dataaccesslog", "view_importconsent", "add_subscriber", "delete_subscriber"} <= expected
    assert expected <= granted


@pytest.mark.parametrize(("name", "kwargs"), NEWSLETTER_URLS)
def test_newsletter_admin_open_to_eindredacteur(chief, name, kwargs):
    assert chief.get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), NEWSLETTER_URLS)
def test_newsletter_admin_open_to_superuser(admin_client, name, kwargs):
    assert admin_client.get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), NEWSLETTER_URLS)
def test_newsletter_admin_forbidden_to_redacteur(editor, name, kwargs):
    assert editor.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_newsletter_admin_forbidden_to_redacteur_for_a_subscriber_and_import_post(editor):
    subscriber = SubscriberFactory()

    assert editor.get(reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])).status_code == 403
    upload = SimpleUploadedFile("a.csv", b"email,consent_source,consent_date\nx@example.org,lijst,2026-01-01\n")
    assert editor.post(reverse("admin:newsletter_subscriber_import"), {"file": upload}).status_code == 403
    assert not Subscriber.objects.filter(email="x@example.org").exists()


def test_admin_index_hides_newsletter_from_redacteur(editor):
    response = editor.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "/beheer/newsletter/" not in response.text
    assert editor.get(reverse("admin:app_list", kwargs={"app_label": "newsletter"})).status_code == 404


def test_admin_index_shows_newsletter_to_eindredacteur(chief):
    assert "/beheer/newsletter/subscriber/" in chief.get(reverse("admin:index")).text
    assert chief.get(reverse("admin:app_list", kwargs={"app_label": "newsletter"})).status_code == 200


def test_admin_anonymous_is_sent_to_login(client):
    response = client.get(reverse("admin:newsletter_subscriber_export"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- Subscriber list and detail -----------------------------------------------------------------


def test_subscriber_changelist_shows_status_themes_and_dates(chief):
    SubscriberFactory(email="jeugd@example.org", themes=[ThemeFactory(name="Jeugd")])
    SubscriberFactory(email="alles@example.org")

    text = chief.get(reverse("admin:newsletter_subscriber_changelist")).text

    assert "jeugd@example.org" in text
    assert "Jeugd" in text
    assert "alle thema&#x27;s" in text
    assert "Bevestigd" in text


@pytest.mark.parametrize("choices", [Subscriber.Status, Source, ConsentEvent.Action, DataAccessLog.Action])
def test_choice_labels_start_with_a_capital_as_in_the_rest_of_the_admin(choices):
    assert [str(label) for label in choices.labels if not str(label)[0].isupper()] == []


def test_subscriber_changelist_query_count_does_not_grow_with_rows(chief, django_assert_max_num_queries):
    for _ in range(30):
        SubscriberFactory(themes=[ThemeFactory(), ThemeFactory()])

    with django_assert_max_num_queries(18):
        assert chief.get(reverse("admin:newsletter_subscriber_changelist")).status_code == 200


def test_subscriber_search_by_exact_address_finds_a_hashed_row(chief):
    SubscriberFactory(hashed=True, email_hash=email_hash("Verdwenen@Example.org"))
    SubscriberFactory(email="ander@example.org")

    response = chief.get(reverse("admin:newsletter_subscriber_changelist"), {"q": " verdwenen@example.org "})

    assert response.context["cl"].result_count == 1
    assert "alleen sleutel-hash" in response.text


def test_subscriber_search_by_part_of_address(chief):
    SubscriberFactory(email="marie@gemeente.nl")
    SubscriberFactory(email="jan@example.org")

    response = chief.get(reverse("admin:newsletter_subscriber_changelist"), {"q": "gemeente"})

    assert [s.email for s in response.context["cl"].result_list] == ["marie@gemeente.nl"]


def test_subscriber_changelist_view_is_logged_without_the_search_term(chief):
    SubscriberFactory(email="marie@gemeente.nl")

    chief.get(reverse("admin:newsletter_subscriber_changelist"), {"q": "marie@gemeente.nl"})

    log = DataAccessLog.objects.get()
    assert (log.user, log.action, log.count) == (chief.user, DataAccessLog.Action.LIST, 1)
    assert "marie" not in log.detail
    assert "zoekopdracht" in log.detail


def test_subscriber_detail_view_is_logged(chief):
    subscriber = SubscriberFactory()
    ConsentEventFactory(subscriber=subscriber)

    response = chief.get(reverse("admin:newsletter_subscriber_change", args=[subscriber.pk]))

    assert response.status_code == 200
    assert subscriber.email in response.text
    log = DataAccessLog.objects.get()
    assert (log.action, log.detail) == (DataAccessLog.Action.DETAIL, f"abonnee #{subscriber.pk}")


def test_subscriber_detail_is_read_only_even_for_superuser(admin_client):
    subscriber = SubscriberFactory(email="vast@example.org")
    url = reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])

    response = admin_client.post(url, {"email": "anders@example.org", "status": "afgemeld"})

    assert response.status_code == 403
    subscriber.refresh_from_db()
    assert (subscriber.email, subscriber.status) == ("vast@example.org", Subscriber.Status.CONFIRMED)
    assert admin_client.get(reverse("admin:newsletter_subscriber_add")).status_code == 403


# --- Actions ------------------------------------------------------------------------------------


def test_unsubscribe_action_unsubscribes_with_admin_source(chief):
    subscriber = SubscriberFactory()

    chief.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "unsubscribe_selected", "_selected_action": [subscriber.pk]},
    )

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert ConsentEvent.objects.get(subscriber=subscriber).source == Source.ADMIN


def test_erase_action_asks_first_then_erases(chief):
    subscriber = SubscriberFactory(email="wis@example.org")
    url = reverse("admin:newsletter_subscriber_changelist")
    data = {"action": "erase_selected", "_selected_action": [subscriber.pk]}

    confirm = chief.post(url, data)
    assert confirm.status_code == 200
    assert "Ja, alles verwijderen" in confirm.text
    assert Subscriber.objects.exists()

    chief.post(url, {**data, "post": "yes"})

    assert not Subscriber.objects.exists()
    assert ConsentEvent.objects.get().action == ConsentEvent.Action.ERASE
    assert DataAccessLog.objects.filter(action=DataAccessLog.Action.ERASE, count=1).exists()


# --- Export, import, counts ---------------------------------------------------------------------


def test_admin_export_downloads_confirmed_subscribers_and_logs_it(chief):
    SubscriberFactory(email="ja@example.org")
    SubscriberFactory(email="nee@example.org", unsubscribed=True)

    response = chief.get(reverse("admin:newsletter_subscriber_export"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["email"] for r in rows] == ["ja@example.org"]
    log = DataAccessLog.objects.get()
    assert (log.user, log.action, log.count) == (chief.user, DataAccessLog.Action.EXPORT, 1)


def test_admin_import_shows_a_dutch_report_per_row(chief):
    ThemeFactory(slug="jeugd", name="Jeugd")
    content = (
        b"email,themes,consent_source,consent_date\n"
        b"nieuw@example.org,jeugd,aanmeldlijst,2026-02-01\n"
        b"vraag@example.org,,,\n"
        b"kapot,,,\n"
    )

    response = chief.post(
        reverse("admin:newsletter_subscriber_import"), {"file": SimpleUploadedFile("lijst.csv", content)}
    )

    assert response.status_code == 200
    assert "Toegevoegd: 1. Bevestigingsmail gestuurd: 1. Overgeslagen: 1." in response.text
    assert "geen geldig e-mailadres" in response.text
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["nieuw@example.org"]


def test_admin_import_refuses_a_non_utf8_file_in_dutch(chief):
    content = "email\njörg@example.org\n".encode("latin-1")

    response = chief.post(reverse("admin:newsletter_subscriber_import"), {"file": SimpleUploadedFile("x.csv", content)})

    assert response.status_code == 200
    assert "geen UTF-8-tekst" in response.text
    assert not Subscriber.objects.exists()


def test_admin_import_without_file_says_so(chief):
    response = chief.post(reverse("admin:newsletter_subscriber_import"), {})

    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text


def test_admin_theme_counts_include_all_themes_subscribers(chief):
    jeugd, wonen = ThemeFactory(name="Jeugd"), ThemeFactory(name="Wonen")
    SubscriberFactory(themes=[jeugd])
    SubscriberFactory(themes=[jeugd, wonen])
    SubscriberFactory()
    SubscriberFactory(themes=[wonen], unsubscribed=True)

    response = chief.get(reverse("admin:newsletter_subscriber_themes"))

    rows = {row["theme"].name: (row["chosen"], row["receiving"]) for row in response.context["rows"]}
    assert rows["Jeugd"] == (2, 3)
    assert rows["Wonen"] == (1, 2)
    assert response.context["totals"]["total"] == 3


# --- Ledger and consent texts -------------------------------------------------------------------


def test_consent_event_admin_is_append_only_even_for_superuser(admin_client):
    event = ConsentEventFactory()
    change_url = reverse("admin:newsletter_consentevent_change", args=[event.pk])

    assert admin_client.get(reverse("admin:newsletter_consentevent_add")).status_code == 403
    assert admin_client.post(change_url, {"action": "erase", "source": "admin"}).status_code == 403
    assert (
        admin_client.post(reverse("admin:newsletter_consentevent_delete", args=[event.pk]), {"post": "yes"}).status_code
        == 403
    )
    page = admin_client.get(change_url)
    assert page.status_code == 200
    assert event.subscriber.email not in page.text
    event.refresh_from_db()
    assert event.action == ConsentEvent.Action.SUBSCRIBE


def test_consent_text_in_use_cannot_be_edited(chief):
    text = ConsentText.objects.get(version=1)
    url = reverse("admin:newsletter_consenttext_change", args=[text.pk])

    response = chief.post(url, {"text": "Stiekem gewijzigd", "is_active": "on"})

    assert response.status_code == 403
    text.refresh_from_db()
    assert "Stiekem" not in text.text


def test_consent_text_new_version_replaces_the_active_one(chief):
    add_url = reverse("admin:newsletter_consenttext_add")
    assert "versleutelde code" in chief.get(add_url).text

    response = chief.post(add_url, {"text": "Nieuwe tekst over de nieuwsbrief.", "activate": "on"})
    assert response.status_code == 302

    new = ConsentText.objects.get(is_active=True)
    assert (new.version, new.text) == (2, "Nieuwe tekst over de nieuwsbrief.")
    assert ConsentText.objects.get(version=1).is_active is False


def test_data_access_log_admin_cannot_be_changed(admin_client):
    log = DataAccessLog.objects.create(action=DataAccessLog.Action.EXPORT, count=3)

    assert (
        admin_client.post(reverse("admin:newsletter_dataaccesslog_delete", args=[log.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert DataAccessLog.objects.filter(pk=log.pk).exists()
