"""The officials' list and the traject page run the same number of SQL queries whatever the
amount of data (no N+1)."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbesteden.constants import TrajectStatus as S
from aanbesteden.models import Traject
from aanbesteden.services import traject_transitie

STATUSSEN = itertools.cycle([s.value for s in S])


def _trajecten_erbij(gemeente, aantal: int) -> None:
    Traject.objects.bulk_create(
        Traject(gemeente=gemeente, titel=f"Bulktraject {i}", status=next(STATUSSEN))
        for i in range(aantal)
    )


def _queries(client, pad: str) -> int:
    client.get(pad)  # warm up per-process caches (content types, permissions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200, pad
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_lijst_van_de_gemeente_5_en_200(client, gemeente, ambtenaar):
    client.force_login(ambtenaar)
    pad = "/gemeenten/gemeente-a/trajecten/"
    _trajecten_erbij(gemeente, 5)
    bij_5 = _queries(client, pad)
    _trajecten_erbij(gemeente, 195)
    bij_200 = _queries(client, pad)
    assert bij_5 == bij_200
    # Filtered and on a later page too.
    assert _queries(client, pad + "?status=route&pagina=2") == bij_200


@pytest.mark.django_db
def test_trajectpagina_5_en_200(client, gemeente, ambtenaar, traject):
    client.force_login(ambtenaar)
    pad = traject.get_absolute_url()
    _trajecten_erbij(gemeente, 4)
    bij_5 = _queries(client, pad)
    _trajecten_erbij(gemeente, 195)
    bij_200 = _queries(client, pad)
    assert bij_5 == bij_200


@pytest.mark.django_db
def test_trajectpagina_korte_en_lange_tijdlijn(geen_vereisten, client, ambtenaar, traject):
    Traject.objects.filter(pk=traject.pk).update(status=S.HORIZON)
    client.force_login(ambtenaar)
    pad = traject.get_absolute_url()

    def heen_en_terug():
        t = Traject.objects.get(pk=traject.pk)
        t = traject_transitie(traject=t, transitie="naar_coalitie", door=ambtenaar)
        traject_transitie(
            traject=t, transitie="terug_naar_horizon", door=ambtenaar, motivatie="Nog niet."
        )

    heen_en_terug()
    kort = _queries(client, pad)
    for _ in range(10):
        heen_en_terug()
    lang = _queries(client, pad)
    assert kort == lang
