"""A person's own data (AVG): the download (JSON, or a ZIP with the files) and the erasure.
Both walk the register of personal data (``aanbesteden.persoonsgegevens``), in which every app
declares its own tables."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from aanbesteden.models import User
from aanbesteden.persoonsgegevens import Onderdeel, Persoon, register

logger = logging.getLogger(__name__)


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
