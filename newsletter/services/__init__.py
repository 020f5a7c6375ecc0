"""Newsletter services: every write and side effect of the app (re-exported here)."""

from newsletter.services.consent import consent_text_save
from newsletter.services.mail import MailDeferred, MailOutcome, mail_outcome_classify, mail_send
from newsletter.services.privacy import (
    data_access_record,
    subscriber_erase,
    subscriber_erase_address,
    subscriber_export_data,
    subscribers_apply_retention,
)
from newsletter.services.ratelimit import Verdict, confirmation_attempt_register
from newsletter.services.subscription_mail import subscription_request_email_send, subscription_welcome_send
from newsletter.services.subscriptions import (
    PAUSE_MONTHS,
    subscription_confirm,
    subscription_pause,
    subscription_request,
    subscription_tokens_revoke,
    subscription_unsubscribe,
    subscription_update_themes,
)

__all__ = [
    "PAUSE_MONTHS",
    "MailDeferred",
    "MailOutcome",
    "Verdict",
    "confirmation_attempt_register",
    "consent_text_save",
    "data_access_record",
    "mail_outcome_classify",
    "mail_send",
    "subscriber_erase",
    "subscriber_erase_address",
    "subscriber_export_data",
    "subscribers_apply_retention",
    "subscription_confirm",
    "subscription_pause",
    "subscription_request",
    "subscription_request_email_send",
    "subscription_tokens_revoke",
    "subscription_unsubscribe",
    "subscription_update_themes",
    "subscription_welcome_send",
]
