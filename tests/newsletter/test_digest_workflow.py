"""An edition's workflow: approve, cancel, re-open, the send start boundary, the periodic start; who may do what."""

import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from news.models import Article
from newsletter.models import Edition, EditionEvent
from newsletter.services import (
    digest_approve,
    digest_assemble,
    digest_cancel,
    digest_due_start,
    digest_edition_update,
    digest_item_update,
    digest_reopen,
    digest_send_start,
)
from newsletter.services.digest import workflow
from tests.factories import ArticleFactory, ThemeFactory
from tests.news.editors import editor_user

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime.date(2027, 3, 1)
AT_ASSEMBLY = datetime.datetime(2027, 4, 1, 6, 0, tzinfo=AMS)


@pytest.fixture
def edition():
    theme = ThemeFactory(name="Jeugd")
    ArticleFactory(title="Eerste", publication_date=datetime.date(2027, 3, 4), themes=[theme])
    ArticleFactory(title="Tweede", publication_date=datetime.date(2027, 3, 5), themes=[theme])
    return digest_assemble(month=MARCH, now=AT_ASSEMBLY).edition


@pytest.fixture
def deliveries(monkeypatch):
    """Record what the send start hands over to delivery (issue 10 fills those functions in)."""
    calls = []
    monkeypatch.setattr(workflow, "deliveries_create", lambda *, edition: calls.append(("create", edition.pk)))
    monkeypatch.setattr(
        workflow, "deliveries_enqueue", lambda *, edition_id, **_kw: calls.append(("enqueue", edition_id))
    )
    return calls


def actions(edition):
    return list(edition.events.order_by("at", "id").values_list("action", flat=True))


# --- Approve ----------------------------------------------------------------------------------


def test_approve_freezes_items_and_plans_the_send_moment(edition):
    chief = editor_user("Eindredacteur")
    send_at = timezone.now() + datetime.timedelta(days=2)

    approved = digest_approve(edition=edition, user=chief, send_at=send_at)

    assert approved.status == Edition.Status.APPROVED
    assert (approved.approved_by, approved.send_at) == (chief, send_at)
    item = approved.items.get(article__title="Eerste")
    assert item.snapshot_title == "Eerste"
    assert item.snapshot_url.endswith(item.article.get_absolute_url())
    assert item.snapshot_theme_ids == [item.article.themes.get().pk]
    assert item.snapshot_publication_date == datetime.date(2027, 3, 4)
    event = approved.events.get(action=EditionEvent.Action.APPROVED)
    assert event.user == chief and event.detail.startswith("Verzenden op ")


def test_approve_without_a_moment_sends_now(edition):
    before = timezone.now()

    approved = digest_approve(edition=edition)

    assert before <= approved.send_at <= timezone.now()


def test_approve_refuses_an_article_that_is_no_longer_visible(edition):
    Article.objects.filter(title="Tweede").update(status=Article.Status.DRAFT)

    with pytest.raises(ValidationError, match="'Tweede'"):
        digest_approve(edition=edition)

    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT


def test_approve_refuses_an_edition_with_every_article_removed(edition):
    for item in edition.items.all():
        digest_item_update(item=item, is_removed=True)

    with pytest.raises(ValidationError, match="geen artikel"):
        digest_approve(edition=edition)


def test_approve_refuses_a_moment_in_the_past(edition):
    with pytest.raises(ValidationError, match="al voorbij"):
        digest_approve(edition=edition, send_at=timezone.now() - datetime.timedelta(hours=1))


def test_approve_twice_is_refused(edition):
    digest_approve(edition=edition)

    with pytest.raises(ValidationError, match="Alleen een concept"):
        digest_approve(edition=edition)


# --- Cancel and re-open -----------------------------------------------------------------------


def test_reopen_makes_an_approved_edition_editable_again(edition):
    approved = digest_approve(edition=edition, send_at=timezone.now() + datetime.timedelta(days=1))

    reopened = digest_reopen(edition=approved)
    digest_edition_update(edition=reopened, intro="<p>Nog even aangepast</p>")

    reopened.refresh_from_db()
    assert (reopened.status, reopened.send_at, reopened.approved_at) == (Edition.Status.DRAFT, None, None)
    assert actions(reopened) == ["samengesteld", "goedgekeurd", "heropend", "gewijzigd"]


def test_cancel_and_reopen_until_sending_starts(edition, deliveries):
    cancelled = digest_cancel(edition=edition)
    assert cancelled.status == Edition.Status.CANCELLED
    assert digest_assemble(month=MARCH, now=AT_ASSEMBLY).message.endswith("is geannuleerd. Er is niets veranderd.")

    draft = digest_reopen(edition=cancelled)
    started = digest_approve(edition=draft)
    assert digest_send_start(edition_id=started.pk)

    with pytest.raises(ValidationError):
        digest_cancel(edition=started)
    with pytest.raises(ValidationError):
        digest_reopen(edition=started)


# --- Send start -------------------------------------------------------------------------------


def test_send_start_moves_to_sending_and_hands_over_to_delivery_after_commit(
    edition, deliveries, django_capture_on_commit_callbacks
):
    approved = digest_approve(edition=edition)

    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send_start(edition_id=approved.pk) is True
        assert deliveries == [("create", approved.pk)]

    started = Edition.objects.get(pk=approved.pk)
    assert started.status == Edition.Status.SENDING and started.started_at is not None
    assert deliveries == [("create", approved.pk), ("enqueue", approved.pk)]
    assert actions(started)[-1] == "verzenden"


def test_send_start_is_idempotent(edition, deliveries):
    approved = digest_approve(edition=edition)

    assert digest_send_start(edition_id=approved.pk) is True
    assert digest_send_start(edition_id=approved.pk) is False

    assert deliveries == [("create", approved.pk)]
    assert approved.events.filter(action=EditionEvent.Action.SEND_STARTED).count() == 1


def test_send_start_refuses_a_draft(edition, deliveries):
    assert digest_send_start(edition_id=edition.pk) is False
    assert deliveries == []


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_send_starts_start_once(deliveries):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    theme = ThemeFactory()
    ArticleFactory(publication_date=datetime.date(2027, 3, 4), themes=[theme])
    edition = digest_approve(edition=digest_assemble(month=MARCH, now=AT_ASSEMBLY).edition)
    barrier, results = threading.Barrier(2), []

    def start():
        barrier.wait()
        results.append(digest_send_start(edition_id=edition.pk))
        connection.close()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, True]
    assert [call[0] for call in deliveries].count("create") == 1


def test_due_start_starts_only_approved_editions_whose_moment_has_come(edition, deliveries):
    later = digest_approve(edition=edition, send_at=timezone.now() + datetime.timedelta(hours=2))

    assert digest_due_start() == []
    assert digest_due_start(now=timezone.now() + datetime.timedelta(hours=3)) == [later.pk]
    assert digest_due_start(now=timezone.now() + datetime.timedelta(hours=3)) == []


# --- Permissions per group --------------------------------------------------------------------


def test_redacteur_may_view_editions_but_not_change_approve_or_send(edition):
    editor = editor_user("Redacteur")

    assert editor.has_perm("newsletter.view_edition") and editor.has_perm("newsletter.view_editionevent")
    assert not editor.has_perm("newsletter.change_edition")
    with pytest.raises(PermissionDenied):
        digest_edition_update(edition=edition, user=editor, intro="<p>Nee</p>")
    with pytest.raises(PermissionDenied):
        digest_item_update(item=edition.items.first(), user=editor, is_removed=True)
    with pytest.raises(PermissionDenied):
        digest_assemble(month=MARCH, user=editor, now=AT_ASSEMBLY)
    with pytest.raises(PermissionDenied, match="eindredacteur"):
        digest_approve(edition=edition, user=editor)
    with pytest.raises(PermissionDenied):
        digest_cancel(edition=edition, user=editor)
    with pytest.raises(PermissionDenied):
        digest_send_start(edition_id=edition.pk, user=editor)


def test_eindredacteur_holds_every_edition_permission(edition, deliveries):
    chief = editor_user("Eindredacteur")

    assert chief.has_perm("newsletter.approve_edition") and chief.has_perm("newsletter.change_editionitem")
    digest_edition_update(edition=edition, user=chief, intro="<p>Welkom</p>")
    approved = digest_approve(edition=edition, user=chief)
    assert digest_send_start(edition_id=approved.pk, user=chief)
    assert set(approved.events.values_list("user", flat=True)) == {None, chief.pk}


def test_staff_without_a_group_may_do_nothing(edition, django_user_model):
    stranger = django_user_model.objects.create_user(username="los", is_staff=True)

    with pytest.raises(PermissionDenied):
        digest_approve(edition=edition, user=stranger)


# --- digest_approve command -------------------------------------------------------------------


def test_digest_approve_command_plans_the_send_moment(edition, capsys):
    call_command("digest_approve", "--month", "2027-03", "--send-at", "2099-04-01T09:00")

    approved = Edition.objects.get(pk=edition.pk)
    assert approved.status == Edition.Status.APPROVED
    assert timezone.localtime(approved.send_at) == datetime.datetime(2099, 4, 1, 9, tzinfo=AMS)
    assert "Nieuwsbrief maart 2027 is goedgekeurd en wordt verzonden op 1 april 2099 09:00." in capsys.readouterr().out


def test_digest_approve_command_explains_why_it_cannot(edition):
    with pytest.raises(CommandError, match="Er is geen editie van februari 2027"):
        call_command("digest_approve", "--month", "2027-02")
    call_command("digest_approve", "--month", "2027-03")
    with pytest.raises(CommandError, match="Alleen een concept"):
        call_command("digest_approve", "--month", "2027-03")
    with pytest.raises(CommandError, match="geen tijdstip"):
        call_command("digest_approve", "--month", "2027-03", "--send-at", "morgen")
