"""The rows of the REST API (api/urls.py). The API knows no sessions: whatever role a
browser is logged in with, the public endpoints answer everybody alike and the endpoints of a
gemeente's systems answer 401 without a token. What tokens get is the second table here,
``TOKENS`` (tests/toegang/test_api_tokens.py): per endpoint and method, the answer to no
token, a wrong one, a withdrawn one, gemeente A's read and read-write tokens, and gemeente B's
token."""

from __future__ import annotations

from tests.toegang.basis import Pagina, Wereld, iedereen


def maak_openbaar_voorstel(w: Wereld):
    from django.utils import timezone

    from aanbesteden.models import Traject
    from initiatieven.models import Voorstel
    from tests.overzicht.factories import voorstel_maken

    voorstel = voorstel_maken(w.ander_traject)
    Voorstel.objects.filter(pk=voorstel.pk).update(
        openbaar=True, openbaar_sinds=timezone.now(), ingediend_op=timezone.now()
    )
    Traject.objects.filter(pk=w.ander_traject.pk).update(status="ingediend")
    return voorstel


def maak_verborgen_voorstel(w: Wereld):
    from tests.overzicht.factories import voorstel_maken

    return voorstel_maken(w.traject)


def maak_opgave(w: Wereld):
    from tests.initiatieven.factories import opgave_maken

    return opgave_maken(w.gemeente)


def maak_webhook(w: Wereld):
    from api.models import Applicatie, Webhookabonnement

    applicatie = Applicatie(gemeente=w.gemeente, naam="Zaaksysteem")
    applicatie.token_zetten()
    applicatie.save()
    return Webhookabonnement.objects.create(
        applicatie=applicatie, url="https://zaken.example/webhook", geheim="geheim"
    )


def gemeente_kw(w: Wereld) -> dict:
    return {"gemeente": w.gemeente.slug}


def traject_kw(w: Wereld) -> dict:
    return {"gemeente": w.gemeente.slug, "pk": w.traject.pk}


def webhook_kw(w: Wereld) -> dict:
    return {"gemeente": w.gemeente.slug, "pk": w.maak(maak_webhook).pk}


NIEUWE_WEBHOOK = {"url": "https://zaken.example/nieuw"}

API: list[Pagina] = [
    Pagina("api:schema", "API: de OpenAPI-beschrijving", iedereen(200)),
    Pagina("api:docs", "API: documentatie", iedereen(200)),
    Pagina("api:gemeente-list", "API (openbaar): gemeenten", iedereen(200)),
    Pagina(
        "api:gemeente-detail",
        "API (openbaar): één gemeente",
        iedereen(200),
        kwargs=lambda w: {"slug": w.gemeente.slug},
    ),
    Pagina("api:opgave-list", "API (openbaar): gepubliceerde opgaven", iedereen(200)),
    Pagina(
        "api:opgave-detail",
        "API (openbaar): één gepubliceerde opgave",
        iedereen(200),
        kwargs=lambda w: {"pk": w.maak(maak_opgave).pk},
    ),
    Pagina("api:voorstel-list", "API (openbaar): gepubliceerde voorstellen", iedereen(200)),
    Pagina(
        "api:voorstel-detail",
        "API (openbaar): één gepubliceerd voorstel",
        iedereen(200),
        kwargs=lambda w: {"pk": w.maak(maak_openbaar_voorstel).pk},
    ),
    Pagina(
        "api:voorstel-detail",
        "API (openbaar): een voorstel dat niet openbaar is",
        iedereen(404),
        kwargs=lambda w: {"pk": w.maak(maak_verborgen_voorstel).pk},
        variant="niet openbaar",
    ),
    Pagina("api:register-list", "API (openbaar): het register", iedereen(200)),
    Pagina(
        "api:register-detail",
        "API (openbaar): één overgedragen taak",
        iedereen(200),
        kwargs=lambda w: {"pk": w.traject.pk},
        status="evaluatie",
    ),
    Pagina(
        "api:register-detail",
        "API (openbaar): een traject dat nog niet is overgedragen",
        iedereen(404),
        kwargs=lambda w: {"pk": w.traject.pk},
        variant="niet overgedragen",
    ),
    Pagina(
        "api:traject-list",
        "API (token van de gemeente): trajecten",
        iedereen(401),
        kwargs=gemeente_kw,
    ),
    Pagina(
        "api:traject-detail",
        "API (token van de gemeente): één traject met geschiedenis",
        iedereen(401),
        kwargs=traject_kw,
    ),
    Pagina(
        "api:webhook-list",
        "API (token van de gemeente): webhooks",
        iedereen(401),
        kwargs=gemeente_kw,
    ),
    Pagina(
        "api:webhook-list",
        "API (token dat mag schrijven): abonneren op fasewisselingen",
        iedereen(401),
        kwargs=gemeente_kw,
        methode="POST",
        data=lambda w: NIEUWE_WEBHOOK,
    ),
    Pagina(
        "api:webhook-detail",
        "API (token van de gemeente): één webhook",
        iedereen(401),
        kwargs=webhook_kw,
    ),
    Pagina(
        "api:webhook-detail",
        "API (token dat mag schrijven): abonnement opzeggen",
        iedereen(401),
        kwargs=webhook_kw,
        methode="DELETE",
    ),
    Pagina(
        "api:webhook-leveringen",
        "API (token van de gemeente): logboek van leveringen van een webhook",
        iedereen(401),
        kwargs=webhook_kw,
    ),
    Pagina(
        "api:niet_gevonden",
        "API: elk ander adres onder /api/ (404 als JSON)",
        iedereen(404),
    ),
]

#: The answers to tokens, per row of ``API`` that needs one (its key): none, wrong,
#: withdrawn, A read-only, A read-write, B (another gemeente).
TOKENS: dict[str, dict[str, int]] = {
    "api:traject-list GET": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 200,
        "a_schrijven": 200,
        "b": 403,
    },
    "api:traject-detail GET": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 200,
        "a_schrijven": 200,
        "b": 403,
    },
    "api:webhook-list GET": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 200,
        "a_schrijven": 200,
        "b": 403,
    },
    "api:webhook-list POST": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 403,
        "a_schrijven": 201,
        "b": 403,
    },
    "api:webhook-detail GET": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 200,
        "a_schrijven": 200,
        "b": 403,
    },
    "api:webhook-detail DELETE": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 403,
        "a_schrijven": 204,
        "b": 403,
    },
    "api:webhook-leveringen GET": {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": 200,
        "a_schrijven": 200,
        "b": 403,
    },
}
