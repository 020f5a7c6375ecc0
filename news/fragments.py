"""Fragment cache for the article cards of the list pages (news page, theme page, archive month).

A card is stored under its article's pk and updated_at, the language, the card variant and a digest of the
card's templates, so editing one article re-renders only its card and a new release never shows old markup.
A card shows nothing from other rows but the article's links, which an edit replaces together with the
article (article_save and the admin both save the article, so updated_at moves). The page cache still drops
whole pages per content token; this cache only saves the rendering when a page is built.

All cards of a page are read with one get_many and the misses stored with one set_many. FRAGMENT_CACHE=False
renders every card (the pages are the same HTML either way).
"""

import hashlib
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from news.models import ArticleLink

CARD_TEMPLATE = "news/includes/article_summary.html"
# The card includes the event block; a change to either template changes every card key.
CARD_TEMPLATES = (CARD_TEMPLATE, "news/includes/event.html")
CARD_KEY = "news:card:{version}:{language}:{variant}:{pk}:{stamp}"
CARD_TIMEOUT = 60 * 60 * 24 * 7  # cards of old articles are seldom shown: let them expire


@memoize
def _templates_version() -> str:
    sources = [get_template(name).template.source for name in CARD_TEMPLATES]
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:12]


def card_key(article, *, level: int, with_details: bool) -> str:
    """The cache key of one card: the article's pk and updated_at, language, variant and template version."""
    stamp = article.updated_at.isoformat() if article.updated_at else "-"
    variant = f"{level}{'d' if with_details else ''}"
    return CARD_KEY.format(
        version=_templates_version(), language=get_language(), variant=variant, pk=article.pk, stamp=stamp
    )


def _cards_render(articles, *, level: int, with_details: bool) -> list[str]:
    if with_details:  # the links; already there when the selector prefetched them
        prefetch_related_objects(articles, Prefetch("links", queryset=ArticleLink.objects.order_by("order", "id")))
    template = get_template(CARD_TEMPLATE)
    return [template.render({"article": article, "level": level, "with_details": with_details}) for article in articles]


def article_cards_html(articles, *, level: int = 2, with_details: bool = False) -> SafeString:
    """The cards of `articles`, in order, from the cache where present (one get_many, one set_many)."""
    articles = list(articles)
    if not getattr(settings, "FRAGMENT_CACHE", True) or not articles:
        return _joined(_cards_render(articles, level=level, with_details=with_details))
    keys = [card_key(article, level=level, with_details=with_details) for article in articles]
    found = cache.get_many(keys)
    missing = [(key, article) for key, article in zip(keys, articles, strict=True) if key not in found]
    if missing:
        html = _cards_render([article for _, article in missing], level=level, with_details=with_details)
        fresh = {key: text for (key, _), text in zip(missing, html, strict=True)}
        cache.set_many(fresh, timeout=CARD_TIMEOUT)
        found.update(fresh)
    return _joined(found[key] for key in keys)


def _joined(cards) -> SafeString:
    return mark_safe("".join(cards))  # noqa: S308 - each card was rendered (and escaped) by the card template
