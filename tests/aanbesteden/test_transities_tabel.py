"""One table holds every fact of a transition; the model's django-fsm transitions, the
chokepoint, the traject page and the phase apps read it, and no other module writes a
transition fact again."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps

from aanbesteden.fasen import fasen
from aanbesteden.models import Traject
from aanbesteden.transities import TABEL, TRANSITIES, Richting, Transitie

ROOT = Path(__file__).resolve().parents[2]


def test_het_model_heeft_precies_de_transities_van_de_tabel():
    fsm = {}
    for t in Traject().get_all_status_transitions():
        fsm.setdefault(t.name, []).append(t)
    assert set(fsm) == set(TRANSITIES)
    for rij in TABEL:
        overgangen = fsm[rij.naam]
        assert {t.source for t in overgangen} == set(rij.van)
        assert {t.target for t in overgangen} == {rij.naar}
        for t in overgangen:
            # The registered requirements are the condition, the row's roles the permission.
            assert t.conditions == [fasen.conditie(rij.naam)]
            assert t.permission.__name__ == "mag_vuren_" + "_".join(rij.rollen)
            assert t.custom == {"naam": rij.naam}
        methode = getattr(Traject, rij.naam)
        assert methode.__name__ == rij.naam
        assert hasattr(methode, "_django_fsm")


def test_de_tabel_is_samenhangend():
    assert [t.naam for t in TABEL] == list(TRANSITIES)
    for t in TABEL:
        assert t.van and t.rollen and t.label
        if t.richting == Richting.TERUG:
            assert t.motivatie_verplicht, t.naam  # moving back always says why
            assert t.reden_terug
        else:
            assert t.terugreden is None
    with pytest.raises(ValueError, match="only a move back"):
        Transitie("x", ("concept",), "ingediend", ("ambtenaar",), "X", Richting.VOORUIT, False, "Y")


# --- no transition fact written twice ----------------------------------------------------------
#: Modules that may list several transition names, and why that is no transition fact.
TOEGESTAAN = {
    "aanbesteden/transities.py": "the table itself",
    "aanbesteden/demo.py": "the demo's chosen paths to each state (seed_demo walks them)",
    "evaluatie/services.py": "which step each decision of an evaluation leads to",
}


def _eigen_modules():
    for config in apps.get_app_configs():
        pad = Path(config.path)
        if ROOT not in pad.parents:
            continue  # a library
        for bestand in pad.rglob("*.py"):
            deel = bestand.relative_to(ROOT)
            if "migrations" in deel.parts or "tests" in deel.parts:
                continue
            yield deel.as_posix(), bestand


def test_geen_module_schrijft_transitiefeiten_nog_eens():
    """A set, list, tuple or dict of two or more transition names outside the table is a
    transition fact written again (which steps need a motivation, go back, have a label …)."""
    namen = set(TRANSITIES)
    gevonden = []
    for naam, bestand in _eigen_modules():
        if naam in TOEGESTAAN:
            continue
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Dict):
                elementen = [*knoop.keys, *knoop.values]
            elif isinstance(knoop, ast.Set | ast.List | ast.Tuple):
                elementen = knoop.elts
            else:
                continue
            teksten = {
                e.value for e in elementen if isinstance(e, ast.Constant) and e.value in namen
            }
            if len(teksten) >= 2:
                gevonden.append(f"{naam}:{knoop.lineno} {sorted(teksten)}")
    assert not gevonden, "transition facts outside aanbesteden/transities.py: " + "; ".join(
        gevonden
    )
