"""Writes of phases 2 and 3: invitations and partners, and the route with its milestones,
contributions, budget, tranches and agreements in principle.

The route is edited as a draft: an edit makes no version and sends no message, it marks the
draft as changed and notes what changed. When the draft is ready, a party asks the others to
agree (``route_akkoord_vragen``): that freezes the next version (a snapshot with what changed)
and sends one message per person. Agreements count for the version they were given on, as
long as the draft has not changed since.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, Rol, TrajectStatus
from aanbesteden.fouten import Geweigerd
from aanbesteden.models import Traject, User
from aanbesteden.opmaak import euro, getal
from aanbesteden.permissions import heeft_rol, rol_intrekken, rol_toekennen
from aanbesteden.tokens import token_hash
from accounts.services import gebruiker_voor_email
from meldingen.berichten import (
    absolute_url,
    bericht_versturen,
    geciteerd,
    mail_aan_adres,
    op_een_regel,
)
from meldingen.constants import NotificatieSoort

from . import selectors
from .constants import UITNODIGING_GELDIG_DAGEN, HorizonOordeel, PartnerStatus, UitnodigingStatus
from .models import (
    Begrotingspost,
    Inzet,
    Mijlpaal,
    Partner,
    Route,
    RouteAkkoord,
    RouteVersie,
    Tranche,
    Uitnodiging,
)


class CoalitieFout(Geweigerd):
    """An action that cannot happen now (400, or the ``status`` given: 403, 404, 410);
    ``str(exc)`` is the message for the user."""


# --- invitations ------------------------------------------------------------------------------


def uitnodiging_geldigheid() -> timedelta:
    return timedelta(days=getattr(settings, "UITNODIGING_GELDIG_DAGEN", UITNODIGING_GELDIG_DAGEN))


def uitnodiging_link(token: str) -> str:
    return absolute_url(reverse("coalities:uitnodiging", kwargs={"token": token}))


def _vereis_coalitiefase(traject: Traject, bericht: str | None = None) -> None:
    if traject.status != TrajectStatus.COALITIE:
        raise CoalitieFout(
            bericht or _("Uitnodigen kan alleen in de fase Vitale coalities."), status=409
        )


def _uitnodiging_maken(
    *,
    traject: Traject,
    door: User | None,
    email: str,
    naam: str,
    organisatie: str,
    bericht: str,
    rol: str = "",
) -> tuple[Uitnodiging, str]:
    token = secrets.token_urlsafe(32)
    nu = timezone.now()
    uitnodiging = Uitnodiging.objects.create(
        traject=traject,
        email=email,
        naam=naam,
        organisatie=organisatie,
        bericht=bericht,
        rol=rol,
        token_hash=token_hash(token),
        verloopt_op=nu + uitnodiging_geldigheid(),
        uitgenodigd_door=door,
        verzonden_op=nu,
    )
    return uitnodiging, token


def uitnodiger(uitnodiging: Uitnodiging) -> dict[str, str]:
    """Who invites, as the invitee reads it: the person's name (never an e-mail address) and
    whom they invite for: the initiative, or the gemeente when an official invites."""
    from initiatieven.selectors import voorstel_van

    traject = uitnodiging.traject
    door = uitnodiging.uitgenodigd_door
    voorstel = voorstel_van(traject=traject)
    initiatief = voorstel.initiatief.naam if voorstel is not None else ""
    if door is not None and heeft_rol(door, traject, Rol.AMBTENAAR):
        namens = _("de gemeente %(gemeente)s") % {"gemeente": traject.gemeente.naam}
    else:
        namens = initiatief
    return {
        "persoon": op_een_regel(door.naam) if door is not None else "",
        "namens": op_een_regel(namens),
        "initiatief": op_een_regel(initiatief),
    }


def _uitnodiging_mailen(*, uitnodiging: Uitnodiging, token: str, door: User | None) -> None:
    """Mail the link to the invitee, who has no account yet: in the inviter's language."""
    # What the inviter typed is quoted in the mail as theirs, never as the platform's words.
    wie = uitnodiger(uitnodiging)
    context = {
        "uitnodiging": uitnodiging,
        "traject": uitnodiging.traject,
        "titel": op_een_regel(uitnodiging.traject.titel),
        "door": wie["persoon"],
        "namens": wie["namens"],
        "rol": uitnodiging.get_rol_display() if uitnodiging.rol else "",
        "naam": op_een_regel(uitnodiging.naam),
        "bericht": geciteerd(uitnodiging.bericht),
        "link": uitnodiging_link(token),
    }
    mail_aan_adres(adres=uitnodiging.email, sjabloon="coalities/mail/uitnodiging", context=context)


def _adres_controleren(*, traject: Traject, email: str) -> None:
    bestaand = User.objects.filter(email__iexact=email).first()
    if bestaand is not None:
        if heeft_rol(bestaand, traject, Rol.AMBTENAAR, Rol.INITIATIEFNEMER):
            raise CoalitieFout(
                _("Dit adres hoort al bij de gemeente of het initiatief van dit traject.")
            )
        if Partner.objects.filter(
            traject=traject, gebruiker=bestaand, status=PartnerStatus.BEVESTIGD
        ).exists():
            raise CoalitieFout(_("Dit adres hoort al bij een partner in deze coalitie."))
    if Uitnodiging.objects.filter(
        traject=traject, email__iexact=email, status=UitnodigingStatus.OPEN
    ).exists():
        raise CoalitieFout(
            _(
                "Dit adres heeft al een openstaande uitnodiging. Verstuur die opnieuw of trek "
                "hem in."
            )
        )


@transaction.atomic
def uitnodiging_versturen(
    *,
    traject: Traject,
    door: User,
    email: str,
    naam: str = "",
    organisatie: str = "",
    bericht: str = "",
    rol: str = "",
) -> Uitnodiging:
    """Invite ``email`` to the coalition: a one-time link that expires, mailed after commit.
    ``rol``: the role asked (or empty)."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    _vereis_coalitiefase(traject)
    email = User.objects.normalize_email(email).strip().lower()
    _adres_controleren(traject=traject, email=email)
    try:
        with transaction.atomic():
            uitnodiging, token = _uitnodiging_maken(
                traject=traject,
                door=door,
                email=email,
                naam=naam.strip(),
                organisatie=organisatie.strip(),
                bericht=bericht.strip(),
                rol=rol,
            )
    except IntegrityError as exc:  # a double submit at the same moment
        raise CoalitieFout(_("Dit adres heeft al een openstaande uitnodiging.")) from exc
    _uitnodiging_mailen(uitnodiging=uitnodiging, token=token, door=door)
    return uitnodiging


def _open_uitnodiging(uitnodiging: Uitnodiging) -> Uitnodiging:
    actueel = (
        Uitnodiging.objects.select_for_update().select_related("traject").get(pk=uitnodiging.pk)
    )
    if actueel.status != UitnodigingStatus.OPEN:
        raise CoalitieFout(_("Deze uitnodiging is al beantwoord of ingetrokken."), status=409)
    return actueel


@transaction.atomic
def uitnodiging_opnieuw_versturen(*, uitnodiging: Uitnodiging, door: User) -> Uitnodiging:
    """A new link (the old one stops working) with a new expiry date."""
    uitnodiging = _open_uitnodiging(uitnodiging)
    _vereis_coalitiefase(uitnodiging.traject)
    token = secrets.token_urlsafe(32)
    nu = timezone.now()
    uitnodiging.token_hash = token_hash(token)
    uitnodiging.verloopt_op = nu + uitnodiging_geldigheid()
    uitnodiging.verzonden_op = nu
    uitnodiging.keer_verzonden += 1
    uitnodiging.save(update_fields=["token_hash", "verloopt_op", "verzonden_op", "keer_verzonden"])
    _uitnodiging_mailen(uitnodiging=uitnodiging, token=token, door=door)
    return uitnodiging


@transaction.atomic
def uitnodiging_intrekken(*, uitnodiging: Uitnodiging, door: User) -> Uitnodiging:
    uitnodiging = _open_uitnodiging(uitnodiging)
    _vereis_coalitiefase(
        uitnodiging.traject,
        _("Een uitnodiging intrekken kan alleen in de fase Vitale coalities."),
    )
    uitnodiging.status = UitnodigingStatus.INGETROKKEN
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["status", "beantwoord_op"])
    return uitnodiging


def uitnodiging_bij_token(token: str, *, lock: bool = False) -> Uitnodiging | None:
    if not token or len(token) > 200:
        return None
    qs = Uitnodiging.objects.select_related("traject", "traject__gemeente", "uitgenodigd_door")
    if lock:
        qs = qs.select_for_update(of=("self",))
    return qs.filter(token_hash=token_hash(token)).first()


def uitnodiging_bruikbaar(uitnodiging: Uitnodiging | None) -> str:
    """Why a link cannot be used (a code for the page), or ``""`` when it can."""
    if uitnodiging is None:
        return "onbekend"
    if uitnodiging.status == UitnodigingStatus.INGETROKKEN:
        return "ingetrokken"
    if uitnodiging.status != UitnodigingStatus.OPEN:
        return "gebruikt"
    if uitnodiging.verlopen:
        return "verlopen"
    if uitnodiging.traject.status != TrajectStatus.COALITIE:
        return "gesloten"
    return ""


def _betrokken_bij_uitnodiging(uitnodiging: Uitnodiging) -> list[User]:
    from initiatieven.selectors import initiatief_vertegenwoordiger

    ontvangers = []
    if uitnodiging.uitgenodigd_door and uitnodiging.uitgenodigd_door.is_active:
        ontvangers.append(uitnodiging.uitgenodigd_door)
    vertegenwoordiger = initiatief_vertegenwoordiger(traject=uitnodiging.traject)
    if vertegenwoordiger is not None:
        ontvangers.append(vertegenwoordiger)
    return ontvangers


@transaction.atomic
def uitnodiging_accepteren(
    *,
    token: str,
    organisatie: str,
    contactpersoon: str,
    rol: str,
    soort: str = "organisatie",
    rechtsvorm: str = "",
    kvk_nummer: str = "",
    telefoon: str = "",
    publiceren: bool = False,
    taal: str = "",
) -> Partner:
    """Accept: the invitee gets an account (without a password) and the partner role on this
    traject only. Raises ``CoalitieFout`` (status 410) when the link cannot be used."""
    uitnodiging = uitnodiging_bij_token(token, lock=True)
    reden = uitnodiging_bruikbaar(uitnodiging)
    if reden:
        raise CoalitieFout(_("Deze uitnodiging kan niet meer worden gebruikt."), status=410)
    traject = uitnodiging.traject
    gebruiker = gebruiker_voor_email(
        email=uitnodiging.email, naam=contactpersoon, taal=taal or translation.get_language()
    )
    if not gebruiker.is_active:
        raise CoalitieFout(_("Dit account is niet actief."), status=403)
    if Partner.objects.filter(
        traject=traject, gebruiker=gebruiker, status=PartnerStatus.BEVESTIGD
    ).exists():
        raise CoalitieFout(_("U bent al partner in deze coalitie."), status=409)
    partner = Partner(
        traject=traject,
        gebruiker=gebruiker,
        uitnodiging=uitnodiging,
        soort=soort,
        organisatie=organisatie.strip(),
        rechtsvorm=rechtsvorm.strip(),
        kvk_nummer=kvk_nummer.strip(),
        contactpersoon=contactpersoon.strip(),
        telefoon=telefoon.strip(),
        rol=rol,
        publiceren=publiceren,
    )
    try:
        partner.full_clean(exclude=["gebruiker", "uitnodiging", "traject"])
    except ValidationError as exc:
        raise CoalitieFout(" ".join(exc.messages)) from exc
    partner.save()
    uitnodiging.status = UitnodigingStatus.GEACCEPTEERD
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["status", "beantwoord_op"])
    rol_toekennen(traject=traject, user=gebruiker, rol=Rol.PARTNER)
    bericht_versturen(
        ontvangers=_betrokken_bij_uitnodiging(uitnodiging),
        soort=NotificatieSoort.COALITIE,
        sjabloon="coalities/mail/geaccepteerd",
        context={"traject": traject, "partner": partner},
        traject=traject,
        url=reverse("coalities:coalitie", kwargs={"pk": traject.pk}),
    )
    return partner


@transaction.atomic
def uitnodiging_afwijzen(*, token: str, reden: str = "") -> Uitnodiging:
    """Decline, with a reason if the invitee gives one; who invited and the initiative hear
    it once."""
    uitnodiging = uitnodiging_bij_token(token, lock=True)
    if uitnodiging_bruikbaar(uitnodiging):
        raise CoalitieFout(_("Deze uitnodiging kan niet meer worden gebruikt."), status=410)
    uitnodiging.status = UitnodigingStatus.AFGEWEZEN
    uitnodiging.afwijsreden = reden.strip()[:2000]
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["status", "afwijsreden", "beantwoord_op"])
    bericht_versturen(
        ontvangers=_betrokken_bij_uitnodiging(uitnodiging),
        soort=NotificatieSoort.COALITIE,
        sjabloon="coalities/mail/afgewezen",
        context={
            "traject": uitnodiging.traject,
            "uitnodiging": uitnodiging,
            "wie": op_een_regel(uitnodiging.organisatie or uitnodiging.naam or uitnodiging.email),
            "reden": geciteerd(uitnodiging.afwijsreden) if uitnodiging.afwijsreden else "",
        },
        traject=uitnodiging.traject,
        url=reverse("coalities:coalitie", kwargs={"pk": uitnodiging.traject_id}),
    )
    return uitnodiging


@transaction.atomic
def uitnodiging_vraag_stellen(*, token: str, vraag: str) -> Uitnodiging:
    """The invitee asks a question before answering: who invited and the initiative get it,
    with the address to answer to. The invitation stays open."""
    uitnodiging = uitnodiging_bij_token(token)
    if uitnodiging_bruikbaar(uitnodiging):
        raise CoalitieFout(_("Deze uitnodiging kan niet meer worden gebruikt."), status=410)
    vraag = vraag.strip()
    if not vraag:
        raise CoalitieFout(_("Typ uw vraag."))
    bericht_versturen(
        ontvangers=_betrokken_bij_uitnodiging(uitnodiging),
        soort=NotificatieSoort.COALITIE,
        sjabloon="coalities/mail/vraag",
        context={
            "traject": uitnodiging.traject,
            "uitnodiging": uitnodiging,
            "wie": op_een_regel(uitnodiging.naam or uitnodiging.organisatie or uitnodiging.email),
            "vraag": geciteerd(vraag[:2000]),
        },
        traject=uitnodiging.traject,
        url=reverse("coalities:coalitie", kwargs={"pk": uitnodiging.traject_id}),
    )
    return uitnodiging


@transaction.atomic
def partner_vertrekken(*, partner: Partner, door: User) -> Partner:
    """The partner leaves the coalition and loses its access to the traject at once."""
    partner = Partner.objects.select_for_update().select_related("traject").get(pk=partner.pk)
    if partner.status != PartnerStatus.BEVESTIGD:
        raise CoalitieFout(_("Deze partner is al vertrokken."), status=409)
    if partner.traject.status not in (TrajectStatus.COALITIE, TrajectStatus.ROUTE):
        raise CoalitieFout(
            _(
                "Vertrekken kan alleen in de fasen Vitale coalities en Routes naar de horizon. "
                "Neem contact op met de gemeente."
            ),
            status=409,
        )
    partner.status = PartnerStatus.VERTROKKEN
    partner.vertrokken_op = timezone.now()
    partner.save(update_fields=["status", "vertrokken_op"])
    rol_intrekken(traject=partner.traject, user=partner.gebruiker, rol=Rol.PARTNER)
    route = Route.objects.filter(traject=partner.traject).first()
    if route is not None:
        _concept_gewijzigd(
            route=route,
            wijziging=_("Partner %(naam)s heeft de coalitie verlaten.")
            % {"naam": partner.organisatie},
        )
    return partner


@transaction.atomic
def horizon_oordeel_geven(
    *, traject: Traject, door: User, versie: int, akkoord: bool, toelichting: str = ""
) -> Partner:
    """A confirmed partner says whether it agrees to the horizon's current ``versie``; not
    agreeing needs a reason. Who takes the next step (the initiative and the gemeente's
    officials) hears of an objection, and of the last agreement needed, once; any other
    agreement sends nothing (the coalition page shows it). The same answer given again changes
    nothing."""
    from initiatieven.models import Horizon
    from initiatieven.selectors import ambtenaren, initiatiefnemers

    partner = (
        Partner.objects.select_for_update()
        .filter(traject=traject, gebruiker=door, status=PartnerStatus.BEVESTIGD)
        .first()
    )
    if partner is None:
        raise CoalitieFout(_("U bent geen partner in deze coalitie."), status=403)
    traject = Traject.objects.get(pk=traject.pk)
    if traject.status != TrajectStatus.COALITIE:
        raise CoalitieFout(
            _("Op de stip aan de horizon reageren kan alleen in de fase Vitale coalities."),
            status=409,
        )
    horizon = Horizon.objects.filter(traject=traject).first()
    if horizon is None or horizon.versie != versie:
        raise CoalitieFout(
            _("De stip aan de horizon is intussen gewijzigd. Bekijk hem opnieuw."), status=409
        )
    toelichting = toelichting.strip()
    if not akkoord and not toelichting:
        raise CoalitieFout(_("Schrijf waarom u niet akkoord bent."))
    oordeel = HorizonOordeel.AKKOORD if akkoord else HorizonOordeel.BEZWAAR
    if (partner.horizon_oordeel, partner.horizon_versie, partner.horizon_toelichting) == (
        oordeel,
        versie,
        toelichting,
    ):
        return partner
    partner.horizon_oordeel, partner.horizon_versie = oordeel, versie
    partner.horizon_toelichting, partner.horizon_oordeel_op = toelichting, timezone.now()
    partner.save(
        update_fields=[
            "horizon_oordeel",
            "horizon_versie",
            "horizon_toelichting",
            "horizon_oordeel_op",
        ]
    )
    if akkoord and not selectors.partners_akkoord_met_horizon(traject=traject):
        return partner
    bericht_versturen(
        ontvangers=[*initiatiefnemers(traject=traject), *ambtenaren(gemeente=traject.gemeente)],
        soort=NotificatieSoort.HORIZON,
        sjabloon="coalities/mail/horizon_oordeel",
        context={"traject": traject, "partner": partner, "akkoord": akkoord},
        traject=traject,
        url=reverse("coalities:coalitie", kwargs={"pk": traject.pk}),
    )
    return partner


# --- the route --------------------------------------------------------------------------------


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


def partij_naam(partij_soort: str, partner: Partner | None = None) -> str:
    if partij_soort == PartijSoort.PARTNER and partner is not None:
        return partner.organisatie
    return str(PartijSoort(partij_soort).label)


def eigen_partijen(*, traject: Traject, user: User) -> list[tuple[str, Partner | None]]:
    """The parties ``user`` speaks for on ``traject``: the gemeente, the initiative, and/or
    the partner it represents."""
    partijen: list[tuple[str, Partner | None]] = []
    if heeft_rol(user, traject, Rol.AMBTENAAR):
        partijen.append((PartijSoort.GEMEENTE, None))
    if heeft_rol(user, traject, Rol.INITIATIEFNEMER):
        partijen.append((PartijSoort.INITIATIEF, None))
    if heeft_rol(user, traject, Rol.PARTNER):
        for partner in Partner.objects.filter(
            traject=traject, gebruiker=user, status=PartnerStatus.BEVESTIGD
        ):
            partijen.append((PartijSoort.PARTNER, partner))
    return partijen


def vereis_partij(
    *, traject: Traject, user: User, partij_soort: str, partner: Partner | None
) -> None:
    """Refuse (403) unless ``user`` speaks for this party."""
    if partij_soort not in PartijSoort.values:
        raise CoalitieFout(_("Deze partij bestaat niet."))
    if partij_soort == PartijSoort.PARTNER:
        toegestaan = (
            partner is not None
            and partner.traject_id == traject.pk
            and partner.gebruiker_id == user.pk
            and partner.status == PartnerStatus.BEVESTIGD
            and heeft_rol(user, traject, Rol.PARTNER)
        )
    elif partij_soort == PartijSoort.GEMEENTE:
        toegestaan = heeft_rol(user, traject, Rol.AMBTENAAR)
    else:
        toegestaan = heeft_rol(user, traject, Rol.INITIATIEFNEMER)
    if not toegestaan:
        raise CoalitieFout(_("U mag alleen voor uw eigen partij handelen."), status=403)


def _vereis_route_partij(*, traject: Traject, door: User, bericht: str) -> list:
    if traject.status != TrajectStatus.ROUTE:
        raise CoalitieFout(bericht, status=409)
    eigen = eigen_partijen(traject=traject, user=door)
    if not eigen:
        raise CoalitieFout(_("U hoort bij geen partij van deze route."), status=403)
    return eigen


@transaction.atomic
def route_akkoord_vragen(*, traject: Traject, door: User, toelichting: str = "") -> Route:
    """The draft is ready: freeze it as the next version (a snapshot with what changed), record
    the asking party's own agreement, and ask every other person involved once."""
    eigen = _vereis_route_partij(
        traject=traject,
        door=door,
        bericht=_("Akkoord vragen kan alleen in de fase Routes naar de horizon."),
    )
    route = Route.objects.select_for_update().get(pk=route_ophalen_of_maken(traject).pk)
    if not Mijlpaal.objects.filter(traject=traject).exists():
        raise CoalitieFout(_("Er is nog geen mijlpaal: er is nog niets om akkoord op te vragen."))
    if route.versie and not route.concept_gewijzigd:
        raise CoalitieFout(
            _(
                "Op deze versie is al akkoord gevraagd en er is sindsdien niets veranderd. "
                "Wijzig eerst de route, of wacht op de akkoorden."
            ),
            status=409,
        )
    regels = list(route.concept_wijzigingen)
    toelichting = toelichting.strip()
    route.versie += 1
    route.concept_gewijzigd = False
    route.concept_wijzigingen = []
    route.save(update_fields=["versie", "concept_gewijzigd", "concept_wijzigingen", "updated_at"])
    RouteVersie.objects.create(
        route=route,
        versie=route.versie,
        inhoud=route_inhoud(traject),
        wijziging="\n".join([*regels, toelichting] if toelichting else regels),
        gewijzigd_door=door,
    )
    for partij_soort, partner in eigen:
        RouteAkkoord.objects.get_or_create(
            route=route,
            versie=route.versie,
            partij_soort=partij_soort,
            partner=partner,
            defaults={"gegeven_door": door},
        )
    from aanbesteden.services import traject_betrokkenen

    bericht_versturen(
        ontvangers=[u for u in traject_betrokkenen(traject) if u.pk != door.pk],
        soort=NotificatieSoort.ROUTE,
        sjabloon="coalities/mail/akkoord_gevraagd",
        context={
            "traject": traject,
            "route": route,
            "wijzigingen": regels,
            "toelichting": geciteerd(toelichting) if toelichting else "",
            "door": op_een_regel(door),
            "partij": ", ".join(partij_naam(s, p) for s, p in eigen),
        },
        traject=traject,
        url=reverse("coalities:route", kwargs={"pk": traject.pk}),
    )
    return route


@transaction.atomic
def route_akkoord_geven(
    *,
    traject: Traject,
    door: User,
    partij_soort: str,
    partner: Partner | None = None,
    versie: int,
) -> RouteAkkoord:
    """Agreement in principle to version ``versie``: refused when the route changed since.

    Nobody is mailed for one party's agreement; when it is the last one needed, the officials
    (who take the next step) get one message."""
    if traject.status != TrajectStatus.ROUTE:
        raise CoalitieFout(
            _("Akkoord geven kan alleen in de fase Routes naar de horizon."), status=409
        )
    vereis_partij(traject=traject, user=door, partij_soort=partij_soort, partner=partner)
    route = Route.objects.select_for_update().get(pk=route_ophalen_of_maken(traject).pk)
    if not route.versie:
        raise CoalitieFout(
            _(
                "Er is nog geen akkoord gevraagd op de route: er is nog niets om akkoord op te "
                "geven."
            )
        )
    if route.versie != versie or route.concept_gewijzigd:
        raise CoalitieFout(
            _(
                "De route is intussen gewijzigd. Zodra iemand opnieuw akkoord vraagt, kunt u "
                "de nieuwe versie bekijken en akkoord geven."
            ),
            status=409,
        )
    partner = partner if partij_soort == PartijSoort.PARTNER else None
    akkoord, gemaakt = RouteAkkoord.objects.get_or_create(
        route=route,
        versie=route.versie,
        partij_soort=partij_soort,
        partner=partner,
        defaults={"gegeven_door": door},
    )
    if gemaakt and selectors.route_iedereen_akkoord(traject=traject, route=route):
        from aanbesteden.services import traject_betrokkenen

        bericht_versturen(
            ontvangers=[
                u
                for u in traject_betrokkenen(traject)
                if u.pk != door.pk and heeft_rol(u, traject, Rol.AMBTENAAR)
            ],
            soort=NotificatieSoort.ROUTE,
            sjabloon="coalities/mail/akkoord_rond",
            context={"traject": traject, "route": route},
            traject=traject,
            url=traject.get_absolute_url(),
        )
    return akkoord


def route_akkoorden_intrekken(*, traject: Traject, door: User | None, reden: str) -> bool:
    """Withdraw the agreements on the last version: the draft counts as changed (the data is
    kept), so a new version has to be asked and agreed to. No message: the step back that
    calls this tells everybody itself."""
    route = Route.objects.filter(traject=traject).first()
    if route is None or not RouteAkkoord.objects.filter(route=route, versie=route.versie).exists():
        return False
    _concept_gewijzigd(route=route, wijziging=reden)
    return True
