"""Newsletter tasks: thin wrappers that call one service and own the retry policy."""

import smtplib

from celery import shared_task

from newsletter import services

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


@shared_task(**_RETRY)
def subscription_request_email_send_task(email: str, theme_slugs: list[str], consent_version: int) -> bool:
    return services.subscription_request_email_send(
        email=email, theme_slugs=theme_slugs, consent_version=consent_version
    )


@shared_task(**_RETRY)
def subscription_welcome_send_task(subscriber_id: int) -> bool:
    return services.subscription_welcome_send(subscriber_id=subscriber_id)


@shared_task
def subscribers_apply_retention_task() -> int:
    # No retry: the service is idempotent and beat runs it again tomorrow.
    return services.subscribers_apply_retention()
