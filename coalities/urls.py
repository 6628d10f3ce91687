from django.urls import path

from .views import coalitie, route

app_name = "coalities"
urlpatterns = [
    path("trajecten/<int:pk>/coalitie/", coalitie.coalitie, name="coalitie"),
    path("trajecten/<int:pk>/coalitie/uitnodigen/", coalitie.uitnodigen, name="uitnodigen"),
    path(
        "trajecten/<int:pk>/coalitie/uitnodigingen/<int:uitnodiging>/opnieuw/",
        coalitie.uitnodiging_opnieuw,
        name="uitnodiging_opnieuw",
    ),
    path(
        "trajecten/<int:pk>/coalitie/uitnodigingen/<int:uitnodiging>/intrekken/",
        coalitie.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    path("trajecten/<int:pk>/coalitie/vertrekken/", coalitie.vertrekken, name="vertrekken"),
    path("trajecten/<int:pk>/coalitie/horizon/", coalitie.horizon_oordeel, name="horizon_oordeel"),
    path("uitnodiging/<str:token>/", coalitie.uitnodiging, name="uitnodiging"),
    path("trajecten/<int:pk>/route/", route.route, name="route"),
    path("trajecten/<int:pk>/route/kader/", route.route_kader, name="route_kader"),
    path("trajecten/<int:pk>/route/versies/", route.route_versies, name="route_versies"),
    path("trajecten/<int:pk>/route/akkoord/", route.akkoord, name="akkoord"),
    path("trajecten/<int:pk>/route/akkoord-vragen/", route.akkoord_vragen, name="akkoord_vragen"),
    path("trajecten/<int:pk>/route/mijlpalen/nieuw/", route.mijlpaal, name="mijlpaal_nieuw"),
    path("trajecten/<int:pk>/route/mijlpalen/<int:id>/", route.mijlpaal, name="mijlpaal"),
    path("trajecten/<int:pk>/route/inzet/nieuw/", route.inzet, name="inzet_nieuw"),
    path("trajecten/<int:pk>/route/inzet/<int:id>/", route.inzet, name="inzet"),
    path(
        "trajecten/<int:pk>/route/inzet/bevestigen/",
        route.inzet_bevestigen,
        name="inzet_bevestigen",
    ),
    path(
        "trajecten/<int:pk>/route/begroting/nieuw/",
        route.begrotingspost,
        name="begrotingspost_nieuw",
    ),
    path(
        "trajecten/<int:pk>/route/begroting/<int:id>/",
        route.begrotingspost,
        name="begrotingspost",
    ),
    path("trajecten/<int:pk>/route/tranches/nieuw/", route.tranche, name="tranche_nieuw"),
    path("trajecten/<int:pk>/route/tranches/<int:id>/", route.tranche, name="tranche"),
    path(
        "trajecten/<int:pk>/route/<slug:soort>/<int:id>/verwijderen/",
        route.verwijderen,
        name="verwijderen",
    ),
]
