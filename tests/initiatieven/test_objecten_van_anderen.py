"""The intake's objects stay with their own: a refused POST of an outsider or a partner changes
nothing, an attachment is not fetched through another traject nor as a static file, and a call
of another gemeente is not reached through one's own address. (Who may open which page of the
intake is in the roles × pages table, tests/toegang.)"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from aanbesteden.models import Traject
from initiatieven.constants import DocumentStatus
from initiatieven.models import Besluitbrief, Bijlage, Horizon

from .factories import PDF_BYTES, opgave_maken, voorstel_compleet


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
