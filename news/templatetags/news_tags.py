"""Template helpers for the public pages: dates, event periods, links, breadcrumbs, absolute URLs."""

from functools import lru_cache
from types import SimpleNamespace

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeData, SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from news.fragments import article_cards_html

register = template.Library()


@register.filter
def absolute(path: str) -> str:
    """The canonical absolute URL of a site path, from SITE_URL (never from the Host header)."""
    return f"{settings.SITE_URL}{path}"


@register.filter
def file_size(document) -> str:
    """ "1,2 MB" for a document's file, or "" when the file is missing from storage."""
    try:
        return filesizeformat(document.file.size)
    except (OSError, ValueError):
        return ""


@register.filter
def event_period(article) -> str:
    """ "maandag 16 november 2026, 19.30 tot 21.00 uur" in local time; empty for a non-event."""
    starts = article.event_starts_at
    if starts is None:
        return ""
    starts = timezone.localtime(starts)
    text = f"{date_format(starts, 'l j F Y')}, {date_format(starts, 'G.i')}"
    ends = article.event_ends_at
    if ends is None:
        return _("%(begin)s uur") % {"begin": text}
    ends = timezone.localtime(ends)
    if ends.date() == starts.date():
        return _("%(begin)s tot %(end)s uur") % {"begin": text, "end": date_format(ends, "G.i")}
    until = f"{date_format(ends, 'l j F Y')}, {date_format(ends, 'G.i')}"
    return _("%(begin)s uur tot %(end)s uur") % {"begin": text, "end": until}


@register.filter
def call_to_action_links(article) -> list:
    """The article's links without its registration link, which the event block already shows."""
    registration = (article.event_registration_url or "").rstrip("/") if article.is_event else ""
    return [link for link in article.links.all() if not registration or link.url.rstrip("/") != registration]


@register.simple_tag
def breadcrumbs(*pairs) -> SafeString:
    """Breadcrumbs from (label, url) pairs; the last pair is the current page. The markup follows only from the
    pairs and the language: outside DEBUG one rendering per combination and process."""
    key = (get_language(), *(_frozen(value) for value in pairs))
    return _breadcrumbs_render.__wrapped__(key) if settings.DEBUG else _breadcrumbs_render(key)


@lru_cache(maxsize=1024)
def _breadcrumbs_render(key: tuple) -> SafeString:
    pairs = [_thawed(value) for value in key[1:]]
    crumbs = [{"label": pairs[i], "url": pairs[i + 1]} for i in range(0, len(pairs) - 1, 2)]
    return render_to_string("news/includes/breadcrumbs.html", {"crumbs": crumbs})


def _frozen(value) -> tuple[bool, str]:
    """A template value as part of a cache key: its text, and whether it is already safe (not escaped again)."""
    return (isinstance(value, SafeData), str(value))  # as the template prints it: None as "None", 2024 as "2024"


def _thawed(frozen: tuple[bool, str]) -> str:
    safe, text = frozen
    return SafeString(text) if safe else text


@register.simple_tag(takes_context=True)
def article_cards(context, articles, level=2, with_details=False):
    """The article cards of a list page, through the fragment cache (news.fragments)."""
    request = context.get("request")
    return article_cards_html(articles, level=level, with_details=with_details, request=request)


HEADER_TEMPLATE = "includes/header.html"


@register.simple_tag(takes_context=True)
def site_header(context) -> SafeString:
    """The page header. It shows settings and the current section, no rows: outside DEBUG it is rendered once per
    view, language and process (a page that fills the header's search field renders it)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if settings.DEBUG or request is None or context.get("search_value"):
        return render_to_string(HEADER_TEMPLATE, context.flatten())
    key = (
        get_language(),
        getattr(match, "view_name", "") or "",
        getattr(match, "namespace", "") or "",
        context.get("SITE_NAME"),
        context.get("MUNICIPALITY_NAME"),
    )
    return _header_render(key)


@lru_cache(maxsize=256)
def _header_render(key: tuple) -> SafeString:
    _language, view_name, namespace, site_name, municipality_name = key
    section = SimpleNamespace(resolver_match=SimpleNamespace(view_name=view_name, namespace=namespace))
    context = {"request": section, "SITE_NAME": site_name, "MUNICIPALITY_NAME": municipality_name}
    return render_to_string(HEADER_TEMPLATE, context)


@register.simple_tag
def site_assets() -> SafeString:
    """The icon and stylesheet links of every page: static file URLs, rendered once per process outside DEBUG."""
    if settings.DEBUG:
        return render_to_string("includes/assets.html")
    return _assets_render(settings.STATIC_URL)


@lru_cache(maxsize=4)
def _assets_render(_static_url: str) -> SafeString:
    return render_to_string("includes/assets.html")


META_TEMPLATE = "news/includes/meta.html"


@register.simple_tag(takes_context=True)
def page_meta(context, *, description="", og_title="", path="", og_type="", og_image="") -> SafeString:
    """The description, canonical, Open Graph and feed tags (news/includes/meta.html). They follow only from the
    arguments, the site title and the language: outside DEBUG one rendering per combination and process."""
    site_text = context.get("site_text")
    values = (description, og_title, path, og_type, og_image, getattr(site_text, "title", ""))
    key = (get_language(), *(_frozen(value) for value in values))
    return _meta_render.__wrapped__(key) if settings.DEBUG else _meta_render(key)


@lru_cache(maxsize=512)
def _meta_render(key: tuple) -> SafeString:
    description, og_title, path, og_type, og_image, site_title = (_thawed(value) for value in key[1:])
    context = {"site_text": {"title": site_title}, "description": description, "og_title": og_title, "path": path}
    context.update(og_type=og_type, og_image=og_image)
    return render_to_string(META_TEMPLATE, context)
