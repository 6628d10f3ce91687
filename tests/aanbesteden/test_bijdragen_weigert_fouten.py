"""The registry of the phase apps' contributions to the overviews refuses mistakes at
start-up: a name registered twice, an export column, sorting or term filter that two columns
claim, a column with a head but no cell. What the overviews read is in the order asked."""

from __future__ import annotations

import pytest

from aanbesteden.bijdragen import (
    Bijdragen,
    DashboardTaak,
    LijstKolom,
    Sortering,
    Termijn,
    bijdragen,
)


def _taak(register: Bijdragen, code: str, volgorde: int = 50):
    return register.dashboard_taak(
        code, titel=code, template="x.html", rijen=lambda g, p: [], volgorde=volgorde
    )


def test_dubbele_naam_wordt_geweigerd():
    register = Bijdragen()
    _taak(register, "voorstellen")
    with pytest.raises(ValueError, match="voorstellen"):
        _taak(register, "voorstellen")
    # Another kind may use the same name.
    register.mijn_taak("voorstellen", titel="x", template="x.html", rijen=lambda d: [])


def test_kolommen_delen_geen_export_sortering_of_termijn():
    register = Bijdragen()
    register.lijst_kolom(
        "a",
        voorbereiden=lambda qs: qs,
        export={"datum": lambda t: None},
        sorteringen={"datum": Sortering("Datum", ("pk",))},
        termijnen={"binnenkort": Termijn("Binnenkort", lambda qs, peil: qs)},
    )
    for dubbel in (
        {"export": {"datum": lambda t: None}},
        {"sorteringen": {"datum": Sortering("Datum", ("pk",))}},
        {"termijnen": {"binnenkort": Termijn("Binnenkort", lambda qs, peil: qs)}},
    ):
        with pytest.raises(ValueError, match="al geregistreerd door 'a'"):
            register.lijst_kolom("b", voorbereiden=lambda qs: qs, **dubbel)
    with pytest.raises(ValueError, match="kop en cel"):
        register.lijst_kolom("c", voorbereiden=lambda qs: qs, kop="Kop")


def test_volgorde_en_dan_de_volgorde_van_registreren():
    register = Bijdragen()
    for code, volgorde in (("c", 20), ("a", 10), ("d", 20), ("b", 5)):
        _taak(register, code, volgorde)
    assert [t.code for t in register.van(DashboardTaak)] == ["b", "a", "c", "d"]
    assert register.van(LijstKolom) == []


def test_de_fasen_dragen_bij_aan_de_overzichten():
    """The platform's registry, filled by the phase apps at start-up."""
    assert [t.code for t in bijdragen.van(DashboardTaak)] == [
        "voorstellen",
        "horizon",
        "routes",
        "tekenen",
        "evaluaties",
        "concepten",
    ]
    assert [k.code for k in bijdragen.van(LijstKolom)] == [
        "initiatief",
        "beslissen_voor",
        "volgende_evaluatie",
    ]
