"""Test data of evaluatie: the builders and constants its tests import (its conftest.py
holds only the fixtures, which use these too)."""

from __future__ import annotations

import datetime

from overdracht.models import OvereenkomstVersie

#: The frozen "now" of most tests: 10:00 in Amsterdam on 1 March 2027.
NU = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


VANDAAG = datetime.date(2027, 3, 1)


def versie_maken(traject, *, nummer=1, start, maanden, frequentie, eerste=None, status="verzegeld"):
    return OvereenkomstVersie.objects.create(
        traject=traject,
        nummer=nummer,
        status=status,
        startdatum=start,
        looptijd_maanden=maanden,
        evaluatie_frequentie=frequentie,
        eerste_evaluatie=eerste or start,
    )


def in_status(traject, status):
    from aanbesteden.models import Traject

    Traject.objects.filter(pk=traject.pk).update(status=status)
    return Traject.objects.get(pk=traject.pk)
