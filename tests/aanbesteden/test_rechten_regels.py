"""Who may do what is decided in ``aanbesteden.permissions``: named rules built from the
predicates, one refusal per rule (403 with its reason, or 404 where nothing may be told), a
name registered once, a rule per transition that says "this person, this step, now", and the
same name in templates."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory

from aanbesteden import permissions
from aanbesteden.constants import LidmaatschapRol, TrajectStatus
from aanbesteden.permissions import Regels, mag, regels, vereis
from aanbesteden.transities import TRANSITIES
from tests.factories import UserFactory, ambtenaar_van


def test_elke_transitie_heeft_een_regel():
    for naam in TRANSITIES:
        assert f"traject.{naam}" in regels


def test_een_naam_wordt_een_keer_geregistreerd():
    eigen = Regels()
    eigen.regel("x.doen", lambda user, obj: True)
    with pytest.raises(ImproperlyConfigured, match="x.doen"):
        eigen.regel("x.doen", lambda user, obj: False)
    with pytest.raises(KeyError):
        eigen.mag(None, "x.tiepfout", None)


def test_medewerker_en_beheerder_van_de_gemeente(gemeente, ambtenaar, ambtenaar_b):
    beheerder = ambtenaar_van(gemeente, rol=LidmaatschapRol.BEHEERDER, email="b@a.example.org")
    assert mag(ambtenaar, "gemeente.medewerker", gemeente)
    assert not mag(ambtenaar, "gemeente.beheerder", gemeente)
    assert mag(beheerder, "gemeente.beheerder", gemeente)
    assert not mag(ambtenaar_b, "gemeente.medewerker", gemeente)
    with pytest.raises(PermissionDenied, match="medewerkers van deze gemeente"):
        vereis(ambtenaar_b, "gemeente.medewerker", gemeente)
    with pytest.raises(PermissionDenied, match="beheerder"):
        vereis(ambtenaar, "gemeente.beheerder", gemeente)
    beheerder.is_active = False
    assert not mag(beheerder, "gemeente.beheerder", gemeente)


def test_verborgen_regels_antwoorden_404(gemeente, ambtenaar_b, traject):
    with pytest.raises(Http404):
        vereis(ambtenaar_b, "overdracht.bibliotheek", gemeente)
    with pytest.raises(Http404):
        vereis(ambtenaar_b, "traject.bekijken", traject)


def test_een_stap_mag_alleen_met_de_rol_en_uit_de_goede_status(traject, ambtenaar, initiatiefnemer):
    assert traject.status == TrajectStatus.CONCEPT
    assert mag(initiatiefnemer, "traject.indienen", traject)
    assert not mag(ambtenaar, "traject.indienen", traject)  # not the official's step
    assert not mag(initiatiefnemer, "traject.toelaten", traject)  # not from a concept


def test_trajecten_met_rol_een_query(traject, initiatiefnemer, django_assert_num_queries):
    ander = UserFactory(email="niemand@example.org")
    with django_assert_num_queries(1):
        assert list(permissions.trajecten_met_rol(initiatiefnemer)) == [traject]
    assert list(permissions.trajecten_met_rol(initiatiefnemer, "partner")) == []
    assert not permissions.trajecten_met_rol(ander).exists()
    superuser = UserFactory(email="su@example.org", is_superuser=True, is_staff=True)
    assert not permissions.trajecten_met_rol(superuser).exists()  # no role by being one


def test_sjabloon_leest_dezelfde_regel(gemeente, ambtenaar):
    beheerder = ambtenaar_van(gemeente, rol=LidmaatschapRol.BEHEERDER, email="b@a.example.org")
    sjabloon = Template(
        '{% load rechten %}{% mag "gemeente.beheerder" gemeente as ja %}{{ ja|yesno:"ja,nee" }}'
    )
    for user, verwacht in ((beheerder, "ja"), (ambtenaar, "nee")):
        request = RequestFactory().get("/")
        request.user = user
        assert sjabloon.render(Context({"request": request, "gemeente": gemeente})) == verwacht
