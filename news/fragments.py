"""Fragment cache of the list pages' per-article pieces: the cards (news page, theme page, archive month), and on
the news page the pinned notices and the table of contents' entries.

A fragment is stored under its article's pk and updated_at, the language, the fragment's variant and a digest of
the fragments' templates, so editing one article re-renders only its pieces and a new release never shows old
markup. A fragment shows nothing from other rows but the article's links, which an edit replaces together with
the article (article_save and the admin both save the article, so updated_at moves). The page cache still drops
whole pages per content token; this cache only saves the rendering when a page is built. The page query still
runs on every request: it decides which articles a page shows, in which order; only their markup is reused.

The selectors give a page's articles as ArticleRef (pk, updated_at): the full rows are loaded (one query, one
more for the links) only for the fragments that are not cached. Lookups go, per page:
1. a memo in this process, scoped to the current content token (read anyway for the chrome): a fragment's key
   never names other content, and any edit (public_pages_changed) or a cleared cache starts a new token and so
   an empty memo;
2. the shared cache, one get_many for every fragment of the page; the misses stored with one set_many.

FRAGMENT_CACHE=False renders every fragment (the pages are the same HTML either way).
"""

import hashlib
import threading
from dataclasses import dataclass, field
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from news import selectors
from news.caching import public_state

CARD_TEMPLATE = "news/includes/article_summary.html"
NOTICE_TEMPLATE = "news/includes/article_notice.html"
TOC_TEMPLATE = "news/includes/toc_item.html"
# The templates every fragment is rendered with (the card includes the event block, the notice the links): a
# change to any of them changes every key.
FRAGMENT_TEMPLATES = (CARD_TEMPLATE, "news/includes/event.html", NOTICE_TEMPLATE, "news/includes/links.html")
FRAGMENT_TEMPLATES = (*FRAGMENT_TEMPLATES, TOC_TEMPLATE)
CARD_KEY = "news:card:{version}:{language}:{variant}:{pk}:{stamp}"
CARD_TIMEOUT = 60 * 60 * 24 * 7  # fragments of old articles are seldom shown: let them expire
MEMO_SIZE = 2000  # fragments kept in a process (about 1 KB each); the memo starts over when full


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cheap dict key
class Variant:
    """One kind of fragment: its name in the key, its template, the name of the article in the template's context,
    the extra context, and whether it shows the article's links."""

    name: str
    template: str
    links: bool = False
    article_name: str = "article"
    extra: dict = field(default_factory=dict)


NOTICE = Variant("notice", NOTICE_TEMPLATE, links=True, article_name="notice")
TOC = Variant("toc", TOC_TEMPLATE)


def card_variant(*, level: int = 2, with_details: bool = False) -> Variant:
    name = f"{level}{'d' if with_details else ''}"
    return Variant(name, CARD_TEMPLATE, links=with_details, extra={"level": level, "with_details": with_details})


@memoize
def _templates_version() -> str:
    sources = [get_template(name).template.source for name in FRAGMENT_TEMPLATES]
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:12]


def fragment_key(article, variant: Variant, *, language: str | None = None) -> str:
    """The cache key of one fragment: the article's pk and updated_at, language, variant and template version."""
    stamp = article.updated_at.isoformat() if article.updated_at else "-"
    language = language or get_language()
    return CARD_KEY.format(
        version=_templates_version(), language=language, variant=variant.name, pk=article.pk, stamp=stamp
    )


def card_key(article, *, level: int, with_details: bool) -> str:
    """The cache key of one card (see fragment_key)."""
    return fragment_key(article, card_variant(level=level, with_details=with_details))


class _Memo:
    """Fragments this process already has, for one content token at a time (see the module docstring)."""

    def __init__(self, size: int):
        self.size = size
        self._current: tuple[str | None, dict] = (None, {})
        self._lock = threading.Lock()

    def entries(self, token: str) -> dict:
        current = self._current
        if current[0] != token:
            with self._lock:
                if self._current[0] != token:
                    self._current = (token, {})
                current = self._current
        return current[1]

    def add(self, entries: dict, fresh: dict) -> None:
        if len(entries) + len(fresh) > self.size:
            entries.clear()
        entries.update(fresh)


_memo = _Memo(MEMO_SIZE)


def fragments_html(groups, *, request=None) -> list[SafeString]:
    """The joined fragments of each (variant, articles) group, in order.

    Articles may be ArticleRef: their full rows are loaded (one query, one more for links) only for fragments
    that are not cached.
    """
    groups = [(variant, list(articles)) for variant, articles in groups]
    wanted = {(variant, article.pk): article for variant, articles in groups for article in articles}
    if not getattr(settings, "FRAGMENT_CACHE", True):
        html = _render(wanted)
    else:
        html = _cached(wanted, request)
    return [_joined(html[variant, article.pk] for article in articles) for variant, articles in groups]


def _cached(wanted: dict, request) -> dict:
    """{(variant, pk): html} for every wanted fragment: from the memo, then the shared cache, then rendered."""
    state = public_state(request) if request is not None else None
    if request is not None:
        request._public_state = state  # the chrome reads the same token
    memo = _memo.entries(state["token"]) if state else {}
    language = get_language()
    keys = {fragment_key(row, variant, language=language): (variant, pk) for (variant, pk), row in wanted.items()}
    found = {key: html for key in keys if (html := memo.get(key)) is not None}  # another thread may empty it
    if len(found) < len(keys):
        shared = cache.get_many([key for key in keys if key not in found])
        missing = {key: keys[key] for key in keys if key not in found and key not in shared}
        if missing:
            html = _render({name: wanted[name] for name in missing.values()})
            fresh = {key: html[name] for key, name in missing.items()}
            cache.set_many(fresh, timeout=CARD_TIMEOUT)
            shared.update(fresh)
        if state:
            _memo.add(memo, shared)
        found.update(shared)
    return {name: found[key] for key, name in keys.items()}


def _render(wanted: dict) -> dict:
    """Render {(variant, pk): article}; ArticleRef become rows (one query), the links come with one more."""
    refs = {article.pk for article in wanted.values() if isinstance(article, selectors.ArticleRef)}
    rows = selectors.article_cards_by_pk(pks=refs) if refs else {}
    rows.update((article.pk, article) for article in wanted.values() if not isinstance(article, selectors.ArticleRef))
    # The links, for the variants that show them; already there when a selector prefetched them.
    selectors.article_links_prefetch(list({pk: rows[pk] for variant, pk in wanted if variant.links}.values()))
    html = {}
    for variant, pk in wanted:
        context = {variant.article_name: rows[pk], **variant.extra}
        html[variant, pk] = get_template(variant.template).render(context)
    return html


def article_cards_html(articles, *, level: int = 2, with_details: bool = False, request=None) -> SafeString:
    """The cards of `articles`, in order, from the cache where present (see fragments_html)."""
    return fragments_html([(card_variant(level=level, with_details=with_details), articles)], request=request)[0]


def article_list_fragments(*, pinned, articles, request=None) -> dict[str, SafeString]:
    """The news page's pinned notices, table of contents and cards (see fragments_html: one lookup for all)."""
    groups = [(NOTICE, pinned), (TOC, articles), (card_variant(level=2, with_details=True), articles)]
    notices, toc, cards = fragments_html(groups, request=request)
    return {"notices_html": notices, "toc_html": toc, "cards_html": cards}


def _joined(fragments) -> SafeString:
    return mark_safe("".join(fragments))  # noqa: S308 - each fragment was rendered (and escaped) by its template
