from django.urls import path

from . import views

app_name = "coalities"
urlpatterns = [
    path("trajecten/<int:pk>/coalitie/", views.coalitie, name="coalitie"),
    path("trajecten/<int:pk>/coalitie/uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path(
        "trajecten/<int:pk>/coalitie/uitnodigingen/<int:uitnodiging>/opnieuw/",
        views.uitnodiging_opnieuw,
        name="uitnodiging_opnieuw",
    ),
    path(
        "trajecten/<int:pk>/coalitie/uitnodigingen/<int:uitnodiging>/intrekken/",
        views.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    path("trajecten/<int:pk>/coalitie/vertrekken/", views.vertrekken, name="vertrekken"),
    path("trajecten/<int:pk>/coalitie/horizon/", views.horizon_oordeel, name="horizon_oordeel"),
    path("uitnodiging/<str:token>/", views.uitnodiging, name="uitnodiging"),
    path("trajecten/<int:pk>/route/", views.route, name="route"),
    path("trajecten/<int:pk>/route/kader/", views.route_kader, name="route_kader"),
    path("trajecten/<int:pk>/route/versies/", views.route_versies, name="route_versies"),
    path("trajecten/<int:pk>/route/akkoord/", views.akkoord, name="akkoord"),
    path("trajecten/<int:pk>/route/akkoord-vragen/", views.akkoord_vragen, name="akkoord_vragen"),
    path("trajecten/<int:pk>/route/mijlpalen/nieuw/", views.mijlpaal, name="mijlpaal_nieuw"),
    path("trajecten/<int:pk>/route/mijlpalen/<int:id>/", views.mijlpaal, name="mijlpaal"),
    path("trajecten/<int:pk>/route/inzet/nieuw/", views.inzet, name="inzet_nieuw"),
    path("trajecten/<int:pk>/route/inzet/<int:id>/", views.inzet, name="inzet"),
    path(
        "trajecten/<int:pk>/route/inzet/bevestigen/",
        views.inzet_bevestigen,
        name="inzet_bevestigen",
    ),
    path(
        "trajecten/<int:pk>/route/begroting/nieuw/",
        views.begrotingspost,
        name="begrotingspost_nieuw",
    ),
    path(
        "trajecten/<int:pk>/route/begroting/<int:id>/",
        views.begrotingspost,
        name="begrotingspost",
    ),
    path("trajecten/<int:pk>/route/tranches/nieuw/", views.tranche, name="tranche_nieuw"),
    path("trajecten/<int:pk>/route/tranches/<int:id>/", views.tranche, name="tranche"),
    path(
        "trajecten/<int:pk>/route/<slug:soort>/<int:id>/verwijderen/",
        views.verwijderen,
        name="verwijderen",
    ),
]
