"""Delivery of a started edition to every subscriber: built in issue 10, on top of these two entry points.

`digest_send_start` (workflow.py) calls `deliveries_create` inside its transaction, right after the edition
became 'verzenden', and `deliveries_enqueue` after that transaction committed. Until issue 10 fills them in,
both do nothing: an edition then stays 'verzenden' with nothing sent.
"""

import logging

from newsletter.models import Edition

logger = logging.getLogger(__name__)


def deliveries_create(*, edition: Edition) -> int:
    """Fix the audience: one delivery row per subscriber who gets this edition; return how many were created.

    Called inside the transaction that locked the edition row and set it to 'verzenden', so the audience is
    fixed in that same transaction. Idempotent (unique on edition and subscriber).
    """
    logger.warning("Edition %s: deliveries_create is not built yet (issue 10); nothing will be sent", edition.pk)
    return 0


def deliveries_enqueue(*, edition_id: int) -> int:
    """Queue tasks for the pending deliveries of an edition; return how many tasks were queued.

    Called after the send-start transaction committed. Idempotent: the sweeper calls it again for rows that
    lost their task.
    """
    return 0
