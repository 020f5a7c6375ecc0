"""Output filters for database values that end up as HTML: rich text and link targets.

The services clean what they save, but rows can also arrive by shell, SQL or an old import. These filters
make the templates safe on their own, whatever the database holds.
"""

import re
from urllib.parse import urlsplit

from django import template
from django.utils.safestring import mark_safe

from news.sanitize import ALLOWED_URL_SCHEMES, clean_html

register = template.Library()

# Browsers ignore these inside a URL's scheme ("java\tscript:" runs), so they are removed before looking.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")
SAFE_URL_FALLBACK = "#"


@register.filter(is_safe=True)
def rich_text(value) -> str:
    """Return article HTML reduced to the allow-list again (nh3 is fast, and the page is cached)."""
    return mark_safe(clean_html(value))  # noqa: S308 (clean_html is the allow-list)


@register.filter
def safe_url(value) -> str:
    """Return the link target when it is a path or uses http(s), mailto or tel; otherwise '#'."""
    url = str(value or "").strip()
    try:
        scheme = urlsplit(_IGNORED_IN_SCHEME.sub("", url)).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 host
        return SAFE_URL_FALLBACK
    if scheme and scheme not in ALLOWED_URL_SCHEMES:
        return SAFE_URL_FALLBACK
    return url
