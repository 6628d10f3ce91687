"""Hypothesis drives every form of the project with hostile input: never a 500, and a refused
submission leaves no data behind (row counts of every project model unchanged)."""

from __future__ import annotations

import importlib

import pytest
from django import forms
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from tests.fuzz.strategieen import formulier_data
from tests.fuzz.tabel import DOELEN, Doel
from tests.toegang.tabel import Wereld
from tests.tweestaps import Client

PROJECT_APPS = (
    "aanbesteden",
    "meldingen",
    "accounts",
    "initiatieven",
    "coalities",
    "overdracht",
    "evaluatie",
    "overzicht",
)
MAX_VOORBEELDEN = 30


def project_formulieren() -> set[type]:
    for app in PROJECT_APPS:
        for module in ("forms", "views"):
            try:
                importlib.import_module(f"{app}.{module}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.{module}":
                    raise
    gevonden, rij = set(), list(forms.BaseForm.__subclasses__())
    while rij:
        klasse = rij.pop()
        rij.extend(klasse.__subclasses__())
        if klasse.__module__.split(".")[0] in PROJECT_APPS:
            gevonden.add(klasse)
    return gevonden


def tellingen() -> dict[str, int]:
    """Row counts of every model of the project (and the transition log), in one query."""
    from django.db import connection

    modellen = [m for a in PROJECT_APPS for m in apps.get_app_config(a).get_models()]
    modellen.append(apps.get_model("django_fsm_log", "StateLog"))
    qn = connection.ops.quote_name
    # Table names come from the models, not from input.
    delen = ", ".join(f"(SELECT COUNT(*) FROM {qn(m._meta.db_table)})" for m in modellen)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {delen}")
        rij = cursor.fetchone()
    return {m._meta.label: n for m, n in zip(modellen, rij, strict=True)}


@pytest.fixture
def wereld(rollen, traject, ander_traject, traject_b, gemeente, andere_gemeente, geen_vereisten):
    return Wereld(
        rollen=rollen,
        traject=traject,
        ander_traject=ander_traject,
        traject_b=traject_b,
        gemeente=gemeente,
        andere_gemeente=andere_gemeente,
        **{k: v for k, v in rollen.items() if v is not None},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("doel", DOELEN, ids=[d.naam for d in DOELEN])
def test_formulier_met_willekeurige_invoer(doel: Doel, wereld: Wereld):
    doel.voorbereiden(wereld)
    url = doel.url(wereld)
    client = Client(raise_request_exception=False)
    if doel.gebruiker:
        client.force_login(wereld.rollen[doel.gebruiker])
    strategie = formulier_data(doel.formulier(wereld), doel.vast(wereld))

    @settings(
        max_examples=MAX_VOORBEELDEN,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(data=strategie)
    def een_poging(data):
        with transaction.atomic():
            voor = tellingen()
            verstuur = client.get if doel.methode == "GET" else client.post
            response = verstuur(url, data)
            assert response.status_code < 500, (
                f"{doel.methode} {url} gave {response.status_code} for {data!r:.2000}"
            )
            if not 300 <= response.status_code < 400:
                na = tellingen()
                verschil = {k: (voor[k], na[k]) for k in voor if voor[k] != na[k]}
                assert not verschil, (
                    f"{doel.methode} {url} answered {response.status_code} but changed rows "
                    f"{verschil} for {data!r:.2000}"
                )
            transaction.set_rollback(True)

    een_poging()
