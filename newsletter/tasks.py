"""Newsletter tasks: thin wrappers that call one service and own the retry policy.

Services import the task they enqueue at module level; a task imports its service inside its body, so
that loading this module (the worker does first) never loads newsletter.services, which imports it.
"""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

# Every failure is retried with exponential backoff (5 s doubling up to 1 h, with full jitter: 30 retries
# span roughly half a day to a day): temporary SMTP trouble (MailDeferred, a dropped connection, a timeout)
# and an unexpected error alike, so that a mail is not dropped while a fix is deployed. The tuple this
# replaces, (SMTPException, OSError, Exception), said the same: both are subclasses of Exception. A
# permanent refusal (5xx) is not an exception: the service logs it and returns False.
# dont_autoretry_for (checked before autoretry_for, celery/app/autoretry.py): a send that outlived the soft
# time limit (240 s, eight SMTP timeouts) is stuck on something a retry meets again, and its message may
# already be with the server; retried, it would hold a worker slot for hours and could send the mail twice.
# It fails once, logged by Celery with its traceback.
_RETRY = {
    "autoretry_for": (Exception,),
    "dont_autoretry_for": (SoftTimeLimitExceeded,),
    "retry_backoff": 5,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 30,
}


@shared_task(**_RETRY)
def subscription_request_email_send_task(
    email: str, theme_slugs: list[str], consent_version: int, requested_at: str | None = None
) -> bool:
    from newsletter.services.subscription_mail import subscription_request_email_send

    return subscription_request_email_send(
        email=email, theme_slugs=theme_slugs, consent_version=consent_version, requested_at=requested_at
    )


@shared_task(**_RETRY)
def subscription_welcome_send_task(subscriber_id: int) -> bool:
    from newsletter.services.subscription_mail import subscription_welcome_send

    return subscription_welcome_send(subscriber_id=subscriber_id)


@shared_task
def subscribers_apply_retention_task() -> int:
    from newsletter.services.privacy import subscribers_apply_retention

    # No retry: the service is idempotent and beat runs it again tomorrow.
    return subscribers_apply_retention()


# --- The monthly digest (routes: portal/celery.py) ---------------------------------------------
# Mail to an editor who is waiting for it (the test mail): a few quick retries, then the editor asks again.
_EDITOR_MAIL_RETRY = {**_RETRY, "retry_backoff_max": 60, "max_retries": 5}


@shared_task
def digest_assemble_task() -> str:
    from newsletter.services.digest.assembly import digest_assemble

    # No retry: idempotent, and an editor can run `manage.py digest_assemble` any time.
    return digest_assemble().outcome.value


@shared_task
def digest_due_start_task() -> list[int]:
    from newsletter.services.digest.workflow import digest_due_start

    # No retry: beat runs it every minute, and it starts each edition at most once.
    return digest_due_start()


@shared_task(**_RETRY)
def digest_draft_ready_notify_task(edition_id: int) -> int:
    from newsletter.services.digest.editor_mail import digest_draft_ready_notify

    return digest_draft_ready_notify(edition_id=edition_id)


@shared_task(**_EDITOR_MAIL_RETRY)
def digest_test_send_task(
    edition_id: int, user_id: int, subscriber_id: int | None, theme_ids: list[int] | None
) -> bool:
    from newsletter.services.digest.editor_mail import digest_test_send

    return digest_test_send(edition_id=edition_id, user_id=user_id, subscriber_id=subscriber_id, theme_ids=theme_ids)


# A batch of a send is never retried by Celery: the ledger is the truth, and the sweeper re-queues whatever
# a failed or lost task left open. Redelivery (acks_late) is harmless: finished rows are not claimed again.
@shared_task(bind=True)
def digest_batch_send_task(self, edition_id: int, delivery_ids: list[int]) -> dict:
    from newsletter.services.digest.batch import deliveries_send_batch

    report = deliveries_send_batch(edition_id=edition_id, delivery_ids=delivery_ids, worker=self.request.hostname or "")
    return dict(report.outcomes)


@shared_task
def digest_sweep_task() -> dict:
    from newsletter.services.digest.delivery import deliveries_sweep

    # No retry: beat runs it again in a few minutes.
    return deliveries_sweep()
