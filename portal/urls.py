from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("beheer/", admin.site.urls),
    path("nieuwsbrief/", include("newsletter.urls")),
    path("", include("news.urls")),
]
