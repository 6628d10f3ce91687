from django.urls import path

from . import views

app_name = "evaluatie"

urlpatterns = [
    path("trajecten/<int:pk>/evaluatie/", views.momenten, name="momenten"),
    path(
        "trajecten/<int:pk>/evaluatie/momenten/nieuw/",
        views.moment_toevoegen,
        name="moment_toevoegen",
    ),
    path(
        "trajecten/<int:pk>/evaluatie/momenten/<int:moment>/",
        views.moment_detail,
        name="moment",
    ),
    path(
        "trajecten/<int:pk>/evaluatie/momenten/<int:moment>/verplaatsen/",
        views.moment_verplaatsen,
        name="moment_verplaatsen",
    ),
    path(
        "trajecten/<int:pk>/evaluatie/momenten/<int:moment>/bijdrage/",
        views.bijdrage,
        name="bijdrage",
    ),
    path(
        "trajecten/<int:pk>/evaluatie/momenten/<int:moment>/visie/",
        views.visie,
        name="visie",
    ),
    path(
        "trajecten/<int:pk>/evaluatie/momenten/<int:moment>/besluit/",
        views.besluit,
        name="besluit",
    ),
    path("trajecten/<int:pk>/verankering/", views.verankering, name="verankering"),
    path("trajecten/<int:pk>/exitplan/", views.exitplan, name="exitplan"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/vernieuwen/", views.agenda_vernieuwen, name="agenda_vernieuwen"),
    path("agenda/<str:sleutel>.ics", views.ical, name="ical"),
]
