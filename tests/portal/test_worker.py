"""A task enqueued by the web process is processed by a real worker, on both brokers."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from portal.models import Heartbeat
from portal.tasks import heartbeat_record_task

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

BROKERS = pytest.mark.parametrize("celery_broker", ["filesystem", "redis"], indirect=True)


@BROKERS
def test_worker_processes_task_enqueued_on_commit(celery_worker_process):
    with transaction.atomic():
        heartbeat_record_task.delay_on_commit("web")
        assert not Heartbeat.objects.filter(name="web").exists()

    celery_worker_process.wait_for(lambda: Heartbeat.objects.filter(name="web").exists(), what="the heartbeat row")


@BROKERS
def test_worker_consumes_digest_queue(celery_worker_process):
    heartbeat_record_task.apply_async(args=["digest-queue"], queue="digest")

    celery_worker_process.wait_for(lambda: Heartbeat.objects.filter(name="digest-queue").exists())


def test_worker_leaves_task_of_rolled_back_transaction(celery_worker_process):
    with pytest.raises(RuntimeError), transaction.atomic():
        heartbeat_record_task.delay_on_commit("rolled-back")
        raise RuntimeError
    heartbeat_record_task.delay("after")

    celery_worker_process.wait_for(lambda: Heartbeat.objects.filter(name="after").exists())
    assert not Heartbeat.objects.filter(name="rolled-back").exists()


def test_worker_reads_and_writes_the_test_database(celery_worker_process):
    # A row only this test committed: the worker's update_or_create must find it and update it in place.
    seeded = Heartbeat.objects.create(name="shared", seen_at=timezone.now() - datetime.timedelta(days=1))

    heartbeat_record_task.delay("shared")

    celery_worker_process.wait_for(
        lambda: Heartbeat.objects.get(pk=seeded.pk).seen_at > seeded.seen_at, what="the worker's update of our row"
    )
    assert Heartbeat.objects.filter(name="shared").count() == 1
