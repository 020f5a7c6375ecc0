"""The client's IP address, also behind a reverse proxy (for login throttling)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """Return the client IP from CLIENT_IP_HEADER (set by a trusted proxy) or REMOTE_ADDR.

    For a list such as X-Forwarded-For the last address counts: that is the one our own proxy added; the
    ones before it come from the client and can be anything. A value that is not an IP address is ignored.
    """
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    candidates = [request.META.get(header, "").split(",")[-1].strip()] if header else []
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        if not getattr(address, "scope_id", None):  # "fe80::1%eth0" is not a client address
            return str(address)
    return None
