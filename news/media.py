"""Uploaded article images, served by Django in every profile (WhiteNoise serves static files only).

Only a file that an article uses as its image is served, so nothing else under MEDIA_ROOT is reachable
(documents go through their own view and its visibility check), there is no directory listing and a path
cannot leave MEDIA_ROOT. Visitors get the images of published articles; staff also those of drafts, for
the preview.
"""

import logging
import mimetypes
import os
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from news.models import Article
from portal.security.two_factor import staff_verified

logger = logging.getLogger(__name__)

# Raster images a browser may show inline. Everything else (SVG can carry scripts) is a download.
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"})
# A browser that opens the file directly gets no scripts, plugins, forms or framing, whatever the file holds.
MEDIA_CSP = "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox"
# An image an editor removes (rights, privacy) leaves shared caches within the hour.
PUBLIC_MAX_AGE = 3600


def media_name_valid(name: str) -> bool:
    """True for a relative POSIX path without empty, '.' or '..' parts, backslashes or control characters."""
    if not name or name.startswith("/") or "\\" in name or any(ord(char) < 32 for char in name):
        return False
    return all(part not in {"", ".", ".."} for part in name.split("/"))


def media_audience(*, name: str, user) -> str | None:
    """'public' for a published article's image, 'staff' for any other article image a staff user may
    preview, None when the file is not served (one query)."""
    images = Article.objects.filter(image=name)
    if images.published().exists():
        return "public"
    if staff_verified(user) and images.exists():
        return "staff"
    return None


def _open(name: str):
    """Open the file under MEDIA_ROOT and return (handle, mtime); Http404 when it is missing or outside."""
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, name))
        handle = full_path.open("rb")
    except (SuspiciousFileOperation, OSError):
        logger.warning("Media file missing or refused: %s", name)
        raise Http404("Bestand niet gevonden") from None
    return handle, os.fstat(handle.fileno()).st_mtime


@require_safe
def media_serve(request, path):
    """Serve an article image with nosniff, a sandboxing CSP and caching; anything else is a 404."""
    audience = media_audience(name=path, user=request.user) if media_name_valid(path) else None
    if audience is None:
        raise Http404("Bestand niet gevonden")
    handle, mtime = _open(path)
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), int(mtime)):
        handle.close()
        response = HttpResponseNotModified()
    else:
        content_type, _encoding = mimetypes.guess_type(path)
        inline = content_type in INLINE_TYPES
        response = FileResponse(
            handle,
            as_attachment=not inline,
            filename=PurePosixPath(path).name,
            content_type=content_type if inline else "application/octet-stream",
        )
        response["Last-Modified"] = http_date(int(mtime))
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}" if audience == "public" else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response
