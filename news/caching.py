"""Cache of public pages for anonymous visitors.

Every cached page belongs to a *content token*. The token lives in the default cache together with the
moment it stops being valid: the next scheduled transition (an article's publish_at or unpublish_at, the
end of a pin) or a short maximum, whichever comes first. ``public_pages_changed()`` drops the token, so
the next request builds fresh pages; scheduled changes appear on time because the token expires then.

portal.middleware.PublicPageCacheMiddleware answers a hit with one cache round trip (the token and the
page in one get_many) before the rest of the middleware stack runs, and stores what a miss built after
every middleware added its headers, so a hit carries the same headers as a miss (with a fresh CSP nonce).
"""

import datetime
import hashlib
import logging
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.csp import generate_nonce

from news.models import Article, ArticleQuerySet

logger = logging.getLogger(__name__)

STATE_KEY = "news:public-state"
# A page entry carries the token it was built under; it counts only while that token is current.
PAGE_KEY = "news:page:{digest}"
# Upper bound for a token's life, so a change made outside the services still shows within minutes.
MAX_AGE = datetime.timedelta(minutes=10)
# What a browser or proxy may keep; short, because editors expect their change on the next request.
BROWSER_MAX_AGE = 60


def public_pages_changed() -> None:
    """Invalidate every cached public page and the site chrome; idempotent and cheap."""
    cache.delete(STATE_KEY)


def next_transition(now: datetime.datetime) -> datetime.datetime | None:
    """Return the next moment at which the set of visible articles or pins changes (one query)."""
    found = Article.objects.filter(status=Article.Status.PUBLISHED).aggregate(
        publish=Min("publish_at", filter=ArticleQuerySet.scheduled_q(now)),
        unpublish=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),  # not expired yet
        pin_end=Min("pinned_until", filter=ArticleQuerySet.pinned_q(now)),
    )
    moments = [found["publish"], found["unpublish"]]
    if found["pin_end"] is not None:
        # A pin holds through pinned_until (a local date): it ends at the following local midnight.
        day_after = found["pin_end"] + datetime.timedelta(days=1)
        moments.append(datetime.datetime.combine(day_after, datetime.time.min, tzinfo=timezone.get_current_timezone()))
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


def public_state(request=None) -> dict:
    """Return {"token", "valid_until"} for the current content, making a new token when due.

    With a request, the state the page cache's lookup already read is reused (no second round trip).
    """
    now = timezone.now()
    state = getattr(request, "_public_state", None) or cache.get(STATE_KEY)
    if state is not None and state["valid_until"] > now:
        return state
    valid_until = now + MAX_AGE
    transition = next_transition(now)
    if transition is not None:
        valid_until = min(valid_until, transition)
    state = {"token": uuid.uuid4().hex, "valid_until": valid_until}
    cache.set(STATE_KEY, state, timeout=max(1, int((valid_until - now).total_seconds()) + 1))
    return state


def request_cacheable(request) -> bool:
    """Only GET/HEAD without any cookie: staff, logged-in visitors and anyone with a cookie get fresh pages."""
    if not getattr(settings, "PUBLIC_PAGE_CACHE", True):
        return False
    if request.method not in {"GET", "HEAD"} or request.COOKIES:
        return False
    return not request.path_info.startswith(_never_cached_prefixes())


def _never_cached_prefixes() -> tuple[str, ...]:
    # Static files (WhiteNoise), media and the admin are never cached pages: skip the lookup for them.
    return (settings.STATIC_URL, settings.MEDIA_URL, "/beheer/")


def _page_key(request) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return PAGE_KEY.format(digest=digest)


def _nonce(request) -> str | None:
    """The CSP nonce if this response used one (rendering it into a script tag generates it)."""
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None


def _seconds_left(state) -> int:
    return max(1, int((state["valid_until"] - timezone.now()).total_seconds()))


def cached_page_get(request) -> HttpResponse | None:
    """The cached response for this request, or None; one cache round trip (the state and the page together).

    A page counts only when it was built under the current, still valid content token.
    """
    key = _page_key(request)
    found = cache.get_many([STATE_KEY, key])
    state, entry = found.get(STATE_KEY), found.get(key)
    if state is None or state["valid_until"] <= timezone.now():
        return None
    request._public_state = state
    if entry is None or entry["token"] != state["token"]:
        return None
    return _from_entry(entry)


def _from_entry(entry: dict) -> HttpResponse:
    content, headers = entry["content"], entry["headers"]
    old_nonce = entry["nonce"]
    if old_nonce:
        # The page carries the nonce of the request that built it: give this response a fresh one.
        new_nonce = generate_nonce()
        content = content.replace(old_nonce.encode(), new_nonce.encode())
        headers = [(name, value.replace(old_nonce, new_nonce)) for name, value in headers]
    response = HttpResponse(content, status=entry["status"])
    for name, value in headers:
        response.headers[name] = value
    response.headers["Content-Length"] = str(len(content))
    response.headers["X-Cache"] = "hit"
    return response


def cached_page_store(request, response) -> None:
    """Keep a response that cache_public_page marked, with every header the middleware added; idempotent."""
    mark = getattr(response, "_public_page", None)
    if mark is None or response.status_code != 200 or response.cookies or response.streaming:
        return
    entry = {
        "token": mark["token"],
        "status": response.status_code,
        "headers": list(response.headers.items()),
        "content": response.content,
        "nonce": _nonce(request),
    }
    cache.set(_page_key(request), entry, timeout=mark["seconds"])
    response.headers["X-Cache"] = "miss"


def cache_public_page(view):
    """Mark a view's 200 responses for anonymous visitors as cacheable under the content token.

    portal.middleware.PublicPageCacheMiddleware serves the hits (before the rest of the middleware stack)
    and stores the marked responses once every middleware has added its headers.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request_cacheable(request):
            return view(request, *args, **kwargs)
        state = public_state(request)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        seconds = _seconds_left(state)
        patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, seconds))
        patch_vary_headers(response, ["Cookie"])
        if response.status_code == 200 and not response.cookies and not response.streaming:
            # One byte string instead of the writer's many chunks (a feed writes hundreds of small pieces):
            # cheaper to store, to load and to send.
            response.content = response.content
            response._public_page = {"token": state["token"], "seconds": seconds}
        return response

    return wrapper
