"""Overviews across the phases: dashboard, my page, public register, exports, dossier,
report and privacy. They read every phase's data, so they live apart from the core's state
machine (which never imports the phase apps). Included in the root urls as ``overzicht``."""

from django.urls import path

from . import views

urlpatterns = [
    path("gemeenten/<slug:gemeente>/dashboard/", views.dashboard, name="dashboard"),
    path(
        "gemeenten/<slug:gemeente>/dashboard/trajecten.csv",
        views.trajecten_export,
        {"formaat": "csv"},
        name="trajecten_csv",
    ),
    path(
        "gemeenten/<slug:gemeente>/dashboard/trajecten-excel.csv",
        views.trajecten_export,
        {"formaat": "excel"},
        name="trajecten_excel",
    ),
    path("gemeenten/<slug:gemeente>/rapport/", views.rapport, name="rapport"),
    path("gemeenten/<slug:gemeente>/rapport/<int:jaar>.pdf", views.rapport_pdf, name="rapport_pdf"),
    path("meldingen/voorkeuren/", views.voorkeuren, name="voorkeuren"),
    path("meldingen/alles-gelezen/", views.alles_gelezen, name="alles_gelezen"),
    path("register/", views.register_index, name="register_index"),
    path("register/<slug:gemeente>/", views.register, name="register"),
    path("open-data/<slug:gemeente>/register.json", views.register_json, name="register_json"),
    path("open-data/<slug:gemeente>/register.csv", views.register_csv, name="register_csv"),
    path("trajecten/<int:pk>/dossier/", views.dossier, name="dossier"),
    path(
        "trajecten/<int:pk>/dossier/<int:dossier>/download/",
        views.dossier_download,
        name="dossier_download",
    ),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/mijn-gegevens.json", views.privacy_export, name="privacy_export"),
    path("privacy/mijn-gegevens.zip", views.privacy_export_zip, name="privacy_export_zip"),
    path("privacy/wissen/", views.privacy_wissen, name="privacy_wissen"),
]
