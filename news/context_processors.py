"""Site chrome shared by every public page: page texts, contact block, quick links, themes for navigation."""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from news import selectors
from news.caching import public_state

# One entry, tagged with the content token and the language it was built under (v2: with the rendered pieces).
CHROME_KEY = "news:chrome:v2"


def chrome(request):
    """Return the chrome, once per request: one small cache round trip (the content token) when this process
    already built or read the chrome under that token, one more otherwise.

    Built with five queries (chrome_get) when the content token changed, with the footer rendered.
    """
    data = getattr(request, "_chrome", None)
    if data is None:
        data = request._chrome = _chrome_load(request)
    return data


class _Memo:
    """The chrome this process last used: kept with its content token and language, so it is never shown after
    the token changed (any edit drops the token, and so does a cleared cache)."""

    entry: tuple = (None, None)


def _chrome_load(request) -> dict:
    state = request._public_state = public_state(request)  # no round trip when the page cache read the token
    tag = (state["token"], get_language())
    known, data = _Memo.entry
    if known == tag:
        return data
    entry = cache.get(CHROME_KEY)
    if entry is not None and (entry["token"], entry.get("language")) == tag:
        data = entry["data"]
    else:
        data = selectors.chrome_get()
        data.update(chrome_pieces_render(data))
        seconds = int((state["valid_until"] - timezone.now()).total_seconds())
        cache.set(CHROME_KEY, {"token": tag[0], "language": tag[1], "data": data}, timeout=max(1, seconds))
    _Memo.entry = (tag, data)
    return data


def footer_render(data: dict) -> str:
    """The site footer (contact block, themes), rendered once per content token and language.

    It shows nothing that depends on the request: base.html prints this instead of including the template.
    """
    return render_to_string("includes/footer.html", {**data, "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME})


def chrome_pieces_render(data: dict) -> dict:
    """The pieces of the chrome that show only chrome data, rendered once per content token and language: the
    footer, the newsletter call to action and the news page's quick links."""
    return {
        "footer_html": footer_render(data),
        "newsletter_cta_html": render_to_string("includes/newsletter_cta.html", data),
        "quick_links_html": render_to_string("news/includes/quick_links.html", data),
    }
