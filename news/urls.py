from django.contrib.sitemaps.views import sitemap
from django.urls import path

from news import feeds, views
from news.caching import cache_public_page
from news.sitemaps import sitemaps

app_name = "news"
urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("nieuws/<slug:slug>/", views.article_detail, name="article_detail"),
    path("themas/", views.theme_list, name="theme_list"),
    path("themas/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("themas/<slug:slug>/feed/", feeds.ThemeArticleFeed(), name="theme_feed"),
    path("archief/", views.archive_index, name="archive_index"),
    path("archief/<int:year>/", views.archive_year, name="archive_year"),
    path("archief/<int:year>/<int:month>/", views.archive_month, name="archive_month"),
    path("zoeken/", views.search_view, name="search"),
    path("documenten/<slug:slug>/", views.document_download, name="document_download"),
    path("feeds/nieuws/", feeds.ArticleFeed(), name="article_feed"),
]

# Outside the "news" namespace: the names Django's sitemap framework and robots.txt expect.
root_urlpatterns = [
    path("sitemap.xml", cache_public_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
