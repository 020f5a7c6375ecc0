from django.urls import path

from news import views

app_name = "news"
urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("nieuws/<slug:slug>/", views.article_detail, name="article_detail"),
    path("themas/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("documenten/<slug:slug>/", views.document_download, name="document_download"),
]
