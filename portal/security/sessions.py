"""Staff sessions end after a period without activity and, whatever the activity, after a maximum age.

Django's SESSION_COOKIE_AGE is renewed whenever the session is saved, so it cannot cap a session that is
used all day; the start and the last activity are therefore kept in the session itself. Visitors have no
session at all (public pages set no cookies), so this only ever concerns logged-in staff.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

STARTED_KEY = "portal_session_started"
SEEN_KEY = "portal_session_seen"
# Writing the session on every request costs a database write; once a minute is precise enough.
SEEN_RESOLUTION = 60
EXPIRED = "Uw sessie is verlopen. Meld u opnieuw aan."


def session_expired(session, now: int) -> bool:
    """True when the session was idle too long or is older than the maximum age."""
    started, seen = session.get(STARTED_KEY), session.get(SEEN_KEY)
    if started is None or seen is None:
        return False
    return now - seen > settings.STAFF_SESSION_IDLE_SECONDS or now - started > settings.STAFF_SESSION_MAX_SECONDS


@receiver(user_logged_in, dispatch_uid="portal.security.sessions.session_start")
def session_start(sender, request, user, **kwargs) -> None:
    """The session's clock starts at login (the first request after it then writes nothing)."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED_KEY] = request.session[SEEN_KEY] = now


class StaffSessionTimeoutMiddleware:
    """Log out a user whose session expired (idle or too old); admin pages then show the login again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            response = self._check(request)
            if response is not None:
                return response
        return self.get_response(request)

    @staticmethod
    def _check(request):
        now = int(time.time())
        session = request.session
        if session_expired(session, now):
            logout(request)
            messages.info(request, EXPIRED)
            admin_index = reverse("admin:index")
            if request.path_info.startswith(admin_index):
                query = urlencode({"next": request.get_full_path() if request.method == "GET" else admin_index})
                return redirect(f"{reverse('admin:login')}?{query}")
            return None
        session.setdefault(STARTED_KEY, now)
        if now - session.get(SEEN_KEY, 0) >= SEEN_RESOLUTION:
            session[SEEN_KEY] = now
        return None
