"""An email provider's bounce and complaint webhooks (django-anymail), and the receiver of what they report.

Only the tracking webhooks are mounted (no inbound mail), under /nieuwsbrief/anymail/<provider>/tracking/, and
only answer when WEBHOOK_SECRET is set: anymail then checks HTTP basic auth (and the provider's signature where
it has one). Without the secret they answer 404, since anyone could otherwise report a bounce.
"""

import functools
import logging

from anymail import urls as anymail_urls
from anymail.signals import tracking
from django.conf import settings
from django.dispatch import receiver
from django.http import Http404
from django.urls import URLPattern

from newsletter.services.provider_events import provider_event_apply

logger = logging.getLogger(__name__)


def _secret_required(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
            raise Http404
        return view(request, *args, **kwargs)

    wrapper.csrf_exempt = True  # a provider's POST carries no CSRF token; basic auth guards it
    return wrapper


def _tracking_patterns() -> list[URLPattern]:
    patterns = []
    for pattern in anymail_urls.urlpatterns:
        if pattern.name.endswith("_tracking_webhook"):
            patterns.append(URLPattern(pattern.pattern, _secret_required(pattern.callback), name=pattern.name))
    return patterns


app_name = "anymail"
urlpatterns = _tracking_patterns()


@receiver(tracking, dispatch_uid="newsletter.webhooks.tracking_received")
def tracking_received(sender, event, esp_name, **kwargs):
    """Hand a bounce, rejection or complaint to the service; everything else (opens, clicks) is ignored."""
    # The provider's own id of the message, or our Message-ID when the sender passed it along as metadata.
    message_ids = [event.message_id, (event.metadata or {}).get("message_id")]
    provider_event_apply(
        event_type=event.event_type, address=event.recipient, message_ids=message_ids, provider=esp_name
    )
