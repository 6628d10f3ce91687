"""Setting up a provider of the test OIDC provider in the platform, and a log-in through it
with the Django test client (the platform's side) and ``requests`` (the browser at the
provider)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.urls import reverse

from accounts.models import OidcAanbieder
from tests.oidc.aanbieder import OIDC_CLIENT_ID, OIDC_CLIENT_SECRET


def aanbieder_instellen(settings, oidc_aanbieder, *, code: str, soort: str, **velden):
    settings.OIDC_CLIENT_SECRETS = {**settings.OIDC_CLIENT_SECRETS, code: OIDC_CLIENT_SECRET}
    scopes = {
        "sso": "openid email profile groups",
        "digid": "openid digid",
        "eherkenning": "openid eherkenning",
    }[soort]
    return OidcAanbieder.objects.create(
        code=code,
        naam=velden.pop("naam", code),
        soort=soort,
        issuer=oidc_aanbieder.issuer,
        client_id=OIDC_CLIENT_ID,
        scopes=scopes,
        **velden,
    )


def via_aanbieder(client, oidc_aanbieder, code: str, login: str, *, volgende: str = ""):
    """The whole redirect flow: the platform's start → the provider's log-in page → the
    platform's callback. Returns the callback's response."""
    start = reverse("accounts:oidc_start", kwargs={"code": code})
    antwoord = client.get(start + (f"?next={volgende}" if volgende else ""))
    assert antwoord.status_code == 302, antwoord.content[:500]
    assert antwoord["Location"].startswith(oidc_aanbieder.issuer)
    terug = urlsplit(oidc_aanbieder.inloggen(antwoord["Location"], login))
    assert terug.path == reverse("accounts:oidc_terug")
    return client.get(f"{terug.path}?{terug.query}")
