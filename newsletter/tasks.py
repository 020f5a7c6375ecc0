"""Newsletter tasks: thin wrappers that call one service and own the retry policy.

A task imports its service inside its body; a service imports the task it enqueues at module level.
"""

import smtplib

from celery import shared_task

# Any failure is retried with exponential backoff (5 s doubling up to 1 h, with full jitter: 30 retries span
# roughly half a day to a day): temporary SMTP trouble (4xx, connection lost, timeout), and also an
# unexpected error, so that a mail is not dropped while a fix is deployed. The service returns False for
# permanent 5xx refusals, which are not retried. Every failed try is logged by Celery with its traceback.
_RETRY = {
    "autoretry_for": (smtplib.SMTPException, OSError, Exception),
    "retry_backoff": 5,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 30,
}
# Mail to an editor who is waiting for it: a few quick retries, then the editor asks again.
_EDITOR_MAIL_RETRY = {**_RETRY, "retry_backoff_max": 60, "max_retries": 5}


@shared_task(**_RETRY)
def subscription_request_email_send_task(email: str, theme_slugs: list[str], consent_version: int) -> bool:
    from newsletter import services

    return services.subscription_request_email_send(
        email=email, theme_slugs=theme_slugs, consent_version=consent_version
    )


@shared_task(**_RETRY)
def subscription_welcome_send_task(subscriber_id: int) -> bool:
    from newsletter import services

    return services.subscription_welcome_send(subscriber_id=subscriber_id)


@shared_task
def subscribers_apply_retention_task() -> int:
    from newsletter import services

    # No retry: the service is idempotent and beat runs it again tomorrow.
    return services.subscribers_apply_retention()


# --- The monthly digest (routes: portal/celery.py) ---------------------------------------------


@shared_task
def digest_assemble_task() -> str:
    from newsletter.services import digest_assemble

    # No retry: idempotent, and an editor can run `manage.py digest_assemble` any time.
    return digest_assemble().outcome.value


@shared_task
def digest_due_start_task() -> list[int]:
    from newsletter.services import digest_due_start

    # No retry: beat runs it every minute, and it starts each edition at most once.
    return digest_due_start()


@shared_task(**_RETRY)
def digest_draft_ready_notify_task(edition_id: int) -> int:
    from newsletter.services import digest_draft_ready_notify

    return digest_draft_ready_notify(edition_id=edition_id)


@shared_task(**_EDITOR_MAIL_RETRY)
def digest_test_send_task(
    edition_id: int, user_id: int, subscriber_id: int | None, theme_ids: list[int] | None
) -> bool:
    from newsletter.services import digest_test_send

    return digest_test_send(edition_id=edition_id, user_id=user_id, subscriber_id=subscriber_id, theme_ids=theme_ids)
