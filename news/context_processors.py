"""Site chrome shared by every public page: page texts, contact block, quick links, themes for navigation."""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from news import selectors
from news.caching import STATE_KEY, public_state

# One entry, tagged with the content token it was built under: it is read together with the token.
CHROME_KEY = "news:chrome"


def chrome(request):
    """Return the chrome: one cache round trip (the content token and the chrome together), once per request.

    Built with five queries (chrome_get) when the content token changed, with the footer rendered.
    """
    data = getattr(request, "_chrome", None)
    if data is None:
        data = request._chrome = _chrome_load(request)
    return data


def _chrome_load(request) -> dict:
    if getattr(request, "_public_state", None) is None:
        found = cache.get_many([STATE_KEY, CHROME_KEY])
        request._public_state = found.get(STATE_KEY)
        entry = found.get(CHROME_KEY)
    else:  # the page cache's lookup already read the token
        entry = cache.get(CHROME_KEY)
    state = public_state(request)  # no round trip while the token just read is valid
    language = get_language()
    if entry is not None and entry["token"] == state["token"] and entry.get("language") == language:
        return entry["data"]
    data = selectors.chrome_get()
    data["footer_html"] = footer_render(data)
    seconds = int((state["valid_until"] - timezone.now()).total_seconds())
    cache.set(CHROME_KEY, {"token": state["token"], "language": language, "data": data}, timeout=max(1, seconds))
    return data


def footer_render(data: dict) -> str:
    """The site footer (contact block, themes), rendered once per content token and language.

    It shows nothing that depends on the request: base.html prints this instead of including the template.
    """
    return render_to_string("includes/footer.html", {**data, "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME})
