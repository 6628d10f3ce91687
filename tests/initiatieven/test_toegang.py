"""Who may open which page of the intake: every URL × every role, own and other gemeente.
Nobody outside the traject learns it exists (404); a role without the right gets 403."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from aanbesteden.models import Traject
from initiatieven.constants import DocumentStatus
from initiatieven.models import Besluitbrief, Bijlage, Horizon

from .factories import PDF_BYTES, opgave_maken, voorstel_compleet

ROLLEN = [
    "anoniem",
    "ambtenaar",
    "ambtenaar_andere_gemeente",
    "initiatiefnemer",
    "partner",
    "initiatiefnemer_ander_traject",
    "partner_ander_traject",
]
BUITEN = {
    "ambtenaar_andere_gemeente": 404,
    "initiatiefnemer_ander_traject": 404,
    "partner_ander_traject": 404,
}


def verwacht(a, ini, partner):
    return {"anoniem": 302, "ambtenaar": a, "initiatiefnemer": ini, "partner": partner, **BUITEN}


#: url name -> (status of the traject, expected per role)
TRAJECT_PAGINAS = {
    "voorstel": ("horizon", verwacht(200, 200, 403)),
    "bijlage": ("horizon", verwacht(200, 200, 403)),
    "besluitbrief": ("horizon", verwacht(200, 200, 403)),
    "horizon": ("horizon", verwacht(200, 200, 200)),
    "horizon_wijzigen": ("horizon", verwacht(200, 200, 403)),
    "beoordelen": ("ingediend", verwacht(200, 403, 403)),
    "besluiten": ("ingediend", verwacht(200, 403, 403)),
    "voorstel_wijzigen": ("concept", verwacht(403, 200, 403)),
    "bijlagen": ("concept", verwacht(403, 200, 403)),
    "steun": ("concept", verwacht(403, 200, 403)),
}


@pytest.fixture
def volledig(traject, rollen):
    """The traject with a proposal, an attachment, a decision letter and a horizon."""
    voorstel = voorstel_compleet(traject)
    bijlage = Bijlage(
        voorstel=voorstel,
        naam="plan.pdf",
        mime="application/pdf",
        grootte=len(PDF_BYTES),
        sha256="x",
    )
    bijlage.bestand.save("plan.pdf", ContentFile(PDF_BYTES))
    brief = Besluitbrief(voorstel=voorstel, status=DocumentStatus.KLAAR)
    brief.bestand.save("brief.pdf", ContentFile(PDF_BYTES))
    Horizon.objects.create(traject=traject)
    return {"traject": traject, "bijlage": bijlage}


def _url(naam, volledig):
    kwargs = {"pk": volledig["traject"].pk}
    if naam == "bijlage":
        kwargs["bijlage"] = volledig["bijlage"].pk
    return reverse(f"initiatieven:{naam}", kwargs=kwargs)


@pytest.mark.parametrize("naam", list(TRAJECT_PAGINAS))
def test_traject_paginas(client, volledig, rollen, naam):
    status, tabel = TRAJECT_PAGINAS[naam]
    Traject.objects.filter(pk=volledig["traject"].pk).update(status=status)
    for rol in ROLLEN:
        client.logout()
        if rollen[rol] is not None:
            client.force_login(rollen[rol])
        antwoord = client.get(_url(naam, volledig))
        assert antwoord.status_code == tabel[rol], (naam, rol)
        if tabel[rol] == 302:
            assert "/inloggen/" in antwoord["Location"]


@pytest.mark.parametrize(
    ("naam", "status"),
    [
        ("bijlage_verwijderen", "concept"),
        ("besluitbrief_opnieuw", "horizon"),
        ("horizon_akkoord", "horizon"),
    ],
)
@pytest.mark.parametrize(
    "rol",
    [
        "ambtenaar_andere_gemeente",
        "initiatiefnemer_ander_traject",
        "partner_ander_traject",
        "partner",
    ],
)
def test_posts_van_buitenstaanders(client, volledig, rollen, naam, status, rol):
    traject = volledig["traject"]
    Traject.objects.filter(pk=traject.pk).update(status=status)
    client.force_login(rollen[rol])
    antwoord = client.post(
        _url(naam, volledig)
        if naam != "bijlage_verwijderen"
        else reverse(
            f"initiatieven:{naam}", kwargs={"pk": traject.pk, "bijlage": volledig["bijlage"].pk}
        ),
        {"versie": "1"},
    )
    assert antwoord.status_code == (403 if rol == "partner" else 404)
    assert Bijlage.objects.filter(pk=volledig["bijlage"].pk).exists()
    horizon = Horizon.objects.get(traject=traject)
    assert not horizon.akkoord_gemeente_op and not horizon.akkoord_initiatief_op


def test_bijlage_via_ander_traject_niet_te_halen(
    client, volledig, ander_traject, ander_initiatiefnemer, ambtenaar
):
    voorstel_compleet(ander_traject)
    client.force_login(ander_initiatiefnemer)
    url = reverse(
        "initiatieven:bijlage", kwargs={"pk": ander_traject.pk, "bijlage": volledig["bijlage"].pk}
    )
    assert client.get(url).status_code == 404


def test_bestanden_niet_als_statische_media(client, volledig, settings):
    bijlage = volledig["bijlage"]
    assert client.get(settings.MEDIA_URL + bijlage.bestand.name).status_code == 404


GEMEENTE_PAGINAS = [
    "opgaven_beheer",
    "opgave_nieuw",
    "voorstellen",
    "criteria",
    "vergelijken",
    "opgave_wijzigen",
]


@pytest.mark.parametrize("naam", GEMEENTE_PAGINAS)
def test_gemeente_paginas(client, gemeente, rollen, beheerder, naam):
    opgave = opgave_maken(gemeente)
    kwargs = {"gemeente": gemeente.slug}
    if naam in ("vergelijken", "opgave_wijzigen"):
        kwargs["pk"] = opgave.pk
    for rol in [*ROLLEN, "beheerder"]:
        client.logout()
        gebruiker = beheerder if rol == "beheerder" else rollen[rol]
        if gebruiker is not None:
            client.force_login(gebruiker)
        antwoord = client.get(reverse(f"initiatieven:{naam}", kwargs=kwargs))
        if rol == "anoniem":
            assert antwoord.status_code == 302, rol
        elif rol == "beheerder" or (rol == "ambtenaar" and naam != "criteria"):
            assert antwoord.status_code == 200, rol
        else:
            assert antwoord.status_code == 403, rol


def test_opgave_van_andere_gemeente_via_eigen_adres(client, gemeente, andere_gemeente, ambtenaar):
    vreemd = opgave_maken(andere_gemeente)
    client.force_login(ambtenaar)
    for naam in ("vergelijken", "opgave_wijzigen"):
        url = reverse(f"initiatieven:{naam}", kwargs={"gemeente": gemeente.slug, "pk": vreemd.pk})
        assert client.get(url).status_code == 404
    url = reverse(
        "initiatieven:opgave_status",
        kwargs={"gemeente": gemeente.slug, "pk": vreemd.pk, "actie": "sluiten"},
    )
    assert client.post(url).status_code == 404


def test_publieke_paginas(client, gemeente):
    opgave = opgave_maken(gemeente)
    assert (
        client.get(reverse("initiatieven:gemeente", kwargs={"gemeente": gemeente.slug})).status_code
        == 200
    )
    assert (
        client.get(
            reverse("initiatieven:opgave", kwargs={"gemeente": gemeente.slug, "pk": opgave.pk})
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("initiatieven:gemeente", kwargs={"gemeente": "bestaat-niet"})
        ).status_code
        == 404
    )


def test_beheerder_beheert_criteria(client, gemeente, beheerder):
    from initiatieven.models import Beoordelingscriterium

    client.force_login(beheerder)
    url = reverse("initiatieven:criteria", kwargs={"gemeente": gemeente.slug})
    client.get(url)
    criteria = list(
        Beoordelingscriterium.objects.filter(gemeente=gemeente).order_by("volgorde", "pk")
    )
    assert len(criteria) == 9
    data = {
        "criteria-TOTAL_FORMS": "10",
        "criteria-INITIAL_FORMS": "9",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "50",
    }
    for i, c in enumerate(criteria):
        data |= {
            f"criteria-{i}-id": str(c.pk),
            f"criteria-{i}-titel": c.titel,
            f"criteria-{i}-volgorde": str(c.volgorde),
            f"criteria-{i}-actief": "on",
        }
    data["criteria-0-actief"] = ""
    data |= {
        "criteria-9-titel": "Duurzaam",
        "criteria-9-volgorde": "100",
        "criteria-9-actief": "on",
    }
    assert client.post(url, data).status_code == 302
    assert Beoordelingscriterium.objects.filter(gemeente=gemeente, actief=True).count() == 9
    assert Beoordelingscriterium.objects.get(gemeente=gemeente, titel="Duurzaam").code == "duurzaam"
    data["criteria-9-titel"] = "x" * 201
    assert client.post(url, data).status_code == 400


def test_criterium_van_andere_gemeente_niet_te_wijzigen(
    client, gemeente, andere_gemeente, beheerder
):
    from initiatieven.models import Beoordelingscriterium
    from initiatieven.selectors import criteria_voor_gemeente

    vreemd = criteria_voor_gemeente(gemeente=andere_gemeente).first()
    client.force_login(beheerder)
    url = reverse("initiatieven:criteria", kwargs={"gemeente": gemeente.slug})
    data = {
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "1",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "50",
    }
    data |= {
        "criteria-0-id": str(vreemd.pk),
        "criteria-0-titel": "Gekaapt",
        "criteria-0-volgorde": "1",
    }
    assert client.post(url, data).status_code == 400
    vreemd.refresh_from_db()
    assert vreemd.titel != "Gekaapt" and vreemd.actief and vreemd.gemeente == andere_gemeente
    assert not Beoordelingscriterium.objects.filter(titel="Gekaapt").exists()
