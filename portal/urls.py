from django.contrib import admin
from django.urls import include, path

from news.urls import root_urlpatterns
from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("beheer/", admin.site.urls),
    path("nieuwsbrief/", include("newsletter.urls")),
    path("", include("news.urls")),
    *root_urlpatterns,
]

handler404 = "news.views.page_not_found"
handler500 = "news.views.server_error"
