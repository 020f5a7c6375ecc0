"""The one place that renders newsletter mail: subject, plain text and HTML from templates."""

import email.policy
import re

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse

from newsletter.models import Subscriber
from newsletter.tokens import subscriber_token_make

# Local <style> only: never fetch a stylesheet from elsewhere while rendering mail. At-rules (the digest's
# dark-mode @media block) cannot be inlined: they stay in one <style> element.
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False, keep_at_rules=True)


class NewsletterEmail(EmailMultiAlternatives):
    """A message whose top-level headers are folded at 998 characters instead of 78.

    List-Unsubscribe holds a signed URL longer than a 78-character line with no place to fold it; the
    email package then rewrites it as an RFC 2047 encoded-word, which no mail client reads as a URL.
    RFC 5322 allows 998 characters; the body parts keep their 76-character quoted-printable lines.
    """

    def message(self, *, policy=email.policy.default):
        msg = super().message(policy=policy)
        msg.policy = msg.policy.clone(max_line_length=998)
        return msg


def absolute_url(path: str) -> str:
    """Return path on SITE_URL (mail has no request to build the host from)."""
    return settings.SITE_URL + path


def _render(name: str, context: dict, *, autoescape: bool) -> str:
    # Plain text and subject are not HTML: render them without HTML escaping.
    return get_template(name).template.render(Context(context, autoescape=autoescape))


def build_email(
    template_prefix: str, *, to: list[str], context: dict, headers: dict | None = None
) -> EmailMultiAlternatives:
    """Render emails/<template_prefix>.{subject.txt,txt,html} into a message with CSS inlined; send nothing."""
    context = {
        "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        **context,
    }
    base = f"emails/{template_prefix}"
    subject = re.sub(r"\s+", " ", _render(f"{base}.subject.txt", context, autoescape=False)).strip()
    text = _render(f"{base}.txt", context, autoescape=False).strip() + "\n"
    html = _INLINER.inline(_render(f"{base}.html", context, autoescape=True))
    message = NewsletterEmail(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def subscriber_links(subscriber: Subscriber) -> dict[str, str]:
    """Return the absolute preferences and unsubscribe URLs for a subscriber's current token version."""
    links = {}
    for purpose, name in (("preferences", "newsletter:preferences"), ("unsubscribe", "newsletter:unsubscribe")):
        token = subscriber_token_make(
            purpose=purpose, subscriber_id=subscriber.pk, token_version=subscriber.token_version
        )
        links[f"{purpose}_url"] = absolute_url(reverse(name, kwargs={"token": token}))
    return links


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """Return the RFC 2369 / RFC 8058 one-click unsubscribe headers for mail to this subscriber."""
    return {
        "List-Unsubscribe": f"<{subscriber_links(subscriber)['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
