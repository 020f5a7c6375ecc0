"""Send tasks retry every failure instead of dropping the mail, except a send stuck past the soft time limit."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from newsletter import tasks
from newsletter.services import subscription_mail

SEND_TASKS = pytest.mark.parametrize(
    ("task", "service_name", "kwargs"),
    [
        (tasks.subscription_request_email_send_task, "subscription_request_email_send", ("a@example.org", [], 1)),
        (tasks.subscription_welcome_send_task, "subscription_welcome_send", (1,)),
    ],
)


def _failing(error: Exception, calls: list):
    def service(**_):
        calls.append(1)
        raise error

    return service


@SEND_TASKS
def test_send_task_retries_an_unexpected_error(monkeypatch, task, service_name, kwargs):
    calls = []
    broken = _failing(TypeError("a bug in rendering"), calls)
    monkeypatch.setattr(subscription_mail, service_name, broken)  # where the task looks it up
    # Task.apply runs the retry policy in-process (retries at once instead of after the backoff): the
    # policy, not the timing, is what this checks. Without the retry the service runs exactly once.
    result = task.apply(args=kwargs)

    assert len(calls) == 1 + task.max_retries
    assert result.failed()


@SEND_TASKS
def test_send_task_does_not_retry_a_send_stuck_past_the_soft_time_limit(monkeypatch, task, service_name, kwargs):
    calls = []
    monkeypatch.setattr(subscription_mail, service_name, _failing(SoftTimeLimitExceeded(), calls))

    result = task.apply(args=kwargs)

    assert len(calls) == 1
    assert result.failed()
    assert isinstance(result.result, SoftTimeLimitExceeded)
