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
# Each round of clean_text decodes one level of entities; real text needs two, an attack a few more.
MAX_TEXT_ROUNDS = 8
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
    """Return plain text: tags removed, entities decoded, whitespace runs collapsed; never raises.

    Decoding can reveal markup (``&lt;img onerror=...&gt;`` decodes to a tag), so stripping and decoding
    repeat until nothing changes: the text that is stored never contains a tag, whatever reads it later.
    Comparisons and ampersands ("a < b & c") are text and stay.
    """
    text = value or ""
    for _round in range(MAX_TEXT_ROUNDS):
        stripped = nh3.clean(text, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT), strip_comments=True)
        cleaned = " ".join(html.unescape(stripped).split())
        if cleaned == text:
            return cleaned
        text = cleaned
    # Still changing after many rounds (deeply nested encodings): keep no angle brackets at all.
    return text.replace("<", "").replace(">", "")
