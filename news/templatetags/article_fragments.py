"""The article page's own markup from a fragment cache, keyed by the content it shows.

`{% article_fragment article "part" [value ...] %}...{% endarticle_fragment %}` stores what it encloses under the
article's `page_digest` (a digest of every row the page shows, news.article_page), the values given (what the
part shows from elsewhere, such as the site's title), the language, SITE_URL and a digest of the article page's
templates. Any change to the article, its themes and their contact points, documents, links or published
related articles changes the digest, so nothing needs invalidating and nothing can be stale; the page cache
(news.caching) is separate and still drops whole pages per content token.

The parts of one page given the same values share one cache entry (a dict of part name to HTML), read once per
page view; a missing part is rendered and the entry stored again. Since a key names its content, each process
also keeps the entries it used last (LOCAL_ENTRIES) and reads the cache only for others: no copy can be stale.
Without a digest (the ORM path on SQLite, the editors' preview) or with FRAGMENT_CACHE = False every part is
rendered every time. A part must show nothing but the article's rows, the values given and constants: not
the request, a nonce or other rows.
"""

import hashlib
import threading
from collections import OrderedDict
from functools import cache as memoize

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The page template and what it includes inside its parts: a change to any of them changes every key.
ARTICLE_TEMPLATES = (
    "news/article_detail.html",
    "news/includes/meta.html",
    "news/includes/breadcrumbs.html",
    "news/includes/date.html",
    "news/includes/event.html",
    "news/includes/links.html",
    "news/includes/contact_point.html",
)
FRAGMENT_KEY = "news:article:{version}:{language}:{digest}:{vary}"
FRAGMENT_TIMEOUT = 60 * 60 * 24 * 7  # an old version's key is never read again: let it expire
LOCAL_ENTRIES = 256  # per process: the most read articles' entries (some 10-40 KB each)


class _LocalEntries:
    """The entries this process used last, least recently used dropped first (threads share it)."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, dict] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


local_entries = _LocalEntries(LOCAL_ENTRIES)


@memoize
def _templates_version() -> str:
    sources = [get_template(name).template.source for name in ARTICLE_TEMPLATES]
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:12]


def article_fragment_key(article, vary=()) -> str | None:
    """The cache key of the article's parts shown with `vary`, or None when they must be rendered."""
    digest = getattr(article, "page_digest", None)
    if not digest or not getattr(settings, "FRAGMENT_CACHE", True):
        return None
    vary_digest = hashlib.blake2b(repr((settings.SITE_URL, *vary)).encode(), digest_size=8).hexdigest()
    return FRAGMENT_KEY.format(version=_templates_version(), language=get_language(), digest=digest, vary=vary_digest)


class ArticleFragmentNode(template.Node):
    def __init__(self, nodelist, article, part, vary):
        self.nodelist = nodelist
        self.article = article
        self.part = part
        self.vary = vary

    def render(self, context):
        key = article_fragment_key(self.article.resolve(context), [value.resolve(context) for value in self.vary])
        if key is None:
            return self.nodelist.render(context)
        entries = context.render_context.setdefault(ArticleFragmentNode, {})  # this page view's reads
        if key not in entries:
            entries[key] = local_entries.get(key)
            if entries[key] is None:
                entries[key] = cache.get(key) or {}
                local_entries.put(key, entries[key])
        entry = entries[key]
        if self.part not in entry:
            entry = entries[key] = {**entry, self.part: self.nodelist.render(context)}  # a new dict: threads share
            cache.set(key, entry, timeout=FRAGMENT_TIMEOUT)
            local_entries.put(key, entry)
        return mark_safe(entry[self.part])  # noqa: S308 - rendered (and escaped) by the enclosed template code


@register.tag
def article_fragment(parser, token):
    """{% article_fragment article "part" [value ...] %}...{% endarticle_fragment %}: cached by content."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("article_fragment takes the article, a part name and the values it shows")
    nodelist = parser.parse(("endarticle_fragment",))
    parser.delete_first_token()
    article, part, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return ArticleFragmentNode(nodelist, article, part.resolve({}), vary)
