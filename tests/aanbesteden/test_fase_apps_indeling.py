"""Each phase app says one thing per file: ``fasen.py`` requirements and follow-ups,
``panelen.py`` the traject page's sections (reading through selectors), ``demo.py`` demo data,
which the running platform never imports: only ``seed_demo`` loads it."""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FASE_APPS = ("initiatieven", "coalities", "overdracht", "evaluatie")


def _register_aanroepen(app: str, module: str) -> set[str]:
    """The ``fasen.<method>`` registrations (calls and decorators) in ``<app>/<module>.py``."""
    boom = ast.parse((ROOT / app / f"{module}.py").read_text(encoding="utf-8"))
    return {
        knoop.func.attr
        for knoop in ast.walk(boom)
        if isinstance(knoop, ast.Call)
        and isinstance(knoop.func, ast.Attribute)
        and isinstance(knoop.func.value, ast.Name)
        and knoop.func.value.id == "fasen"
    }


@pytest.mark.parametrize("app", FASE_APPS)
def test_elk_bestand_zegt_een_ding(app):
    toegestaan = {"vereiste", "na_transitie", "eigen_melding", "gedeeld"}
    assert _register_aanroepen(app, "fasen") <= toegestaan
    assert _register_aanroepen(app, "fasen") & {"vereiste", "na_transitie"}
    assert _register_aanroepen(app, "panelen") == {"paneel"}
    assert _register_aanroepen(app, "demo") == {"demo"}


@pytest.mark.parametrize("app", FASE_APPS)
def test_panelen_lezen_via_selectors(app):
    bron = (ROOT / app / "panelen.py").read_text(encoding="utf-8")
    boom = ast.parse(bron)
    orm = [
        knoop.lineno
        for knoop in ast.walk(boom)
        if isinstance(knoop, ast.Attribute) and knoop.attr == "objects"
    ]
    modellen = [
        knoop.lineno
        for knoop in ast.walk(boom)
        if isinstance(knoop, ast.ImportFrom) and (knoop.module or "").endswith("models")
    ]
    assert not orm and not modellen, f"{app}/panelen.py queries itself: lines {orm + modellen}"
    assert "selectors" in bron
    importlib.import_module(f"{app}.panelen")  # imported by the app's ready() already


def test_het_platform_laadt_geen_demo_en_seed_demo_registreert_ze():
    """In a fresh process: starting Django, loading every URL (and so every view) and every
    app's modules imports no ``demo`` module; ``seed_demo``'s loader imports them and their
    preparations are then registered."""
    script = textwrap.dedent(
        """
        import json, pkgutil, importlib, sys
        import django

        django.setup()
        from django.apps import apps
        from django.urls import get_resolver

        get_resolver().url_patterns
        for config in apps.get_app_configs():
            if config.name.startswith(("aanbesteden", "initiatieven", "coalities", "overdracht",
                                       "evaluatie")):
                for info in pkgutil.iter_modules([config.path]):
                    if info.name not in ("demo", "tests", "migrations", "management"):
                        importlib.import_module(f"{config.name}.{info.name}")
        voor = sorted(m for m in sys.modules if m == "demo" or m.endswith(".demo"))

        from aanbesteden.management.commands import seed_demo  # noqa: F401
        from aanbesteden.demo import voorbereidingen_laden
        from aanbesteden.fasen import dotted_naam, fasen
        from aanbesteden.transities import TRANSITIES

        voorbereidingen_laden()
        na = sorted(m for m in sys.modules if m.endswith(".demo"))
        hooks = {t: [dotted_naam(f) for f in fasen.demo_voorbereidingen(t)] for t in TRANSITIES}
        print(json.dumps({"voor": voor, "na": na, "hooks": hooks}))
        """
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="aanbesteden.settings.test")
    resultaat = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    uitkomst = json.loads(resultaat.stdout.strip().splitlines()[-1])
    assert uitkomst["voor"] == []
    assert {f"{app}.demo" for app in FASE_APPS} <= set(uitkomst["na"])
    hooks = uitkomst["hooks"]
    assert hooks["indienen"] == ["initiatieven.demo.demo_voorstel"]
    # Per transition in the order of INSTALLED_APPS, as before.
    assert hooks["naar_coalitie"] == [
        "initiatieven.demo.demo_horizon",
        "coalities.demo.demo_open_uitnodiging",
    ]
    assert hooks["naar_overdracht"] == [
        "coalities.demo.demo_route",
        "overdracht.demo.demo_clausules",
    ]
    assert hooks["naar_evaluatie"] == [
        "overdracht.demo.demo_overeenkomst",
        "evaluatie.demo.demo_momenten",
    ]
    assert hooks["verankeren"] == ["evaluatie.demo.demo_verankeren"]
