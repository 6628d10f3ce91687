"""What every page a browser test opens must pass besides axe-core, checked for the whole test:

- **No console error and no failed request.** The contexts run with the site's
  Content-Security-Policy enforced, so an inline ``style=""``, ``<style>`` or ``<script>`` shows
  up as a CSP violation in the console; a script error, a stylesheet or favicon that is not
  served, a request that fails, all count too.
- **Reflow at 320 CSS px** (WCAG 2.1 SC 1.4.10): with the window 320 px wide the document is
  no wider than the window, and no part of the page scrolls sideways (a table in a scroll box
  counts: tables stack their rows on narrow screens).
- **Valid HTML.** The HTML of every page as the server sent it is saved and checked by the
  W3C Nu HTML checker (``vnu-jar`` from npm, needs Java): errors fail, warnings do not.

``Bezoeker.aangekomen()`` hands each page to ``Paginacontrole.pagina()``; the listeners on
every context made by the ``nieuwe_context`` fixture collect the console and the network;
``pytest_runtest_call`` in ``tests/e2e/conftest.py`` asks ``Paginacontrole.problemen()`` when the
test body has passed, so a problem fails the test with every page and what to fix. (Chromium
fetches a page's favicon outside the page, unseen here: ``tests/aanbesteden/test_favicon.py``.)
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SMAL = 320  # CSS px: WCAG 1.4.10 asks for content without sideways scrolling at this width

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

_BREEDTE = """
() => {
  const venster = window.innerWidth;
  const doc = document.documentElement;
  // Where an element's box, or its content when it lets it show (a long word), ends.
  const rechterrand = el => {
    const r = el.getBoundingClientRect();
    const zichtbaar = getComputedStyle(el).overflowX === 'visible';
    return zichtbaar ? Math.max(r.right, r.left + el.scrollWidth) : r.right;
  };
  const beschrijf = el => {
    let pad = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.body; e = e.parentElement) {
      let deel = e.tagName.toLowerCase();
      if (e.id) { pad.unshift(deel + '#' + e.id); break; }
      const klassen = [...e.classList].slice(0, 2);
      if (klassen.length) deel += '.' + klassen.join('.');
      pad.unshift(deel);
    }
    const r = el.getBoundingClientRect();
    const rechts = rechterrand(el);
    const tekst = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 80);
    return `${pad.join(' > ')} (${Math.round(r.width)} px wide, content up to `
      + `${Math.round(rechts)} px${tekst ? ', text "' + tekst + '"' : ''})`;
  };
  const knipt = el => {
    for (let e = el.parentElement; e && e !== doc; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== 'visible') return true;
    }
    return false;
  };
  const uit = {documentbreedte: doc.scrollWidth, venster, uitstekend: [], schuivend: []};
  const alle = [...document.body.querySelectorAll('*')];
  if (doc.scrollWidth > venster) {
    const buiten = alle.filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && rechterrand(el) > venster + 0.5 && !knipt(el);
    });
    const binnenste = buiten.filter(
      el => !buiten.some(ander => ander !== el && el.contains(ander)));
    const breedste = [...buiten].sort((a, b) =>
      b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
    const gekozen = [breedste, ...binnenste.slice(0, 4)].filter(Boolean);
    uit.uitstekend = [...new Set(gekozen)].map(beschrijf);
  }
  for (const el of alle) {
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) continue;
    const s = getComputedStyle(el);
    if (['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      uit.schuivend.push(beschrijf(el) + `, content ${el.scrollWidth} px wide`);
    }
  }
  return uit;
}
"""


def breedte_problemen(page) -> list[str]:
    """What makes the page scroll sideways at ``SMAL`` px; the window is put back after."""
    oud = page.viewport_size
    page.set_viewport_size({"width": SMAL, "height": oud["height"] if oud else 720})
    try:
        meting = page.evaluate(_BREEDTE)
    finally:
        if oud:
            page.set_viewport_size(oud)
    problemen = []
    if meting["documentbreedte"] > meting["venster"]:
        problemen.append(
            f"the document is {meting['documentbreedte']} px wide in a {meting['venster']} px"
            " window; sticking out: " + "; ".join(meting["uitstekend"] or ["(not found)"])
        )
    for deel in meting["schuivend"]:
        problemen.append(f"a part scrolls sideways: {deel}")
    return problemen


class NuChecker:
    """The W3C Nu HTML checker from ``node_modules/vnu-jar``, run once over many files."""

    def __init__(self, jar: Path = VNU):
        self.jar = jar
        self.java = shutil.which("java")

    def ontbreekt(self) -> str | None:
        """Why the checker cannot run here, or None."""
        if self.java is None:
            return (
                "Java not found (the Nu HTML checker needs it):"
                " apt-get install default-jre-headless"
            )
        if not self.jar.exists():
            return f"no Nu HTML checker at {self.jar}: run make install (npm package vnu-jar)"
        return None

    def controleer(self, bestanden: list[Path]) -> dict[Path, list[dict]]:
        """The errors per file (warnings and info left out)."""
        if not bestanden:
            return {}
        proces = subprocess.run(
            [self.java, "-jar", str(self.jar), "--format", "json", "--stdout"]
            + ["--exit-zero-always", "--no-langdetect", "--errors-only"]
            + [str(b) for b in bestanden],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        try:
            berichten = json.loads(proces.stdout)["messages"]
        except (ValueError, KeyError) as fout:
            raise AssertionError(
                f"the Nu HTML checker gave no JSON ({fout}): {proces.stdout[:500]}"
                f" {proces.stderr[:500]}"
            ) from None
        per_bestand: dict[Path, list[dict]] = {}
        namen = {b.resolve().as_uri(): b for b in bestanden}
        namen.update({"file:" + str(b.resolve()): b for b in bestanden})
        for bericht in berichten:
            if bericht.get("type") == "info":
                continue
            bestand = namen.get(bericht.get("url", ""), bestanden[0])
            per_bestand.setdefault(bestand, []).append(bericht)
        return per_bestand


def nu_fouten_tekst(adres: str, bestand: Path, fouten: list[dict]) -> str:
    regels = [
        f"Nu HTML checker: {len(fouten)} error(s) in the HTML of {adres} as served"
        f" (saved as {bestand}):"
    ]
    for f in fouten:
        plek = f"line {f.get('lastLine', '?')}" if "lastLine" in f else "document"
        regels.append(f"- {plek}: {f.get('message', f)}")
        if f.get("extract"):
            regels.append("    " + f["extract"].replace("\n", " ")[:200])
    return "\n".join(regels)


def _zonder_wisselende_delen(html: str) -> str:
    """The HTML without what differs on every request (the CSRF token)."""
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1", html)


@dataclass
class Paginacontrole:
    """One test's collector; see the module's docstring."""

    nu: NuChecker
    map: Path
    console: dict[str, list[str]] = field(default_factory=dict)  # message -> addresses
    verzoeken: list[str] = field(default_factory=list)
    breedte: list[str] = field(default_factory=list)
    documenten: dict[Path, str] = field(default_factory=dict)  # file -> address
    _gezien: set[str] = field(default_factory=set)

    # --- listeners on every context -----------------------------------------------------
    def volg(self, context) -> None:
        context.paginacontrole = self
        context.on("console", self._console)
        context.on("weberror", lambda fout: self._meld(f"script error: {fout.error}", ""))
        context.on("response", self._antwoord)
        context.on("requestfailed", self._mislukt)

    def _console(self, bericht) -> None:
        if bericht.type != "error":
            return
        if bericht.text.startswith("Failed to load resource:"):
            return  # the status of every response is checked in _antwoord
        plek = bericht.location.get("url", "") if bericht.location else ""
        adres = bericht.page.url if bericht.page else plek
        self._meld(bericht.text + (f" (from {plek})" if plek and plek != adres else ""), adres)

    def _meld(self, tekst: str, adres: str) -> None:
        adressen = self.console.setdefault(tekst, [])
        if adres not in adressen:
            adressen.append(adres)

    def _antwoord(self, response) -> None:
        # A page's own status is checked by the test that asks for it (ga_naar(status=...)).
        if response.request.is_navigation_request() or response.status < 400:
            return
        herkomst = response.frame.url if response.frame else ""
        self.verzoeken.append(f"{response.url}: status {response.status} (on {herkomst})")

    def _mislukt(self, request) -> None:
        fout = request.failure or ""
        if "ERR_ABORTED" in fout:
            return  # a download, or a request cut off by the next navigation
        self.verzoeken.append(f"{request.url}: {fout or 'failed'}")

    # --- every page ------------------------------------------------------------------------
    def pagina(self, page, document) -> None:
        """Check the page the browser shows now; ``document`` is its navigation response
        (None when the page was not loaded from the server)."""
        from playwright.sync_api import Error

        html = ""
        try:
            if (
                document is not None
                and document.url == page.url.split("#")[0]
                and document.headers.get("content-type", "").startswith("text/html")
            ):
                html = document.text()
            sleutel = hashlib.sha256(
                (page.url + _zonder_wisselende_delen(html or page.content())).encode()
            ).hexdigest()
        except Error:
            # The page moved on meanwhile (a keyboard activation navigates a moment after the
            # key press): the next page is checked when the test arrives there.
            return
        if sleutel in self._gezien:
            return
        try:
            breedte = breedte_problemen(page)
        except Error:
            return  # as above
        self._gezien.add(sleutel)
        for probleem in breedte:
            self.breedte.append(f"{page.url}: {probleem}")
        if html:
            pad = urlsplit(page.url).path.strip("/").replace("/", "_") or "home"
            bestand = self.map / f"{len(self.documenten) + 1:03d}-{pad[:80]}.html"
            bestand.write_text(html, encoding="utf-8")
            self.documenten[bestand] = page.url

    # --- at the end of the test ------------------------------------------------------------
    def problemen(self) -> list[str]:
        """Everything found so far, with what to do about it; the Nu checker runs here."""
        uit = []
        if self.console:
            uit.append(
                "errors in the browser console (a Content-Security-Policy violation means an"
                ' inline style="", <style> or <script>: move it to a file in static/ or use'
                " a class):\n"
                + "\n".join(
                    f"- {tekst}\n  on {len(adressen)} page(s): " + ", ".join(adressen[:10])
                    for tekst, adressen in self.console.items()
                )
            )
        if self.verzoeken:
            uit.append(
                "requests that failed (a missing static file, favicon …):\n  "
                + "\n  ".join(dict.fromkeys(self.verzoeken))
            )
        if self.breedte:
            uit.append(
                f"pages that scroll sideways at {SMAL} px wide (WCAG 1.4.10 reflow). Tables"
                " with class utrecht-table stack their rows on narrow screens by themselves"
                " (static/css/site.css; give every <td> a data-label with its column's header);"
                " long words wrap (overflow-wrap); nothing gets a fixed width:\n  "
                + "\n  ".join(self.breedte)
            )
        if self.documenten and self.nu.ontbreekt() is None:
            per_bestand = self.nu.controleer(list(self.documenten))
            for bestand, fouten in per_bestand.items():
                uit.append(nu_fouten_tekst(self.documenten.get(bestand, "?"), bestand, fouten))
        return uit
