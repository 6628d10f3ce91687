"""Bad input anywhere gives a clear 4xx page, never a 500; the error pages themselves render."""

import pytest


@pytest.mark.django_db
@pytest.mark.urls("tests.aanbesteden.urls_fouten")
def test_500_pagina(client):
    client.raise_request_exception = False
    response = client.get("/test/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert '<html lang="nl">' in html
    assert "Een fout in de software" not in html  # no internals shown


@pytest.mark.django_db
@pytest.mark.urls("tests.aanbesteden.urls_fouten")
def test_400_pagina(client):
    response = client.get("/test/verdacht/")
    assert response.status_code == 400
    assert "Dit verzoek klopt niet" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.aanbesteden.urls_fouten")
def test_403_pagina_met_reden(client):
    response = client.get("/test/verboden/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html
    assert "U mag dit niet." in html


@pytest.mark.django_db
def test_404_pagina(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pad",
    [
        "/trajecten/999999/",
        "/trajecten/999999/stap/toelaten/",
        "/trajecten/abc/",
        "/trajecten/-1/",
        "/trajecten/1.5/",
        "/trajecten/99999999999999999999999/",
        "/gemeenten/bestaat-niet/trajecten/",
        "/meldingen/abc/gelezen/",
    ],
)
def test_onbekende_of_onzinnige_ids_geven_404(client, ambtenaar, pad):
    client.force_login(ambtenaar)
    assert client.get(pad).status_code == 404


@pytest.mark.django_db
def test_onbekende_stap_geeft_4xx(client, ambtenaar, traject):
    client.force_login(ambtenaar)
    for pad in (
        f"/trajecten/{traject.pk}/stap/vliegen/",
        f"/trajecten/{traject.pk}/stap/__init__/",
        f"/trajecten/{traject.pk}/stap/save/",
    ):
        assert client.get(pad).status_code in (403, 404), pad
        assert client.post(pad, {"status": "concept"}).status_code in (403, 404), pad


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("methode", "pad"),
    [
        ("get", "/taal/"),
        ("get", "/uitloggen/"),
        ("get", "/meldingen/1/gelezen/"),
        ("put", "/trajecten/{pk}/stap/indienen/"),
        ("delete", "/trajecten/{pk}/stap/indienen/"),
    ],
)
def test_verkeerde_methode_geeft_405(client, initiatiefnemer, traject, methode, pad):
    client.force_login(initiatiefnemer)
    response = getattr(client, methode)(pad.format(pk=traject.pk))
    assert response.status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"status": "bestaat-niet"},
        {"status": "concept", "motivatie": "x" * 6000},
    ],
)
def test_gemanipuleerd_stapformulier_geeft_400(client, initiatiefnemer, traject, data):
    client.force_login(initiatiefnemer)
    response = client.post(f"/trajecten/{traject.pk}/stap/indienen/", data)
    assert response.status_code == 400
    assert "Dit ging niet goed" in response.content.decode() or 'aria-invalid="true"' in (
        response.content.decode()
    )
    traject.refresh_from_db()
    assert traject.status == "concept"


@pytest.mark.django_db
def test_stap_die_deze_rol_niet_mag_geeft_403(client, partner, traject):
    client.force_login(partner)
    response = client.post(f"/trajecten/{traject.pk}/stap/indienen/", {"status": "concept"})
    assert response.status_code == 403
    traject.refresh_from_db()
    assert traject.status == "concept"


@pytest.mark.django_db
def test_csp_en_andere_beveiligingskoppen(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
