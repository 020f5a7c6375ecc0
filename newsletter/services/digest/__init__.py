"""The monthly digest: assembly, editorial changes, workflow, rendering and the editors' mail.

Delivery to the subscribers (issue 10) starts from `digest_send_start` through delivery.py.
"""

from newsletter.services.digest.assembly import (
    AssembleResult,
    Outcome,
    digest_assemble,
    digest_edition_update,
    digest_item_add,
    digest_item_add_check,
    digest_item_update,
)
from newsletter.services.digest.editor_mail import (
    PreRenderedEmail,
    digest_draft_ready_notify,
    digest_test_request,
    digest_test_send,
)
from newsletter.services.digest.render import (
    EditionRenderer,
    PersonalParts,
    RenderedVariant,
    digest_message_bytes,
    digest_message_id,
    digest_name,
    digest_personal_parts,
    digest_reason,
)
from newsletter.services.digest.workflow import (
    digest_approve,
    digest_cancel,
    digest_due_start,
    digest_reopen,
    digest_send_start,
)

__all__ = [
    "AssembleResult",
    "EditionRenderer",
    "Outcome",
    "PersonalParts",
    "PreRenderedEmail",
    "RenderedVariant",
    "digest_approve",
    "digest_assemble",
    "digest_cancel",
    "digest_draft_ready_notify",
    "digest_due_start",
    "digest_edition_update",
    "digest_item_add",
    "digest_item_add_check",
    "digest_item_update",
    "digest_message_bytes",
    "digest_message_id",
    "digest_name",
    "digest_personal_parts",
    "digest_reason",
    "digest_reopen",
    "digest_send_start",
    "digest_test_request",
    "digest_test_send",
]
