"""The security boundary for rich text: every article body passes through `clean_html` on save.

django-prose-editor sanitises in the widget too, but HTML also arrives by import and shell, so the
service layer cleans again with this allow-list (the same features the editor offers).
"""

import html

import nh3

ALLOWED_TAGS = frozenset({"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "b", "i", "a", "br"})
# "*" must be listed: without it nh3 keeps its default generic attributes (lang, title).
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed together with their content: what is inside is code or a foreign document, not prose.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "xmp",
        "plaintext",
    }
)


def clean_html(value: str | None) -> str:
    """Return `value` reduced to the article allow-list; never raises on malformed input."""
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return cleaned.strip()


def clean_text(value: str | None) -> str:
    """Return plain text: tags removed, entities decoded, whitespace runs collapsed."""
    if not value:
        return ""
    stripped = nh3.clean(value, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return " ".join(html.unescape(stripped).split())
