"""Signatures with a verified identity, against the real test OIDC provider. When the gemeente
asks it, the official signs after logging in through the gemeente's SSO, a resident with
DigiD, and an organisation with eHerkenning for its own KvK number. A signature without the
means, or with another organisation's KvK number, is refused with a plain explanation. The
sealed PDF and the public verification page name the means, the level of assurance and the
KvK number; the BSN appears in neither."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from accounts.constants import AanbiederSoort
from accounts.models import Inlogbeleid, OidcGroepKoppeling
from coalities.models import Partner
from overdracht.constants import VersieStatus
from overdracht.services import OvereenkomstFout, ondertekening_tekenen
from tests.accounts.oidc_hulp import aanbieder_instellen, via_aanbieder

pytestmark = pytest.mark.django_db

BSN = "999993653"
KVK_INITIATIEF = "12345678"  # Stichting Groen Voorstad (tests/overdracht/factories.py)
KVK_PARTNER = "87654321"


@pytest.fixture
def gecontroleerd(settings, oidc_aanbieder, gemeente, vastgesteld, partner, tweede_partner):
    """Gemeente A asks a checked identity for signing; SSO, DigiD and eHerkenning are set up.
    Partner 1 is an organisation with a KvK number, partner 2 a resident."""
    settings.IDENTITEIT_SLEUTEL = "sleutel-van-de-test-voor-het-bsn-0123456789abcdef"
    Inlogbeleid.objects.create(gemeente=gemeente, tekenen_gecontroleerd=True)
    sso = aanbieder_instellen(
        settings, oidc_aanbieder, code="sso-a", soort=AanbiederSoort.SSO, gemeente=gemeente
    )
    OidcGroepKoppeling.objects.create(
        aanbieder=sso, groep="ma-tekenaars", gemeente=gemeente, mag_tekenen=True
    )
    aanbieder_instellen(settings, oidc_aanbieder, code="digid", soort=AanbiederSoort.DIGID)
    aanbieder_instellen(
        settings, oidc_aanbieder, code="eherkenning", soort=AanbiederSoort.EHERKENNING
    )
    Partner.objects.filter(gebruiker=partner).update(soort="organisatie", kvk_nummer=KVK_PARTNER)
    Partner.objects.filter(gebruiker=tweede_partner).update(soort="bewoner")
    return vastgesteld


def _url(versie, rij) -> str:
    return reverse(
        "overdracht:tekenen",
        kwargs={"pk": versie.traject_id, "nummer": versie.nummer, "id": rij.pk},
    )


def _tekenen(client, versie, rij):
    return client.post(
        _url(versie, rij),
        {"instemming": "on", "naam": rij.naam, "pdf_sha256": versie.pdf_sha256},
    )


def _tekst(veld) -> str:
    with veld.open("rb") as f:
        lezer = PdfReader(BytesIO(f.read()))
    return " ".join(" ".join(p.extract_text() for p in lezer.pages).split())


def test_iedereen_tekent_met_het_passende_middel(
    client,
    gecontroleerd,
    oidc_aanbieder,
    ambtenaar,
    initiatiefnemer,
    partner,
    tweede_partner,
    django_capture_on_commit_callbacks,
):
    versie = gecontroleerd
    rijen = {o.ondertekenaar_id: o for o in versie.ondertekeningen.all()}

    # The initiative (a foundation with a KvK number), logged in with a link: refused, and
    # the page says why and where to log in with eHerkenning.
    client.force_login(initiatiefnemer)
    rij = rijen[initiatiefnemer.pk]
    pagina = client.get(_url(versie, rij)).content.decode()
    assert "eHerkenning" in pagina
    assert reverse("accounts:oidc_start", kwargs={"code": "eherkenning"}) in pagina
    geweigerd = _tekenen(client, versie, rij)
    assert geweigerd.status_code == 400
    assert "met eHerkenning" in geweigerd.content.decode()

    # eHerkenning for another organisation: refused, with both numbers named.
    oidc_aanbieder.account(
        "ander-bedrijf",
        kvk="11112222",
        bedrijfsnaam="Ander Bedrijf",
        name="Ilse Bakker",
        loa="urn:etoegang:core:assurance-class:loa3",
    )
    via_aanbieder(
        client, oidc_aanbieder, "eherkenning", "ander-bedrijf", volgende=_url(versie, rij)
    )
    geweigerd = _tekenen(client, versie, rij)
    assert geweigerd.status_code == 400
    assert "11112222" in geweigerd.content.decode()
    assert KVK_INITIATIEF in geweigerd.content.decode()

    # eHerkenning for the foundation itself: signed, with what was proved.
    oidc_aanbieder.account(
        "groen-voorstad",
        kvk=KVK_INITIATIEF,
        bedrijfsnaam="Stichting Groen Voorstad",
        name="Ilse Bakker",
        loa="urn:etoegang:core:assurance-class:loa3",
    )
    terug = via_aanbieder(
        client, oidc_aanbieder, "eherkenning", "groen-voorstad", volgende=_url(versie, rij)
    )
    assert terug["Location"] == _url(versie, rij)
    assert _tekenen(client, versie, rij).status_code == 302
    rij.refresh_from_db()
    assert rij.getekend_op is not None
    assert (rij.middel, rij.gecontroleerd_kvk_nummer) == ("eherkenning", KVK_INITIATIEF)
    assert rij.gecontroleerde_organisatie == "Stichting Groen Voorstad"
    assert rij.betrouwbaarheidsniveau == "urn:etoegang:core:assurance-class:loa3"

    # Partner 1, an organisation: eHerkenning with its KvK number.
    client.logout()
    client.force_login(partner)
    oidc_aanbieder.account(
        "woonstede",
        kvk=KVK_PARTNER,
        bedrijfsnaam="Woonstede",
        name="Joost",
        loa="urn:etoegang:core:assurance-class:loa2plus",
    )
    via_aanbieder(client, oidc_aanbieder, "eherkenning", "woonstede")
    assert _tekenen(client, versie, rijen[partner.pk]).status_code == 302

    # Partner 2, a resident: DigiD, not eHerkenning.
    client.logout()
    client.force_login(tweede_partner)
    assert "DigiD" in client.get(_url(versie, rijen[tweede_partner.pk])).content.decode()
    oidc_aanbieder.account("bewoner", bsn=BSN, loa="urn:digid:substantieel")
    via_aanbieder(client, oidc_aanbieder, "digid", "bewoner")
    assert _tekenen(client, versie, rijen[tweede_partner.pk]).status_code == 302

    # The gemeente's official: with password and second factor not enough; through SSO yes.
    client.logout()
    client.force_login(ambtenaar)
    geweigerd = _tekenen(client, versie, rijen[ambtenaar.pk])
    assert geweigerd.status_code == 400
    assert "SSO" in geweigerd.content.decode()
    client.logout()
    oidc_aanbieder.account("amb", email=ambtenaar.email, groups=["ma-tekenaars"])
    via_aanbieder(client, oidc_aanbieder, "sso-a", "amb")
    with django_capture_on_commit_callbacks(execute=True):
        assert _tekenen(client, versie, rijen[ambtenaar.pk]).status_code == 302

    versie.refresh_from_db()
    assert versie.status == VersieStatus.VERZEGELD
    middelen = dict(versie.ondertekeningen.values_list("ondertekenaar", "middel"))
    assert middelen == {
        initiatiefnemer.pk: "eherkenning",
        partner.pk: "eherkenning",
        tweede_partner.pk: "digid",
        ambtenaar.pk: "sso",
    }

    # The sealed PDF names means, level and KvK numbers; no BSN, no e-mail address.
    # (Compared without spaces: a table cell may break a phrase over lines.)
    tekst = _tekst(versie.verzegeld_pdf)
    zonder_spaties = "".join(tekst.split())
    for verwacht in [
        "gecontroleerd met DigiD",
        "gecontroleerd met eHerkenning",
        "gecontroleerd met SSO van de eigen organisatie",
        f"KvK {KVK_INITIATIEF}",
        f"KvK {KVK_PARTNER}",
        "urn:digid:substantieel",
    ]:
        assert "".join(verwacht.split()) in zonder_spaties, verwacht
    assert BSN not in zonder_spaties
    assert re.search(r"[\w.+-]+@[\w-]+\.\w+", tekst) is None

    # The public verification page shows the same facts for the sealed agreement.
    client.logout()
    with versie.verzegeld_pdf.open("rb") as f:
        bestand = SimpleUploadedFile("o.pdf", f.read(), "application/pdf")
    pagina = client.post(reverse("overdracht:verifieren"), {"bestand": bestand})
    assert pagina.status_code == 200
    html = pagina.content.decode()
    for verwacht in [
        "gecontroleerd met DigiD",
        "gecontroleerd met eHerkenning",
        f"KvK {KVK_INITIATIEF}",
        "Stichting Groen Voorstad",
    ]:
        assert verwacht in html, verwacht
    assert BSN not in html


def test_verouderde_controle_wordt_geweigerd(gecontroleerd, tweede_partner):
    import datetime

    from django.utils import timezone

    rij = gecontroleerd.ondertekeningen.get(ondertekenaar=tweede_partner)
    oud = {
        "middel": "digid",
        "niveau": "basis",
        "gebruiker": tweede_partner.pk,
        "op": (timezone.now() - datetime.timedelta(hours=3)).isoformat(),
    }
    with pytest.raises(OvereenkomstFout, match="te lang geleden"):
        ondertekening_tekenen(
            ondertekening_id=rij.pk,
            door=tweede_partner,
            ip_adres=None,
            getypte_naam=rij.naam,
            pdf_sha256=gecontroleerd.pdf_sha256,
            identiteit=oud,
        )


def test_zonder_beleid_volstaat_de_inloglink(client, vastgesteld, partner):
    """Without the gemeente's policy nothing changes: a link is enough, and it is recorded."""
    rij = vastgesteld.ondertekeningen.get(ondertekenaar=partner)
    client.force_login(partner)
    assert _tekenen(client, vastgesteld, rij).status_code == 302
    rij.refresh_from_db()
    assert rij.getekend_op is not None
    assert rij.middel == "inloglink"


def test_tekenpagina_en_controlepagina_met_begrensde_queries(
    client,
    gecontroleerd,
    partner,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    from tests.overdracht.factories import alles_tekenen

    rij = gecontroleerd.ondertekeningen.get(ondertekenaar=partner)
    client.force_login(partner)
    with django_assert_max_num_queries(25):
        assert client.get(_url(gecontroleerd, rij)).status_code == 200
    client.logout()
    Inlogbeleid.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(gecontroleerd)
    gecontroleerd.refresh_from_db()
    with gecontroleerd.verzegeld_pdf.open("rb") as f:
        bestand = SimpleUploadedFile("o.pdf", f.read(), "application/pdf")
    with django_assert_max_num_queries(12):
        antwoord = client.post(reverse("overdracht:verifieren"), {"bestand": bestand})
    assert "Wie tekende" in antwoord.content.decode()
