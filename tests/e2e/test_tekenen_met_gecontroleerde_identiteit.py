"""Every signature with a verified identity, in the browser, against the real test OpenID
Connect provider: the gemeente asks it; the official logs in through the gemeente's SSO, the
foundation signs with eHerkenning, the organisation partner with eHerkenning and the resident
partner with DigiD, each from the signing page to the provider's log-in page and back. The
agreement is sealed with the means of every signature recorded.

The platform's pages pass the checks of ``tests/e2e/paginacontrole.py``; the provider's own
log-in page is not the platform's and is not checked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.models import Inlogbeleid, OidcAanbieder, OidcGroepKoppeling
from coalities.models import Partner
from tests.e2e.stappen import Bezoeker, Kern, Overdracht
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van, partner_van
from tests.oidc.aanbieder import Testaanbieder, beschikbaar

GEHEIM = "geheim-van-de-browsertest-0123456789"


@pytest.fixture
def aanbieder(live_server, tmp_path):
    reden = beschikbaar()
    if reden:
        pytest.skip(reden)
    testaanbieder = Testaanbieder(
        tmp_path,
        clients=[
            {
                "client_id": "platform-e2e",
                "client_secret": GEHEIM,
                "redirect_uris": [f"{live_server.url}/inloggen/oidc/terug/"],
            }
        ],
    ).starten()
    yield testaanbieder
    testaanbieder.stoppen()


def _bij_de_aanbieder(b: Bezoeker, knop: str, login: str) -> None:
    """From a platform page: follow ``knop`` to the provider, log in there, and arrive back."""
    b.activeer(b.page.get_by_role("link", name=knop, exact=True).first)
    b.page.wait_for_selector("input[name=login]")
    b.page.locator("input[name=login]").fill(login)
    b.page.locator("input[name=wachtwoord]").fill("test-wachtwoord")
    b.page.locator("button[type=submit]").click()
    b.page.wait_for_url(re.compile("^" + re.escape(b.basis)))
    b.aangekomen()


def test_iedereen_tekent_met_gecontroleerde_identiteit(
    e2e_db, settings, live_server, nieuwe_context, axe_bron, aanbieder
):
    from overdracht.services import versie_opstellen, versie_pdf_maken, versie_vaststellen
    from tests.overdracht.factories import traject_in_overdracht

    settings.OIDC_CLIENT_SECRETS = {"sso": GEHEIM, "digid": GEHEIM, "eherkenning": GEHEIM}
    settings.IDENTITEIT_SLEUTEL = "sleutel-van-de-browsertest-0123456789abcdef"
    gemeente = GemeenteFactory(naam="Gemeente Vlier", slug="vlier", cbs_code="GM0777")
    Inlogbeleid.objects.create(gemeente=gemeente, tekenen_gecontroleerd=True)
    for code, soort, scopes in [
        ("sso", "sso", "openid email profile groups"),
        ("digid", "digid", "openid digid"),
        ("eherkenning", "eherkenning", "openid eherkenning"),
    ]:
        OidcAanbieder.objects.create(
            code=code,
            naam={"sso": "Gemeente Vlier", "digid": "DigiD", "eherkenning": "eHerkenning"}[code],
            soort=soort,
            gemeente=gemeente if soort == "sso" else None,
            issuer=aanbieder.issuer,
            client_id="platform-e2e",
            scopes=scopes,
        )
    OidcGroepKoppeling.objects.create(
        aanbieder=OidcAanbieder.objects.get(code="sso"),
        groep="vlier-tekenbevoegd",
        gemeente=gemeente,
        mag_tekenen=True,
    )

    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@vlier.example.org", naam="Anne Vlier")
    initiatiefnemer = UserFactory(email="initiatief@vlier.example.org", naam="Ilse Bakker")
    traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=initiatiefnemer, titel="Park")
    organisatie = partner_van(traject, email="corporatie@vlier.example.org", naam="Petra Smit")
    bewoner = partner_van(traject, email="bewoner@vlier.example.org", naam="Karel Visser")
    traject = traject_in_overdracht(traject, partner_gebruikers=[organisatie, bewoner])
    Partner.objects.filter(gebruiker=organisatie).update(kvk_nummer="87654321")
    Partner.objects.filter(gebruiker=bewoner).update(soort="bewoner")
    versie = versie_opstellen(traject=traject, door=ambtenaar)
    versie = versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie_pdf_maken(versie_id=versie.pk)

    aanbieder.account("ambtenaar", email=ambtenaar.email, groups=["vlier-tekenbevoegd"])
    aanbieder.account(
        "stichting", kvk="12345678", bedrijfsnaam="Stichting Groen Voorstad", loa="eH3"
    )
    aanbieder.account("corporatie", kvk="87654321", bedrijfsnaam="Woonstede", loa="eH3")
    aanbieder.account("bewoner", bsn="999993653", loa="substantieel")

    def bezoeker() -> Bezoeker:
        return Bezoeker(nieuwe_context(), live_server.url, axe_bron)

    # Initiative, organisation and resident: a link from the mail, then their means.
    for gebruiker, middel, login in [
        (initiatiefnemer, "eHerkenning", "stichting"),
        (organisatie, "eHerkenning", "corporatie"),
        (bewoner, "DigiD", "bewoner"),
    ]:
        b = bezoeker()
        Kern(b).inloggen_met_link(gebruiker.email)
        b.ga_naar(traject.get_absolute_url())
        voorvoegsel = b.t("Lees en teken namens %(namens)s", namens="").strip()
        b.activeer(b.page.get_by_role("link", name=re.compile("^" + re.escape(voorvoegsel))).first)
        b.aangekomen()
        _bij_de_aanbieder(b, b.t("Inloggen met %(middel)s", middel=middel), login)
        assert "/tekenen/" in b.page.url
        b.page.locator("input[name=instemming]").check()
        b.page.locator("input[name=naam]").fill(gebruiker.naam)
        b.activeer(b.page.locator("main form button[type=submit]").first)
        b.aangekomen()
        b.geen_toegankelijkheidsfouten()

    # The official: through the gemeente's SSO from the log-in page, no password.
    b = bezoeker()
    b.ga_naar(reverse("accounts:inloggen"))
    _bij_de_aanbieder(b, b.t("Inloggen via %(naam)s", naam="Gemeente Vlier"), "ambtenaar")
    b.ga_naar(traject.get_absolute_url())
    Overdracht(b).tekenen(ambtenaar.naam)
    b.geen_toegankelijkheidsfouten()

    versie.refresh_from_db()
    assert versie.status == "verzegeld", versie.status
    assert dict(versie.ondertekeningen.values_list("ondertekenaar", "middel")) == {
        initiatiefnemer.pk: "eherkenning",
        organisatie.pk: "eherkenning",
        bewoner.pk: "digid",
        ambtenaar.pk: "sso",
    }
