from django.urls import path, re_path

from newsletter import feeds, views

app_name = "newsletter"
urlpatterns = [
    path("aanmelden/", views.SubscribeView.as_view(), name="subscribe"),
    path("aanmelden/verstuurd/", views.SubscribeDoneView.as_view(), name="subscribe_done"),
    path("bevestigen/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("bevestigd/", views.ConfirmDoneView.as_view(), name="confirm_done"),
    path("voorkeuren/<str:token>/", views.PreferencesView.as_view(), name="preferences"),
    path("voorkeuren/<str:token>/gegevens.json", views.DataExportView.as_view(), name="subscriber_export"),
    path("voorkeuren/<str:token>/verwijderen/", views.EraseView.as_view(), name="subscriber_erase"),
    path("verwijderd/", views.EraseDoneView.as_view(), name="erase_done"),
    path("afmelden/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("archief/", views.edition_list, name="edition_archive"),
    path("archief/feed/", feeds.EditionFeed(), name="edition_feed"),
    re_path(r"^(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])/$", views.edition_detail, name="edition_detail"),
]
