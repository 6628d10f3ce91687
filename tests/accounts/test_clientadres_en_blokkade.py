"""The client's address is read correctly behind the declared number of trusted proxies
(VERTROUWDE_PROXIES), so that the lock-out after wrong passwords stops the attacker's address
without locking the official out everywhere: the victim behind another address still gets
in, a forged X-Forwarded-For changes nothing, and the lock-out ends after its cool-off."""

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse

from aanbesteden.limieten import client_adres

WACHTWOORD = "geheim-wachtwoord-123"  # as in tests.factories.ambtenaar_van
PROXY = "10.0.0.1"
AANVALLER = "203.0.113.66"
SLACHTOFFER = "198.51.100.20"


def adres(**meta) -> str:
    return client_adres(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    ("proxies", "meta", "verwacht"),
    [
        # Without trusted proxies the header is the client's own words: ignored.
        (0, {"REMOTE_ADDR": AANVALLER, "HTTP_X_FORWARDED_FOR": SLACHTOFFER}, AANVALLER),
        (0, {"REMOTE_ADDR": AANVALLER}, AANVALLER),
        # One proxy appends the address it saw; what the client put before it is ignored.
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": AANVALLER}, AANVALLER),
        (
            1,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{SLACHTOFFER}, {AANVALLER}"},
            AANVALLER,
        ),
        (
            2,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{SLACHTOFFER}, {AANVALLER}, 10.0.0.2"},
            AANVALLER,
        ),
        # A request that did not pass the proxies (no header): REMOTE_ADDR.
        (1, {"REMOTE_ADDR": AANVALLER}, AANVALLER),
        (2, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": AANVALLER}, PROXY),
        # An IPv6 client counts as its /64 network; IPv4 in IPv6 as the IPv4 address.
        (0, {"REMOTE_ADDR": "2001:db8:1:2:aaaa:bbbb:cccc:dddd"}, "2001:db8:1:2::"),
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "2001:db8:1:2::99"}, "2001:db8:1:2::"),
        (0, {"REMOTE_ADDR": "::ffff:203.0.113.66"}, AANVALLER),
    ],
)
def test_client_adres(settings, proxies, meta, verwacht):
    settings.VERTROUWDE_PROXIES = proxies
    assert adres(**meta) == verwacht


def test_een_functie_voor_blokkade_en_limieten():
    assert settings.AXES_CLIENT_IP_CALLABLE == "aanbesteden.limieten.client_adres"
    assert settings.RATELIMIT_IP_META_KEY == "aanbesteden.limieten.client_adres"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def inloggen(client, email, wachtwoord, **meta):
    return client.post(
        reverse("accounts:inloggen"), {"username": email, "password": wachtwoord}, **meta
    )


def geblokkeerd(antwoord) -> bool:
    return antwoord.status_code in (403, 429) and "Te vaak een verkeerd wachtwoord" in (
        antwoord.content.decode()
    )


def via_proxy(client_adres: str, vervalst: str = "") -> dict:
    keten = f"{vervalst}, {client_adres}" if vervalst else client_adres
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": keten}


@pytest.mark.django_db
def test_achter_de_proxy_blokkeert_de_aanvaller_en_niet_het_slachtoffer(settings, ambtenaar):
    settings.VERTROUWDE_PROXIES = 1
    aanvaller, slachtoffer = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        antwoord = inloggen(aanvaller, ambtenaar.email, "fout", **via_proxy(AANVALLER))
        assert antwoord.status_code == 200 and not geblokkeerd(antwoord)
    assert geblokkeerd(inloggen(aanvaller, ambtenaar.email, "fout", **via_proxy(AANVALLER)))
    # Stopped: even the right password no longer works from the attacker's address.
    assert geblokkeerd(inloggen(aanvaller, ambtenaar.email, WACHTWOORD, **via_proxy(AANVALLER)))
    assert AccessAttempt.objects.get().ip_address == AANVALLER
    # The official behind another address gets in.
    antwoord = inloggen(slachtoffer, ambtenaar.email, WACHTWOORD, **via_proxy(SLACHTOFFER))
    assert antwoord.status_code == 302 and not geblokkeerd(antwoord)


@pytest.mark.django_db
def test_vervalste_header_achter_de_proxy_blokkeert_het_slachtoffer_niet(settings, ambtenaar):
    """The attacker writes the victim's address in X-Forwarded-For; the proxy appends the
    attacker's real one, and that is the one counted."""
    settings.VERTROUWDE_PROXIES = 1
    aanvaller = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        inloggen(aanvaller, ambtenaar.email, "fout", **via_proxy(AANVALLER, SLACHTOFFER))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {AANVALLER}
    antwoord = inloggen(Client(), ambtenaar.email, WACHTWOORD, **via_proxy(SLACHTOFFER))
    assert antwoord.status_code == 302 and not geblokkeerd(antwoord)


@pytest.mark.django_db
def test_zonder_vertrouwde_proxy_helpt_een_vervalste_header_niet(settings, ambtenaar):
    """With VERTROUWDE_PROXIES=0 X-Forwarded-For is ignored: a new forged address for every
    attempt does not escape the lock-out, and cannot lock out the victim's address."""
    settings.VERTROUWDE_PROXIES = 0
    aanvaller = Client()
    for i in range(settings.AXES_FAILURE_LIMIT):
        inloggen(
            aanvaller,
            ambtenaar.email,
            "fout",
            REMOTE_ADDR=AANVALLER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i + 1}" if i else SLACHTOFFER,
        )
    nog_een = inloggen(
        aanvaller,
        ambtenaar.email,
        WACHTWOORD,
        REMOTE_ADDR=AANVALLER,
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert geblokkeerd(nog_een)
    antwoord = inloggen(Client(), ambtenaar.email, WACHTWOORD, REMOTE_ADDR=SLACHTOFFER)
    assert antwoord.status_code == 302 and not geblokkeerd(antwoord)


@pytest.mark.django_db
def test_blokkade_eindigt_na_de_afkoeltijd(settings, ambtenaar):
    settings.VERTROUWDE_PROXIES = 1
    start = dt.datetime(2030, 3, 4, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as klok:
        aanvaller = Client()
        for _ in range(settings.AXES_FAILURE_LIMIT):
            inloggen(aanvaller, ambtenaar.email, "fout", **via_proxy(AANVALLER))
        assert geblokkeerd(inloggen(aanvaller, ambtenaar.email, "fout", **via_proxy(AANVALLER)))
        klok.shift(settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1))
        antwoord = inloggen(aanvaller, ambtenaar.email, WACHTWOORD, **via_proxy(AANVALLER))
        assert antwoord.status_code == 302 and not geblokkeerd(antwoord)
