"""Parse rendered HTML with the standard library and compare it with what our templates produce.

A page rendered with hostile values must contain no tag, attribute or URL scheme that the same page with
harmless values does not (plus, where an article body is shown, the rich-text allow-list).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from news.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background"})
# linebreaksbr turns each newline of a plain-text field (contact notes) into a <br>: one more is harmless.
REPEATABLE_TAGS = frozenset({"br"})
RICH_PAIRS = frozenset({(tag, None) for tag in ALLOWED_TAGS} | {("a", "href"), ("a", "rel")})
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")
assert ALLOWED_ATTRIBUTES["a"] == {"href"}


@dataclass
class Markup:
    tags: Counter = field(default_factory=Counter)
    pairs: set = field(default_factory=set)
    urls: list = field(default_factory=list)
    other: list = field(default_factory=list)
    script_text: list = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.markup = Markup()
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.markup.tags[tag] += 1
        self.markup.pairs.add((tag, None))
        for name, value in attrs:
            self.markup.pairs.add((tag, name))
            if name in URL_ATTRIBUTES:
                self.markup.urls.append((tag, name, value or ""))
        self._in_script = tag in {"script", "style"}

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_script = False

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.markup.script_text.append(data)

    def handle_comment(self, data):
        self.markup.other.append(("comment", data))

    def handle_decl(self, decl):
        self.markup.other.append(("decl", decl.lower()))

    def unknown_decl(self, data):
        self.markup.other.append(("unknown", data))

    def handle_pi(self, data):
        self.markup.other.append(("pi", data))


def parse(document: str) -> Markup:
    collector = _Collector()
    collector.feed(document)
    collector.close()
    return collector.markup


def url_is_safe(value: str) -> bool:
    """A browser would follow this URL without running code (its scheme, as a browser reads it, is ours).

    `value` is the attribute as the parser decoded it (character references already resolved once, as a
    browser does); decoding again would misread text such as "script&colon;".
    """
    squashed = _IGNORED_IN_SCHEME.sub("", value).lower()
    try:
        scheme = urlsplit(squashed).scheme
    except ValueError:
        return True  # not a URL a browser can follow at all
    return scheme == "" or scheme in ALLOWED_URL_SCHEMES


def problems(document: str, baseline: Markup, *, rich: bool) -> list[str]:
    """What `document` has beyond `baseline` (the same page with harmless values); [] when nothing."""
    markup = parse(document)
    allowed_pairs = baseline.pairs | (RICH_PAIRS if rich else set())
    found = [f"tag or attribute {pair}" for pair in sorted(markup.pairs - allowed_pairs, key=str)]
    for tag, count in markup.tags.items():
        if count > baseline.tags[tag] and tag not in REPEATABLE_TAGS and not (rich and tag in ALLOWED_TAGS):
            found.append(f"{count - baseline.tags[tag]} extra <{tag}>")
    found += [f"attribute {name}" for tag, name in markup.pairs if name and name.startswith("on")]
    found += [f"unsafe URL in <{tag} {name}={value!r}>" for tag, name, value in markup.urls if not url_is_safe(value)]
    found += [f"comment or declaration {item!r}" for item in markup.other if item not in baseline.other]
    found += [f"script text {text[:80]!r}" for text in markup.script_text if text not in baseline.script_text]
    return found
