"""The phase registry refuses mistakes when the platform starts: a registration on a transition
the table does not have, or under a code or name already taken. Tests change it only through
its public API (``fasen.tijdelijk()``, ``vereisten_weglaten``) or use a register of their own."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from aanbesteden.fasen import FasenRegister, RegistratieFout, fasen
from aanbesteden.transities import TRANSITIES

ROOT = Path(__file__).resolve().parents[2]


def _waar(traject) -> bool:
    return True


def _gevolg(*, traject, door, motivatie) -> None:
    pass


def _context(request, traject, rollen):
    return None


def test_de_fout_is_een_configuratiefout():
    assert issubclass(RegistratieFout, ImproperlyConfigured)


@pytest.mark.parametrize(
    "registreren",
    [
        lambda r: r.vereiste("naar_nergens", "code", "bericht")(_waar),
        lambda r: r.na_transitie("naar_nergens")(_gevolg),
        lambda r: r.eigen_melding("indienen", "naar_nergens"),
        lambda r: r.demo("naar_nergens")(_gevolg),
        lambda r: r.conditie("naar_nergens"),
    ],
    ids=["vereiste", "na_transitie", "eigen_melding", "demo", "conditie"],
)
def test_onbekende_transitie_geweigerd(registreren):
    register = FasenRegister()
    with pytest.raises(RegistratieFout, match="unknown transition 'naar_nergens'") as fout:
        registreren(register)
    assert "indienen" in str(fout.value)  # the message names the transitions there are
    assert not register.heeft_eigen_melding("indienen")  # nothing half-registered


def test_vereistecode_per_transitie_eenmaal():
    register = FasenRegister()
    register.vereiste("toelaten", "beoordeling", "Beoordeeld.")(_waar)
    register.vereiste("afwijzen", "beoordeling", "Beoordeeld.")(_waar)  # another transition
    with pytest.raises(RegistratieFout, match="'beoordeling' of transition 'toelaten'"):
        register.vereiste("toelaten", "beoordeling", "Nog eens.")(lambda t: False)
    assert [v.bericht for v in register.vereisten("toelaten")] == ["Beoordeeld."]


def test_gevolg_en_demo_niet_tweemaal_op_dezelfde_transitie():
    register = FasenRegister()
    register.na_transitie("bijsturen")(_gevolg)
    register.na_transitie("terug_naar_route")(_gevolg)
    with pytest.raises(RegistratieFout, match="_gevolg is already registered"):
        register.na_transitie("bijsturen")(_gevolg)
    assert register.gevolgen("bijsturen") == [_gevolg]

    register.demo("indienen")(_gevolg)
    with pytest.raises(RegistratieFout, match="already registered on transition 'indienen'"):
        register.demo("indienen")(_gevolg)


def test_eigen_melding_en_paneelcode_eenmaal():
    register = FasenRegister()
    register.eigen_melding("indienen", "toelaten")
    with pytest.raises(RegistratieFout, match="'toelaten' already has an app's own message"):
        register.eigen_melding("toelaten")

    register.paneel("voorstel", "a.html", _context)
    with pytest.raises(RegistratieFout, match="Panel code 'voorstel' is already taken"):
        register.paneel("voorstel", "b.html", _context, volgorde=1)
    assert [p.template for p in register.panelen()] == ["a.html"]


def test_het_echte_register_weigert_een_tweede_registratie():
    """What a phase app registered cannot be registered again (say, by importing its module
    under another name), and every panel code is taken once, the overviews' too."""
    with fasen.tijdelijk() as register:
        with pytest.raises(RegistratieFout, match="'voorstel' of transition 'indienen'"):
            register.vereiste("indienen", "voorstel", "Nog een voorstel.")(_waar)
        from evaluatie.fasen import evaluatiemomenten_plannen

        with pytest.raises(RegistratieFout, match="evaluatiemomenten_plannen is already"):
            register.na_transitie("naar_evaluatie")(evaluatiemomenten_plannen)
        with pytest.raises(RegistratieFout, match="already has an app's own message"):
            register.eigen_melding("indienen")
        for code in ("voorstel", "horizon", "coalitie", "route", "overeenkomst", "evaluatie"):
            with pytest.raises(RegistratieFout, match=f"Panel code '{code}'"):
                register.paneel(code, "x.html", _context)
    assert {"archief", "overeenkomst"} <= {p.code for p in fasen.panelen()}


def test_tijdelijk_register_is_daarna_weer_als_voorheen():
    voor = {t: [v.code for v in fasen.vereisten(t)] for t in TRANSITIES}
    gevolgen_voor = {t: fasen.gevolgen(t) for t in TRANSITIES}
    panelen_voor = fasen.panelen()
    with fasen.tijdelijk() as register:
        register.vereiste("indienen", "test_extra", "Extra.")(_waar)
        register.vereisten_weglaten("naar_route", "partner_bevestigd")
        register.vereisten_weglaten("naar_overdracht")
        register.na_transitie("indienen")(_gevolg)
        register.paneel("test_paneel", "x.html", _context)
        assert "test_extra" in [v.code for v in register.vereisten("indienen")]
        assert "partner_bevestigd" not in [v.code for v in register.vereisten("naar_route")]
        assert register.vereisten("naar_overdracht") == []
        with register.tijdelijk(kaal=True) as kaal:  # blocks nest
            assert all(kaal.vereisten(t) == [] and kaal.gevolgen(t) == [] for t in TRANSITIES)
            assert not kaal.heeft_eigen_melding("indienen")
            assert "test_paneel" in {p.code for p in kaal.panelen()}  # panels stay
        assert "test_extra" in [v.code for v in register.vereisten("indienen")]
    assert {t: [v.code for v in fasen.vereisten(t)] for t in TRANSITIES} == voor
    assert {t: fasen.gevolgen(t) for t in TRANSITIES} == gevolgen_voor
    assert fasen.panelen() == panelen_voor
    assert fasen.heeft_eigen_melding("indienen")


def test_weglaten_alleen_in_een_tijdelijk_register():
    with pytest.raises(RuntimeError, match="only works inside fasen.tijdelijk"):
        fasen.vereisten_weglaten("naar_route")
    with fasen.tijdelijk() as register, pytest.raises(KeyError, match="bestaat_niet"):
        register.vereisten_weglaten("naar_route", "bestaat_niet")
    assert fasen.vereisten("naar_route")


def test_een_fout_geregistreerde_app_start_niet(tmp_path):
    """A phase app that registers on an unknown transition stops ``django.setup()`` with a
    message that says what is wrong."""
    app = tmp_path / "kapotte_fase"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "apps.py").write_text(
        textwrap.dedent(
            """
            from django.apps import AppConfig


            class KapotteFaseConfig(AppConfig):
                name = "kapotte_fase"

                def ready(self):
                    from . import fasen  # noqa: F401
            """
        )
    )
    (app / "fasen.py").write_text(
        textwrap.dedent(
            """
            from aanbesteden.fasen import fasen


            @fasen.vereiste("naar_de_maan", "raket", "Er is een raket.")
            def raket(traject):
                return False
            """
        )
    )
    script = textwrap.dedent(
        """
        import django
        from django.conf import settings

        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "kapotte_fase"]
        django.setup()
        """
    )
    resultaat = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_omgeving(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode != 0
    assert "RegistratieFout" in resultaat.stderr
    assert "Requirement 'raket' registered on the unknown transition 'naar_de_maan'" in (
        resultaat.stderr
    )


def _omgeving(*paden: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "aanbesteden.settings.test"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *map(str, paden)])
    return env
