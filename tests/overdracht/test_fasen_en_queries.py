"""The phase's place in the state machine, and bounded queries on its pages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbesteden.constants import TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.models import Traject
from overdracht.constants import VersieStatus

from .factories import alles_tekenen, traject_in_overdracht

pytestmark = pytest.mark.django_db


def _onvervuld(traject):
    return [v.code for v in fasen.onvervuld(Traject.objects.get(pk=traject.pk), "naar_evaluatie")]


def test_naar_evaluatie_vraagt_een_verzegelde_versie(vastgesteld, partner):
    traject = vastgesteld.traject
    assert "overeenkomst_verzegeld" in _onvervuld(traject)
    alles_tekenen(vastgesteld, behalve=(partner,))
    assert "overeenkomst_verzegeld" in _onvervuld(traject)


def test_naar_evaluatie_kan_na_verzegelen(verzegeld):
    assert "overeenkomst_verzegeld" not in _onvervuld(verzegeld.traject)


def test_bijsturen_vervangt_de_verzegelde_versie(verzegeld, ambtenaar, vereisten_register):
    from aanbesteden.services import traject_transitie

    vereisten_register.vereisten_weglaten("bijsturen")
    traject = Traject.objects.get(pk=verzegeld.traject_id)
    assert traject.status == TrajectStatus.EVALUATIE
    traject_transitie(
        traject=traject, transitie="bijsturen", door=ambtenaar, motivatie="Doelen bijstellen"
    )
    verzegeld.refresh_from_db()
    assert verzegeld.status == VersieStatus.VERVANGEN
    assert verzegeld.vervangen_reden == "Doelen bijstellen"


def _versiepagina_queries(client, user, versie):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(f"/trajecten/{versie.traject_id}/overeenkomst/{versie.nummer}/")
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def _trajectpagina_queries(client, traject):
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(f"/trajecten/{traject.pk}/")
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def test_paginas_blijven_even_zwaar_bij_meer_gegevens(
    client, gemeente, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    from overdracht.models import VersieClausule
    from overdracht.services import versie_opstellen, versie_vaststellen
    from tests.factories import TrajectFactory, partner_van

    tellingen = []
    for n in (3, 30):
        traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=initiatiefnemer)
        partners = [partner_van(traject, email=f"p{n}-{i}@example.org") for i in range(n // 3)]
        traject = traject_in_overdracht(traject, partner_gebruikers=partners, n_mijlpalen=n)
        versie = versie_opstellen(traject=traject)
        VersieClausule.objects.bulk_create(
            [VersieClausule(versie=versie, titel=f"C{i}", tekst="t") for i in range(n)]
        )
        with django_capture_on_commit_callbacks(execute=False):
            versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
        client.force_login(ambtenaar)
        tellingen.append(
            (
                _versiepagina_queries(client, ambtenaar, versie),
                _trajectpagina_queries(client, traject),
            )
        )
    assert tellingen[0] == tellingen[1], tellingen
