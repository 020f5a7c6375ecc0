"""The mail backend for an email provider (EMAIL_URL=anymail://PROVIDER): django-anymail's, taught finished messages.

The digest's pipeline and the editors' mail hand over complete MIME bytes (`PreRenderedEmail`); most
providers' APIs take subject, text, HTML and headers as fields instead, and anymail reads those fields, so
such a message would leave empty. This backend takes each one apart first (`provider_message`) and passes
everything else to the provider's own anymail backend unchanged.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.utils.module_loading import import_string

from newsletter.services.provider_events import provider_message


class EmailBackend(BaseEmailBackend):
    def __init__(self, *, provider: str, alias=None, **kwargs):
        super().__init__(alias=alias)
        backend = import_string(f"anymail.backends.{provider}.EmailBackend")
        self.inner = backend(alias=alias, **kwargs) if alias is not None else backend(**kwargs)

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def send_messages(self, email_messages):
        converted = [
            provider_message(message.raw, to=list(message.to)) if getattr(message, "raw", None) else message
            for message in email_messages
        ]
        sent = self.inner.send_messages(converted)
        for original, message in zip(email_messages, converted, strict=True):
            if message is not original and hasattr(message, "anymail_status"):
                original.anymail_status = message.anymail_status  # the provider's id of what was sent
        return sent
