"""The front page gives a resident a clear first step, in the words the next page uses, and
every page title names the platform the same way in each language."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_eerste_stap_voor_bewoners(client, gemeente):
    html = client.get("/").content.decode()
    assert "Ik wil een taak overnemen" in html
    assert (
        f"{reverse('initiatieven:gemeente', kwargs={'gemeente': gemeente.slug})}#kop-opgaven"
        in html
    )
    assert reverse("initiatieven:uitdaagrecht_starten", kwargs={"gemeente": gemeente.slug}) in html
    # One word for a call, as on the gemeente's page: "opgaven", not "opdrachten".
    assert "opgaven" in html and "opdrachten" not in html


@pytest.mark.parametrize(
    ("taal", "naam", "niet"),
    [
        ("nl", "Maatschappelijk aanbesteden", "Social"),
        ("en", "Social procurement", "Maatschappelijk"),
    ],
)
def test_paginatitels_noemen_het_platform_eenduidig(client, gemeente, taal, naam, niet):
    client.post("/taal/", {"language": taal, "next": "/"})
    for pad in ("/", reverse("initiatieven:gemeente", kwargs={"gemeente": gemeente.slug})):
        html = client.get(pad).content.decode()
        titel = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert titel.strip().endswith(f"– {naam}"), titel
        assert niet not in titel
