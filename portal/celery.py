"""The Celery app: JSON only, late acks, one message per worker slot, the beat schedule in code."""

import os

from celery import Celery, signals
from celery.schedules import crontab
from kombu import Exchange, Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
# Broker URL and transport options come from Django settings (CELERY_ namespace).
app.config_from_object("django.conf:settings", namespace="CELERY")

app.conf.update(
    accept_content=["json"],
    task_serializer="json",
    result_serializer="json",
    task_ignore_result=True,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_time_limit=300,
    task_soft_time_limit=240,
    task_default_queue="default",
    task_queues=(
        Queue("default", Exchange("default"), routing_key="default"),
        Queue("digest", Exchange("digest"), routing_key="digest"),
    ),
    # Exact names win over the pattern: the digest's short tasks must not wait behind a send's batches.
    task_routes={
        "newsletter.tasks.digest_assemble_task": {"queue": "default"},
        "newsletter.tasks.digest_due_start_task": {"queue": "default"},
        "newsletter.tasks.digest_draft_ready_notify_task": {"queue": "default"},
        "newsletter.tasks.digest_test_send_task": {"queue": "default"},
        "newsletter.tasks.digest_sweep_task": {"queue": "default"},
        "newsletter.tasks.digest_*": {"queue": "digest"},
    },
    timezone="Europe/Amsterdam",
    enable_utc=True,
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
    # Same one-line shape as Django's LOGGING: time, level, logger, message.
    worker_log_format="%(asctime)s %(levelname)s %(name)s %(message)s",
    worker_task_log_format="%(asctime)s %(levelname)s %(name)s %(task_name)s[%(task_id)s] %(message)s",
    # Beat proves every minute that broker, worker and database work together (see /healthz).
    beat_schedule={
        "heartbeat": {"task": "portal.tasks.heartbeat_record_task", "schedule": 60.0, "args": ("beat",)},
        # Unsubscribed addresses become their keyed hash after 30 days (newsletter.services.privacy).
        "newsletter-retention": {
            "task": "newsletter.tasks.subscribers_apply_retention_task",
            "schedule": crontab(hour=4, minute=15),
        },
        # The draft edition of the month before, for the Eindredacteuren to review (newsletter.services.digest).
        "digest-assemble": {
            "task": "newsletter.tasks.digest_assemble_task",
            "schedule": crontab(day_of_month=1, hour=6, minute=0),
        },
        # Approved editions whose send moment has come start sending: a periodic check, not a Celery ETA.
        "digest-due-start": {"task": "newsletter.tasks.digest_due_start_task", "schedule": 60.0},
        # Sends under way: take back rows of dead workers, re-queue rows whose task was lost (Redis emptied),
        # retry deferred rows that are due, and mark finished editions sent (newsletter.services.digest.delivery).
        "digest-sweep": {"task": "newsletter.tasks.digest_sweep_task", "schedule": 120.0},
    },
)
# Celery's Django fixup closes every database connection before and after each task, so each task (a digest
# batch every few hundred milliseconds) paid for a new PostgreSQL connection and backend process. Tasks treat
# connections as Django treats requests instead (below); a reuse maximum this high keeps the fixup out of it.
app.conf["CELERY_DB_REUSE_MAX"] = 2**31
app.autodiscover_tasks()


@signals.task_prerun.connect
@signals.task_postrun.connect
def _database_connections_tidy(task=None, **kwargs):
    """Before and after each task, as around a web request: close a connection older than CONN_MAX_AGE or left
    unusable by an error (CONN_HEALTH_CHECKS checks it on its next use). Not for eager calls (in a caller's
    transaction)."""
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()
