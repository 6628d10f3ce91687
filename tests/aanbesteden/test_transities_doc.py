"""``docs/transities.md`` is what ``manage.py transities`` prints: the table and, per
transition, what the phase apps registered, in the order it runs."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

DOC = Path(__file__).resolve().parents[2] / "docs" / "transities.md"


def test_docs_transities_is_actueel():
    uitvoer = StringIO()
    call_command("transities", stdout=uitvoer)
    assert DOC.read_text(encoding="utf-8") == uitvoer.getvalue(), (
        "docs/transities.md is out of date: run "
        "`.venv/bin/python manage.py transities > docs/transities.md`"
    )


def test_het_commando_toont_wat_er_per_transitie_loopt():
    uitvoer = StringIO()
    call_command("transities", stdout=uitvoer)
    tekst = uitvoer.getvalue()
    blok = tekst.split("## 9. `terug_naar_route`")[1].split("## 10.")[0]
    assert "- van → naar: `overdracht` → `route`" in blok
    assert "- rollen: `ambtenaar`, `initiatiefnemer`" in blok
    assert "- richting: terug" in blok
    assert "- motivatie verplicht: ja" in blok
    # follow-ups in the order they run: first the route's agreements, then the agreement
    assert blok.index("coalities.fasen.route_akkoorden_intrekken_na_terug_naar_route") < (
        blok.index("overdracht.fasen.overeenkomst_vervangen")
    )
    indienen = tekst.split("## 1. `indienen`")[1].split("## 2.")[0]
    assert "1. `voorstel` (initiatieven.fasen.voorstel_bestaat)" in indienen
    assert "een fase-app stuurt een eigen melding" in indienen
