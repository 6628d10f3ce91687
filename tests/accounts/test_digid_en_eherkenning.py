"""DigiD for residents and eHerkenning for organisations, through the broker (the real test
provider): a resident logged in with a link links DigiD to the account, and logs in with it
next time; an identity nobody linked logs nobody in. The BSN is kept only as a keyed hash;
eHerkenning tells the KvK number, the organisation and the acting person."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse

from accounts.constants import SESSIE_IDENTITEIT, AanbiederSoort
from accounts.models import IdentiteitKoppeling
from accounts.services import identiteit_sleutel

from .oidc_hulp import aanbieder_instellen, via_aanbieder

pytestmark = pytest.mark.django_db

BSN = "999993653"


@pytest.fixture
def digid(settings, oidc_aanbieder):
    settings.IDENTITEIT_SLEUTEL = "een-sleutel-van-de-test-voor-het-bsn-0123456789"
    return aanbieder_instellen(
        settings, oidc_aanbieder, code="digid", soort=AanbiederSoort.DIGID, naam="DigiD"
    )


@pytest.fixture
def eherkenning(settings, oidc_aanbieder):
    return aanbieder_instellen(
        settings,
        oidc_aanbieder,
        code="eherkenning",
        soort=AanbiederSoort.EHERKENNING,
        naam="eHerkenning",
    )


def _alle_tekst_in_de_database() -> str:
    """Every text value of every table, as one string."""
    delen = []
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
            for rij in cursor.fetchall():
                delen.extend(str(w) for w in rij if w is not None)
    return "\n".join(delen)


def test_bewoner_koppelt_digid_en_logt_er_daarna_mee_in(client, digid, oidc_aanbieder, partner):
    oidc_aanbieder.account("bewoner", bsn=BSN, loa="urn:digid:loa:substantieel")
    client.force_login(partner)
    volgende = reverse("overzicht:start")
    antwoord = via_aanbieder(client, oidc_aanbieder, "digid", "bewoner", volgende=volgende)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == volgende
    identiteit = client.session[SESSIE_IDENTITEIT]
    assert identiteit["middel"] == "digid"
    assert identiteit["niveau"] == "urn:digid:loa:substantieel"
    assert BSN not in str(dict(client.session.items()))
    koppeling = IdentiteitKoppeling.objects.get(gebruiker=partner)
    assert koppeling.sleutel == identiteit_sleutel(middel="digid", waarde=BSN)
    assert BSN not in _alle_tekst_in_de_database()

    client.logout()
    antwoord = via_aanbieder(client, oidc_aanbieder, "digid", "bewoner")
    assert antwoord["Location"] == reverse(django_settings.LOGIN_REDIRECT_URL)
    assert client.session["_auth_user_id"] == str(partner.pk)


def test_onbekende_digid_logt_niemand_in(client, digid, oidc_aanbieder):
    oidc_aanbieder.account("onbekend", bsn="111222333", loa="basis")
    antwoord = via_aanbieder(client, oidc_aanbieder, "digid", "onbekend")
    assert antwoord["Location"] == reverse("accounts:inloggen")
    assert "_auth_user_id" not in client.session
    assert "Log eerst in met de link" in client.get(antwoord["Location"]).content.decode()
    assert not IdentiteitKoppeling.objects.exists()


def test_digid_van_een_ander_account_wordt_niet_overgenomen(
    client, digid, oidc_aanbieder, partner, initiatiefnemer
):
    oidc_aanbieder.account("gedeeld", bsn=BSN, loa="basis")
    client.force_login(partner)
    via_aanbieder(client, oidc_aanbieder, "digid", "gedeeld")
    client.logout()
    client.force_login(initiatiefnemer)
    via_aanbieder(client, oidc_aanbieder, "digid", "gedeeld")
    assert SESSIE_IDENTITEIT not in client.session
    assert IdentiteitKoppeling.objects.get().gebruiker == partner


def test_eherkenning_geeft_kvk_organisatie_en_handelende_persoon(
    client, eherkenning, oidc_aanbieder, partner
):
    oidc_aanbieder.account(
        "medewerker-woonstede",
        kvk="87654321",
        bedrijfsnaam="Woonstede",
        name="Joost van Dijk",
        loa="urn:etoegang:core:assurance-class:loa3",
    )
    client.force_login(partner)
    via_aanbieder(client, oidc_aanbieder, "eherkenning", "medewerker-woonstede")
    identiteit = client.session[SESSIE_IDENTITEIT]
    assert identiteit["middel"] == "eherkenning"
    assert identiteit["kvk"] == "87654321"
    assert identiteit["organisatie"] == "Woonstede"
    assert identiteit["naam"] == "Joost van Dijk"
    assert identiteit["niveau"] == "urn:etoegang:core:assurance-class:loa3"


def test_ambtenaar_logt_niet_in_met_digid(client, digid, oidc_aanbieder, ambtenaar, partner):
    """An account that needs SSO or two factors is not let in by a linked DigiD."""
    from accounts.services import identiteit_sleutel as sleutel

    IdentiteitKoppeling.objects.create(
        gebruiker=ambtenaar, middel="digid", sleutel=sleutel(middel="digid", waarde=BSN)
    )
    oidc_aanbieder.account("ambtenaar-digid", bsn=BSN, loa="basis")
    antwoord = via_aanbieder(client, oidc_aanbieder, "digid", "ambtenaar-digid")
    assert antwoord["Location"] == reverse("accounts:inloggen")
    assert "_auth_user_id" not in client.session
