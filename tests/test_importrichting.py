"""Which app may use which: each app imports only from the apps before it in ``LAGEN``.

    aanbesteden  <-  meldingen  <-  accounts  <-  initiatieven  <-  coalities
                 <-  overdracht  <-  evaluatie  <-  overzicht  <-  api  <-  bedrijfsvoering

The core knows no other app; the phase apps know the core, the notifications, the log-in and
the earlier phases; the overviews may know them all. Every ``.py`` file of every app is parsed
(``ast``), and every reference counts, wherever it stands: an import at the top of a module,
inside a function or under ``if TYPE_CHECKING``, a relative import, ``apps.get_model("app",
...)``, and a string that names another app's module or model (``"app.module"``), URL
(``"app:name"``) or template (``"app/....html"``). An app's templates are read too (``{% url
%}``, ``{% include %}``, ``{% extends %}``). The project's wiring is exempt: its settings and
root urls name every app, as do migrations (the history of the models), and the site-wide
templates (``templates/``: the page shell links the apps' pages).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

#: The apps from the bottom layer to the top.
LAGEN = (
    "aanbesteden",
    "meldingen",
    "accounts",
    "initiatieven",
    "coalities",
    "overdracht",
    "evaluatie",
    "overzicht",
    "api",
    "bedrijfsvoering",
)

BASIS = Path(settings.BASE_DIR)

#: The project's wiring (settings, root urls): they connect every app and are not the core.
UITGEZONDERD = ("aanbesteden/settings/", "aanbesteden/urls.py")

#: A string that is nothing but a reference to an app's module, model, URL or template.
STRING_VERWIJZING = re.compile(r"^(?P<app>[a-z_]+)(?:[.:]\w[\w.]*|/[\w./-]+\.(?:html|txt))$")


def _module_naam(pad: Path) -> str:
    delen = list(pad.relative_to(BASIS).with_suffix("").parts)
    return ".".join(delen)


def _doel_van_relatief(module: str, is_pakket: bool, niveau: int, naam: str | None) -> str:
    """The absolute module a relative import (``from ..x import y``) names."""
    delen = module.split(".")
    basis = delen if is_pakket else delen[:-1]
    basis = basis[: len(basis) - (niveau - 1)] if niveau > 1 else basis
    return ".".join([*basis, *([naam] if naam else [])])


def verwijzingen(bron: str, module: str, *, is_pakket: bool = False) -> list[tuple[int, str]]:
    """(line, app) for every reference in ``bron`` (the text of module ``module``) to one of
    the apps of ``LAGEN``, wherever in the module it stands."""
    gevonden: list[tuple[int, str]] = []

    def app_van(doel: str) -> str | None:
        top = doel.split(".", 1)[0]
        return top if top in LAGEN else None

    for knoop in ast.walk(ast.parse(bron)):
        doelen: list[str] = []
        if isinstance(knoop, ast.Import):
            doelen = [alias.name for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                doelen = [_doel_van_relatief(module, is_pakket, knoop.level, knoop.module)]
            else:
                doelen = [knoop.module or ""]
        elif (
            isinstance(knoop, ast.Call)
            and isinstance(knoop.func, ast.Attribute | ast.Name)
            and (getattr(knoop.func, "attr", None) or getattr(knoop.func, "id", None))
            in ("get_model", "get_app_config", "import_module", "__import__")
            and knoop.args
            and isinstance(knoop.args[0], ast.Constant)
            and isinstance(knoop.args[0].value, str)
        ):
            doelen = [knoop.args[0].value]
        elif isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            treffer = STRING_VERWIJZING.match(knoop.value.strip())
            if treffer:
                doelen = [treffer["app"]]
        for doel in doelen:
            app = app_van(doel)
            if app is not None:
                gevonden.append((getattr(knoop, "lineno", 0), app))
    return gevonden


#: A template's reference to an app: a URL name, or a template it includes or extends.
TEMPLATE_VERWIJZING = re.compile(
    r"{%\s*(?:url\s+['\"](?P<url>\w+):|(?:include|extends)\s+['\"](?P<sjabloon>\w+)/)"
)


def template_verwijzingen(bron: str) -> list[tuple[int, str]]:
    """(line, app) for every reference of a template to one of the apps of ``LAGEN``."""
    gevonden = []
    for treffer in TEMPLATE_VERWIJZING.finditer(bron):
        app = treffer["url"] or treffer["sjabloon"]
        if app in LAGEN:
            gevonden.append((bron.count("\n", 0, treffer.start()) + 1, app))
    return gevonden


def overtredingen(bron: str, module: str, *, is_pakket: bool = False) -> list[str]:
    """What ``module`` (a template: its path) refers to in an app after its own (upwards):
    one line each."""
    eigen = module.split(".", 1)[0].split("/", 1)[0]
    hoogte = LAGEN.index(eigen)
    if module.endswith((".html", ".txt")):
        gevonden = template_verwijzingen(bron)
    else:
        gevonden = verwijzingen(bron, module, is_pakket=is_pakket)
    return [f"{module}:{regel} -> {app}" for regel, app in gevonden if LAGEN.index(app) > hoogte]


def _bestanden() -> list[Path]:
    bestanden = []
    for app in LAGEN:
        for pad in sorted((BASIS / app).rglob("*.py")):
            relatief = pad.relative_to(BASIS).as_posix()
            if "/migrations/" in relatief or relatief.startswith(UITGEZONDERD):
                continue
            bestanden.append(pad)
    return bestanden


def test_elke_app_staat_in_een_laag():
    """A new app of the project must be given its place, or it escapes this test."""
    eigen = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == BASIS.resolve()
    }
    assert eigen == set(LAGEN)


def test_er_worden_bestanden_gelezen():
    namen = {_module_naam(p) for p in _bestanden()}
    assert {"aanbesteden.models", "meldingen.berichten", "overzicht.selectors.dashboard"} <= namen
    sjablonen = {p.relative_to(BASIS).as_posix() for p in _templates()}
    assert "aanbesteden/templates/aanbesteden/traject.html" in sjablonen


def _templates() -> list[Path]:
    return [
        pad
        for app in LAGEN
        for pad in sorted((BASIS / app / "templates").rglob("*"))
        if pad.suffix in (".html", ".txt")
    ]


def test_elke_app_kijkt_alleen_naar_eerdere_lagen():
    fouten = []
    for pad in _bestanden():
        fouten += overtredingen(
            pad.read_text(encoding="utf-8"), _module_naam(pad), is_pakket=pad.name == "__init__.py"
        )
    for pad in _templates():
        fouten += overtredingen(pad.read_text(encoding="utf-8"), pad.relative_to(BASIS).as_posix())
    assert not fouten, "References to a later app (move the code, or use a registry):\n" + (
        "\n".join(fouten)
    )


@pytest.mark.parametrize(
    "module,bron",
    [
        ("aanbesteden.services", "from initiatieven.models import Voorstel\n"),
        ("aanbesteden.services", "import overzicht.selectors.dashboard\n"),
        ("aanbesteden.services", "def f():\n    from evaluatie import services\n"),
        (
            "aanbesteden.selectors",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from coalities.models import Partner\n",
        ),
        ("aanbesteden.sub.module", "from ...overdracht import services\n"),
        (
            "aanbesteden.privacy",
            "from django.apps import apps\nM = apps.get_model('coalities', 'Partner')\n",
        ),
        ("aanbesteden.apps", "SITE = 'accounts.tweestaps.BeheerSite'\n"),
        ("aanbesteden.views", "def v(r):\n    return redirect('overzicht:dashboard')\n"),
        ("aanbesteden.views", "T = 'meldingen/meldingen.html'\n"),
        ("meldingen.berichten", "def f():\n    from accounts.services import inloglink\n"),
        ("initiatieven.services", "from coalities.services import uitnodigen\n"),
        (
            "evaluatie.views",
            "from importlib import import_module\nimport_module('overzicht.views')\n",
        ),
    ],
)
def test_een_import_naar_boven_wordt_gevonden(module, bron):
    assert overtredingen(bron, module)


@pytest.mark.parametrize(
    "module,bron",
    [
        ("initiatieven.services", "from aanbesteden.models import Traject\n"),
        ("initiatieven.services", "from meldingen.berichten import bericht_versturen\n"),
        ("coalities.views", "from accounts.services import mag_inloglink_gebruiken\n"),
        ("evaluatie.services", "from initiatieven.models import Indicator\n"),
        ("overzicht.views.dashboard", "from evaluatie.models import Evaluatiemoment\n"),
        ("overzicht.views.dashboard", "from ..selectors import dashboard\n"),
        ("aanbesteden.models", "from .constants import TrajectStatus\n"),
        ("aanbesteden.services", "MELDING = 'Het traject gaat naar de evaluatie.'\n"),
        ("aanbesteden.constants", "OVERDRACHT = 'overdracht'\n"),
        ("overzicht/templates/overzicht/home.html", "{% url 'initiatieven:gemeente' g.slug %}"),
        ("coalities/templates/coalities/x.html", '{% include "aanbesteden/_paginering.html" %}'),
        ("accounts/templates/accounts/x.html", "{% url 'two_factor:setup' %}"),
    ],
)
def test_een_import_naar_beneden_mag(module, bron):
    assert not overtredingen(bron, module)
