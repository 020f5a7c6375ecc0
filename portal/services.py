"""Writes owned by the project wiring: the worker heartbeat."""

from django.utils import timezone

from portal.models import Heartbeat


def heartbeat_record(*, name: str) -> Heartbeat:
    """Store that a task named `name` reached a worker now. Idempotent per name (one row)."""
    heartbeat, _created = Heartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
    return heartbeat
