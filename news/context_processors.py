"""Site chrome shared by every public page: page texts, contact block, quick links, themes for navigation."""

from django.core.cache import cache
from django.utils import timezone

from news import selectors
from news.caching import STATE_KEY, public_state

# One entry, tagged with the content token it was built under: it is read together with the token.
CHROME_KEY = "news:chrome"


def chrome(request):
    """Return the chrome: one cache round trip (the content token and the chrome together), once per request.

    Built with five queries (chrome_get) when the content token changed.
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
    if entry is not None and entry["token"] == state["token"]:
        return entry["data"]
    data = selectors.chrome_get()
    seconds = int((state["valid_until"] - timezone.now()).total_seconds())
    cache.set(CHROME_KEY, {"token": state["token"], "data": data}, timeout=max(1, seconds))
    return data
