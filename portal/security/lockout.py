"""The answer to a locked-out login (django-axes): one Dutch page, whatever the username was."""

from axes.helpers import get_cool_off
from django.contrib import admin
from django.shortcuts import render

LOCKOUT_TEMPLATE = "admin/login_locked.html"


def lockout_response(request, original_response=None, credentials=None):
    """Render the lockout page (HTTP 429). It never says whether the account exists (no enumeration)."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    context = {**admin.site.each_context(request), "title": "Te veel pogingen", "cooloff_minutes": minutes}
    return render(request, LOCKOUT_TEMPLATE, context, status=429)
