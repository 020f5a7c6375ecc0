from celery import shared_task

from portal.services import heartbeat_record


@shared_task(ignore_result=True)
def heartbeat_record_task(name: str) -> None:
    """Record that this task reached a worker; beat sends one every minute, tests send their own."""
    heartbeat_record(name=name)
