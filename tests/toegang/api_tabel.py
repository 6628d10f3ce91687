"""The rows of the REST API (api/urls.py). The API knows no sessions: whatever role a
browser is logged in with, the public endpoints answer everybody alike and the endpoints of a
gemeente's systems answer 401 without a token. What tokens get is the second table here,
``TOKENS`` (tests/toegang/test_api_tokens.py): per endpoint and method, the answer to no
token, a wrong one, a withdrawn one, gemeente A's read and read-write tokens, and gemeente B's
token."""

from __future__ import annotations

from tests.toegang.basis import Pagina, Wereld, gemeente_slug, iedereen, kw, maak_opgave


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


def maak_webhook(w: Wereld):
    from api.models import Applicatie, Webhookabonnement

    applicatie = Applicatie(gemeente=w.gemeente, naam="Zaaksysteem")
    applicatie.token_zetten()
    applicatie.save()
    return Webhookabonnement.objects.create(
        applicatie=applicatie, url="https://zaken.example/webhook", geheim="geheim"
    )


traject_kw = kw(gemeente=True, traject=True)
webhook_kw = kw(gemeente=True, pk=maak_webhook)


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
        kwargs=kw(pk=maak_opgave),
    ),
    Pagina("api:voorstel-list", "API (openbaar): gepubliceerde voorstellen", iedereen(200)),
    Pagina(
        "api:voorstel-detail",
        "API (openbaar): één gepubliceerd voorstel",
        iedereen(200),
        kwargs=kw(pk=maak_openbaar_voorstel),
    ),
    Pagina(
        "api:voorstel-detail",
        "API (openbaar): een voorstel dat niet openbaar is",
        iedereen(404),
        kwargs=kw(pk=maak_verborgen_voorstel),
        variant="niet openbaar",
    ),
    Pagina("api:register-list", "API (openbaar): het register", iedereen(200)),
    Pagina(
        "api:register-detail",
        "API (openbaar): één overgedragen taak",
        iedereen(200),
        kwargs=kw(traject=True),
        status="evaluatie",
    ),
    Pagina(
        "api:register-detail",
        "API (openbaar): een traject dat nog niet is overgedragen",
        iedereen(404),
        kwargs=kw(traject=True),
        variant="niet overgedragen",
    ),
    Pagina(
        "api:traject-list",
        "API (token van de gemeente): trajecten",
        iedereen(401),
        kwargs=gemeente_slug,
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
        kwargs=gemeente_slug,
    ),
    Pagina(
        "api:webhook-list",
        "API (token dat mag schrijven): abonneren op fasewisselingen",
        iedereen(401),
        kwargs=gemeente_slug,
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


def tokens(*, a_lezen: int = 200, a_schrijven: int = 200) -> dict[str, int]:
    """The answers to: no token, a wrong one, a withdrawn one (401 each), gemeente A's
    read-only and read-write tokens, and gemeente B's token (403)."""
    return {
        "geen": 401,
        "fout": 401,
        "ingetrokken": 401,
        "a_lezen": a_lezen,
        "a_schrijven": a_schrijven,
        "b": 403,
    }


#: The answers to tokens, per row of ``API`` that needs one (its key).
TOKENS: dict[str, dict[str, int]] = {
    "api:traject-list GET": tokens(),
    "api:traject-detail GET": tokens(),
    "api:webhook-list GET": tokens(),
    "api:webhook-list POST": tokens(a_lezen=403, a_schrijven=201),
    "api:webhook-detail GET": tokens(),
    "api:webhook-detail DELETE": tokens(a_lezen=403, a_schrijven=204),
    "api:webhook-leveringen GET": tokens(),
}
