"""Honest forms: a form means what it says.

- Every form sent with only its required fields filled in (every field without the HTML
  ``required`` attribute left empty, every optional box unticked) is accepted: a field that
  reads "(niet verplicht)" is never needed after all.
- Every form that is refused (a required field left empty) shows again with everything the
  person entered: text, choices, ticked boxes and the chosen radio button.
- No box of consent is ticked before the person ticks it.

The forms are those of ``FORMULIEREN`` in ``test_oude_pagina.py``: every form of every page of
the access table, with where it is shown and what a person types into it.
"""

from __future__ import annotations

import pytest
from django.contrib import messages as django_messages
from django.db import transaction
from django.urls import reverse

from tests.toegang.tabel import Pagina, Wereld
from tests.toegang.test_oude_pagina import (  # noqa: F401 (fixtures)
    FORMULIEREN,
    GEVALLEN,
    FormulierLezer,
    _ruime_limieten,
    als_data,
    eigen_status,
    meldingen,
    rollen_van,
    stand,
    verschil,
    wereld,
    zet_status,
)
from tests.tweestaps import Client

#: Input types a person types or picks in (hidden fields and buttons are not theirs).
INVOER = {"text", "email", "url", "tel", "number", "date", "password", "search", "textarea"}


class VeldenLezer(FormulierLezer):
    """Also notes, per form, each field's kind and whether it is required."""

    def __init__(self) -> None:
        super().__init__()
        self.soorten: list[dict[str, str]] = []
        self.verplicht: list[set[str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.soorten.append({})
            self.verplicht.append(set())
        super().handle_starttag(tag, attrs)
        if self._huidig is None or tag not in ("input", "select", "textarea") or not a.get("name"):
            return
        soort = a.get("type", "text").lower() if tag == "input" else tag
        self.soorten[-1].setdefault(a["name"], soort)
        if "required" in a:
            self.verplicht[-1].add(a["name"])


def formulier_op(html: str, pagina_url: str, doel: str):
    from urllib.parse import urljoin, urlsplit

    lezer = VeldenLezer()
    lezer.feed(html)
    for i, f in enumerate(lezer.formulieren):
        if urlsplit(urljoin(pagina_url, f.action)).path == doel:
            return f, lezer.soorten[i], lezer.verplicht[i]
    raise AssertionError(f"{pagina_url} shows no form that posts to {doel}")


def velden_van(response) -> dict[str, bool]:
    """Every field of every form the page was rendered with (formsets too), by its name in
    the HTML: whether it must stay as filled in. ``False`` for what the page calls
    "(niet verplicht)"."""
    from django import forms
    from django.forms.formsets import BaseFormSet

    uit: dict[str, bool] = {}

    def form(f, extra: bool = False) -> None:
        for naam, veld in f.fields.items():
            # A field needed in a case the label names, or in a blank extra row of a
            # formset that the person leaves as it is, is left as the page shows it.
            vast = veld.required or bool(getattr(veld, "wanneer_verplicht", "")) or extra
            uit.setdefault(f.add_prefix(naam), vast)

    for context in response.context or []:
        for laag in getattr(context, "dicts", [context]):
            if not isinstance(laag, dict):
                continue
            for waarde in laag.values():
                if isinstance(waarde, forms.BaseForm):
                    form(waarde)
                elif isinstance(waarde, BaseFormSet):
                    form(waarde.management_form)
                    for i, f in enumerate(waarde.forms):
                        form(f, extra=i >= waarde.initial_form_count())
    return uit


def _voorbereid(pagina: Pagina, wereld: Wereld):  # noqa: F811 (the fixture)
    geval = FORMULIEREN[pagina.sleutel]
    doel = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    bron = geval.pagina(wereld) if geval.pagina else doel
    geval.voorbereiden(wereld)
    zet_status(wereld, eigen_status(pagina))
    return geval, doel, bron


@pytest.mark.parametrize("pagina", GEVALLEN, ids=lambda p: p.sleutel)
def test_alleen_de_verplichte_velden_is_genoeg(pagina: Pagina, wereld: Wereld):  # noqa: F811
    geval, doel, bron = _voorbereid(pagina, wereld)
    fouten = []
    for rol in rollen_van(pagina):
        client = Client(raise_request_exception=False)
        client.force_login(wereld.rollen[rol])
        response = client.get(bron)
        assert response.status_code == 200, f"{bron} answered {response.status_code}"
        formulier, soorten, _verplicht = formulier_op(response.content.decode(), bron, doel)
        verplicht = velden_van(response)
        data = {**als_data(formulier), **geval.invullen(wereld)}
        leeg = []
        for naam, soort in soorten.items():
            # Left empty: what the page says is not required (a field no form of the page
            # knows counts as required).
            if verplicht.get(naam, True) or naam not in data:
                continue
            if soort in ("checkbox", "radio"):
                data.pop(naam)
                leeg.append(naam)
            elif soort in INVOER or soort == "select":
                data[naam] = ""
                leeg.append(naam)
        with transaction.atomic():
            voor = stand()
            response = client.post(doel, data)
            veranderd = verschil(voor, stand())
            fout_gemeld = False
            if 300 <= response.status_code < 400 and not veranderd:
                # Accepted without a change (the optional fields were empty already): the
                # next page must not report an error.
                volgende = client.get(response["Location"])
                fout_gemeld = any(m.level >= django_messages.WARNING for m in meldingen(volgende))
            transaction.set_rollback(True)
        if not (300 <= response.status_code < 400) or fout_gemeld:
            tekst = response.content.decode()
            fouten.append(
                f"{rol}: with only the required fields ({sorted(set(data) - set(leeg))}) the "
                f"form was refused ({response.status_code}); left empty: {leeg}; "
                f"{tekst[tekst.find('utrecht-form-field-error-message') :][:400]}"
            )
    assert not fouten, f"{pagina.sleutel}:\n  " + "\n  ".join(fouten)


FORMULIER_PAGINAS = [p for p in GEVALLEN if FORMULIEREN[p.sleutel].pagina is None]


@pytest.mark.parametrize("pagina", FORMULIER_PAGINAS, ids=lambda p: p.sleutel)
def test_geweigerd_formulier_houdt_wat_is_ingevuld(pagina: Pagina, wereld: Wereld):  # noqa: F811
    geval, doel, bron = _voorbereid(pagina, wereld)
    rol = rollen_van(pagina)[0]
    client = Client(raise_request_exception=False)
    client.force_login(wereld.rollen[rol])
    response = client.get(bron)
    assert response.status_code == 200
    formulier, soorten, verplicht = formulier_op(response.content.decode(), bron, doel)
    data = {**als_data(formulier), **geval.invullen(wereld)}
    # Leave one required field empty that the person typed or picked: the refusal.
    weg = next(
        (
            n
            for n in verplicht
            if soorten.get(n) in INVOER | {"select"} and data.get(n) not in (None, "")
        ),
        None,
    )
    if weg is None:
        pytest.skip("no required field a person fills in")
    data[weg] = ""
    with transaction.atomic():
        response = client.post(doel, data)
        transaction.set_rollback(True)
    assert 400 <= response.status_code < 500, (pagina.sleutel, response.status_code)
    terug, terug_soorten, _v = formulier_op(response.content.decode(), bron, doel)
    getoond = als_data(terug)
    kwijt = []
    for naam, waarde in data.items():
        if naam in (weg, "csrfmiddlewaretoken") or naam not in soorten:
            continue
        if soorten[naam] in ("hidden", "file") or waarde in ("", None):
            continue
        verwacht = sorted(map(str, waarde)) if isinstance(waarde, list) else [str(waarde)]
        gekregen = getoond.get(naam)
        gekregen = sorted(map(str, gekregen)) if isinstance(gekregen, list) else [str(gekregen)]
        if [v.strip() for v in verwacht] != [v.strip() for v in gekregen]:
            kwijt.append(f"{naam}: entered {verwacht}, shown {gekregen}")
    assert not kwijt, f"{pagina.sleutel} refused and lost what was entered:\n  " + "\n  ".join(
        kwijt
    )


def test_toestemming_staat_nooit_vooraf_aan():
    """Consent to publish a name is never ticked before the person ticks it."""
    from coalities.forms import AccepterenForm
    from coalities.models import Partner
    from initiatieven.forms import InitiatiefForm
    from initiatieven.models import Initiatief

    assert Initiatief._meta.get_field("publiceren").default is False
    assert Partner._meta.get_field("publiceren").default is False
    assert "checked" not in str(InitiatiefForm()["publiceren"])
    assert "checked" not in str(AccepterenForm()["publiceren"])
