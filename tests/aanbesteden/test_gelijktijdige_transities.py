"""Two people firing a transition on the same traject at once: exactly one wins, the other gets
a clear refusal, and nothing is half-saved."""

import threading

import pytest
from django.db import connection, connections
from django_fsm_log.models import StateLog

from aanbesteden.constants import TrajectStatus as S
from aanbesteden.models import Traject
from aanbesteden.services import TransitieGeweigerd, traject_transitie
from meldingen.models import Notificatie


def _in_status(traject, status):
    Traject.objects.filter(pk=traject.pk).update(status=status)
    return Traject.objects.get(pk=traject.pk)


@pytest.mark.django_db
def test_verouderde_kopie_wordt_geweigerd(geen_vereisten, traject, ambtenaar):
    traject = _in_status(traject, S.INGEDIEND)
    kopie_1 = Traject.objects.get(pk=traject.pk)
    kopie_2 = Traject.objects.get(pk=traject.pk)

    traject_transitie(traject=kopie_1, transitie="toelaten", door=ambtenaar, motivatie="Goed plan.")
    with pytest.raises(TransitieGeweigerd) as fout:
        traject_transitie(
            traject=kopie_2, transitie="afwijzen", door=ambtenaar, motivatie="Geen plan."
        )
    assert "intussen" in fout.value.bericht
    assert not fout.value.verboden

    assert Traject.objects.get(pk=traject.pk).status == S.HORIZON
    logs = StateLog.objects.for_(traject)
    assert [(log.source_state, log.state) for log in logs] == [(S.INGEDIEND, S.HORIZON)]


@pytest.mark.django_db
def test_zelfde_transitie_tweemaal_op_verouderde_kopie(geen_vereisten, traject, initiatiefnemer):
    kopie_1 = Traject.objects.get(pk=traject.pk)
    kopie_2 = Traject.objects.get(pk=traject.pk)
    traject_transitie(traject=kopie_1, transitie="indienen", door=initiatiefnemer)
    with pytest.raises(TransitieGeweigerd):
        traject_transitie(traject=kopie_2, transitie="indienen", door=initiatiefnemer)
    assert StateLog.objects.for_(traject).count() == 1


@pytest.mark.django_db
def test_tweede_post_via_de_pagina_krijgt_409(
    geen_vereisten, client, traject, ambtenaar, initiatiefnemer
):
    traject = _in_status(traject, S.INGEDIEND)
    client.force_login(ambtenaar)
    toelaten = f"/trajecten/{traject.pk}/stap/toelaten/"
    afwijzen = f"/trajecten/{traject.pk}/stap/afwijzen/"
    # Both forms were opened while the traject was "ingediend".
    assert client.get(toelaten).status_code == 200
    assert client.get(afwijzen).status_code == 200
    notificaties_voor = Notificatie.objects.count()

    eerste = client.post(toelaten, {"status": S.INGEDIEND, "motivatie": "Past bij de opgave."})
    assert eerste.status_code == 302
    na_eerste = Notificatie.objects.count()
    assert na_eerste > notificaties_voor  # the initiative is told

    tweede = client.post(afwijzen, {"status": S.INGEDIEND, "motivatie": "Toch niet."})
    assert tweede.status_code == 409
    assert "intussen gewijzigd" in tweede.content.decode()
    traject.refresh_from_db()
    assert traject.status == S.HORIZON
    assert StateLog.objects.for_(traject).count() == 1
    assert Notificatie.objects.count() == na_eerste


@pytest.mark.django_db
def test_dubbel_verstuurd_formulier_zet_de_stap_een_keer(
    geen_vereisten, client, traject, initiatiefnemer
):
    client.force_login(initiatiefnemer)
    url = f"/trajecten/{traject.pk}/stap/indienen/"
    assert client.post(url, {"status": S.CONCEPT}).status_code == 302
    assert client.post(url, {"status": S.CONCEPT}).status_code in (403, 409)
    assert StateLog.objects.for_(traject).count() == 1


@pytest.mark.django_db(transaction=True)
def test_twee_threads_tegelijk_op_postgresql(geen_vereisten, traject, ambtenaar):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite kent geen rijvergrendeling (SELECT ... FOR UPDATE); alleen PostgreSQL")
    traject = _in_status(traject, S.INGEDIEND)
    kopieen = {
        "toelaten": Traject.objects.get(pk=traject.pk),
        "afwijzen": Traject.objects.get(pk=traject.pk),
    }
    start = threading.Barrier(2)
    uitkomst: dict[str, object] = {}

    def vuur(transitie):
        try:
            start.wait(timeout=10)
            traject_transitie(
                traject=kopieen[transitie], transitie=transitie, door=ambtenaar, motivatie="Nu."
            )
            uitkomst[transitie] = "gelukt"
        except TransitieGeweigerd as exc:
            uitkomst[transitie] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vuur, args=(t,)) for t in kopieen]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    gelukt = [t for t, u in uitkomst.items() if u == "gelukt"]
    geweigerd = [u for u in uitkomst.values() if isinstance(u, TransitieGeweigerd)]
    assert len(gelukt) == 1, uitkomst
    assert len(geweigerd) == 1, uitkomst
    assert "intussen" in geweigerd[0].bericht
    traject.refresh_from_db()
    assert traject.status == (S.HORIZON if gelukt == ["toelaten"] else S.AFGEWEZEN)
    assert StateLog.objects.for_(traject).count() == 1
