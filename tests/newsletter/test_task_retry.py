"""Send tasks retry every failure instead of dropping the mail (DEVELOPERS.md: never dropped)."""

import pytest

from newsletter import tasks
from newsletter.services import subscription_mail


@pytest.mark.parametrize(
    ("task", "service_name", "kwargs"),
    [
        (tasks.subscription_request_email_send_task, "subscription_request_email_send", ("a@example.org", [], 1)),
        (tasks.subscription_welcome_send_task, "subscription_welcome_send", (1,)),
    ],
)
def test_send_task_retries_an_unexpected_error(monkeypatch, task, service_name, kwargs):
    calls = []

    def broken(**_):
        calls.append(1)
        raise TypeError("a bug in rendering")

    monkeypatch.setattr(subscription_mail, service_name, broken)  # where the task looks it up
    # Task.apply runs the retry policy in-process (retries at once instead of after the backoff): the
    # policy, not the timing, is what this checks. Without the retry the service runs exactly once.
    result = task.apply(args=kwargs)

    assert len(calls) == 1 + task.max_retries
    assert result.failed()
