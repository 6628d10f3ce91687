"""Writes of the overviews: notification preferences and the daily digest, the archive dossier,
and a person's export and erasure (AVG)."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.core import serializers
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation

from aanbesteden.models import (
    Dagoverzicht,
    Dossier,
    Notificatie,
    NotificatieSoort,
    NotificatieVoorkeur,
    Traject,
    User,
)
from aanbesteden.persoonsgegevens import Onderdeel, Persoon, register

from . import selectors
from .constants import Bezorging, DossierStatus

logger = logging.getLogger(__name__)


# --- notification preferences and the daily digest -------------------------------------------


@transaction.atomic
def voorkeuren_opslaan(*, gebruiker: User, keuzes: dict[str, str]) -> None:
    """Store ``gebruiker``'s choice per notification kind. Log-in links are always mailed."""
    for soort, bezorging in keuzes.items():
        if soort not in NotificatieSoort.values or soort == NotificatieSoort.INLOGLINK:
            continue
        if bezorging not in Bezorging.values:
            raise ValueError(bezorging)
        NotificatieVoorkeur.objects.update_or_create(
            gebruiker=gebruiker, soort=soort, defaults={"bezorging": bezorging}
        )


def dagoverzichten_versturen() -> int:
    """Send every user who chose a daily digest one mail with what waits. Returns the number
    of mails sent. Safe to run twice a day: the second run sends nothing."""
    gebruikers = (
        User.objects.filter(is_active=True, notificatievoorkeuren__bezorging=Bezorging.DAGOVERZICHT)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    verzonden = 0
    for pk in list(gebruikers):
        try:
            if dagoverzicht_versturen(gebruiker_id=pk):
                verzonden += 1
        except Exception:  # one failing mailbox must not stop the others
            logger.exception("Dagoverzicht voor gebruiker %s mislukt", pk)
    return verzonden


@transaction.atomic
def dagoverzicht_versturen(*, gebruiker_id: int) -> bool:
    """The digest of one user for today, at most once (a unique row per user and day)."""
    from aanbesteden.berichten import _mail, opmaken

    gebruiker = User.objects.select_for_update().filter(pk=gebruiker_id, is_active=True).first()
    if gebruiker is None:
        return False
    datum = timezone.localdate()
    try:
        with transaction.atomic():
            overzicht = Dagoverzicht.objects.create(gebruiker=gebruiker, datum=datum)
    except IntegrityError:
        return False
    meldingen = list(selectors.dagoverzicht_meldingen(user=gebruiker).select_for_update())
    overzicht.aantal = len(meldingen)
    if meldingen:
        from django.conf import settings

        with translation.override(gebruiker.taal or settings.LANGUAGE_CODE):
            ctx = {
                "ontvanger": gebruiker,
                "meldingen": meldingen,
                "datum": datum,
                "site_url": settings.SITE_URL,
            }
            onderwerp, tekst = opmaken("overzicht/mail/dagoverzicht", ctx)
        _mail(gebruiker.email, onderwerp, tekst)
        nu = timezone.now()
        Notificatie.objects.filter(pk__in=[m.pk for m in meldingen]).update(gemaild_op=nu)
        overzicht.verzonden_op = nu
    overzicht.save(update_fields=["aantal", "verzonden_op"])
    return bool(meldingen)


# --- the archive dossier ----------------------------------------------------------------------


#: A dossier still "being made" after this long counts as lost (a worker died): ask again.
DOSSIER_VERLOOPT = timedelta(hours=1)


@transaction.atomic
def dossier_aanvragen(*, traject: Traject, door: User) -> Dossier:
    """Ask for a new archive dossier; it is built by a worker. A request while one is being
    built returns that one (a double click makes no second ZIP)."""
    from .tasks import dossier_maken

    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    bezig = Dossier.objects.filter(
        traject=traject,
        status=DossierStatus.WACHTEN,
        created_at__gte=timezone.now() - DOSSIER_VERLOOPT,
    ).first()
    if bezig is not None:
        return bezig
    dossier = Dossier.objects.create(traject=traject, aangevraagd_door=door)
    transaction.on_commit(lambda: dossier_maken.delay(dossier.pk))
    return dossier


def _querysets(traject: Traject) -> dict[str, Any]:
    """Every structured record of ``traject``, by model label."""
    from coalities import models as c
    from evaluatie import models as e
    from initiatieven import models as i
    from overdracht import models as o

    t = traject
    return {
        "aanbesteden.traject": Traject.objects.filter(pk=t.pk),
        "initiatieven.voorstel": i.Voorstel.objects.filter(traject=t),
        "initiatieven.initiatief": i.Initiatief.objects.filter(voorstellen__traject=t),
        "initiatieven.contactpersoon": i.Contactpersoon.objects.filter(
            initiatief__voorstellen__traject=t
        ),
        "initiatieven.opgave": i.Opgave.objects.filter(voorstellen__traject=t),
        "initiatieven.bijlage": i.Bijlage.objects.filter(voorstel__traject=t),
        "initiatieven.beoordeling": i.Beoordeling.objects.filter(voorstel__traject=t),
        "initiatieven.criteriumscore": i.Criteriumscore.objects.filter(
            beoordeling__voorstel__traject=t
        ),
        "initiatieven.besluitbrief": i.Besluitbrief.objects.filter(voorstel__traject=t),
        "initiatieven.horizon": i.Horizon.objects.filter(traject=t),
        "initiatieven.horizonversie": i.HorizonVersie.objects.filter(horizon__traject=t),
        "initiatieven.indicator": i.Indicator.objects.filter(horizon__traject=t),
        "coalities.uitnodiging": c.Uitnodiging.objects.filter(traject=t).defer("token_hash"),
        "coalities.partner": c.Partner.objects.filter(traject=t),
        "coalities.route": c.Route.objects.filter(traject=t),
        "coalities.routeversie": c.RouteVersie.objects.filter(route__traject=t),
        "coalities.routeakkoord": c.RouteAkkoord.objects.filter(route__traject=t),
        "coalities.mijlpaal": c.Mijlpaal.objects.filter(traject=t),
        "coalities.inzet": c.Inzet.objects.filter(traject=t),
        "coalities.begrotingspost": c.Begrotingspost.objects.filter(traject=t),
        "coalities.tranche": c.Tranche.objects.filter(traject=t),
        "overdracht.overeenkomstversie": o.OvereenkomstVersie.objects.filter(traject=t),
        "overdracht.versieclausule": o.VersieClausule.objects.filter(versie__traject=t),
        "overdracht.ondertekening": o.Ondertekening.objects.filter(versie__traject=t),
        "evaluatie.evaluatiemoment": e.Evaluatiemoment.objects.filter(traject=t),
        "evaluatie.herinnering": e.Herinnering.objects.filter(moment__traject=t),
        "evaluatie.evaluatie": e.Evaluatie.objects.filter(moment__traject=t),
        "evaluatie.evaluatiebijdrage": e.EvaluatieBijdrage.objects.filter(
            evaluatie__moment__traject=t
        ),
        "evaluatie.meting": e.Meting.objects.filter(bijdrage__evaluatie__moment__traject=t),
        "evaluatie.besteding": e.Besteding.objects.filter(bijdrage__evaluatie__moment__traject=t),
        "evaluatie.verankering": e.Verankering.objects.filter(traject=t),
        "evaluatie.exitplan": e.Exitplan.objects.filter(traject=t),
    }


def _gegevens(traject: Traject) -> dict[str, Any]:
    gegevens: dict[str, Any] = {}
    for label, qs in _querysets(traject).items():
        rijen = serializers.serialize("python", qs.order_by("pk").distinct())
        for rij in rijen:
            rij["fields"].pop("token_hash", None)
        gegevens[label] = rijen
    from initiatieven.models import Steunbetuiging

    gegevens["initiatieven.steunbetuiging"] = {
        "aantal_bevestigd": Steunbetuiging.objects.filter(
            voorstel__traject=traject, bevestigd_op__isnull=False
        ).count()
    }
    return gegevens


def _tijdlijn(traject: Traject) -> list[dict[str, Any]]:
    from aanbesteden.selectors import traject_tijdlijn

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
    from initiatieven.models import Besluitbrief, Bijlage
    from overdracht.models import OvereenkomstVersie

    bestanden: list[tuple[str, Any]] = []
    for brief in Besluitbrief.objects.filter(voorstel__traject=traject).exclude(bestand=""):
        bestanden.append(("besluitbrief/besluitbrief.pdf", brief.bestand))
    for versie in OvereenkomstVersie.objects.filter(traject=traject).order_by("nummer"):
        if versie.pdf:
            bestanden.append((f"overeenkomst/versie-{versie.nummer}.pdf", versie.pdf))
        if versie.verzegeld_pdf:
            bestanden.append(
                (f"overeenkomst/versie-{versie.nummer}-verzegeld.pdf", versie.verzegeld_pdf)
            )
    for bijlage in Bijlage.objects.filter(voorstel__traject=traject).order_by("pk"):
        naam = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in bijlage.naam)[:120]
        bestanden.append((f"bijlagen/{bijlage.pk}-{naam or 'bijlage'}", bijlage.bestand))
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


# --- privacy (AVG) ----------------------------------------------------------------------------
# Both the export and the erasure walk the register of personal data
# (``aanbesteden.persoonsgegevens``), in which every app declares its own tables.


@dataclass
class Wisverslag:
    """What an erasure did, and what was kept and why. ``bewaard_rijen`` names the kept rows
    per declaration (key: the declaration's ``sleutel``)."""

    gewist: list[str] = field(default_factory=list)
    bewaard: list[str] = field(default_factory=list)
    bewaard_rijen: dict[str, list[Any]] = field(default_factory=dict)

    def _regel(self, lijst: list[str], tekst: Any) -> None:
        if tekst and str(tekst) not in lijst:
            lijst.append(str(tekst))


def _rij_pks(onderdeel: Onderdeel, persoon: Persoon) -> set[Any]:
    return set(onderdeel.rijen(persoon).values_list("pk", flat=True))


def _bestanden_van(rijen: list[Any]) -> list[tuple[Any, str]]:
    """(storage, name) of every file the rows hold, to delete once the rows are gone."""
    uit = []
    for rij in rijen:
        for veld in rij._meta.concrete_fields:
            if isinstance(veld, models.FileField):
                bestand = getattr(rij, veld.attname)
                if bestand:
                    uit.append((bestand.storage, bestand.name))
    return uit


@transaction.atomic
def gebruiker_wissen(*, gebruiker: User) -> Wisverslag:
    """Erase or anonymise ``gebruiker``'s personal data in every table the register names,
    and close the account.

    First every declaration finds its rows and the rows the gemeente must keep (before
    anything changes, so one declaration's erasure cannot hide rows from another); then the
    rows are erased, deleted or (kept ones) stripped as declared. Files of deleted rows are
    deleted after the commit."""
    gebruiker = User.objects.select_for_update().get(pk=gebruiker.pk)
    persoon = Persoon.van(gebruiker)
    verslag = Wisverslag()
    plan = []
    for onderdeel in register.onderdelen():
        pks = _rij_pks(onderdeel, persoon)
        bewaard: set[Any] = set()
        if pks and onderdeel.bewaren is not None:
            alle = onderdeel.model._default_manager.filter(pk__in=pks)
            bewaard = set(onderdeel.bewaren(alle, persoon).values_list("pk", flat=True))
        plan.append((onderdeel, pks - bewaard, bewaard))

    weg: list[tuple[Any, str]] = []
    for onderdeel, vrij, bewaard in plan:
        beheer = onderdeel.model._default_manager
        if vrij:
            rijen = list(beheer.filter(pk__in=vrij).order_by("pk"))
            if onderdeel.verwijderen:
                weg += _bestanden_van(rijen)
                beheer.filter(pk__in=vrij).delete()
                gewijzigd = True
            else:
                gewijzigd = False
                for rij in rijen:
                    gewijzigd = onderdeel.toepassen(rij, persoon) or gewijzigd
            if onderdeel.daarna is not None:
                onderdeel.daarna(rijen, persoon)
                gewijzigd = True
            if gewijzigd:  # rows found only for the export (a traject one is partner in)
                verslag._regel(verslag.gewist, onderdeel.gewist)
        if bewaard:
            for rij in beheer.filter(pk__in=bewaard).order_by("pk"):
                onderdeel.toepassen(rij, persoon, bewaard=True)
            verslag._regel(verslag.bewaard, onderdeel.bewaard)
            verslag.bewaard_rijen[onderdeel.sleutel] = sorted(bewaard)

    def bestanden_wissen() -> None:
        for opslag, naam in weg:
            try:
                opslag.delete(naam)
            except OSError:  # the rows are gone; a file left behind is logged, not fatal
                logger.exception("Bestand %s kon niet worden gewist", naam)

    transaction.on_commit(bestanden_wissen)
    return verslag


def _zip_naam(onderdeel: Onderdeel, pk: Any, veld: str, bestand: Any) -> str:
    basis = bestand.name.rsplit("/", 1)[-1]
    return f"bestanden/{onderdeel.sleutel}/{pk}-{veld}-{basis}"


def _export(gebruiker: User) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """The person's data per declaration, and (name in the ZIP, file) of their files."""
    persoon = Persoon.van(gebruiker)
    gegevens: dict[str, Any] = {}
    bestanden: list[tuple[str, Any]] = []
    for onderdeel in register.onderdelen():
        pks = _rij_pks(onderdeel, persoon)
        beheer = onderdeel.model._default_manager
        rijen = list(beheer.filter(pk__in=pks).order_by("pk").values("pk", *onderdeel.export))
        if onderdeel.bestanden and rijen:
            objecten = beheer.filter(pk__in=pks).only("pk", *onderdeel.bestanden).in_bulk()
            for rij in rijen:
                rij["bestanden"] = {}
                for veld in onderdeel.bestanden:
                    bestand = getattr(objecten[rij["pk"]], veld)
                    if bestand:
                        naam = _zip_naam(onderdeel, rij["pk"], veld, bestand)
                        rij["bestanden"][veld] = naam
                        bestanden.append((naam, bestand))
        for rij in rijen:
            rij.pop("pk")
        gegevens[onderdeel.sleutel] = rijen
    return gegevens, bestanden


def persoonsgegevens(*, gebruiker: User) -> dict[str, Any]:
    """Everything the platform holds about ``gebruiker`` as a person (for download), one list
    of rows per declaration of the register. Rows with files name them as they stand in the
    ZIP download (``persoonsgegevens_zip``)."""
    return _export(gebruiker)[0]


def persoonsgegevens_zip(*, gebruiker: User) -> bytes:
    """The person's data (``mijn-gegevens.json``) and the files they uploaded or that were
    made about them (``bestanden/``), in one ZIP."""
    gegevens, bestanden = _export(gebruiker)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "mijn-gegevens.json",
            json.dumps(gegevens, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for naam, bestand in bestanden:
            try:
                with bestand.open("rb") as f:
                    zf.writestr(naam, f.read())
            except (FileNotFoundError, OSError, ValueError):
                logger.warning("Bestand %s ontbreekt in de opslag", bestand.name)
    return buffer.getvalue()
