from django.urls import path

from . import views

app_name = "initiatieven"
urlpatterns = [
    # public
    path("g/<slug:gemeente>/", views.gemeente, name="gemeente"),
    path("g/<slug:gemeente>/opgaven/<int:pk>/", views.opgave, name="opgave"),
    path(
        "g/<slug:gemeente>/opgaven/<int:opgave>/voorstel/",
        views.voorstel_starten,
        name="opgave_voorstel_starten",
    ),
    path("g/<slug:gemeente>/uitdaagrecht/", views.voorstel_starten, name="uitdaagrecht_starten"),
    path("g/<slug:gemeente>/voorstel/gestart/", views.voorstel_gestart, name="voorstel_gestart"),
    path(
        "g/<slug:gemeente>/voorstellen/<int:pk>/",
        views.openbaar_voorstel,
        name="openbaar_voorstel",
    ),
    path(
        "g/<slug:gemeente>/voorstellen/<int:pk>/reageren/",
        views.voorstel_reageren,
        name="voorstel_reageren",
    ),
    path("reactie/<str:token>/", views.reactie_bevestigen, name="reactie_bevestigen"),
    path("reacties/<int:pk>/melden/", views.reactie_melden, name="reactie_melden"),
    path("reacties/<int:pk>/verbergen/", views.reactie_verbergen, name="reactie_verbergen"),
    path("gemeenten/<slug:gemeente>/reacties/", views.reacties_beheer, name="reacties_beheer"),
    path("steun/<str:token>/", views.steun_bevestigen, name="steun_bevestigen"),
    # officials of a gemeente
    path("gemeenten/<slug:gemeente>/opgaven/", views.opgaven_beheer, name="opgaven_beheer"),
    path("gemeenten/<slug:gemeente>/opgaven/nieuw/", views.opgave_bewerken, name="opgave_nieuw"),
    path(
        "gemeenten/<slug:gemeente>/opgaven/<int:pk>/wijzigen/",
        views.opgave_bewerken,
        name="opgave_wijzigen",
    ),
    path(
        "gemeenten/<slug:gemeente>/opgaven/<int:pk>/vergelijken/",
        views.vergelijken,
        name="vergelijken",
    ),
    path(
        "gemeenten/<slug:gemeente>/opgaven/<int:pk>/<slug:actie>/",
        views.opgave_status,
        name="opgave_status",
    ),
    path("gemeenten/<slug:gemeente>/voorstellen/", views.voorstellen, name="voorstellen"),
    path("gemeenten/<slug:gemeente>/criteria/", views.criteria, name="criteria"),
    # the proposal and horizon of one traject
    path("trajecten/<int:pk>/voorstel/", views.voorstel, name="voorstel"),
    path("trajecten/<int:pk>/voorstel/nieuw/", views.voorstel_aanmaken, name="voorstel_aanmaken"),
    path(
        "trajecten/<int:pk>/voorstel/wijzigen/", views.voorstel_wijzigen, name="voorstel_wijzigen"
    ),
    path("trajecten/<int:pk>/voorstel/bijlagen/", views.bijlagen, name="bijlagen"),
    path(
        "trajecten/<int:pk>/voorstel/bijlagen/<int:bijlage>/",
        views.bijlage_downloaden,
        name="bijlage",
    ),
    path(
        "trajecten/<int:pk>/voorstel/bijlagen/<int:bijlage>/verwijderen/",
        views.bijlage_verwijderen,
        name="bijlage_verwijderen",
    ),
    path(
        "trajecten/<int:pk>/voorstel/openbaar/",
        views.voorstel_openbaar_zetten,
        name="voorstel_openbaar_zetten",
    ),
    path("trajecten/<int:pk>/voorstel/steun/", views.steun, name="steun"),
    path("trajecten/<int:pk>/voorstel/beoordelen/", views.beoordelen, name="beoordelen"),
    path("trajecten/<int:pk>/voorstel/besluit/", views.besluiten, name="besluiten"),
    path("trajecten/<int:pk>/voorstel/besluitbrief/", views.besluitbrief, name="besluitbrief"),
    path(
        "trajecten/<int:pk>/voorstel/besluitbrief/opnieuw/",
        views.besluitbrief_opnieuw,
        name="besluitbrief_opnieuw",
    ),
    path("trajecten/<int:pk>/horizon/", views.horizon, name="horizon"),
    path("trajecten/<int:pk>/horizon/wijzigen/", views.horizon_wijzigen, name="horizon_wijzigen"),
    path("trajecten/<int:pk>/horizon/akkoord/", views.horizon_akkoord, name="horizon_akkoord"),
]
