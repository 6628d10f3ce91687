"""The route of phase 3 as a draft: its frame (start and duration), milestones,
contributions, budget and tranches.

An edit makes no version and sends no message: it marks the draft as changed and notes what
changed (``_concept_gewijzigd``); asking for agreement (``akkoord``) freezes a version.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, TrajectStatus
from aanbesteden.models import Traject, User
from aanbesteden.opmaak import euro, getal

from ..models import (
    Begrotingspost,
    Inzet,
    Mijlpaal,
    Partner,
    Route,
    Tranche,
)
from .fouten import CoalitieFout
from .partijen import partij_naam, vereis_partij


def route_ophalen_of_maken(traject: Traject) -> Route:
    """The traject's route, made when it has none (a write: ``selectors.route_van`` reads)."""
    route, _created = Route.objects.get_or_create(traject=traject)
    return route


def _vereis_routefase(traject: Traject) -> None:
    if traject.status != TrajectStatus.ROUTE:
        raise CoalitieFout(
            _("De route kan alleen worden gewijzigd in de fase Routes naar de horizon."),
            status=409,
        )


def _tekst(waarde: Any) -> Any:
    if isinstance(waarde, Decimal):
        return str(waarde)
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    return waarde


def route_inhoud(traject: Traject) -> dict[str, Any]:
    """A snapshot of the whole route, for its history (a bounded number of queries)."""
    route = route_ophalen_of_maken(traject)

    def rijen(qs, velden):
        return [{v: _tekst(getattr(o, v)) for v in velden} for o in qs]

    return {
        "startdatum": _tekst(route.startdatum),
        "looptijd_maanden": route.looptijd_maanden,
        "mijlpalen": rijen(
            Mijlpaal.objects.filter(traject=traject),
            [
                "id",
                "titel",
                "omschrijving",
                "datum",
                "indicator_id",
                "verantwoordelijke_soort",
                "verantwoordelijke_partner_id",
            ],
        ),
        "inzet": rijen(
            Inzet.objects.filter(traject=traject),
            [
                "id",
                "partij_soort",
                "partner_id",
                "mijlpaal_id",
                "soort",
                "omschrijving",
                "hoeveelheid",
                "eenheid",
                "bevestigd_op",
            ],
        ),
        "begroting": rijen(
            Begrotingspost.objects.filter(traject=traject),
            ["id", "soort", "bron", "omschrijving", "bedrag", "mijlpaal_id"],
        ),
        "tranches": rijen(
            Tranche.objects.filter(traject=traject),
            ["id", "mijlpaal_id", "omschrijving", "bedrag", "vorm", "datum"],
        ),
    }


#: At most this many lines of what changed are kept in the draft (the oldest go first).
MAX_CONCEPT_WIJZIGINGEN = 200


def _concept_gewijzigd(*, route: Route, wijziging: str) -> Route:
    """Mark the draft as changed since the last version and note what changed: no version,
    no message (the agreements on the last version no longer count until a new one is
    asked)."""
    route = Route.objects.select_for_update().get(pk=route.pk)
    route.concept_gewijzigd = True
    route.concept_wijzigingen = [*route.concept_wijzigingen, wijziging][-MAX_CONCEPT_WIJZIGINGEN:]
    route.save(update_fields=["concept_gewijzigd", "concept_wijzigingen", "updated_at"])
    return route


def _beschrijf(obj: Model) -> str:
    """What an item is, in words for the route's history (amounts written the local way)."""
    if isinstance(obj, Inzet):
        naam = (
            f"{obj.get_soort_display()}: {getal(obj.hoeveelheid)} {obj.eenheid}"
            f" ({partij_naam(obj.partij_soort, obj.partner)})"
        )
    elif isinstance(obj, Begrotingspost | Tranche):
        naam = f"{obj}: {euro(obj.bedrag)}"
    else:
        naam = str(obj)
    return f"{obj._meta.verbose_name} “{naam}”"


def _route_object_opslaan(
    *,
    traject: Traject,
    door: User,
    obj: Model,
    gegevens: dict[str, Any],
) -> Model:
    """Save a milestone, contribution, budget line or tranche of ``traject`` (validated) in the
    route's draft."""
    _vereis_routefase(traject)
    nieuw = obj.pk is None
    if not nieuw and obj.traject_id != traject.pk:
        raise CoalitieFout(_("Dit onderdeel hoort niet bij dit traject."), status=404)
    for veld, waarde in gegevens.items():
        setattr(obj, veld, waarde)
    obj.traject = traject
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise CoalitieFout(" ".join(exc.messages)) from exc
    route = route_ophalen_of_maken(traject)
    _route_controleren(route=route, obj=obj)
    obj.save()
    wijziging = (_("Toegevoegd: %(wat)s.") if nieuw else _("Gewijzigd: %(wat)s.")) % {
        "wat": _beschrijf(obj)
    }
    _concept_gewijzigd(route=route, wijziging=wijziging)
    return obj


def _route_controleren(*, route: Route, obj: Model | None = None) -> None:
    """Dates of milestones and tranches lie within the route's start and end."""
    if route.startdatum is None:
        return
    einde = route.einddatum
    datum = getattr(obj, "datum", None)
    if datum is None:
        return
    if datum < route.startdatum:
        raise CoalitieFout(
            _("De datum ligt vóór de start van de route (%(start)s).")
            % {"start": route.startdatum.strftime("%d-%m-%Y")}
        )
    if einde is not None and datum > einde:
        raise CoalitieFout(
            _("De datum ligt na het einde van de route (%(einde)s).")
            % {"einde": einde.strftime("%d-%m-%Y")}
        )


@transaction.atomic
def mijlpaal_opslaan(
    *,
    traject: Traject,
    door: User,
    gegevens: dict[str, Any],
    mijlpaal: Mijlpaal | None = None,
) -> Mijlpaal:
    mijlpaal = mijlpaal or Mijlpaal()
    partner = gegevens.get("verantwoordelijke_partner")
    if partner is not None and (partner.traject_id != traject.pk):
        raise CoalitieFout(_("Deze partner hoort niet bij dit traject."))
    indicator = gegevens.get("indicator")
    if indicator is not None and indicator.horizon.traject_id != traject.pk:
        raise CoalitieFout(_("Deze indicator hoort niet bij dit traject."))
    if gegevens.get("verantwoordelijke_soort") == PartijSoort.PARTNER and partner is None:
        raise CoalitieFout(_("Kies welke partner verantwoordelijk is."))
    if gegevens.get("verantwoordelijke_soort") != PartijSoort.PARTNER:
        gegevens = {**gegevens, "verantwoordelijke_partner": None}
    return _route_object_opslaan(traject=traject, door=door, obj=mijlpaal, gegevens=gegevens)


@transaction.atomic
def inzet_opslaan(
    *,
    traject: Traject,
    door: User,
    gegevens: dict[str, Any],
    inzet: Inzet | None = None,
) -> Inzet:
    """A party's own contribution; saving it again makes it unconfirmed."""
    inzet = inzet or Inzet()
    partij = gegevens.get("partij_soort", inzet.partij_soort)
    partner = gegevens.get("partner", inzet.partner if inzet.pk else None)
    vereis_partij(traject=traject, user=door, partij_soort=partij, partner=partner)
    mijlpaal = gegevens.get("mijlpaal")
    if mijlpaal is not None and mijlpaal.traject_id != traject.pk:
        raise CoalitieFout(_("Deze mijlpaal hoort niet bij dit traject."))
    gegevens = {
        **gegevens,
        "partij_soort": partij,
        "partner": partner if partij == PartijSoort.PARTNER else None,
        "bevestigd_op": None,
        "bevestigd_door": None,
    }
    return _route_object_opslaan(traject=traject, door=door, obj=inzet, gegevens=gegevens)


@transaction.atomic
def inzet_bevestigen(
    *, traject: Traject, door: User, partij_soort: str, partner: Partner | None = None
) -> int:
    """The party confirms all its contributions. Returns how many were confirmed."""
    _vereis_routefase(traject)
    vereis_partij(traject=traject, user=door, partij_soort=partij_soort, partner=partner)
    aantal = Inzet.objects.filter(
        traject=traject,
        partij_soort=partij_soort,
        partner=partner if partij_soort == PartijSoort.PARTNER else None,
        bevestigd_op__isnull=True,
    ).update(bevestigd_op=timezone.now(), bevestigd_door=door)
    if not aantal:
        raise CoalitieFout(_("Er is geen onbevestigde inzet van deze partij."))
    # A party vouching for what it entered changes nothing in the draft: no new version is
    # needed for it, and nobody gets a message.
    return aantal


@transaction.atomic
def begrotingspost_opslaan(
    *,
    traject: Traject,
    door: User,
    gegevens: dict[str, Any],
    post: Begrotingspost | None = None,
) -> Begrotingspost:
    mijlpaal = gegevens.get("mijlpaal")
    if mijlpaal is not None and mijlpaal.traject_id != traject.pk:
        raise CoalitieFout(_("Deze mijlpaal hoort niet bij dit traject."))
    if gegevens.get("soort") == "kosten":
        gegevens = {**gegevens, "bron": ""}
    elif not gegevens.get("bron"):
        raise CoalitieFout(_("Kies bij dekking waar het geld vandaan komt."))
    return _route_object_opslaan(
        traject=traject, door=door, obj=post or Begrotingspost(), gegevens=gegevens
    )


@transaction.atomic
def tranche_opslaan(
    *,
    traject: Traject,
    door: User,
    gegevens: dict[str, Any],
    tranche: Tranche | None = None,
) -> Tranche:
    mijlpaal = gegevens.get("mijlpaal")
    if mijlpaal is not None and mijlpaal.traject_id != traject.pk:
        raise CoalitieFout(_("Deze mijlpaal hoort niet bij dit traject."))
    return _route_object_opslaan(
        traject=traject, door=door, obj=tranche or Tranche(), gegevens=gegevens
    )


@transaction.atomic
def route_onderdeel_verwijderen(*, traject: Traject, door: User, obj: Model) -> None:
    _vereis_routefase(traject)
    if obj.traject_id != traject.pk:
        raise CoalitieFout(_("Dit onderdeel hoort niet bij dit traject."), status=404)
    if isinstance(obj, Inzet):
        vereis_partij(
            traject=traject, user=door, partij_soort=obj.partij_soort, partner=obj.partner
        )
    wijziging = _("Verwijderd: %(wat)s.") % {"wat": _beschrijf(obj)}
    if isinstance(obj, Mijlpaal):
        # Contributions tied to it stay, for the whole route.
        Inzet.objects.filter(mijlpaal=obj).update(mijlpaal=None)
    obj.delete()
    _concept_gewijzigd(route=route_ophalen_of_maken(traject), wijziging=wijziging)


@transaction.atomic
def route_kader_opslaan(
    *, traject: Traject, door: User, startdatum, looptijd_maanden: int
) -> Route:
    """The route's start date and duration; every milestone and tranche must fit inside."""
    _vereis_routefase(traject)
    route = route_ophalen_of_maken(traject)
    route.startdatum = startdatum
    route.looptijd_maanden = looptijd_maanden
    try:
        route.full_clean(exclude=["traject"])
    except ValidationError as exc:
        raise CoalitieFout(" ".join(exc.messages)) from exc
    einde = route.einddatum
    buiten = [
        m.titel
        for m in Mijlpaal.objects.filter(traject=traject).only("titel", "datum")
        if m.datum < startdatum or m.datum > einde
    ] + [
        t.omschrijving
        for t in Tranche.objects.filter(traject=traject).only("omschrijving", "datum")
        if t.datum < startdatum or t.datum > einde
    ]
    if buiten:
        raise CoalitieFout(
            _("Deze onderdelen vallen dan buiten de looptijd: %(namen)s. Pas eerst hun datum aan.")
            % {"namen": ", ".join(buiten)}
        )
    route.save()
    return _concept_gewijzigd(
        route=route,
        wijziging=_("Start en looptijd: %(start)s, %(maanden)s maanden.")
        % {"start": startdatum.strftime("%d-%m-%Y"), "maanden": looptijd_maanden},
    )


# --- parties and agreements -------------------------------------------------------------------
