"""The checks of ``paginacontrole.py`` can fail: an inline style under the site's CSP, a
stylesheet that is not there, a page wider than 320 px, a table in a sideways scroll box and
HTML the Nu checker rejects are each reported, with the page and what is wrong."""

from __future__ import annotations

from tests.e2e.paginacontrole import Paginacontrole, breedte_problemen
from tests.e2e.stappen import Bezoeker

PAGINA = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title>
<link rel="stylesheet" href="/static/css/site.css">{kop}</head>
<body><header class="site-kop">Kop</header><main>{inhoud}</main></body></html>"""


def _proefpagina(context, live_server, pad: str, html: str) -> None:
    """Serve ``html`` at ``pad`` on the live server's origin with the site's own CSP header."""
    csp = context.request.get(live_server.url + "/").headers["content-security-policy"]
    context.route(
        live_server.url + pad,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": csp},
            body=html,
        ),
    )


def test_csp_schending_en_ontbrekend_bestand_worden_gemeld(
    e2e_db, live_server, nieuwe_context, axe_bron, paginacontrole
):
    context = nieuwe_context()
    html = PAGINA.format(
        kop='<link rel="stylesheet" href="/static/css/bestaat-niet.css">',
        inhoud='<h1 style="color: red">Inline stijl</h1>',
    )
    _proefpagina(context, live_server, "/proef/", html)
    b = Bezoeker(context, live_server.url, axe_bron)
    b.page.goto(live_server.url + "/proef/")
    b.page.wait_for_load_state("load")
    problemen = "\n".join(paginacontrole.problemen())
    assert "Content Security Policy" in problemen and "/proef/" in problemen
    assert "/static/css/bestaat-niet.css: status 404" in problemen
    # Handled here: the test itself must not fail on them.
    paginacontrole.console.clear()
    paginacontrole.verzoeken.clear()


def test_te_brede_pagina_en_schuivende_tabel_worden_gemeld(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body>'
        '<p class="breed" style="width: 600px">Breed</p>'
        '<div class="schuifdoos" style="overflow-x: auto"><table><tr>'
        '<td style="white-space: nowrap">' + "heel lang " * 40 + "</td></tr></table></div>"
        "</body></html>"
    )
    problemen = breedte_problemen(page)
    context.close()
    assert any("document is" in p and "p.breed" in p for p in problemen), problemen
    assert any("scrolls sideways" in p and "div.schuifdoos" in p for p in problemen), problemen


def test_smalle_pagina_zonder_problemen(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><p>'
        + "a" * 200
        + '</p><p style="overflow-wrap: anywhere">'
        + "b" * 200
        + "</p></body></html>"
    )
    problemen = breedte_problemen(page)
    assert len(problemen) == 1 and "aaaa" in problemen[0], problemen  # only the unwrapped one
    assert page.viewport_size == {"width": 1280, "height": 720}
    context.close()


def test_nu_checker_meldt_fouten(tmp_path, werkende_nu_checker):
    nu = werkende_nu_checker
    fout = tmp_path / "fout.html"
    fout.write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p><time datetime="2026-01-02T10:00:00.123456+01:00">2 januari</time></p>'
        '<p id="a"></p><p id="a"></p></body></html>'
    )
    goed = tmp_path / "goed.html"
    goed.write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p><time datetime="2026-01-02T10:00:00+01:00">2 januari</time></p></body></html>'
    )
    per_bestand = nu.controleer([fout, goed])
    assert goed not in per_bestand
    berichten = " ".join(f["message"] for f in per_bestand[fout])
    assert "fraction of a second" in berichten and "Duplicate ID" in berichten


def test_nu_fouten_komen_in_de_problemen(tmp_path, werkende_nu_checker):
    nu = werkende_nu_checker
    controle = Paginacontrole(nu=nu, map=tmp_path)
    bestand = tmp_path / "001-proef.html"
    bestand.write_text('<!DOCTYPE html><html lang="nl"><head></head><body></body></html>')
    controle.documenten[bestand] = "http://proef/"
    problemen = controle.problemen()
    assert len(problemen) == 1 and "http://proef/" in problemen[0], problemen
    assert "title" in problemen[0], problemen
