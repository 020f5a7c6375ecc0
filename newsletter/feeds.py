"""Atom feed of the monthly digest's editions that have been sent."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from news.caching import cache_public_page
from newsletter.selectors import edition_list_public
from newsletter.services.digest.markup import html_to_text

FEED_SIZE = 24


class EditionFeed(Feed):
    feed_type = Atom1Feed
    subtitle = _("Elke maand het nieuws voor professionals in het sociaal domein, als nieuwsbrief.")

    def __call__(self, request, *args, **kwargs):
        return cache_public_page(super().__call__)(request, *args, **kwargs)

    def title(self):
        return _("Nieuwsbrieven – %(site)s") % {"site": settings.SITE_NAME}  # noqa: RUF001

    def link(self):
        return reverse("newsletter:edition_archive")

    def items(self):
        return edition_list_public()[:FEED_SIZE]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return html_to_text(item.intro) or _("De nieuwsbrief van %(month)s.") % {"month": item.month_label}

    def item_pubdate(self, item):
        return item.started_at

    def item_updateddate(self, item):
        return item.finished_at or item.started_at
