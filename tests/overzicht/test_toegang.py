"""Access to the overviews beyond the roles × pages table (tests/toegang, which holds every
page of the overviews with every role): an unknown gemeente, a dossier of another traject."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from overzicht.models import Dossier


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
