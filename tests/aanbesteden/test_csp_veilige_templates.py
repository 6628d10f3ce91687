"""The site's Content-Security-Policy allows styles and scripts only from its own files
(``style-src 'self'``, ``script-src 'self'``): no template may hold an inline ``style``
attribute, a ``<style>`` element, an inline ``<script>`` or an event handler attribute, or the
browser blocks it (the browser tests fail on the console message too, but only on the pages
they open). PDF templates are rendered by WeasyPrint, not by a browser, and may."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
OVERGESLAGEN = {".venv", "node_modules", "var", "static"}
#: Rendered to PDF by WeasyPrint (aanbesteden.pdf), never shown by a browser.
PDF_TEMPLATES = {
    "initiatieven/templates/initiatieven/besluitbrief.html",
    "overzicht/templates/overzicht/rapport_pdf.html",
}

VERBODEN = {
    "style attribute": re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.S),
    "<style> element": re.compile(r"<style[\s>]"),
    "inline <script>": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>"),
    "event handler attribute": re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S),
}


def _webtemplates():
    for pad in sorted(BASE.glob("**/templates/**/*.html")):
        relatief = pad.relative_to(BASE)
        if set(relatief.parts) & OVERGESLAGEN or "pdf" in relatief.parts:
            continue
        if str(relatief) not in PDF_TEMPLATES:
            yield pad


def test_geen_inline_stijl_of_script_in_templates():
    fouten = []
    for pad in _webtemplates():
        tekst = pad.read_text(encoding="utf-8")
        for soort, patroon in VERBODEN.items():
            for m in patroon.finditer(tekst):
                regel = tekst.count("\n", 0, m.start()) + 1
                fouten.append(f"{pad.relative_to(BASE)}:{regel}: {soort}: {m.group(0)[:80]}")
    assert not fouten, "blocked by the CSP; use a class and static/css:\n" + "\n".join(fouten)


def test_er_worden_templates_gecontroleerd():
    namen = {str(p.relative_to(BASE)) for p in _webtemplates()}
    assert "templates/base.html" in namen and "templates/500.html" in namen
    assert "coalities/templates/coalities/_tijdlijn.html" in namen
    assert all((BASE / p).is_file() for p in PDF_TEMPLATES)


def test_de_controle_ziet_een_inline_stijl():
    assert VERBODEN["style attribute"].search('<span class="x" style="left: 3%">')
    assert VERBODEN["inline <script>"].search("<script>alert(1)</script>")
    assert not VERBODEN["inline <script>"].search('<script src="/static/x.js" defer></script>')
