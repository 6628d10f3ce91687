"""The site shell every page shares: landmarks, skip link, language, the official's gemeente."""

import re

import pytest


def _html(client, pad="/"):
    response = client.get(pad)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/", "/inloggen/", "/inloglink/", "/wachtwoord/vergeten/"])
def test_landmarks_en_skiplink(client, pad):
    html = _html(client, pad)
    assert re.search(r'<html lang="nl"', html)
    assert len(re.findall(r"<main\b", html)) == 1
    assert len(re.findall(r"<h1\b", html)) == 1
    assert "<header" in html and "<footer" in html
    assert re.search(r'<nav [^>]*aria-label="[^"]+"', html)
    doel = re.search(r'<a class="utrecht-skip-link[^"]*" href="#([^"]+)"', html).group(1)
    assert f'id="{doel}"' in html
    assert re.search(r"<title>[^<]+ – ", html)


@pytest.mark.django_db
def test_taalknop_noemt_de_andere_taal_in_die_taal(client):
    html = _html(client)
    assert re.search(
        r'<button[^>]*name="language" value="en" lang="en"[^>]*>English</button>', html
    )
    client.post("/taal/", {"language": "en", "next": "/"})
    html = _html(client)
    assert re.search(r'<button[^>]*value="nl" lang="nl"[^>]*>Nederlands</button>', html)


@pytest.mark.django_db
def test_kop_toont_gemeente_van_ambtenaar(client, ambtenaar):
    client.force_login(ambtenaar)
    html = _html(client, "/mijn/")
    assert re.search(r'class="site-kop__gemeente">[^<]*Gemeente A<', html)
    assert 'action="/uitloggen/"' in html


@pytest.mark.django_db
def test_kop_zonder_gemeente_voor_initiatiefnemer(client, initiatiefnemer, gemeente):
    client.force_login(initiatiefnemer)
    html = _html(client, "/mijn/")
    assert "site-kop__gemeente" not in html
