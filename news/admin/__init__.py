"""The editors' admin, in Dutch. Importing the modules registers the model admins."""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from news.admin import articles, other  # noqa: F401

admin.site.site_header = format_lazy(_("Beheer – {site}"), site=settings.SITE_NAME)  # noqa: RUF001
admin.site.site_title = admin.site.site_header
admin.site.index_title = _("Wat wilt u doen?")
