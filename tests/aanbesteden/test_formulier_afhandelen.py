"""The one form idiom (``aanbesteden.formulieren.formulier_afhandelen``): a GET shows the
form, a valid POST saves and redirects, a refusal goes on the form with its reasons and its
page status, invalid input shows again with 400, a refusal about access is passed on."""

from __future__ import annotations

import pytest
from django import forms
from django.http import HttpResponse
from django.test import RequestFactory

from aanbesteden import formulieren
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.fouten import Geweigerd


class NaamForm(forms.Form):
    naam = forms.CharField()


class EigenFout(Geweigerd):
    pass


@pytest.fixture(autouse=True)
def _getoond(monkeypatch):
    """What would be rendered: the template, the context and the status."""

    def render(request, template, context, status):
        antwoord = HttpResponse(status=status)
        antwoord.getoond = (template, context)
        return antwoord

    monkeypatch.setattr(formulieren, "render", render)


def _afhandelen(request, bewaren, **kwargs):
    form = NaamForm(request.POST or None)
    return form, formulier_afhandelen(
        request, form, template="t.html", context={"titel": "T"}, bewaren=bewaren, **kwargs
    )


def test_get_toont_het_formulier():
    form, antwoord = _afhandelen(RequestFactory().get("/"), bewaren=pytest.fail)
    assert antwoord.status_code == 200
    assert antwoord.getoond == ("t.html", {"titel": "T", "form": form})


def test_geldig_bewaart_en_gaat_naar_het_adres():
    form, antwoord = _afhandelen(
        RequestFactory().post("/", {"naam": "Ada"}),
        bewaren=lambda form: "/klaar/" + form.cleaned_data["naam"],
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/klaar/Ada"


def test_ongeldig_toont_opnieuw_met_400():
    form, antwoord = _afhandelen(RequestFactory().post("/", {"naam": ""}), bewaren=pytest.fail)
    assert antwoord.status_code == 400
    assert "naam" in form.errors


def test_weigering_met_redenen_op_het_formulier_met_eigen_status():
    def bewaren(form):
        raise EigenFout("Niet nu.", redenen=["Eerst dit."])

    form, antwoord = _afhandelen(
        RequestFactory().post("/", {"naam": "Ada"}),
        bewaren=bewaren,
        weigering=EigenFout,
        status_weigering=409,
    )
    assert antwoord.status_code == 409
    assert form.non_field_errors() == ["Niet nu.", "Eerst dit."]
    assert form.cleaned_data["naam"] == "Ada"


def test_weigering_over_toegang_en_andere_weigeringen_gaan_door():
    def verboden(form):
        raise EigenFout("Nee.", status=403)

    def andere(form):
        raise Geweigerd("Ergens anders.")

    with pytest.raises(EigenFout):
        _afhandelen(RequestFactory().post("/", {"naam": "A"}), verboden, weigering=EigenFout)
    with pytest.raises(Geweigerd):
        _afhandelen(RequestFactory().post("/", {"naam": "A"}), andere, weigering=EigenFout)


def test_zonder_weigering_gaat_elke_weigering_door():
    def bewaren(form):
        raise EigenFout("Nee.")

    with pytest.raises(EigenFout):
        _afhandelen(RequestFactory().post("/", {"naam": "A"}), bewaren, weigering=None)
