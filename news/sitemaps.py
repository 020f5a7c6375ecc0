"""Sitemap of the public pages: the fixed pages, every published article, every active theme."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import Article, Theme
from newsletter.sitemaps import EditionArchiveSitemap, EditionSitemap


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["news:article_list", "news:theme_list", "news:archive_index"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.published().order_by("-publication_date", "-id").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ThemeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Theme.objects.filter(is_active=True).only("slug")


sitemaps = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "themes": ThemeSitemap,
    "newsletter": EditionArchiveSitemap,
    "editions": EditionSitemap,
}
