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
def subscription_request_email_send_task(email: str, theme_slugs: list[str], consent_version: int) -> bool:
    from newsletter.services.subscription_mail import subscription_request_email_send

    return subscription_request_email_send(email=email, theme_slugs=theme_slugs, consent_version=consent_version)


@shared_task(**_RETRY)
def subscription_welcome_send_task(subscriber_id: int) -> bool:
    from newsletter.services.subscription_mail import subscription_welcome_send

    return subscription_welcome_send(subscriber_id=subscriber_id)


@shared_task
def subscribers_apply_retention_task() -> int:
    from newsletter.services.privacy import subscribers_apply_retention

    # No retry: the service is idempotent and beat runs it again tomorrow.
    return subscribers_apply_retention()
