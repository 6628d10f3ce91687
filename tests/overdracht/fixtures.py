"""Fixtures of phase 4: a realistic traject in the phase formele overdracht, built directly
with the ORM, with its agreement drawn up (as the follow-up of ``naar_overdracht`` does), fixed
and sealed. A pytest plugin (``pytest_plugins`` in tests/conftest.py), because tests outside
tests/overdracht use them too (tests/bedrijfsvoering/test_opslag_s3.py)."""

from __future__ import annotations

import pytest

from tests.factories import partner_van
from tests.overdracht.factories import alles_tekenen, traject_in_overdracht


@pytest.fixture
def tweede_partner(traject):
    return partner_van(traject, email="partner2@example.org", naam="Karel Visser")


@pytest.fixture
def overdracht_traject(traject, partner, tweede_partner, ambtenaar):
    """``traject`` in overdracht with two confirmed partners and its version 1 (concept)."""
    from overdracht.services import versie_opstellen

    t = traject_in_overdracht(traject, partner_gebruikers=[partner, tweede_partner])
    versie_opstellen(traject=t, door=ambtenaar)
    return t


@pytest.fixture
def versie(overdracht_traject):
    from overdracht.selectors import huidige_versie

    return huidige_versie(traject=overdracht_traject)


@pytest.fixture
def vastgesteld(versie, ambtenaar, django_capture_on_commit_callbacks):
    """Version 1 fixed, its PDF made (tasks run eagerly after commit)."""
    from overdracht.services import versie_vaststellen

    with django_capture_on_commit_callbacks(execute=True):
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie.refresh_from_db()
    return versie


@pytest.fixture
def ander_sleutelpaar(tmp_path):
    from overdracht.zegel import ontwikkelcertificaat_maken

    pad = ontwikkelcertificaat_maken(tmp_path / "ander.p12", wachtwoord=b"ander", naam="Ander")
    return pad, b"ander"


@pytest.fixture
def verzegeld(vastgesteld, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(vastgesteld)
    vastgesteld.refresh_from_db()
    return vastgesteld
