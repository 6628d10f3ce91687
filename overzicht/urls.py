"""The overviews across the phases: the landing page after logging in, my page, the officials'
dashboard and exports, the year report, the public register and open data, the archive
dossier and a person's own data. Included in the root urls under the namespace
``overzicht``."""

from django.urls import path

from .views import dashboard, dossier, mijn, privacy, rapport, register, verklaringen, zoeken

app_name = "overzicht"

urlpatterns = [
    path("", mijn.home, name="home"),
    path("start/", mijn.start, name="start"),
    path("mijn/", mijn.mijn_pagina, name="mijn_trajecten"),
    path("toegankelijkheid/", verklaringen.toegankelijkheid, name="toegankelijkheid"),
    path(
        "g/<slug:gemeente>/toegankelijkheid/",
        verklaringen.toegankelijkheid,
        name="toegankelijkheid_gemeente",
    ),
    path("privacyverklaring/", verklaringen.privacyverklaring, name="privacyverklaring"),
    path(
        "g/<slug:gemeente>/privacyverklaring/",
        verklaringen.privacyverklaring,
        name="privacyverklaring_gemeente",
    ),
    path("gemeenten/<slug:gemeente>/dashboard/", dashboard.dashboard, name="dashboard"),
    path(
        "gemeenten/<slug:gemeente>/dashboard/trajecten.csv",
        dashboard.trajecten_export,
        {"formaat": "csv"},
        name="trajecten_csv",
    ),
    path(
        "gemeenten/<slug:gemeente>/dashboard/trajecten-excel.csv",
        dashboard.trajecten_export,
        {"formaat": "excel"},
        name="trajecten_excel",
    ),
    path("gemeenten/<slug:gemeente>/rapport/", rapport.rapport, name="rapport"),
    path(
        "gemeenten/<slug:gemeente>/rapport/<int:jaar>.pdf", rapport.rapport_pdf, name="rapport_pdf"
    ),
    path("zoeken/", zoeken.zoeken, name="zoeken"),
    path("gemeenten/<slug:gemeente>/zoeken/", zoeken.zoeken_gemeente, name="zoeken_gemeente"),
    path("register/", register.register_index, name="register_index"),
    path("register/<slug:gemeente>/", register.register, name="register"),
    path(
        "register/<slug:gemeente>/taken/<int:pk>/",
        register.register_traject,
        name="register_traject",
    ),
    path(
        "register/<slug:gemeente>/taken/<int:pk>/reageren/",
        register.register_reageren,
        name="register_reageren",
    ),
    path("open-data/<slug:gemeente>/register.json", register.register_json, name="register_json"),
    path("open-data/<slug:gemeente>/register.csv", register.register_csv, name="register_csv"),
    path("trajecten/<int:pk>/dossier/", dossier.dossier, name="dossier"),
    path(
        "trajecten/<int:pk>/dossier/<int:dossier>/download/",
        dossier.dossier_download,
        name="dossier_download",
    ),
    path("privacy/", privacy.privacy, name="privacy"),
    path("privacy/mijn-gegevens.json", privacy.privacy_export, name="privacy_export"),
    path("privacy/mijn-gegevens.zip", privacy.privacy_export_zip, name="privacy_export_zip"),
    path("privacy/wissen/", privacy.privacy_wissen, name="privacy_wissen"),
]
