"""The notifications' pages, included in the root urls under the namespace ``meldingen``."""

from django.urls import path

from . import views

app_name = "meldingen"

urlpatterns = [
    path("meldingen/", views.meldingen, name="notificaties"),
    path("meldingen/<int:pk>/gelezen/", views.notificatie_gelezen, name="notificatie_gelezen"),
    path("meldingen/voorkeuren/", views.voorkeuren, name="voorkeuren"),
    path("meldingen/alles-gelezen/", views.alles_gelezen, name="alles_gelezen"),
]
