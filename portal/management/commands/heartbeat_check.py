"""Exit 0 when beat's heartbeat went through a worker recently, 1 otherwise (container healthcheck)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.models import Heartbeat


class Command(BaseCommand):
    help = "Fail when the beat heartbeat is older than --max-age seconds (beat or worker not running)."

    def add_arguments(self, parser):
        parser.add_argument("--name", default="beat")
        parser.add_argument("--max-age", type=int, default=300)

    def handle(self, *args, name, max_age, **options):
        heartbeat = Heartbeat.objects.filter(name=name).first()
        if heartbeat is None:
            raise CommandError(f"no heartbeat {name!r} yet")
        age = timezone.now() - heartbeat.seen_at
        if age > timedelta(seconds=max_age):
            raise CommandError(f"heartbeat {name!r} is {int(age.total_seconds())}s old (max {max_age}s)")
        self.stdout.write(f"heartbeat {name!r} {int(age.total_seconds())}s old")
