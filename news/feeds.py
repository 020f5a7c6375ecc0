"""Atom feeds of published news: all of it, and per theme."""

import datetime
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from news import selectors
from news.caching import cache_public_page

FEED_SIZE = 30
# Characters XML 1.0 cannot carry; Django's feed writer raises on them (a 500 for the whole feed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value) -> str:
    """Return `value` as text that XML 1.0 can hold: the characters it cannot are dropped."""
    return _NOT_XML.sub("", str(value))


class TextSummaryAtomFeed(Atom1Feed):
    """Atom with `<summary>` as text: the lead is plain text, and a reader must not parse it as HTML."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ArticleFeed(Feed):
    feed_type = TextSummaryAtomFeed
    subtitle = _("Het laatste nieuws voor professionals in het sociaal domein.")

    def __call__(self, request, *args, **kwargs):
        return cache_public_page(super().__call__)(request, *args, **kwargs)

    def title(self, obj=None):
        return xml_text(settings.SITE_NAME)

    def link(self):
        return reverse("news:article_list")

    def items(self):
        return self.latest(selectors.article_list_published())

    def latest(self, queryset):
        return queryset.order_by("-publication_date", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.lead)

    def item_pubdate(self, item):
        # The publication date orders the site, also for imported articles; publish_at adds the hour.
        if item.publish_at and timezone.localdate(item.publish_at) == item.publication_date:
            return item.publish_at
        return datetime.datetime.combine(item.publication_date, datetime.time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return xml_text(item.author) if item.author else None


class ThemeArticleFeed(ArticleFeed):
    def get_object(self, request, slug):
        theme = selectors.theme_get_active(slug=slug)
        if theme is None:
            raise Http404("Thema niet gevonden")
        return theme

    def title(self, obj=None):
        return xml_text(f"{settings.SITE_NAME}: {obj.name}")

    def subtitle(self, obj):
        return xml_text(obj.description)

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.latest(selectors.article_list_published().filter(themes=obj))
