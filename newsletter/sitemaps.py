"""Sitemap entries of the newsletter: the archive of editions and every edition's web version."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsletter.selectors import edition_list_public


class EditionArchiveSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["newsletter:edition_archive"]

    def location(self, item):
        return reverse(item)


class EditionSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return edition_list_public().only("month", "started_at", "finished_at")

    def lastmod(self, item):
        return item.finished_at or item.started_at
