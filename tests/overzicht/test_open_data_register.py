"""The public register and its open data: parse, show the handed-over tasks and open calls,
and hold no personal data nor names that were not agreed to be published."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import TrajectFactory, UserFactory

from .factories import (
    horizon_maken,
    initiatief_maken,
    moment_maken,
    opgave_maken,
    versie_maken,
    voorstel_maken,
)

VERBODEN = [
    "@",
    "0612345678",
    "0687654321",
    "Jan Jansen",
    "Karin Geheim",
    "Geheime BV",
    "Familie De Vries",
    "Petra Ambtenaar",
    "Traject in B",
    "Concept traject",
]


@pytest.fixture
def register(gemeente, andere_gemeente, initiatiefnemer):
    from coalities.models import Partner, Tranche
    from evaluatie.models import Evaluatie
    from initiatieven.models import Contactpersoon

    opgave = opgave_maken(gemeente, titel="Beheer buurthuis")
    opgave_maken(gemeente, titel="Gesloten opgave", open_=False)
    opgave_maken(andere_gemeente, titel="Opgave van B")

    park = TrajectFactory(gemeente=gemeente, status="evaluatie", titel="Buurtpark beheren")
    openbaar = initiatief_maken(naam="Stichting Buurtpark", email="info@buurtpark.example")
    Contactpersoon.objects.create(
        initiatief=openbaar, naam="Jan Jansen", email="jan@example.org", telefoon="0612345678"
    )
    voorstel_maken(park, initiatief=openbaar, opgave=opgave)
    horizon_maken(park, indicatoren=2)
    vertegenwoordiger = UserFactory(naam="Karin Geheim", telefoon="0687654321")
    Partner.objects.create(
        traject=park,
        gebruiker=UserFactory(naam="Piet Voetbal"),
        organisatie="Voetbalclub Noord",
        contactpersoon="Piet Voetbal",
        telefoon="0612345678",
        publiceren=True,
    )
    Partner.objects.create(
        traject=park,
        gebruiker=vertegenwoordiger,
        organisatie="Geheime BV",
        contactpersoon="Karin Geheim",
        telefoon="0687654321",
        publiceren=False,
    )
    for bedrag in ("1000.50", "2000"):
        Tranche.objects.create(
            traject=park,
            omschrijving="T",
            bedrag=Decimal(bedrag),
            vorm="subsidie",
            datum=date.today(),
        )
    versie_maken(park, status="verzegeld", startdatum=date(2025, 3, 1))
    moment = moment_maken(park, date(2025, 9, 1), status="afgerond")
    from django.utils import timezone

    Evaluatie.objects.create(
        moment=moment, conclusie="doorgaan", besloten_op=timezone.now() - timedelta(days=3)
    )
    moment_maken(park, date.today() + timedelta(days=90))

    prive = TrajectFactory(gemeente=gemeente, status="overdracht", titel="Moestuin")
    voorstel_maken(prive, initiatief=initiatief_maken(naam="Familie De Vries", publiceren=False))

    TrajectFactory(gemeente=gemeente, status="concept", titel="Concept traject")
    TrajectFactory(gemeente=andere_gemeente, status="evaluatie", titel="Traject in B")
    return {"park": park, "prive": prive}


def _geen_persoonsgegevens(tekst: str) -> None:
    for verboden in VERBODEN:
        assert verboden not in tekst, verboden


def test_json(register, gemeente, client):
    response = client.get(reverse("overzicht:register_json", kwargs={"gemeente": gemeente.slug}))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["licentie"] == "CC0-1.0"
    assert [o["titel"] for o in data["open_opgaven"]] == ["Beheer buurthuis"]
    taken = {t["taak"]: t for t in data["overgedragen_taken"]}
    assert set(taken) == {"Buurtpark beheren", "Moestuin"}
    park = taken["Buurtpark beheren"]
    assert park["initiatief"] == "Stichting Buurtpark"
    assert park["partners"] == ["Voetbalclub Noord"]
    assert park["opgave"] == "Beheer buurthuis"
    assert Decimal(park["budget_gemeente"]) == Decimal("3000.50")
    assert park["sinds"] == "2025-03-01"
    assert [i["naam"] for i in park["indicatoren"]] == ["Bezoekers 0", "Bezoekers 1"]
    assert park["laatste_evaluatie"]["besluit"] == "doorgaan"
    assert taken["Moestuin"]["initiatief"] is None
    _geen_persoonsgegevens(response.content.decode())


def test_csv(register, gemeente, client):
    response = client.get(reverse("overzicht:register_csv", kwargs={"gemeente": gemeente.slug}))
    assert response.status_code == 200
    rijen = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert {r["taak"] for r in rijen} == {"Buurtpark beheren", "Moestuin"}
    park = next(r for r in rijen if r["taak"] == "Buurtpark beheren")
    assert park["partners"] == "Voetbalclub Noord"
    assert Decimal(park["budget_gemeente"]) == Decimal("3000.50")
    _geen_persoonsgegevens(response.content.decode())


def test_registerpagina_zonder_inloggen(register, gemeente, client):
    response = client.get(reverse("overzicht:register", kwargs={"gemeente": gemeente.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buurtpark beheren" in html and "Voetbalclub Noord" in html
    assert "Beheer buurthuis" in html
    # The open call is a link to its page, where a resident can answer it.
    from initiatieven.models import Opgave

    opgave = Opgave.objects.get(titel="Beheer buurthuis")
    url = reverse("initiatieven:opgave", kwargs={"gemeente": gemeente.slug, "pk": opgave.pk})
    assert f'href="{url}">Beheer buurthuis</a>' in html
    # Only the body: the page shell has no personal data either, but mail links may.
    inhoud = html.split('id="inhoud"')[1]
    _geen_persoonsgegevens(inhoud)


def test_onbekende_gemeente_404(client, db):
    assert client.get("/open-data/bestaat-niet/register.json").status_code == 404


@pytest.mark.parametrize(
    ("taal", "verwacht", "niet"),
    [
        ("nl", ["€ 3.000,50", "1 maart 2025", "100 → 200"], ["3000.50", "Mar"]),
        ("en", ["€ 3,000.50", "1 March 2025", "100 → 200"], ["3000.50", "maart"]),
    ],
)
def test_registerpagina_schrijft_bedragen_en_datums_zoals_mensen_lezen(
    register, gemeente, client, taal, verwacht, niet
):
    response = client.get(
        reverse("overzicht:register", kwargs={"gemeente": gemeente.slug}),
        HTTP_ACCEPT_LANGUAGE=taal,
    )
    inhoud = response.content.decode().split('id="inhoud"')[1]
    for tekst in verwacht:
        assert tekst in inhoud, tekst
    for tekst in [*niet, "2025-03-01", "100.00"]:
        assert tekst not in inhoud, tekst
    from django.utils import formats, timezone, translation

    besloten = timezone.localdate() - timedelta(days=3)
    with translation.override(taal):
        assert f"({formats.date_format(besloten, 'j F Y')})" in inhoud
