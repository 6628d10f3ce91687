"""Writes of the API: webhook subscriptions, and the deliveries of phase changes."""

from __future__ import annotations

import json
import secrets
import time
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject

from .adressen import niet_publiek
from .constants import GEBEURTENIS_FASEWISSELING, LeveringStatus
from .handtekening import (
    KOP_GEBEURTENIS,
    KOP_HANDTEKENING,
    KOP_LEVERING,
    KOP_TIJDSTIP,
    handtekening,
)
from .models import Applicatie, Webhookabonnement, Webhooklevering, Webhookpoging
from .selectors import actieve_abonnementen, laatste_fasewisseling


@transaction.atomic
def abonnement_aanmaken(*, applicatie: Applicatie, url: str) -> Webhookabonnement:
    """Subscribe ``url`` to the phase changes of the application's gemeente; the secret is
    made here (256 random bits) and shown once, in the answer."""
    return Webhookabonnement.objects.create(
        applicatie=applicatie, url=url, geheim=secrets.token_urlsafe(32)
    )


@transaction.atomic
def abonnement_opzeggen(*, abonnement: Webhookabonnement) -> None:
    abonnement.delete()


def fasewisseling_inhoud(*, traject: Traject, statuslog: Any) -> dict[str, Any]:
    """The body of a phase change: what changed, and where to read the traject. No person:
    not who fired the step, nor the motivation (read it from the API with the token)."""
    pad = reverse(
        "api:traject-detail", kwargs={"gemeente": traject.gemeente.slug, "pk": traject.pk}
    )
    return {
        "gebeurtenis": GEBEURTENIS_FASEWISSELING,
        "id": statuslog.pk,
        "op": statuslog.timestamp,
        "gemeente": traject.gemeente.slug,
        "traject": {"id": traject.pk, "titel": traject.titel, "url": settings.SITE_URL + pad},
        "transitie": statuslog.transition,
        "van": statuslog.source_state,
        "naar": statuslog.state,
        "naar_label": str(TrajectStatus(statuslog.state).label),
        "fase": traject.fase,
    }


def leveringen_aanmaken(*, traject: Traject) -> list[Webhooklevering]:
    """After a transition, in its transaction: one delivery per active subscription of the
    traject's gemeente, for the log row the transition just wrote (at most once per row and
    subscription), sent by a task after the commit."""
    abonnementen = list(actieve_abonnementen(gemeente_id=traject.gemeente_id))
    if not abonnementen:
        return []
    statuslog = laatste_fasewisseling(traject=traject)
    if statuslog is None:
        return []
    inhoud = json.loads(
        json.dumps(
            fasewisseling_inhoud(traject=traject, statuslog=statuslog), cls=DjangoJSONEncoder
        )
    )
    nieuw = [
        Webhooklevering(
            abonnement=a,
            traject=traject,
            gebeurtenis=GEBEURTENIS_FASEWISSELING,
            statuslog_id=statuslog.pk,
            inhoud=inhoud,
        )
        for a in abonnementen
    ]
    Webhooklevering.objects.bulk_create(nieuw, ignore_conflicts=True)
    gemaakt = list(
        Webhooklevering.objects.filter(
            abonnement__in=abonnementen, statuslog_id=statuslog.pk, aantal_pogingen=0
        ).order_by("pk")
    )
    from .tasks import webhook_leveren

    for levering in gemaakt:
        transaction.on_commit(lambda pk=levering.pk: webhook_leveren.delay(pk))
    return gemaakt


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    """A delivery goes to the subscribed address only; a redirect counts as a failure."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: PLR0913
        return None


_opener = urllib.request.build_opener(_GeenDoorverwijzing)


def levering_versturen(*, levering_id: int) -> bool:
    """One attempt to deliver: POST the signed body, log the attempt, and say whether it
    arrived (a 2xx answer). A delivery that arrived is not sent again."""
    with transaction.atomic():
        levering = (
            Webhooklevering.objects.select_for_update()
            .select_related("abonnement")
            .filter(pk=levering_id)
            .first()
        )
        if levering is None or levering.status == LeveringStatus.GELEVERD:
            return True
        levering.aantal_pogingen += 1
        levering.save(update_fields=["aantal_pogingen", "updated_at"])
        nummer = levering.aantal_pogingen
        abonnement = levering.abonnement
    inhoud = json.dumps(levering.inhoud, separators=(",", ":"), sort_keys=True).encode()
    tijdstip = int(time.time())
    verzoek = urllib.request.Request(  # noqa: S310 - the scheme is checked on subscribing
        abonnement.url,
        data=inhoud,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "maatschappelijk-aanbesteden-webhook/1",
            KOP_GEBEURTENIS: levering.gebeurtenis,
            KOP_LEVERING: str(levering.pk),
            KOP_TIJDSTIP: str(tijdstip),
            KOP_HANDTEKENING: handtekening(
                geheim=abonnement.geheim, tijdstip=tijdstip, inhoud=inhoud
            ),
        },
    )
    begin = time.monotonic()
    statuscode: int | None = None
    fout = ""
    reden = niet_publiek(abonnement.url) if settings.WEBHOOK_ALLEEN_PUBLIEK else None
    try:
        if reden:
            raise ValueError(reden)
        with _opener.open(verzoek, timeout=settings.WEBHOOK_TIMEOUT_SECONDEN) as antwoord:
            statuscode = antwoord.status
    except urllib.error.HTTPError as exc:
        statuscode = exc.code
        fout = f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        fout = f"{type(exc).__name__}: {exc}"[:500]
    duur = int((time.monotonic() - begin) * 1000)
    gelukt = statuscode is not None and 200 <= statuscode < 300
    with transaction.atomic():
        Webhookpoging.objects.create(
            levering_id=levering.pk, nummer=nummer, statuscode=statuscode, fout=fout, duur_ms=duur
        )
        velden: dict[str, Any] = {"laatste_statuscode": statuscode, "laatste_fout": fout}
        if gelukt:
            velden |= {"status": LeveringStatus.GELEVERD, "geleverd_op": timezone.now()}
        Webhooklevering.objects.filter(pk=levering.pk).update(**velden, updated_at=timezone.now())
    return gelukt


def leveringen_nalopen(*, hoogstens: int = 100) -> int:
    """Where no worker retries (the embedded mode: ``WEBHOOK_OPNIEUW_DOOR_BEAT``): one more try
    of each waiting delivery that was tried and whose wait since its last try is over (the
    worker's waits, ``tasks.wachttijd``); after the last of its ``tasks.POGINGEN`` tries a
    delivery that still fails is marked failed. Returns the number tried."""
    from .tasks import POGINGEN, wachttijd

    nu = timezone.now()
    wachtend = Webhooklevering.objects.filter(
        status=LeveringStatus.WACHTEND, aantal_pogingen__gte=1, aantal_pogingen__lt=POGINGEN
    ).order_by("updated_at", "pk")[:hoogstens]
    geprobeerd = 0
    for levering in wachtend:
        if nu - levering.updated_at < timedelta(seconds=wachttijd(levering.aantal_pogingen - 1)):
            continue
        geprobeerd += 1
        if levering_versturen(levering_id=levering.pk):
            continue
        if levering.aantal_pogingen + 1 >= POGINGEN:
            levering_opgegeven(levering_id=levering.pk)
    return geprobeerd


def levering_opgegeven(*, levering_id: int) -> None:
    """Every attempt failed: the delivery is marked failed (it stays in the log)."""
    Webhooklevering.objects.filter(pk=levering_id).exclude(status=LeveringStatus.GELEVERD).update(
        status=LeveringStatus.MISLUKT, updated_at=timezone.now()
    )
