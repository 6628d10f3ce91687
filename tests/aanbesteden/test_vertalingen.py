"""English is complete: every message of every app has a non-empty, non-fuzzy English
translation with the same placeholders, and the compiled .mo file matches the .po file.

The .po files are read with the small reader below (no extra package needed)."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
PO_BESTANDEN = sorted(
    p
    for p in BASE.glob("**/locale/en/LC_MESSAGES/django.po")
    if not {".venv", "node_modules", "var"} & set(p.relative_to(BASE).parts)
)
PLAATSHOUDER = re.compile(r"%\([a-z_0-9]+\)[sd]|\{[a-z_0-9]*\}")


def po_lezen(pad: Path) -> list[dict]:
    """The entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr[n], flags."""
    entries = []
    for blok in pad.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set()}
        veld = None
        for regel in blok.splitlines():
            if regel.startswith("#,"):
                entry["flags"] |= {f.strip() for f in regel[2:].split(",")}
            elif regel.startswith("#~"):
                entry["obsolete"] = True
            elif regel.startswith("#") or not regel.strip():
                continue
            elif regel.startswith('"'):
                entry[veld] += ast.literal_eval(regel)
            else:
                veld, waarde = regel.split(" ", 1)
                entry[veld] = ast.literal_eval(waarde)
        if "msgid" in entry and entry["msgid"] and not entry.get("obsolete"):
            entries.append(entry)
    return entries


def test_er_zijn_vertalingen():
    assert BASE / "aanbesteden/locale/en/LC_MESSAGES/django.po" in PO_BESTANDEN
    assert len(po_lezen(BASE / "aanbesteden/locale/en/LC_MESSAGES/django.po")) > 100


@pytest.mark.parametrize("pad", PO_BESTANDEN, ids=lambda p: str(p.relative_to(BASE)))
def test_elke_tekst_is_vertaald(pad):
    problemen = []
    for e in po_lezen(pad):
        vertalingen = [v for k, v in e.items() if k.startswith("msgstr")]
        if "fuzzy" in e["flags"]:
            problemen.append(f"fuzzy: {e['msgid']!r}")
        if not vertalingen or not all(v.strip() for v in vertalingen):
            problemen.append(f"leeg: {e['msgid']!r}")
            continue
        bron = sorted(set(PLAATSHOUDER.findall(e["msgid"] + e.get("msgid_plural", ""))))
        for v in vertalingen:
            if sorted(set(PLAATSHOUDER.findall(v))) != bron:
                problemen.append(f"andere plaatshouders: {e['msgid']!r} -> {v!r}")
    assert not problemen, "\n".join(problemen)


@pytest.mark.parametrize("pad", PO_BESTANDEN, ids=lambda p: str(p.relative_to(BASE)))
def test_mo_bestand_is_bijgewerkt(pad):
    mo = pad.with_suffix(".mo")
    assert mo.is_file(), f"{mo} ontbreekt: draai compilemessages"
    with mo.open("rb") as f:
        catalogus = gettext.GNUTranslations(f)
    verouderd = []
    for e in po_lezen(pad):
        sleutel = e["msgid"] if "msgctxt" not in e else f"{e['msgctxt']}\x04{e['msgid']}"
        if "msgid_plural" in e:
            gecompileerd = catalogus.ngettext(sleutel, e["msgid_plural"], 1)
            verwacht = e.get("msgstr[0]", "")
        else:
            gecompileerd = catalogus.gettext(sleutel)
            verwacht = e.get("msgstr", "")
        if not verwacht or "fuzzy" in e["flags"]:
            continue  # reported by test_elke_tekst_is_vertaald
        if gecompileerd != verwacht:
            verouderd.append(e["msgid"])
    assert not verouderd, f"{mo} is ouder dan de .po: {verouderd[:5]}"


def test_kernvertaling_bevat_alleen_de_kern():
    """aanbesteden/locale holds the core's messages only (aanbesteden/ and the site templates).

    `makemessages` run inside an app without its own locale/ directory writes into the first
    LOCALE_PATHS entry, which is this file: create `<app>/locale/` first."""
    po = BASE / "aanbesteden/locale/en/LC_MESSAGES/django.po"
    vreemd = set()
    for regel in po.read_text(encoding="utf-8").splitlines():
        if regel.startswith("#: "):
            for bron in regel[3:].split():
                pad = bron.rsplit(":", 1)[0]
                if not pad.startswith(("aanbesteden/", "templates/")):
                    vreemd.add(pad)
    assert not vreemd, f"messages of other apps in {po}: {sorted(vreemd)[:5]}"
