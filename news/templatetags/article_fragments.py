"""The article page's own markup from a fragment cache, keyed by the content it shows.

`{% article_fragment article %}...{% endarticle_fragment %}` stores what it encloses under the article's
`page_digest` (a digest of every row the page shows, news.article_page), the language, SITE_URL and a digest of
the article page's templates. Any change to the article, its themes and their contact points, documents, links
or published related articles changes the digest, so nothing needs invalidating and nothing can be stale; the
page cache (news.caching) is separate and still drops whole pages per content token. Without a digest (the ORM
path on SQLite, the editors' preview) or with FRAGMENT_CACHE = False the block is rendered every time.
The block must show nothing but the article's rows and constants: not the site texts, the request or a nonce.
"""

import hashlib
from functools import cache as memoize

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The page template and what it includes inside the block: a change to any of them changes every key.
ARTICLE_TEMPLATES = (
    "news/article_detail.html",
    "news/includes/date.html",
    "news/includes/event.html",
    "news/includes/links.html",
    "news/includes/contact_point.html",
)
FRAGMENT_KEY = "news:article:{version}:{language}:{digest}"
FRAGMENT_TIMEOUT = 60 * 60 * 24 * 7  # an old version's key is never read again: let it expire


@memoize
def _templates_version() -> str:
    sources = [get_template(name).template.source for name in ARTICLE_TEMPLATES]
    return hashlib.sha256("\0".join([settings.SITE_URL, *sources]).encode()).hexdigest()[:12]


def article_fragment_key(article) -> str | None:
    """The cache key of the article's markup, or None when it must be rendered (no digest, cache off)."""
    digest = getattr(article, "page_digest", None)
    if not digest or not getattr(settings, "FRAGMENT_CACHE", True):
        return None
    return FRAGMENT_KEY.format(version=_templates_version(), language=get_language(), digest=digest)


class ArticleFragmentNode(template.Node):
    def __init__(self, nodelist, article):
        self.nodelist = nodelist
        self.article = article

    def render(self, context):
        key = article_fragment_key(self.article.resolve(context))
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, timeout=FRAGMENT_TIMEOUT)
        return mark_safe(html)  # noqa: S308 - rendered (and escaped) by the enclosed template code


@register.tag
def article_fragment(parser, token):
    """{% article_fragment article %}...{% endarticle_fragment %}: the enclosed markup, cached by content."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("article_fragment takes one argument: the article")
    nodelist = parser.parse(("endarticle_fragment",))
    parser.delete_first_token()
    return ArticleFragmentNode(nodelist, parser.compile_filter(bits[1]))
