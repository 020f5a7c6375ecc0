"""The Celery app's contract: JSON only, late acks, two queues, the heartbeat in the beat schedule."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.celery import app
from portal.models import Heartbeat
from portal.services import heartbeat_record
from portal.tasks import heartbeat_record_task


def test_celery_app_is_safe_by_default():
    conf = app.conf

    assert conf.accept_content == ["json"]
    assert conf.task_serializer == "json"
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_time_limit > conf.task_soft_time_limit > 0
    assert not conf.task_always_eager
    assert {queue.name for queue in conf.task_queues} == {"default", "digest"}


def test_celery_beat_schedule_sends_heartbeat():
    entry = app.conf.beat_schedule["heartbeat"]

    assert entry["task"] == heartbeat_record_task.name
    assert entry["args"] == ("beat",)
    assert entry["schedule"] <= 60


@pytest.mark.django_db
def test_heartbeat_record_keeps_one_row_per_name():
    first = heartbeat_record(name="beat")
    second = heartbeat_record(name="beat")

    assert Heartbeat.objects.count() == 1
    assert second.seen_at >= first.seen_at


@pytest.mark.django_db
def test_heartbeat_check_passes_when_recent(capsys):
    heartbeat_record(name="beat")

    call_command("heartbeat_check", max_age=60)

    assert "heartbeat 'beat'" in capsys.readouterr().out


@pytest.mark.django_db
def test_heartbeat_check_fails_when_old():
    Heartbeat.objects.create(name="beat", seen_at=timezone.now() - timedelta(minutes=10))

    with pytest.raises(CommandError, match=r"is \d+s old \(max 300s\)"):
        call_command("heartbeat_check", max_age=300)


@pytest.mark.django_db
def test_heartbeat_check_fails_without_heartbeat():
    with pytest.raises(CommandError, match="no heartbeat"):
        call_command("heartbeat_check")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("max_age", "kept"), [(60, True), (0, False)])
def test_a_task_keeps_its_database_connection_as_a_request_would(monkeypatch, max_age, kept):
    """Celery's Django fixup would close it around every task; the project's handlers follow CONN_MAX_AGE."""
    from celery import signals
    from django.db import connection

    assert app.conf.get("CELERY_DB_REUSE_MAX") >= 2**31  # the fixup leaves connections alone
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", max_age)
    connection.ensure_connection()
    opened = connection.connection

    for signal in (signals.task_prerun, signals.task_postrun):
        signal.send(sender=heartbeat_record_task, task=heartbeat_record_task, task_id="t")

    assert (connection.connection is opened) is kept
    assert Heartbeat.objects.count() == 0  # the connection (new or kept) works
