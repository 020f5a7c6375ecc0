"""Site chrome shared by every public page: page texts, contact block, quick links, themes for navigation."""

from django.core.cache import cache
from django.utils import timezone

from news import selectors
from news.caching import public_state

CHROME_KEY = "news:chrome:{token}"


def chrome(request):
    """Return the chrome from the cache; built with five queries (chrome_get) when the content token changed."""
    state = public_state(request)
    key = CHROME_KEY.format(token=state["token"])
    data = cache.get(key)
    if data is None:
        data = selectors.chrome_get()
        seconds = int((state["valid_until"] - timezone.now()).total_seconds())
        cache.set(key, data, timeout=max(1, seconds))
    return data
