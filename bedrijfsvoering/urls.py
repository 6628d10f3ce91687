"""The internal endpoints. ``InterneVerzoekenMiddleware`` answers them before any other
middleware (plain HTTP, any host name); these patterns name them and reach them otherwise."""

from django.urls import path

from . import gezondheid, metrieken

app_name = "bedrijfsvoering"

urlpatterns = [
    path("gezond/leven/", gezondheid.leven, name="leven"),
    path("gezond/klaar/", gezondheid.klaar, name="klaar"),
    path("gezond/", gezondheid.alles, name="gezond"),
    path("metrics", metrieken.metrics, name="metrics"),
]
