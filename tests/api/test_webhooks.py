"""A gemeente's system subscribes to phase changes: a receiver started by the test gets
exactly one signed delivery per phase change, a retry when it first answers 500, and every
attempt is in the delivery log. Deliveries run eagerly here (Celery runs a retry at once);
test_webhooks_met_echte_worker.py does the same through Redis and a worker."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from aanbesteden.fasen import fasen
from aanbesteden.services import traject_transitie
from aanbesteden.transities import TRANSITIES
from api.constants import LeveringStatus
from api.fasen import WEBHOOKS
from api.handtekening import handtekening_klopt
from api.models import Webhookabonnement, Webhooklevering
from api.tasks import wachttijd

from . import ontvanger as ontvanger_module


@pytest.fixture
def met_webhooks(geen_vereisten):
    """The bare state machine (no requirements), with the API's follow-ups."""
    for transitie, gevolg in WEBHOOKS.items():
        geen_vereisten.na_transitie(transitie)(gevolg)
    return geen_vereisten


@pytest.fixture
def ontvanger():
    ontvanger, server = ontvanger_module.start()
    yield ontvanger
    server.shutdown()
    server.server_close()


def webhooks_url(gemeente) -> str:
    return reverse("api:webhook-list", kwargs={"gemeente": gemeente.slug})


def abonneren(api, token, gemeente, url) -> dict:
    response = api(token).post(webhooks_url(gemeente), {"url": url}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_elke_transitie_meldt_de_webhooks():
    for transitie in TRANSITIES:
        assert WEBHOOKS[transitie] in fasen.gevolgen(transitie)


@pytest.mark.django_db
def test_precies_een_ondertekende_levering_per_fasewisseling(
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ambtenaar,
    ontvanger,
    met_webhooks,
    django_capture_on_commit_callbacks,
):
    abonnement = abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    assert len(abonnement["geheim"]) >= 40
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="toelaten", door=ambtenaar, motivatie="Ja")

    assert len(ontvanger.ontvangen) == 2
    inhouden = [json.loads(o.inhoud) for o in ontvanger.ontvangen]
    assert [(i["transitie"], i["van"], i["naar"]) for i in inhouden] == [
        ("indienen", "concept", "ingediend"),
        ("toelaten", "ingediend", "horizon"),
    ]
    assert inhouden[1]["traject"]["id"] == traject.pk and inhouden[1]["fase"] == 1
    for ontvangen in ontvanger.ontvangen:
        koppen = {k.lower(): v for k, v in ontvangen.koppen.items()}
        assert handtekening_klopt(
            geheim=abonnement["geheim"],
            tijdstip=koppen["x-webhook-tijdstip"],
            inhoud=ontvangen.inhoud,
            ontvangen=koppen["x-webhook-handtekening"],
        )
        assert not handtekening_klopt(
            geheim="een ander geheim",
            tijdstip=koppen["x-webhook-tijdstip"],
            inhoud=ontvangen.inhoud,
            ontvangen=koppen["x-webhook-handtekening"],
        )
        # No person in a delivery: not who took the step, nor the motivation.
        tekst = ontvangen.inhoud.decode()
        assert ambtenaar.email not in tekst and initiatiefnemer.email not in tekst
        assert '"Ja"' not in tekst
    leveringen = Webhooklevering.objects.order_by("pk")
    assert [(lv.status, lv.aantal_pogingen) for lv in leveringen] == [
        (LeveringStatus.GELEVERD, 1),
        (LeveringStatus.GELEVERD, 1),
    ]


@pytest.mark.django_db
def test_opnieuw_na_500_en_elke_poging_gelogd(
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ontvanger,
    met_webhooks,
    django_capture_on_commit_callbacks,
):
    ontvanger.antwoorden = [500]
    abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)

    assert len(ontvanger.ontvangen) == 2
    eerste, tweede = ontvanger.ontvangen
    assert eerste.inhoud == tweede.inhoud
    assert eerste.koppen["X-Webhook-Levering"] == tweede.koppen["X-Webhook-Levering"]
    levering = Webhooklevering.objects.get()
    assert levering.status == LeveringStatus.GELEVERD and levering.aantal_pogingen == 2
    assert [(p.nummer, p.statuscode) for p in levering.pogingen.all()] == [(1, 500), (2, 200)]
    # The log is readable through the API.
    log = api(token_a_schrijven).get(
        reverse(
            "api:webhook-leveringen",
            kwargs={"gemeente": gemeente.slug, "pk": levering.abonnement_id},
        )
    )
    assert log.status_code == 200
    assert log.json()["results"][0]["aantal_pogingen"] == 2


@pytest.mark.django_db
def test_na_de_laatste_poging_mislukt(
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ontvanger,
    met_webhooks,
    django_capture_on_commit_callbacks,
):
    ontvanger.antwoorden = [503] * 10
    abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    levering = Webhooklevering.objects.get()
    assert len(ontvanger.ontvangen) == 6  # the first try and five retries
    assert levering.status == LeveringStatus.MISLUKT and levering.aantal_pogingen == 6
    assert levering.laatste_statuscode == 503


@pytest.mark.django_db
def test_onbereikbaar_adres_wordt_gelogd(
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    met_webhooks,
    django_capture_on_commit_callbacks,
):
    abonneren(api, token_a_schrijven, gemeente, "http://127.0.0.1:9/niemand")
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    levering = Webhooklevering.objects.get()
    assert levering.status == LeveringStatus.MISLUKT
    assert levering.laatste_statuscode is None and levering.laatste_fout


@pytest.mark.django_db
def test_andere_gemeente_krijgt_niets(
    api,
    token_b,
    andere_gemeente,
    traject,
    initiatiefnemer,
    ontvanger,
    met_webhooks,
    django_capture_on_commit_callbacks,
):
    abonneren(api, token_b, andere_gemeente, ontvanger.url)
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    assert ontvanger.ontvangen == []
    assert not Webhooklevering.objects.exists()


@pytest.mark.django_db
def test_abonneren_vraagt_schrijfrecht_van_de_eigen_gemeente(
    api, token_a, token_a_schrijven, token_b, gemeente
):
    url = webhooks_url(gemeente)
    assert api(token_a).post(url, {"url": "https://x.example/h"}, format="json").status_code == 403
    assert api(token_b).post(url, {"url": "https://x.example/h"}, format="json").status_code == 403
    assert api().post(url, {"url": "https://x.example/h"}, format="json").status_code == 401
    assert not Webhookabonnement.objects.exists()
    nieuw = abonneren(api, token_a_schrijven, gemeente, "https://x.example/h")
    # Read-only tokens of the gemeente see it (without the secret); B's token does not.
    lijst = api(token_a).get(url).json()["results"]
    assert [a["id"] for a in lijst] == [nieuw["id"]] and "geheim" not in lijst[0]
    assert api(token_b).get(url).status_code == 403
    detail = reverse("api:webhook-detail", kwargs={"gemeente": gemeente.slug, "pk": nieuw["id"]})
    assert api(token_a).delete(detail).status_code == 403
    assert api(token_a_schrijven).delete(detail).status_code == 204
    assert not Webhookabonnement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["geen-adres", "ftp://x.example/h", ""])
def test_ongeldig_adres_400(api, token_a_schrijven, gemeente, url):
    response = api(token_a_schrijven).post(webhooks_url(gemeente), {"url": url}, format="json")
    assert response.status_code == 400
    assert "url" in response.json()["velden"]


@pytest.mark.django_db
def test_productie_alleen_https(api, token_a_schrijven, gemeente, settings):
    settings.WEBHOOK_ALLEEN_HTTPS = True
    url = webhooks_url(gemeente)
    client = api(token_a_schrijven)
    assert client.post(url, {"url": "http://x.example/h"}, format="json").status_code == 400
    assert client.post(url, {"url": "https://x.example/h"}, format="json").status_code == 201


def test_wachttijd_verdubbelt_tot_tien_minuten(settings):
    settings.WEBHOOK_WACHTTIJD_SECONDEN = 30
    assert [wachttijd(n) for n in range(6)] == [30, 60, 120, 240, 480, 600]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/h",
        "https://10.1.2.3/h",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/h",
        "https://localhost/h",
    ],
)
def test_productie_geen_adres_in_eigen_netwerk(api, token_a_schrijven, gemeente, settings, url):
    settings.WEBHOOK_ALLEEN_PUBLIEK = True
    response = api(token_a_schrijven).post(webhooks_url(gemeente), {"url": url}, format="json")
    assert response.status_code == 400
    assert not Webhookabonnement.objects.exists()


@pytest.mark.django_db
def test_levering_naar_eigen_netwerk_geweigerd(
    api,
    token_a_schrijven,
    gemeente,
    traject,
    initiatiefnemer,
    ontvanger,
    met_webhooks,
    settings,
    django_capture_on_commit_callbacks,
):
    """An address that was accepted and now points into the platform's network (a name that
    resolves differently later) is not delivered to: every attempt fails, none arrives."""
    abonneren(api, token_a_schrijven, gemeente, ontvanger.url)
    settings.WEBHOOK_ALLEEN_PUBLIEK = True
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    assert ontvanger.ontvangen == []
    levering = Webhooklevering.objects.get()
    assert levering.status == LeveringStatus.MISLUKT
    assert "niet-openbaar" in levering.laatste_fout
