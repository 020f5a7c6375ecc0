"""manage.py digest_sweep: what beat does every two minutes for sends under way, now.

Takes back rows of workers that died, queues rows again whose task was lost (Redis restarted empty), retries
deferred rows that are due, and marks editions sent when nothing is left open. Safe to run any time.
"""

from django.core.management.base import BaseCommand

from newsletter.services.digest.delivery import deliveries_sweep


class Command(BaseCommand):
    help = "Ruim lopende verzendingen op: vastgelopen en verloren verzendingen opnieuw in de wachtrij."

    def handle(self, *args, **options):
        result = deliveries_sweep()
        self.stdout.write(
            f"{result['released']} vastgelopen verzending(en) teruggenomen, {result['tasks']} taak/taken in de "
            f"wachtrij gezet, {result['finished']} editie(s) klaar."
        )
