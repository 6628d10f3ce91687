from django.urls import path

from .views import horizon, intake, opgaven, reacties, voorstellen

app_name = "initiatieven"
urlpatterns = [
    # public
    path("g/<slug:gemeente>/", opgaven.gemeente, name="gemeente"),
    path("g/<slug:gemeente>/opgaven/<int:pk>/", opgaven.opgave, name="opgave"),
    path(
        "g/<slug:gemeente>/opgaven/<int:opgave>/voorstel/",
        voorstellen.voorstel_starten,
        name="opgave_voorstel_starten",
    ),
    path(
        "g/<slug:gemeente>/uitdaagrecht/", voorstellen.voorstel_starten, name="uitdaagrecht_starten"
    ),
    path(
        "g/<slug:gemeente>/voorstel/gestart/", voorstellen.voorstel_gestart, name="voorstel_gestart"
    ),
    path(
        "g/<slug:gemeente>/voorstellen/<int:pk>/",
        voorstellen.openbaar_voorstel,
        name="openbaar_voorstel",
    ),
    path(
        "g/<slug:gemeente>/voorstellen/<int:pk>/reageren/",
        voorstellen.voorstel_reageren,
        name="voorstel_reageren",
    ),
    path("reactie/<str:token>/", reacties.reactie_bevestigen, name="reactie_bevestigen"),
    path("reacties/<int:pk>/melden/", reacties.reactie_melden, name="reactie_melden"),
    path("reacties/<int:pk>/verbergen/", reacties.reactie_verbergen, name="reactie_verbergen"),
    path("gemeenten/<slug:gemeente>/reacties/", reacties.reacties_beheer, name="reacties_beheer"),
    path("steun/<str:token>/", voorstellen.steun_bevestigen, name="steun_bevestigen"),
    # officials of a gemeente
    path("gemeenten/<slug:gemeente>/opgaven/", opgaven.opgaven_beheer, name="opgaven_beheer"),
    path("gemeenten/<slug:gemeente>/opgaven/nieuw/", opgaven.opgave_bewerken, name="opgave_nieuw"),
    path(
        "gemeenten/<slug:gemeente>/opgaven/<int:pk>/wijzigen/",
        opgaven.opgave_bewerken,
        name="opgave_wijzigen",
    ),
    path(
        "gemeenten/<slug:gemeente>/opgaven/<int:pk>/vergelijken/",
        opgaven.vergelijken,
        name="vergelijken",
    ),
    path(
        "gemeenten/<slug:gemeente>/opgaven/<int:pk>/<slug:actie>/",
        opgaven.opgave_status,
        name="opgave_status",
    ),
    path("gemeenten/<slug:gemeente>/voorstellen/", opgaven.voorstellen, name="voorstellen"),
    path("gemeenten/<slug:gemeente>/criteria/", opgaven.criteria, name="criteria"),
    # the proposal and horizon of one traject
    path("trajecten/<int:pk>/voorstel/", voorstellen.voorstel, name="voorstel"),
    path(
        "trajecten/<int:pk>/voorstel/nieuw/",
        voorstellen.voorstel_aanmaken,
        name="voorstel_aanmaken",
    ),
    path(
        "trajecten/<int:pk>/voorstel/wijzigen/",
        voorstellen.voorstel_wijzigen,
        name="voorstel_wijzigen",
    ),
    path("trajecten/<int:pk>/voorstel/bijlagen/", voorstellen.bijlagen, name="bijlagen"),
    path(
        "trajecten/<int:pk>/voorstel/bijlagen/<int:bijlage>/",
        voorstellen.bijlage_downloaden,
        name="bijlage",
    ),
    path(
        "trajecten/<int:pk>/voorstel/bijlagen/<int:bijlage>/verwijderen/",
        voorstellen.bijlage_verwijderen,
        name="bijlage_verwijderen",
    ),
    path(
        "trajecten/<int:pk>/voorstel/openbaar/",
        voorstellen.voorstel_openbaar_zetten,
        name="voorstel_openbaar_zetten",
    ),
    path("trajecten/<int:pk>/voorstel/steun/", voorstellen.steun, name="steun"),
    path("trajecten/<int:pk>/voorstel/beoordelen/", intake.beoordelen, name="beoordelen"),
    path("trajecten/<int:pk>/voorstel/besluit/", intake.besluiten, name="besluiten"),
    path("trajecten/<int:pk>/voorstel/besluitbrief/", intake.besluitbrief, name="besluitbrief"),
    path(
        "trajecten/<int:pk>/voorstel/besluitbrief/opnieuw/",
        intake.besluitbrief_opnieuw,
        name="besluitbrief_opnieuw",
    ),
    path("trajecten/<int:pk>/horizon/", horizon.horizon, name="horizon"),
    path("trajecten/<int:pk>/horizon/wijzigen/", horizon.horizon_wijzigen, name="horizon_wijzigen"),
    path("trajecten/<int:pk>/horizon/akkoord/", horizon.horizon_akkoord, name="horizon_akkoord"),
]
