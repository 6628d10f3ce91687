"""Every form a page of the project shows, driven with hostile input.

For each page of the access table (``tests/toegang/tabel.py``) that some role may open, the
page is opened as that role; every form in its template context is filled by hypothesis
(``strategieen.formulier_data``) and posted back to the page (or sent as a query when the
page takes no POST). Asserted: never a 500, and an answer other than a redirect leaves every
row count of the project's models as it was. A new page with a form is covered by adding its
row to the access table; ``test_elk_formulier_staat_in_de_tabel`` fails for a form of the
project that no page shows and no row of ``tabel.DOELEN`` drives.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode

import pytest
from django import forms
from django.db import transaction
from django.forms.formsets import BaseFormSet
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanbesteden.models import Traject
from tests.fuzz.strategieen import formulier_data
from tests.fuzz.tabel import PAGINAS_ALS, PaginaAls
from tests.fuzz.test_formulieren import tellingen
from tests.toegang.tabel import TABEL, Pagina, Wereld
from tests.tweestaps import Client

VOORBEELDEN = int(os.environ.get("FUZZ_VOORBEELDEN", "8"))
#: Who opens the page: the first of these roles that gets a 200.
KANDIDATEN = ("ambtenaar", "initiatiefnemer", "partner", "anoniem")

PAGINAS = [
    p for p in TABEL if p.methode == "GET" and any(p.verwacht[r] == 200 for r in KANDIDATEN)
] + PAGINAS_ALS

#: Form classes seen on pages in this process (read by the coverage test).
GEZIEN: set[type] = set()


def formulieren_in(response) -> list:
    gevonden, ids = [], set()
    for context in response.context or []:
        for laag in getattr(context, "dicts", [context]):
            if not isinstance(laag, dict):
                continue
            for waarde in laag.values():
                if isinstance(waarde, forms.BaseForm | BaseFormSet) and id(waarde) not in ids:
                    ids.add(id(waarde))
                    gevonden.append(waarde)
    return gevonden


def vormen(gevonden: list) -> set[type]:
    """The form classes of forms and formsets (a formset's own form class too)."""
    klassen = {type(f) for f in gevonden}
    klassen |= {f.form for f in gevonden if isinstance(f, BaseFormSet)}
    return klassen


def formset_data(formset: BaseFormSet):
    beheer = {
        f"{formset.prefix}-TOTAL_FORMS": "1",
        f"{formset.prefix}-INITIAL_FORMS": "0",
        f"{formset.prefix}-MIN_NUM_FORMS": "0",
        f"{formset.prefix}-MAX_NUM_FORMS": "1000",
    }
    leeg = formset.empty_form
    leeg.prefix = f"{formset.prefix}-0"
    return formulier_data(leeg).map(lambda d: {**beheer, **d})


def pagina_openen(pagina: Pagina | PaginaAls, wereld: Wereld):
    url = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    if pagina.query:
        url += "?" + urlencode(pagina.query(wereld))
    if pagina.status:
        Traject.objects.filter(pk=wereld.traject.pk).update(status=pagina.status)
    if isinstance(pagina, PaginaAls):
        rol = pagina.gebruiker.__name__
        gebruiker = pagina.gebruiker(wereld)
    else:
        rol = next(r for r in KANDIDATEN if pagina.verwacht[r] == 200)
        gebruiker = wereld.rollen[rol]
    client = Client(raise_request_exception=False)
    if gebruiker is not None:
        client.force_login(gebruiker)
    response = client.get(url)
    assert response.status_code == 200, f"{url} as {rol}: {response.status_code}"
    return client, url, rol, formulieren_in(response)


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
@pytest.mark.parametrize("pagina", PAGINAS, ids=[p.sleutel for p in PAGINAS])
def test_formulieren_op_de_pagina(pagina: Pagina | PaginaAls, wereld: Wereld):
    client, url, rol, gevonden = pagina_openen(pagina, wereld)
    GEZIEN.update(vormen(gevonden))
    if not gevonden:
        pytest.skip("no form on this page")
    strategieen = [
        formset_data(f) if isinstance(f, BaseFormSet) else formulier_data(f) for f in gevonden
    ]

    @settings(
        max_examples=VOORBEELDEN * len(strategieen),
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(data=st.one_of(strategieen))
    def een_poging(data):
        with transaction.atomic():
            voor = tellingen()
            response = client.post(url, data)
            methode = "POST"
            if response.status_code == 405:
                methode = "GET"
                response = client.get(url, {k: v for k, v in data.items() if isinstance(v, str)})
            assert response.status_code < 500, (
                f"{methode} {url} as {rol} gave {response.status_code} for {data!r:.2000}"
            )
            if not 300 <= response.status_code < 400:
                na = tellingen()
                verschil = {k: (voor[k], na[k]) for k in voor if voor[k] != na[k]}
                assert not verschil, (
                    f"{methode} {url} as {rol} answered {response.status_code} but changed rows "
                    f"{verschil} for {data!r:.2000}"
                )
            transaction.set_rollback(True)

    een_poging()


@pytest.mark.django_db
def test_elk_formulier_staat_in_de_tabel(wereld: Wereld):
    """Every form class of the project is shown by some page or driven by a row of DOELEN."""
    from tests.fuzz.tabel import DOELEN, OVERGESLAGEN
    from tests.fuzz.test_formulieren import project_formulieren

    gedekt = {k for d in DOELEN for k in d.formulieren} | set(OVERGESLAGEN) | GEZIEN

    def ontbrekend() -> set[type]:
        # A formset's form is a subclass made by the factory: that covers its class.
        return {k for k in project_formulieren() if not any(issubclass(g, k) for g in gedekt)}

    if ontbrekend():  # not every page was opened in this process (e.g. -k, xdist): open them
        for pagina in PAGINAS:
            with transaction.atomic():
                gedekt |= vormen(pagina_openen(pagina, wereld)[3])
                transaction.set_rollback(True)
            wereld.vergeet()
    namen = sorted(f"{k.__module__}.{k.__qualname__}" for k in ontbrekend())
    assert not namen, (
        "forms that no page of tests/toegang/tabel.py shows and no row of tests/fuzz/tabel.py "
        "drives (add a row):\n  " + "\n  ".join(namen)
    )
