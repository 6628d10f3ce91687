"""The public endpoints, as a visitor without a token reads them: only what is published
(no draft call, no unpublished or unsubmitted proposal, the register only from the transfer
on), nothing that identifies a person (checked against every field the register of personal
data declares), limited per client address, and the same answer for everybody."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone

from aanbesteden.persoonsgegevens import register as persoonsgegevens
from aanbesteden.services import traject_transitie
from tests.factories import TrajectFactory, UserFactory
from tests.overzicht.factories import (
    horizon_maken,
    initiatief_maken,
    moment_maken,
    opgave_maken,
    versie_maken,
    voorstel_maken,
)


@pytest.fixture
def openbaar(gemeente, andere_gemeente, initiatiefnemer, ambtenaar, geen_vereisten):
    from coalities.models import Partner
    from initiatieven.models import Contactpersoon, Opgave, Steunbetuiging

    opgave = opgave_maken(gemeente, titel="Beheer buurthuis")
    opgave_maken(gemeente, titel="Concept opgave")
    Opgave.objects.filter(titel="Concept opgave").update(status="concept", gepubliceerd_op=None)
    opgave_maken(andere_gemeente, titel="Opgave van B")

    # A published, submitted proposal with a contact person, supporters and a decision.
    aanvraag = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=initiatiefnemer, titel="Speeltuin Zuid"
    )
    initiatief = initiatief_maken(
        naam="Stichting Speeltuin", email="bestuur@speeltuin.example", straat="Kerkstraat 17"
    )
    Contactpersoon.objects.create(
        initiatief=initiatief, naam="Jan Jansen", email="jan@example.org", telefoon="0612345678"
    )
    voorstel = voorstel_maken(
        aanvraag, initiatief=initiatief, opgave=opgave, omschrijving="Een speeltuin voor iedereen"
    )
    Steunbetuiging.objects.create(
        voorstel=voorstel, naam="Sanne Steun", email="sanne@example.org", token_hash="a" * 64
    )
    traject_transitie(traject=aanvraag, transitie="indienen", door=initiatiefnemer)
    besluiter = UserFactory(naam="Bea Besluit", email="bea.besluit@gemeente.example")
    voorstel.refresh_from_db()
    voorstel.ingediend_op = timezone.now()
    voorstel.openbaar = True
    voorstel.openbaar_sinds = timezone.now()
    voorstel.besluit = "toegelaten"
    voorstel.besluit_op = timezone.now()
    voorstel.besluit_motivatie = "Past bij het beleid."
    voorstel.besloten_door = besluiter
    voorstel.save()

    verborgen = TrajectFactory(gemeente=gemeente, status="ingediend", titel="Geheim voorstel")
    voorstel_maken(verborgen, initiatief=initiatief_maken(naam="Familie De Vries"))
    concept = TrajectFactory(gemeente=gemeente, titel="Concept voorstel")
    voorstel_maken(concept, openbaar=True)

    # A handed-over task in the register, with a partner that did not agree to be named.
    park = TrajectFactory(gemeente=gemeente, status="evaluatie", titel="Buurtpark beheren")
    voorstel_maken(park, initiatief=initiatief_maken(naam="Stichting Buurtpark"), opgave=opgave)
    horizon_maken(park, indicatoren=1)
    Partner.objects.create(
        traject=park,
        gebruiker=UserFactory(naam="Karin Geheim", telefoon="0687654321"),
        organisatie="Geheime BV",
        contactpersoon="Karin Geheim",
        telefoon="0687654321",
        publiceren=False,
    )
    versie_maken(park, status="verzegeld", startdatum=date(2025, 3, 1))
    moment_maken(park, date.today() + timedelta(days=90))
    TrajectFactory(gemeente=andere_gemeente, status="verankerd", titel="Traject in B")
    return {"voorstel": voorstel, "park": park, "opgave": opgave}


def _lijst(client, naam, **query):
    response = client.get(reverse(f"api:{naam}-list"), query)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.django_db
def test_alleen_wat_gepubliceerd_is(openbaar, client, gemeente):
    assert {o["titel"] for o in _lijst(client, "opgave")} == {"Beheer buurthuis", "Opgave van B"}
    assert {o["titel"] for o in _lijst(client, "opgave", gemeente=gemeente.slug)} == {
        "Beheer buurthuis"
    }
    voorstellen = _lijst(client, "voorstel")
    assert [v["titel"] for v in voorstellen] == ["Speeltuin Zuid"]
    voorstel = voorstellen[0]
    assert voorstel["initiatief"] == "Stichting Speeltuin"
    assert voorstel["status"] == "ingediend" and voorstel["besluit"] == "toegelaten"
    assert voorstel["opgave"] == openbaar["opgave"].pk
    register = _lijst(client, "register")
    assert {t["taak"] for t in register} == {"Buurtpark beheren", "Traject in B"}
    assert {t["taak"] for t in _lijst(client, "register", gemeente=gemeente.slug)} == {
        "Buurtpark beheren"
    }
    park = next(t for t in register if t["taak"] == "Buurtpark beheren")
    assert park["gemeente"] == gemeente.slug and park["partners"] == []
    assert park["sinds"] == "2025-03-01"
    assert {g["slug"] for g in _lijst(client, "gemeente")} == {"gemeente-a", "gemeente-b"}


@pytest.mark.django_db
def test_onbekend_of_niet_openbaar_is_404(openbaar, client):
    from initiatieven.models import Opgave, Voorstel

    verborgen = Voorstel.objects.get(traject__titel="Geheim voorstel")
    concept = Opgave.objects.get(titel="Concept opgave")
    for url in (
        reverse("api:voorstel-detail", kwargs={"pk": verborgen.pk}),
        reverse("api:opgave-detail", kwargs={"pk": concept.pk}),
        reverse("api:register-detail", kwargs={"pk": openbaar["voorstel"].traject_id}),
        "/api/v1/bestaat-niet/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"


def _persoonlijke_waarden() -> set[str]:
    """Every value stored in a field the register of personal data erases (or in every text
    field of a table whose rows it deletes), apart from the fields it says stay."""
    waarden: set[str] = set()
    for onderdeel in persoonsgegevens.onderdelen():
        model = onderdeel.model
        if onderdeel.verwijderen:
            namen = [
                v.name
                for v in model._meta.concrete_fields
                if isinstance(v, models.CharField | models.TextField)
                and v.name not in onderdeel.blijft
            ]
        else:
            namen = [
                n
                for n in onderdeel.wissen
                if not model._meta.get_field(n).is_relation and n not in onderdeel.blijft
            ]
        for naam in namen:
            for waarde in model.objects.values_list(naam, flat=True):
                if isinstance(waarde, str) and len(waarde.strip()) >= 4:
                    waarden.add(waarde.strip())
    return waarden


@pytest.mark.django_db
def test_geen_persoonsgegevens_in_openbare_eindpunten(openbaar, client):
    waarden = _persoonlijke_waarden()
    # The world holds personal data in the declared fields (else this test proves nothing).
    for bekend in ("jan@example.org", "Sanne Steun", "Bea Besluit", "Petra Ambtenaar"):
        assert bekend in waarden
    teksten = []
    for naam in ("gemeente", "opgave", "voorstel", "register"):
        lijst = client.get(reverse(f"api:{naam}-list"), {"page_size": 100})
        teksten.append(lijst.content.decode())
        for rij in lijst.json()["results"]:
            sleutel = {"slug": rij["slug"]} if naam == "gemeente" else {"pk": rij["id"]}
            detail = client.get(reverse(f"api:{naam}-detail", kwargs=sleutel))
            assert detail.status_code == 200
            teksten.append(detail.content.decode())
    alles = json.dumps(teksten, ensure_ascii=False)
    gevonden = sorted(w for w in waarden if w in alles)
    assert not gevonden, f"personal data in the public API: {gevonden}"
    for verboden in ("Karin Geheim", "Geheime BV", "0612345678", "Familie De Vries", "@"):
        assert verboden not in alles


@pytest.mark.django_db
def test_begrensd_per_client_met_429(client, settings, gemeente):
    settings.LIMIET_API_PER_CLIENT = ["3/m"]
    url = reverse("api:opgave-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"
    # Another client address has its own count.
    assert client.get(url, REMOTE_ADDR="192.0.2.9").status_code == 200


@pytest.mark.django_db
def test_openbare_lijsten_met_begrensde_queries(openbaar, client, django_assert_max_num_queries):
    for naam, maximum in (("opgave", 3), ("voorstel", 3), ("register", 8), ("gemeente", 3)):
        with django_assert_max_num_queries(maximum):
            assert client.get(reverse(f"api:{naam}-list")).status_code == 200


@pytest.mark.django_db
def test_etag_op_openbare_lijst(openbaar, client):
    url = reverse("api:register-list")
    eerste = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=eerste["ETag"]).status_code == 304
