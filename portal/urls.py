from django.contrib import admin
from django.urls import include, path

from news.media import media_serve
from news.urls import root_urlpatterns
from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("beheer/", admin.site.urls),
    path("nieuwsbrief/", include("newsletter.urls")),
    # Uploaded article images, in every profile: WhiteNoise serves static files only (see news/media.py).
    path("media/<path:path>", media_serve, name="media"),
    path("", include("news.urls")),
    *root_urlpatterns,
]

handler404 = "news.views.page_not_found"
handler500 = "news.views.server_error"
