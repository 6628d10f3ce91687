"""The statements every Dutch government site must have: the accessibility statement (in the
structure of the model statement of DigiToegankelijk) and the privacy statement, linked from
every page's footer, each with the contact a gemeente sets in the admin."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanbesteden.models import email_of_webadres_validator


@pytest.fixture
def gemeente_met_contacten(gemeente):
    gemeente.toegankelijkheid_contact = "toegankelijkheid@gemeente-a.example.org"
    gemeente.privacy_contact = "https://www.gemeente-a.example.org/privacy"
    gemeente.full_clean()
    gemeente.save()
    return gemeente


def _html(client, pad, status=200):
    response = client.get(pad)
    assert response.status_code == status
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pad", ["/", "/inloggen/", "/register/", "/toegankelijkheid/", "/privacyverklaring/"]
)
def test_elke_voet_linkt_naar_beide_verklaringen(client, pad):
    voet = _html(client, pad).split("<footer", 1)[1]
    assert f'href="{reverse("overzicht:toegankelijkheid")}"' in voet
    assert f'href="{reverse("overzicht:privacyverklaring")}"' in voet


@pytest.mark.django_db
def test_toegankelijkheidsverklaring_volgt_het_model(
    client, gemeente_met_contacten, andere_gemeente
):
    html = _html(client, reverse("overzicht:toegankelijkheid"))
    koppen = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert koppen == [
        "Verklaring",
        "Nalevingsstatus: eerste maatregelen genomen",
        "Wat wij zelf controleren",
        "Wat nog niet goed werkt",
        "Een probleem melden",
        "Niet tevreden?",
        "Over deze verklaring",
    ]
    # The checks the tests really run are named.
    for controle in ("axe-core", "Nu HTML Checker", "320 pixels", "alleen het toetsenbord"):
        assert controle in html
    # Every gemeente with its contact, or the number every gemeente answers.
    assert 'href="mailto:toegankelijkheid@gemeente-a.example.org"' in html
    assert re.search(r"Gemeente B</?[^>]*>?: bel 14", html) or "Gemeente B: bel 14" in html


@pytest.mark.django_db
def test_verklaringen_per_gemeente(client, gemeente_met_contacten, andere_gemeente):
    slug = gemeente_met_contacten.slug
    html = _html(client, reverse("overzicht:toegankelijkheid_gemeente", args=[slug]))
    assert "gemeente Gemeente A gebruikt" in html
    assert "mailto:toegankelijkheid@gemeente-a.example.org" in html
    assert "Gemeente B" not in html
    html = _html(client, reverse("overzicht:privacyverklaring_gemeente", args=[slug]))
    assert 'href="https://www.gemeente-a.example.org/privacy"' in html
    assert "Gemeente B" not in html
    _html(client, reverse("overzicht:privacyverklaring_gemeente", args=["bestaat-niet"]), 404)
    # The gemeente's public page links to both.
    html = _html(client, reverse("initiatieven:gemeente", args=[slug]))
    assert reverse("overzicht:toegankelijkheid_gemeente", args=[slug]) in html
    assert reverse("overzicht:privacyverklaring_gemeente", args=[slug]) in html


@pytest.mark.django_db
def test_privacyverklaring_noemt_grondslag_bewaren_rechten_en_contact(
    client, gemeente_met_contacten
):
    html = _html(client, reverse("overzicht:privacyverklaring"))
    for onderdeel in (
        "artikel 6 lid 1 onder e",  # the gemeente's public task
        "artikel 6 lid 1 onder a",  # consent of supporters
        "Archiefwet",
        "Autoriteit Persoonsgegevens",
        "Steunbetuigers",
        "Ondertekenaars",
        "Ambtenaren",
    ):
        assert onderdeel in html, onderdeel
    assert f'href="{reverse("overzicht:privacy")}"' in html
    assert 'href="https://www.gemeente-a.example.org/privacy"' in html


@pytest.mark.django_db
def test_verklaringen_in_het_engels(client, gemeente_met_contacten):
    client.post("/taal/", {"language": "en", "next": "/"})
    html = _html(client, reverse("overzicht:toegankelijkheid"))
    assert '<h1 class="utrecht-heading-1">Accessibility statement</h1>' in html
    assert "Compliance status: first measures taken" in html
    html = _html(client, reverse("overzicht:privacyverklaring"))
    assert "Privacy statement" in html and "Your rights" in html


@pytest.mark.parametrize(
    "waarde",
    ["toegankelijkheid@gemeente.example.org", "https://www.gemeente.example.org/contact"],
)
def test_contact_is_een_e_mailadres_of_https_adres(waarde):
    email_of_webadres_validator(waarde)


@pytest.mark.parametrize(
    "waarde", ["geen adres", "http://www.gemeente.example.org/", "javascript:alert(1)", "a@b"]
)
def test_ander_contact_wordt_geweigerd(waarde):
    with pytest.raises(ValidationError):
        email_of_webadres_validator(waarde)
