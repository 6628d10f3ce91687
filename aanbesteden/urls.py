"""The root urls: the core's own pages, then every app's, each under its namespace. The apps'
urls are wired here (this module and the settings are the project's wiring, not the core)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.urls import tweestapsverificatie

from . import views

kern = [
    path("taal/", views.taal_kiezen, name="taal"),
    path(
        "gemeenten/<slug:gemeente>/trajecten/", views.gemeente_trajecten, name="gemeente_trajecten"
    ),
    path("trajecten/<int:pk>/", views.traject_detail, name="traject"),
    path(
        "trajecten/<int:pk>/stap/<slug:transitie>/", views.TransitieView.as_view(), name="transitie"
    ),
    path("favicon.ico", views.favicon, name="favicon"),
]

urlpatterns = [
    path("", include((kern, "aanbesteden"))),
    path("", include("accounts.urls")),
    path("", include((tweestapsverificatie, "two_factor"))),
    path("", include("meldingen.urls")),
    path("", include("initiatieven.urls")),
    path("", include("coalities.urls")),
    path("", include("overdracht.urls")),
    path("", include("evaluatie.urls")),
    path("", include("overzicht.urls")),
    path("", include("api.urls")),
    path("", include("bedrijfsvoering.urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "aanbesteden.views.fout_400"
handler403 = "aanbesteden.views.fout_403"
handler404 = "aanbesteden.views.fout_404"
handler500 = "aanbesteden.views.fout_500"

if settings.DEBUG:  # pragma: no cover
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
