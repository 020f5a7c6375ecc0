from django.contrib import admin
from django.urls import include, path

from news.media import media_serve
from news.urls import root_urlpatterns
from portal import views
from portal.security import views as security_views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # Before the admin's own URLs, whose catch-all would answer these paths.
    path("beheer/tweestapsverificatie/", security_views.two_factor_verify, name="two_factor_verify"),
    path("beheer/tweestapsverificatie/instellen/", security_views.two_factor_setup, name="two_factor_setup"),
    path(
        "beheer/tweestapsverificatie/herstelcodes/",
        security_views.two_factor_recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path("beheer/", admin.site.urls),
    # The email provider's bounce and complaint webhooks (404 unless WEBHOOK_SECRET is set).
    path("nieuwsbrief/anymail/", include("newsletter.webhooks")),
    path("nieuwsbrief/", include("newsletter.urls")),
    # Uploaded article images, in every profile: WhiteNoise serves static files only (see news/media.py).
    path("media/<path:path>", media_serve, name="media"),
    path("", include("news.urls")),
    *root_urlpatterns,
]

handler404 = "news.views.page_not_found"
handler500 = "news.views.server_error"
