"""Concurrent clicks: the same signatory twice at once, and the last two signatories at once,
give exactly the right signatures and one seal."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from overdracht.constants import VersieStatus
from overdracht.models import Ondertekening
from overdracht.services import ondertekening_tekenen

from .factories import alles_tekenen

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite locks the whole database and has no SELECT ... FOR UPDATE: run this "
        "with DATABASE_URL=postgres://... to test row locks under concurrent requests",
    ),
]


def _tegelijk(*taken):
    """Run each callable in its own thread (own connection), started at the same moment."""
    start = threading.Barrier(len(taken))
    uitkomsten: list = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait()
            uitkomsten[i] = taak()
        except Exception as exc:  # noqa: BLE001 - reported to the test below
            uitkomsten[i] = exc
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(60)
    return uitkomsten


def _teken(rij, sha):
    return lambda: ondertekening_tekenen(
        ondertekening_id=rij.pk,
        door=rij.ondertekenaar,
        ip_adres="192.0.2.1",
        getypte_naam=rij.naam,
        pdf_sha256=sha,
    )[1]


def test_zelfde_ondertekenaar_twee_keer_tegelijk(vastgesteld, partner):
    rij = vastgesteld.ondertekeningen.select_related("ondertekenaar").get(ondertekenaar=partner)
    uitkomsten = _tegelijk(_teken(rij, vastgesteld.pdf_sha256), _teken(rij, vastgesteld.pdf_sha256))
    assert sorted(uitkomsten) == [False, True], uitkomsten
    assert Ondertekening.objects.filter(versie=vastgesteld, getekend_op__isnull=False).count() == 1
    assert Ondertekening.objects.filter(versie=vastgesteld).count() == 4


def test_laatste_twee_ondertekenaars_tegelijk(vastgesteld, partner, tweede_partner):
    alles_tekenen(vastgesteld, behalve=(partner, tweede_partner))
    rijen = list(
        vastgesteld.ondertekeningen.select_related("ondertekenaar").filter(
            ondertekenaar__in=[partner, tweede_partner]
        )
    )
    uitkomsten = _tegelijk(*[_teken(r, vastgesteld.pdf_sha256) for r in rijen])
    assert uitkomsten == [True, True], uitkomsten
    vastgesteld.refresh_from_db()
    assert Ondertekening.objects.filter(versie=vastgesteld, getekend_op__isnull=True).count() == 0
    assert vastgesteld.status == VersieStatus.VERZEGELD
    assert vastgesteld.verzegeld_sha256
