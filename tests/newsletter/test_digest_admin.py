"""The edition admin: review, change through the services, preview as a subscriber, test mail, approve; per role."""

import datetime
import email
import email.policy
import json
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletter.models import DataAccessLog, Edition, EditionEvent
from newsletter.services import digest_approve, digest_assemble
from tests.factories import ArticleFactory, SubscriberFactory, ThemeFactory
from tests.news.editors import editor_client, editor_user

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime.date(2027, 3, 1)
AT_ASSEMBLY = datetime.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def themes():
    return ThemeFactory(name="Jeugd", slug="t-jeugd", order=1), ThemeFactory(name="Wmo", slug="t-wmo", order=2)


@pytest.fixture
def edition(themes):
    jeugd, wmo = themes
    ArticleFactory(title="Over jeugd", slug="over-jeugd", publication_date=datetime.date(2027, 3, 4), themes=[jeugd])
    ArticleFactory(title="Over Wmo", slug="over-wmo", publication_date=datetime.date(2027, 3, 5), themes=[wmo])
    return digest_assemble(month=MARCH, now=AT_ASSEMBLY).edition


@pytest.fixture
def chief(client):
    return editor_client(client, "Eindredacteur", email="eindredacteur@gemeente.nl")


@pytest.fixture
def editor(client):
    return editor_client(client, "Redacteur", email="redacteur@gemeente.nl")


def url(name, *args):
    return reverse(f"admin:newsletter_edition_{name}", args=args)


def change_form_data(response) -> dict:
    """The POST data of an admin change form as shown: main fields and every inline, unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value not in (None, False):
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({f"{management.prefix}-{key}": value for key, value in management.initial.items()})
        for item_form in formset.forms:
            for name, field in item_form.fields.items():
                value = item_form.initial.get(name, field.initial)
                if hasattr(value, "pk"):
                    value = value.pk
                if value not in (None, False) and not field.disabled:
                    data[f"{item_form.prefix}-{name}"] = value
    return data


def item_prefix(response, title) -> str:
    formset = next(i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == "items")
    return next(f.prefix for f in formset.forms if f.instance.article and f.instance.article.title == title)


# --- Roles ------------------------------------------------------------------------------------


def test_edition_list_shows_month_status_articles_audience_and_variants(chief, edition, themes):
    SubscriberFactory()
    SubscriberFactory(themes=[themes[0]])
    SubscriberFactory(themes=[themes[1]])
    SubscriberFactory(themes=[ThemeFactory()])

    response = chief.get(reverse("admin:newsletter_edition_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    row = next(r for r in response.context["cl"].result_list if r.pk == edition.pk)
    assert row.article_count == 2
    admin_ = response.context["cl"].model_admin
    assert (admin_.recipients(row), admin_.variants(row)) == (3, 3)
    assert "maart 2027" in html and "Concept" in html
    assert "Editie samenstellen" in html


def test_edition_list_query_budget(chief, edition, django_assert_max_num_queries):
    for month in range(1, 13):
        Edition.objects.create(month=datetime.date(2025, month, 1), status=Edition.Status.CANCELLED)

    with django_assert_max_num_queries(20):
        assert chief.get(reverse("admin:newsletter_edition_changelist")).status_code == 200


def test_redacteur_may_look_but_not_change_approve_or_search_subscribers(editor, edition, themes):
    assert editor.get(reverse("admin:newsletter_edition_changelist")).status_code == 200
    page = editor.get(url("change", edition.pk))
    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert "Goedkeuren en verzenden" not in page.content.decode()
    assert editor.get(url("preview", edition.pk) + f"?themes={themes[0].pk}").status_code == 200
    assert editor.get(url("approve", edition.pk)).status_code == 403
    assert editor.post(url("annuleren", edition.pk)).status_code == 403
    assert editor.post(url("verversen", edition.pk)).status_code == 403
    assert editor.get(url("subscribers") + "?term=abon").status_code == 403
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT


# --- Editing a draft through the form ---------------------------------------------------------


def test_change_form_edits_intro_order_removal_teaser_and_adds_an_article(chief, edition, themes):
    extra = ArticleFactory(title="Uit februari", publication_date=datetime.date(2027, 2, 20), themes=[themes[0]])
    page = chief.get(url("change", edition.pk))
    data = change_form_data(page)
    data["intro"] = "<p>Welkom bij <strong>maart</strong></p><img src=x onerror=alert(1)>"
    jeugd, wmo = item_prefix(page, "Over jeugd"), item_prefix(page, "Over Wmo")
    data[f"{jeugd}-position"] = 99
    data[f"{jeugd}-teaser"] = "Een eigen tekst"
    data[f"{wmo}-is_removed"] = "on"
    data.update({"items-2-TOTAL_FORMS": 1, "items-2-0-article": extra.pk, "items-2-0-position": 5})

    response = chief.post(url("change", edition.pk), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    edition.refresh_from_db()
    assert edition.intro == "<p>Welkom bij <strong>maart</strong></p>"
    items = {item.article.title: item for item in edition.items.select_related("article")}
    assert (items["Over jeugd"].position, items["Over jeugd"].teaser) == (99, "Een eigen tekst")
    assert items["Over Wmo"].is_removed
    assert items["Uit februari"].origin == "toegevoegd" and items["Uit februari"].position == 5
    details = list(edition.events.filter(action=EditionEvent.Action.CHANGED).values_list("detail", "user"))
    assert len(details) == 4 and {user for _detail, user in details} == {chief.user.pk}


def test_change_form_refuses_an_article_that_is_not_on_the_site(chief, edition):
    draft = ArticleFactory(draft=True, title="Nog niet klaar")
    page = chief.get(url("change", edition.pk))
    data = change_form_data(page)
    data.update({"items-2-TOTAL_FORMS": 1, "items-2-0-article": draft.pk, "items-2-0-position": 1})

    response = chief.post(url("change", edition.pk), data)

    assert response.status_code == 200
    assert "staat niet op de site" in response.content.decode()
    assert not edition.items.filter(article=draft).exists()


def test_approved_edition_is_shown_read_only(chief, edition):
    digest_approve(edition=edition, now=AT_ASSEMBLY)

    page = chief.get(url("change", edition.pk))

    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert "wat gemaild wordt, ligt vast" in page.content.decode()


# --- Preview and test mail --------------------------------------------------------------------


def test_preview_as_subscriber_shows_html_text_size_and_logs_the_access(chief, edition, themes):
    subscriber = SubscriberFactory(email="lezer@voorbeeld.nl", themes=[themes[1]])

    response = chief.get(url("preview", edition.pk) + f"?subscriber={subscriber.pk}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Over Wmo" in response.context["text"] and "Over jeugd" not in response.context["text"]
    assert response.context["raw_size"] > response.context["html_size"] > 1000
    assert "lezer@voorbeeld.nl" not in html
    assert f"voorbeeld/html/?subscriber={subscriber.pk}" in html and "sandbox" in html
    log = DataAccessLog.objects.get(action=DataAccessLog.Action.DETAIL)
    assert log.user == chief.user and str(subscriber.pk) in log.detail


def test_preview_html_frame_has_its_own_strict_policy(chief, edition, themes):
    response = chief.get(url("preview_html", edition.pk) + f"?themes={themes[0].pk}")

    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "Over jeugd" in response.content.decode() and "Over Wmo" not in response.content.decode()


def test_preview_eml_is_the_message_as_sent_with_example_links(chief, edition):
    response = chief.get(url("preview_eml", edition.pk))

    message = email.message_from_bytes(response.content, policy=email.policy.default)
    assert response["Content-Type"] == "message/rfc822"
    assert message["Subject"] == "Nieuwsbrief zorgprofessionals \N{EN DASH} maart 2027"
    assert "/nieuwsbrief/afmelden/voorbeeld/" in message["List-Unsubscribe"]


def test_preview_of_a_subscriber_without_articles_says_so(chief, edition):
    nobody = SubscriberFactory(themes=[ThemeFactory()])

    response = chief.get(url("preview", edition.pk) + f"?subscriber={nobody.pk}")

    assert "deze abonnee krijgt geen e-mail" in response.content.decode()


def test_subscriber_search_shows_masked_addresses_only(chief, edition, themes):
    subscriber = SubscriberFactory(email="jeugdverpleegkundige@voorbeeld.nl", themes=[themes[0], themes[1]])
    SubscriberFactory(email="weg@voorbeeld.nl", unsubscribed=True)

    response = chief.get(url("subscribers") + "?term=voorbeeld")

    results = json.loads(response.content)["results"]
    assert results == [{"id": str(subscriber.pk), "text": f"#{subscriber.pk} · je…@voorbeeld.nl · Jeugd, Wmo"}]
    assert json.loads(chief.get(url("subscribers") + "?term=vo").content)["results"] == []


def test_test_mail_goes_to_the_editor_after_commit(chief, edition, themes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = chief.post(url("test_mail", edition.pk) + f"?themes={themes[0].pk}&themes={themes[1].pk}")

    assert response.status_code == 302
    (callback,) = callbacks
    assert callback.func.__self__.name == "newsletter.tasks.digest_test_send_task"
    assert callback.args == (edition.pk, chief.user.pk, None, sorted([themes[0].pk, themes[1].pk]))
    assert edition.events.get(action=EditionEvent.Action.TEST_SENT).detail == "Thema's: Jeugd, Wmo"


def test_test_mail_sends_the_variant_through_the_mailer(edition, themes, mailoutbox):
    from newsletter.services import digest_test_send

    chief = editor_user("Eindredacteur")
    chief.email = "eindredactie@gemeente.nl"
    chief.save()

    assert digest_test_send(edition_id=edition.pk, user_id=chief.pk, theme_ids=[themes[1].pk])

    (sent,) = mailoutbox
    message = sent.message()
    assert sent.to == ["eindredactie@gemeente.nl"] and message["To"] == "eindredactie@gemeente.nl"
    assert "Over Wmo" in message.get_body(("plain",)).get_content()


# --- Workflow buttons -------------------------------------------------------------------------


def test_approve_now_and_later(chief, edition):
    later = timezone.localtime() + datetime.timedelta(days=3)

    response = chief.post(url("approve", edition.pk), {"when": "later", "send_at": later.strftime("%Y-%m-%dT%H:%M")})

    assert response.status_code == 302
    approved = Edition.objects.get(pk=edition.pk)
    assert approved.status == Edition.Status.APPROVED
    assert approved.send_at == later.replace(second=0, microsecond=0)


def test_approve_refuses_a_moment_in_the_past_with_a_message(chief, edition):
    past = timezone.localtime() - datetime.timedelta(days=1)

    response = chief.post(url("approve", edition.pk), {"when": "later", "send_at": past.strftime("%Y-%m-%dT%H:%M")})

    assert response.status_code == 200 and "al voorbij" in response.content.decode()
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT


def test_cancel_reopen_and_refresh_buttons(chief, edition):
    assert "Weet" not in chief.get(url("annuleren", edition.pk)).content.decode()  # a page that explains first
    chief.post(url("annuleren", edition.pk))
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.CANCELLED
    chief.post(url("heropenen", edition.pk))
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT
    ArticleFactory(publication_date=datetime.date(2027, 3, 20), themes=[ThemeFactory()])
    chief.post(url("verversen", edition.pk))
    assert Edition.objects.get(pk=edition.pk).items.count() == 3


def test_assemble_view_creates_the_draft_of_a_month(chief, themes):
    ArticleFactory(publication_date=datetime.date(2027, 5, 3), themes=[themes[0]])

    response = chief.post(url("assemble"), {"month": "2027-05"})

    edition = Edition.objects.get(month=datetime.date(2027, 5, 1))
    assert response.url == url("change", edition.pk)


def test_edition_log_is_append_only_in_the_admin(admin_client, edition):
    changelist = admin_client.get(reverse("admin:newsletter_editionevent_changelist"))

    assert changelist.status_code == 200
    assert admin_client.get(reverse("admin:newsletter_editionevent_add")).status_code == 403
    event = edition.events.first()
    assert admin_client.post(reverse("admin:newsletter_editionevent_delete", args=[event.pk])).status_code == 403
