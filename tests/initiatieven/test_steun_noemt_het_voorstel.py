"""A supporter who opens the mailed link sees which proposal they support, before and after
confirming."""

import pytest

from aanbesteden.tokens import token_hash
from initiatieven.models import Steunbetuiging

pytestmark = pytest.mark.django_db


def test_bevestigingspagina_noemt_het_voorstel(client, voorstel):
    Steunbetuiging.objects.create(
        voorstel=voorstel, naam="Bram", email="bram@example.org", token_hash=token_hash("sleutel")
    )
    titel, initiatief = voorstel.traject.titel, voorstel.initiatief.naam
    html = client.get("/steun/sleutel/").content.decode()
    assert f"Steunt u het voorstel “{titel}” van {initiatief}" in html
    antwoord = client.post("/steun/sleutel/")
    assert antwoord.status_code == 200
    assert f"Uw steun voor het voorstel “{titel}” van {initiatief}" in antwoord.content.decode()
    assert Steunbetuiging.objects.get(email="bram@example.org").bevestigd_op is not None
    assert client.get("/steun/onbekend/").status_code == 404
