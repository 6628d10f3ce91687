"""Who gets what on every page of the overviews (the rows for the project's access matrix)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from overzicht.models import Dossier

LOGIN = "inlog"
ROLLEN = (
    "anoniem",
    "ambtenaar",
    "ambtenaar_andere_gemeente",
    "initiatiefnemer",
    "partner",
    "initiatiefnemer_ander_traject",
    "partner_ander_traject",
)
GEMEENTE = {"ambtenaar": 200, "ambtenaar_andere_gemeente": 403} | dict.fromkeys(ROLLEN[3:], 403)
IEDEREEN_INGELOGD = dict.fromkeys(ROLLEN[1:], 200)
PUBLIEK = dict.fromkeys(ROLLEN, 200)
DOSSIER = {
    "ambtenaar": 200,
    "ambtenaar_andere_gemeente": 404,
    "initiatiefnemer": 403,
    "partner": 403,
    "initiatiefnemer_ander_traject": 404,
    "partner_ander_traject": 404,
}

PAGINAS = [
    ("overzicht:dashboard", "g", GEMEENTE),
    ("overzicht:trajecten_csv", "g", GEMEENTE),
    ("overzicht:trajecten_excel", "g", GEMEENTE),
    ("overzicht:rapport", "g", GEMEENTE),
    ("overzicht:rapport_pdf", "gj", GEMEENTE),
    ("overzicht:register_index", "", PUBLIEK),
    ("overzicht:register", "g", PUBLIEK),
    ("overzicht:register_json", "g", PUBLIEK),
    ("overzicht:register_csv", "g", PUBLIEK),
    ("meldingen:voorkeuren", "", IEDEREEN_INGELOGD),
    ("overzicht:privacy", "", IEDEREEN_INGELOGD),
    ("overzicht:privacy_export", "", IEDEREEN_INGELOGD),
    ("overzicht:privacy_wissen", "", dict.fromkeys(ROLLEN[1:], 405)),
    ("overzicht:mijn_trajecten", "", IEDEREEN_INGELOGD),
    ("meldingen:notificaties", "", IEDEREEN_INGELOGD),
    ("meldingen:alles_gelezen", "", dict.fromkeys(ROLLEN[1:], 405)),
    ("overzicht:dossier", "t", DOSSIER),
    ("overzicht:dossier_download", "td", DOSSIER),
]


@pytest.mark.parametrize("naam,args,verwacht", PAGINAS, ids=[p[0] for p in PAGINAS])
def test_toegang(naam, args, verwacht, rollen, traject, gemeente, client):
    kwargs = {}
    if "g" in args:
        kwargs["gemeente"] = gemeente.slug
    if "j" in args:
        kwargs["jaar"] = 2025
    if "t" in args:
        kwargs["pk"] = traject.pk
    if "d" in args:
        dossier = Dossier.objects.create(traject=traject, status="klaar")
        dossier.bestand.save("d.zip", ContentFile(b"PK"))
        kwargs["dossier"] = dossier.pk
    url = reverse(naam, kwargs=kwargs)
    for rol in ROLLEN:
        client.logout()
        if rollen[rol] is not None:
            client.force_login(rollen[rol])
        response = client.get(url)
        if rol == "anoniem" and verwacht is not PUBLIEK:
            assert response.status_code == 302, rol
            assert response["Location"].startswith(reverse("accounts:inloggen")), rol
        else:
            assert response.status_code == verwacht[rol], (rol, response.status_code)


def test_onbekende_gemeente(ambtenaar, client):
    client.force_login(ambtenaar)
    assert client.get("/gemeenten/bestaat-niet/dashboard/").status_code == 404
    assert client.get("/register/bestaat-niet/").status_code == 404


def test_dossier_van_ander_traject_404(traject, ander_traject, ambtenaar, client):
    dossier = Dossier.objects.create(traject=ander_traject, status="klaar")
    dossier.bestand.save("d.zip", ContentFile(b"PK"))
    client.force_login(ambtenaar)
    url = reverse("overzicht:dossier_download", kwargs={"pk": traject.pk, "dossier": dossier.pk})
    assert client.get(url).status_code == 404
