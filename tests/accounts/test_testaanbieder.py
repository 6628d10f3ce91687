"""The test OpenID Connect provider itself: a real authorization code flow over HTTP, with its
log-in page, the token endpoint and the userinfo endpoint, and a refused wrong password."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from tests.oidc.aanbieder import OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, TERUG_TESTSERVER


def _autorisatie(aanbieder, scope: str) -> str:
    return f"{aanbieder.issuer}/auth?" + urlencode(
        {
            "client_id": OIDC_CLIENT_ID,
            "response_type": "code",
            "scope": scope,
            "redirect_uri": TERUG_TESTSERVER,
            "state": "toestand-van-de-test",
            "nonce": "eenmalig-getal",
        }
    )


def test_code_flow_geeft_de_claims_van_het_testaccount(oidc_aanbieder):
    oidc_aanbieder.account("bewoner-flow", bsn="999993653", loa="substantieel", name="Anna")
    terug = oidc_aanbieder.inloggen(_autorisatie(oidc_aanbieder, "openid digid"), "bewoner-flow")
    assert terug.startswith(TERUG_TESTSERVER)
    query = parse_qs(urlsplit(terug).query)
    assert query["state"] == ["toestand-van-de-test"]
    config = requests.get(
        f"{oidc_aanbieder.issuer}/.well-known/openid-configuration", timeout=10
    ).json()
    token = requests.post(
        config["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": query["code"][0],
            "redirect_uri": TERUG_TESTSERVER,
            "client_id": OIDC_CLIENT_ID,
            "client_secret": OIDC_CLIENT_SECRET,
        },
        timeout=10,
    )
    assert token.status_code == 200, token.text
    info = requests.get(
        config["userinfo_endpoint"],
        headers={"Authorization": f"Bearer {token.json()['access_token']}"},
        timeout=10,
    ).json()
    assert info == {"sub": "bewoner-flow", "bsn": "999993653", "loa": "substantieel"}


def test_verkeerd_wachtwoord_wordt_geweigerd(oidc_aanbieder):
    oidc_aanbieder.account("iemand", wachtwoord="juist")
    with pytest.raises(PermissionError):
        oidc_aanbieder.inloggen(_autorisatie(oidc_aanbieder, "openid"), "iemand", "fout")
