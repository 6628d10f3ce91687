"""Officials log in through the gemeente's own identity provider (OpenID Connect): the whole
redirect flow runs against the real test provider. The claims decide the membership and its
role, through the core's one membership service: a group that is gone ends the membership
at the next log-in. A gemeente can switch the password off."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from aanbesteden.constants import LidmaatschapRol
from aanbesteden.models import Lidmaatschap, User
from accounts.constants import AanbiederSoort
from accounts.models import Inlogbeleid, OidcGroepKoppeling

from .oidc_hulp import aanbieder_instellen, via_aanbieder

pytestmark = pytest.mark.django_db

CODE = "gemeente-a-sso"


@pytest.fixture
def sso(settings, oidc_aanbieder, gemeente):
    aanbieder = aanbieder_instellen(
        settings,
        oidc_aanbieder,
        code=CODE,
        soort=AanbiederSoort.SSO,
        naam="Gemeente A",
        gemeente=gemeente,
    )
    OidcGroepKoppeling.objects.create(aanbieder=aanbieder, groep="ma-ambtenaren", gemeente=gemeente)
    OidcGroepKoppeling.objects.create(
        aanbieder=aanbieder,
        groep="ma-beheerders",
        gemeente=gemeente,
        rol=LidmaatschapRol.BEHEERDER,
        mag_tekenen=True,
    )
    return aanbieder


def _ambtenaar(oidc_aanbieder, login, *groepen, email=None):
    return oidc_aanbieder.account(
        login,
        email=email or f"{login}@gemeente-a.example.org",
        email_verified=True,
        name="Sanne de Vries",
        groups=list(groepen),
    )


def test_ambtenaar_komt_binnen_in_de_juiste_gemeente_met_de_juiste_rol(
    client, sso, oidc_aanbieder, gemeente, traject
):
    login = _ambtenaar(oidc_aanbieder, "sanne", "ma-beheerders", "iets-anders")
    antwoord = via_aanbieder(client, oidc_aanbieder, CODE, login)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse(django_settings.LOGIN_REDIRECT_URL)
    user = User.objects.get(email="sanne@gemeente-a.example.org")
    assert user.naam == "Sanne de Vries"
    lid = Lidmaatschap.objects.get(gebruiker=user)
    assert (lid.gemeente, lid.rol, lid.mag_tekenen) == (gemeente, "beheerder", True)
    # No second factor of the platform: the gemeente's provider checked the log-in.
    assert client.get(traject.get_absolute_url()).status_code == 200


def test_andere_groep_verandert_de_rol_en_geen_groep_beeindigt_het_lidmaatschap(
    client, sso, oidc_aanbieder, gemeente, andere_gemeente, traject
):
    from aanbesteden.services import lidmaatschap_toevoegen

    login = _ambtenaar(oidc_aanbieder, "piet", "ma-beheerders")
    via_aanbieder(client, oidc_aanbieder, CODE, login)
    user = User.objects.get(email="piet@gemeente-a.example.org")
    # A membership this provider does not speak for stays as it is.
    lidmaatschap_toevoegen(gemeente=andere_gemeente, gebruiker=user)

    _ambtenaar(oidc_aanbieder, "piet", "ma-ambtenaren")
    client.logout()
    via_aanbieder(client, oidc_aanbieder, CODE, login)
    assert Lidmaatschap.objects.get(gebruiker=user, gemeente=gemeente).rol == "ambtenaar"

    _ambtenaar(oidc_aanbieder, "piet")
    client.logout()
    antwoord = via_aanbieder(client, oidc_aanbieder, CODE, login)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("accounts:inloggen")
    assert not Lidmaatschap.objects.filter(gebruiker=user, gemeente=gemeente).exists()
    assert Lidmaatschap.objects.filter(gebruiker=user, gemeente=andere_gemeente).exists()
    assert client.get(traject.get_absolute_url()).status_code in (302, 403, 404)


def test_zonder_toegang_volgens_de_claims_geen_account_en_een_uitleg(client, sso, oidc_aanbieder):
    login = _ambtenaar(oidc_aanbieder, "vreemde", "andere-afdeling")
    antwoord = via_aanbieder(client, oidc_aanbieder, CODE, login)
    assert antwoord["Location"] == reverse("accounts:inloggen")
    assert not User.objects.filter(email="vreemde@gemeente-a.example.org").exists()
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "geen toegang" in pagina


def test_gemeente_kan_het_wachtwoord_uitzetten(client, sso, oidc_aanbieder, gemeente, ambtenaar):
    gegevens = {"username": ambtenaar.email, "password": "geheim-wachtwoord-123"}
    assert client.post(reverse("accounts:inloggen"), gegevens).status_code == 302
    client.logout()
    Inlogbeleid.objects.create(gemeente=gemeente, wachtwoord_toegestaan=False)
    geweigerd = client.post(reverse("accounts:inloggen"), gegevens)
    assert geweigerd.status_code == 200
    assert "alleen inloggen via de eigen inlogdienst" in geweigerd.content.decode()
    # The log-in page offers the gemeente's SSO.
    assert reverse("accounts:oidc_start", kwargs={"code": CODE}) in geweigerd.content.decode()
    # Through SSO the same official gets in.
    _ambtenaar(oidc_aanbieder, "amb", "ma-ambtenaren", email=ambtenaar.email)
    antwoord = via_aanbieder(client, oidc_aanbieder, CODE, "amb")
    assert antwoord["Location"] == reverse(django_settings.LOGIN_REDIRECT_URL)
    assert client.session["_auth_user_id"] == str(ambtenaar.pk)


def test_verkeerd_clientgeheim_logt_niemand_in(client, settings, sso, oidc_aanbieder):
    settings.OIDC_CLIENT_SECRETS = {CODE: "niet-het-geheim-dat-de-aanbieder-kent"}
    login = _ambtenaar(oidc_aanbieder, "karin", "ma-ambtenaren")
    antwoord = via_aanbieder(client, oidc_aanbieder, CODE, login)
    assert antwoord["Location"] == reverse("accounts:inloggen")
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="karin@gemeente-a.example.org").exists()


def test_onbekende_of_uitgezette_aanbieder_geeft_404(client, sso):
    assert (
        client.get(reverse("accounts:oidc_start", kwargs={"code": "bestaat-niet"})).status_code
        == 404
    )
    sso.actief = False
    sso.save()
    assert client.get(reverse("accounts:oidc_start", kwargs={"code": CODE})).status_code == 404


def test_terug_zonder_geldige_toestand_logt_niemand_in(client, sso):
    antwoord = client.get(reverse("accounts:oidc_terug"), {"code": "x", "state": "verzonnen"})
    assert antwoord.status_code in (302, 400)
    assert "_auth_user_id" not in client.session
