"""The archive dossier of a traject: one ZIP with its documents, its structured data, its
timeline and an index with the SHA-256 of every file, built by a worker. The phase apps
contribute their records and documents (``bijdragen.dossier_gegevens`` and
``bijdragen.dossier_bestanden``)."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from datetime import timedelta
from typing import Any

from django.core import serializers
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from aanbesteden.bijdragen import DossierBestanden, DossierGegevens, bijdragen
from aanbesteden.models import Traject, User
from aanbesteden.selectors import traject_tijdlijn
from aanbesteden.werk import werk_inplannen

from ..constants import DossierStatus
from ..models import Dossier

logger = logging.getLogger(__name__)

#: A dossier still "being made" after this long counts as lost (a worker died): ask again.
DOSSIER_VERLOOPT = timedelta(hours=1)


@transaction.atomic
def dossier_aanvragen(*, traject: Traject, door: User) -> Dossier:
    """Ask for a new archive dossier; it is built by a worker. A request while one is being
    built returns that one (a double click makes no second ZIP)."""
    from ..tasks import dossier_maken

    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    bezig = Dossier.objects.filter(
        traject=traject,
        status=DossierStatus.WACHTEN,
        created_at__gte=timezone.now() - DOSSIER_VERLOOPT,
    ).first()
    if bezig is not None:
        return bezig
    dossier = Dossier.objects.create(traject=traject, aangevraagd_door=door)
    werk_inplannen(dossier_maken, dossier_id=dossier.pk)
    return dossier


def _rijen(qs: QuerySet, weglaten: tuple[str, ...]) -> list[dict[str, Any]]:
    rijen = serializers.serialize("python", qs.order_by("pk").distinct())
    for rij in rijen:
        for veld in weglaten:
            rij["fields"].pop(veld, None)
    return rijen


def _gegevens(traject: Traject) -> dict[str, Any]:
    """Every structured record of ``traject``, by model label: the core's, then the phase
    apps'."""
    gegevens: dict[str, Any] = {
        "aanbesteden.traject": _rijen(Traject.objects.filter(pk=traject.pk), ())
    }
    for bron in bijdragen.van(DossierGegevens):
        waarde = bron.rijen(traject)
        gegevens[bron.label] = (
            _rijen(waarde, bron.weglaten) if isinstance(waarde, QuerySet) else waarde
        )
    return gegevens


def _tijdlijn(traject: Traject) -> list[dict[str, Any]]:
    return [
        {
            "tijdstip": log.timestamp,
            "van": log.source_state,
            "naar": log.state,
            "stap": log.transition,
            "door": (log.by.get_full_name() if log.by else None),
            "door_id": log.by_id,
            "motivatie": log.description or "",
        }
        for log in traject_tijdlijn(traject=traject)
    ]


def _bestanden(traject: Traject) -> list[tuple[str, Any]]:
    """(name in the ZIP, file field) of every stored document of ``traject``."""
    bestanden: list[tuple[str, Any]] = []
    for bron in bijdragen.van(DossierBestanden):
        bestanden += bron.bestanden(traject)
    return bestanden


def dossier_zip(traject: Traject) -> bytes:
    """The archive ZIP of ``traject``: documents, structured data, timeline and an index with
    the SHA-256 of every file."""
    inhoud: list[tuple[str, bytes]] = []
    ontbrekend: list[str] = []
    for naam, bestand in _bestanden(traject):
        try:
            with bestand.open("rb") as f:
                inhoud.append((naam, f.read()))
        except (FileNotFoundError, OSError, ValueError):
            ontbrekend.append(naam)
    inhoud.append(
        (
            "gegevens.json",
            json.dumps(
                _gegevens(traject), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
            ).encode(),
        )
    )
    inhoud.append(
        (
            "tijdlijn.json",
            json.dumps(
                _tijdlijn(traject), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
            ).encode(),
        )
    )
    bestanden = [
        {"naam": naam, "sha256": hashlib.sha256(data).hexdigest(), "grootte": len(data)}
        for naam, data in inhoud
    ]
    index = {
        "traject": {"id": traject.pk, "titel": traject.titel, "gemeente": traject.gemeente.naam},
        "gemaakt_op": timezone.now().isoformat(),
        "bestanden": bestanden,
        "ontbrekend": ontbrekend,
    }
    regels = [f"{b['sha256']}  {b['naam']}" for b in bestanden]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for naam, data in inhoud:
            zf.writestr(naam, data)
        zf.writestr(
            "index.json", json.dumps(index, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
        )
        zf.writestr("SHA256SUMS", "\n".join(regels) + "\n")
    return buffer.getvalue()


def dossier_maken(*, dossier_id: int) -> bool:
    """Build the ZIP of a requested dossier once. Returns whether it was built now."""
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update()
            .select_related("traject__gemeente")
            .filter(pk=dossier_id, status=DossierStatus.WACHTEN)
            .first()
        )
        if dossier is None:
            return False
        try:
            data = dossier_zip(dossier.traject)
        except Exception as exc:  # the page shows the failure; the official may try again
            logger.exception("Dossier %s mislukt", dossier_id)
            dossier.status = DossierStatus.MISLUKT
            dossier.fout = str(exc)[:2000]
            dossier.save(update_fields=["status", "fout"])
            return False
        naam = f"dossier-traject-{dossier.traject_id}-{dossier.pk}.zip"
        dossier.bestand.save(naam, ContentFile(data), save=False)
        dossier.sha256 = hashlib.sha256(data).hexdigest()
        dossier.grootte = len(data)
        dossier.status = DossierStatus.KLAAR
        dossier.klaar_op = timezone.now()
        dossier.save(update_fields=["bestand", "sha256", "grootte", "status", "klaar_op"])
    return True
