"""What an editor (or the automatic pause) does to a send under way: pause, resume, cancel, retry failed.

Each service locks the edition row, changes its status and the open delivery rows in one transaction,
records an EditionEvent, and is idempotent (a second click finds the state already reached and does
nothing). Workers re-read the edition status before each batch, so a pause stops a send within one batch.
Raises PermissionDenied for a user without the approve permission, ValidationError (Dutch message) when
the edition is in a state the action does not apply to.
"""

from newsletter.models import Edition


def digest_pause(*, edition: Edition, user=None, reason: str = "", automatic: bool = False) -> Edition:
    """Pause a sending edition: workers stop claiming rows; claimed rows finish. Idempotent."""
    raise NotImplementedError


def digest_resume(*, edition: Edition, user=None) -> Edition:
    """Resume a paused edition where it stopped: its open rows are queued again. Idempotent."""
    raise NotImplementedError


def digest_send_cancel(*, edition: Edition, user=None) -> Edition:
    """Stop a sending or paused edition for good: open rows become 'geannuleerd'. Idempotent."""
    raise NotImplementedError


def deliveries_retry_failed(*, edition: Edition, user=None) -> int:
    """Give the failed rows of an edition new attempts and queue them; return how many. Idempotent."""
    raise NotImplementedError
