"""Project-wiring tasks. A task imports its service inside its body, as in every app (see newsletter/tasks.py)."""

from celery import shared_task


@shared_task(ignore_result=True)
def heartbeat_record_task(name: str) -> None:
    """Record that this task reached a worker; beat sends one every minute, tests send their own."""
    from portal.services import heartbeat_record

    heartbeat_record(name=name)
