"""Log-in links and password resets are limited per e-mail address and per client: the 10th
request for one address within a minute gets the 429 page long before a 10th mail, whether
the address has an account or not; the page says in the visitor's language when to try
again. The link and the reset mail are looked up and sent after the response, by a task."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbesteden.models import User
from tests.factories import UserFactory

INLOGLINK = "/inloglink/"
WACHTWOORD = "/wachtwoord/vergeten/"
NU = dt.datetime(2030, 3, 4, 10, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def klok():
    """Time stands still: every request falls in the same counting window."""
    with time_machine.travel(NU, tick=False) as klok:
        yield klok


def aanvragen(client, capture, url, adressen, **meta):
    """POST ``url`` once per address (after-commit work executed); the status codes."""
    statussen = []
    for adres in adressen:
        with capture(execute=True):
            statussen.append(client.post(url, {"email": adres}, **meta).status_code)
    return statussen


def account(url: str, email: str) -> User:
    """An account that may get the mail of ``url``: a log-in link goes to somebody without a
    password (an initiative member), a reset link to somebody with one."""
    if url == WACHTWOORD:
        return UserFactory(email=email, password="een-lang-wachtwoord-42")
    return UserFactory(email=email)


def zonder_csrf(antwoord) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", antwoord.content.decode())


def van_elders(i: int) -> dict:
    """Each request from another client address, so only the per-address limit counts."""
    return {"REMOTE_ADDR": f"198.51.100.{i + 1}"}


@pytest.mark.parametrize("url", [INLOGLINK, WACHTWOORD])
@pytest.mark.django_db
def test_tiende_aanvraag_voor_een_adres_krijgt_429_voor_een_tiende_mail(
    client, url, django_capture_on_commit_callbacks
):
    account(url, "doelwit@example.org")
    statussen = []
    for i in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            statussen.append(
                client.post(url, {"email": "Doelwit@Example.org"}, **van_elders(i)).status_code
            )
    assert statussen[9] == 429
    eerste_weigering = statussen.index(429)
    assert statussen[:eerste_weigering] == [302] * eerste_weigering
    assert statussen[eerste_weigering:] == [429] * (10 - eerste_weigering)
    # Three a minute by default, well under ten; one mail per request let through.
    assert eerste_weigering == 3
    assert len(mail.outbox) == 3
    assert {tuple(m.to) for m in mail.outbox} == {("doelwit@example.org",)}


@pytest.mark.parametrize("url", [INLOGLINK, WACHTWOORD])
@pytest.mark.django_db
def test_limiet_per_adres_verraadt_niet_of_het_adres_bestaat(client, url, klok):
    """The same address, once without and (a day later, the same moment in every counting
    window) once with an account: the same answers, the same wait."""
    adres = "misschien@example.org"
    zonder = [client.post(url, {"email": adres}, **van_elders(i)) for i in range(6)]
    klok.shift(dt.timedelta(days=1))
    account(url, adres)
    met = [client.post(url, {"email": adres}, **van_elders(i)) for i in range(6)]
    assert [r.status_code for r in zonder] == [r.status_code for r in met]
    assert met[-1].status_code == 429
    assert zonder_csrf(met[-1]) == zonder_csrf(zonder[-1])
    assert met[-1]["Retry-After"] == zonder[-1]["Retry-After"]


@pytest.mark.parametrize("url", [INLOGLINK, WACHTWOORD])
@pytest.mark.django_db
def test_limiet_per_client_over_veel_adressen(client, url, django_capture_on_commit_callbacks):
    adressen = [f"iemand{i}@example.org" for i in range(15)]
    for adres in adressen:
        account(url, adres)
    statussen = aanvragen(client, django_capture_on_commit_callbacks, url, adressen)
    assert statussen == [302] * 10 + [429] * 5
    assert len(mail.outbox) == 10
    # Another client is not held back by this one.
    anders = aanvragen(
        client, django_capture_on_commit_callbacks, url, ["nog-een@example.org"], **van_elders(7)
    )
    assert anders == [302]


@pytest.mark.django_db
def test_na_het_wachten_werkt_het_weer(client, klok, django_capture_on_commit_callbacks):
    UserFactory(email="geduld@example.org")
    adressen = ["geduld@example.org"] * 6
    statussen = [
        s
        for i, adres in enumerate(adressen)
        for s in aanvragen(
            client, django_capture_on_commit_callbacks, INLOGLINK, [adres], **van_elders(i)
        )
    ]
    assert statussen[-1] == 429
    wacht = int(client.post(INLOGLINK, {"email": "geduld@example.org"})["Retry-After"])
    assert 0 < wacht <= 15 * 60
    klok.shift(dt.timedelta(seconds=wacht + 1))
    verder = aanvragen(
        client, django_capture_on_commit_callbacks, INLOGLINK, ["geduld@example.org"]
    )
    assert verder == [302]


@pytest.mark.parametrize(
    ("taal", "kop", "wanneer"),
    [
        ("nl", "Te veel aanvragen", "Probeer het over"),
        ("en", "Too many requests", "Please try again in"),
    ],
)
@pytest.mark.django_db
def test_429_pagina_in_de_taal_van_de_bezoeker(client, taal, kop, wanneer):
    for i in range(4):
        antwoord = client.post(
            INLOGLINK,
            {"email": "veel@example.org"},
            HTTP_ACCEPT_LANGUAGE=taal,
            **van_elders(i),
        )
    assert antwoord.status_code == 429
    html = antwoord.content.decode()
    assert f'lang="{taal}"' in html
    assert kop in html and wanneer in html
    minuten = -(-int(antwoord["Retry-After"]) // 60)
    assert f"{wanneer} {minuten} " in html


@pytest.mark.django_db
def test_ongeldig_adres_telt_niet_mee(client):
    for _ in range(6):
        assert client.post(INLOGLINK, {"email": "geen-adres"}).status_code == 200
    assert client.post(INLOGLINK, {"email": "wel@example.org"}).status_code == 302


# --- item 10: the lookup and the mail after the response ------------------------------------


@pytest.mark.parametrize("url", [INLOGLINK, WACHTWOORD])
@pytest.mark.django_db
def test_antwoord_doet_hetzelfde_voor_bekend_en_onbekend_adres(
    client, url, django_capture_on_commit_callbacks
):
    """The request only queues a task; which accounts the address has, and the mail, come
    after the response. So the answer takes the same work whether the address exists."""
    account(url, "bekend@example.org")
    werk = {}
    for adres in ("bekend@example.org", "onbekend@example.org"):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks() as taken,
        ):
            antwoord = client.post(url, {"email": adres})
        assert antwoord.status_code == 302
        # The owed work (the outbox row) names the address it is for, and a key made from it.
        werk[adres] = (
            [
                re.sub(r"'[0-9a-f]{64}'", "'<sleutel>'", q["sql"]).replace(adres, "<adres>")
                for q in queries.captured_queries
            ],
            len(taken),
        )
    assert werk["bekend@example.org"] == werk["onbekend@example.org"]
    sql, aantal_taken = werk["bekend@example.org"]
    assert aantal_taken == 1
    assert not any(User._meta.db_table in q for q in sql)
    assert mail.outbox == []  # nothing mailed during the request itself
    # The queued task mails the one address that has an account.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "bekend@example.org"}, REMOTE_ADDR="198.51.100.9")
    assert [m.to for m in mail.outbox] == [["bekend@example.org"]]
