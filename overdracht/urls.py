from django.urls import path

from . import views

app_name = "overdracht"

V = "trajecten/<int:pk>/overeenkomst/<int:nummer>/"

urlpatterns = [
    path("trajecten/<int:pk>/overeenkomst/opstellen/", views.opstellen, name="opstellen"),
    path(V, views.versie_detail, name="versie"),
    path(V + "wijzigen/", views.versie_bewerken, name="versie_bewerken"),
    path(V + "clausules/nieuw/", views.clausule_toevoegen, name="clausule_toevoegen"),
    path(V + "clausules/<int:id>/", views.clausule_bewerken, name="clausule_bewerken"),
    path(
        V + "clausules/<int:id>/verwijderen/",
        views.clausule_verwijderen,
        name="clausule_verwijderen",
    ),
    path(V + "vaststellen/", views.vaststellen, name="vaststellen"),
    path(V + "pdf/", views.pdf, name="pdf"),
    path(V + "pdf/opnieuw/", views.pdf_opnieuw, name="pdf_opnieuw"),
    path(V + "verzegeld.pdf", views.verzegeld_pdf, name="verzegeld_pdf"),
    path(V + "ondertekeningen/<int:id>/tekenen/", views.tekenen, name="tekenen"),
    path(V + "ondertekeningen/<int:id>/weigeren/", views.weigeren, name="weigeren"),
    path("gemeenten/<slug:gemeente>/clausules/", views.bibliotheek, name="bibliotheek"),
    path(
        "gemeenten/<slug:gemeente>/clausules/nieuw/",
        views.bibliotheek_clausule,
        name="bibliotheek_nieuw",
    ),
    path(
        "gemeenten/<slug:gemeente>/clausules/<int:id>/",
        views.bibliotheek_clausule,
        name="bibliotheek_clausule",
    ),
    path("overeenkomst/controleren/", views.verifieren, name="verifieren"),
]
