"""Cache of public pages for anonymous visitors.

Every cached page is keyed by a *content token*. The token lives in the default cache together with the
moment it stops being valid: the next scheduled transition (an article's publish_at or unpublish_at, the
end of a pin) or a short maximum, whichever comes first. ``public_pages_changed()`` drops the token, so
the next request builds fresh pages; scheduled changes appear on time because the token expires then.
"""

import datetime
import hashlib
import logging
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from news.models import Article, ArticleQuerySet

logger = logging.getLogger(__name__)

STATE_KEY = "news:public-state"
PAGE_KEY = "news:page:{token}:{digest}"
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


def public_state() -> dict:
    """Return {"token", "valid_until"} for the current content, making a new token when due."""
    now = timezone.now()
    state = cache.get(STATE_KEY)
    if state is not None and state["valid_until"] > now:
        return state
    valid_until = now + MAX_AGE
    transition = next_transition(now)
    if transition is not None:
        valid_until = min(valid_until, transition)
    state = {"token": uuid.uuid4().hex, "valid_until": valid_until}
    cache.set(STATE_KEY, state, timeout=max(1, int((valid_until - now).total_seconds()) + 1))
    return state


def _cacheable(request) -> bool:
    """Only anonymous GET/HEAD requests without a session: editors always see fresh pages."""
    if not getattr(settings, "PUBLIC_PAGE_CACHE", True):
        return False
    if request.method not in {"GET", "HEAD"}:
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _page_key(request, token: str) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return PAGE_KEY.format(token=token, digest=digest)


def _nonce(request) -> str | None:
    """The CSP nonce if this response used one (rendering it into a script tag generates it)."""
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None


def _from_cache(request, entry):
    response = entry["response"]
    old_nonce = entry["nonce"]
    if old_nonce:
        # The cached HTML carries the nonce of the request that built it; give it this request's nonce.
        new_nonce = str(request._csp_nonce)
        response.content = response.content.replace(old_nonce.encode(), new_nonce.encode())
    response["X-Cache"] = "hit"
    return response


def _seconds_left(state) -> int:
    return max(1, int((state["valid_until"] - timezone.now()).total_seconds()))


def cache_public_page(view):
    """Serve a view's 200 responses from the cache for anonymous visitors, keyed by the content token."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        state = public_state()
        key = _page_key(request, state["token"])
        entry = cache.get(key)
        if entry is not None:
            return _from_cache(request, entry)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        seconds = _seconds_left(state)
        patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, seconds))
        patch_vary_headers(response, ["Cookie"])
        if response.status_code == 200 and not response.cookies and not response.streaming:
            cache.set(key, {"response": response, "nonce": _nonce(request)}, timeout=seconds)
            response["X-Cache"] = "miss"
        return response

    return wrapper
