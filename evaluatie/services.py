"""Writes of phase 5: the schedule of evaluation moments, reminders sent exactly once, the
parties' contributions, and the decision that ends an evaluation."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import FREQUENTIE_MAANDEN, PartijSoort, TrajectStatus
from aanbesteden.fouten import Geweigerd
from aanbesteden.models import Traject, User
from aanbesteden.opmaak import maanden_later
from aanbesteden.services import TransitieGeweigerd, traject_transitie
from meldingen.berichten import bericht_versturen, een_bericht_per_persoon
from meldingen.constants import NotificatieSoort

from . import selectors
from .constants import Conclusie, HerinneringSoort, MomentStatus
from .models import (
    Besteding,
    Evaluatie,
    EvaluatieBijdrage,
    Evaluatiemoment,
    Exitplan,
    Herinnering,
    Meting,
    Verankering,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class EvaluatieFout(Geweigerd):
    """A write that may not happen (409); ``str(exc)`` (and ``.redenen``) are for the user."""

    status = 409


def vandaag() -> datetime.date:
    """Today's calendar date in the Netherlands (moments are due by the Dutch calendar)."""
    return timezone.now().astimezone(AMSTERDAM).date()


# --- the schedule -------------------------------------------------------------------------------


def schema_datums(
    *,
    startdatum: datetime.date,
    looptijd_maanden: int,
    frequentie: str,
    eerste_evaluatie: datetime.date | None = None,
) -> list[datetime.date]:
    """The dates of the evaluation moments for an agreement: the first evaluation (or one
    period after the start), then every period until the end of the agreement (inclusive).
    Each date is counted from the first one, so 31 January stays the end of each month."""
    maanden = FREQUENTIE_MAANDEN[frequentie]
    einde = maanden_later(startdatum, looptijd_maanden)
    eerste = eerste_evaluatie or maanden_later(startdatum, maanden)
    datums = []
    stap = 0
    while True:
        datum = maanden_later(eerste, stap * maanden)
        if datum > einde:
            break
        datums.append(datum)
        stap += 1
    return datums


@transaction.atomic
def momenten_plannen(*, traject: Traject) -> list[Evaluatiemoment]:
    """Plan the evaluation moments from the traject's sealed agreement (idempotent).

    Dates of the schedule from today on get a moment; a planned moment that already stands for
    a date (also when an official moved it, matched by its original date) is kept. Future,
    unfinished scheduled moments that the (new) agreement no longer has lapse. Finished
    moments, moments in the past and extra moments are left alone.
    """
    versie = selectors.verzegelde_versie(traject=traject)
    if versie is None:
        return []
    dag = vandaag()
    gewenst = {
        d
        for d in schema_datums(
            startdatum=versie.startdatum,
            looptijd_maanden=versie.looptijd_maanden,
            frequentie=versie.evaluatie_frequentie,
            eerste_evaluatie=versie.eerste_evaluatie,
        )
        if d >= dag
    }
    bestaand = list(
        Evaluatiemoment.objects.select_for_update().filter(
            traject=traject, extra=False, status=MomentStatus.GEPLAND
        )
    )
    gedekt = set()
    for moment in bestaand:
        schemadatum = moment.oorspronkelijk_op or moment.gepland_op
        if schemadatum in gewenst and schemadatum not in gedekt:
            gedekt.add(schemadatum)
        elif moment.gepland_op >= dag and not _heeft_evaluatie(moment):
            moment.status = MomentStatus.VERVALLEN
            moment.save(update_fields=["status"])
    Evaluatiemoment.objects.bulk_create(
        [Evaluatiemoment(traject=traject, gepland_op=d) for d in sorted(gewenst - gedekt)]
    )
    return list(
        Evaluatiemoment.objects.filter(traject=traject, status=MomentStatus.GEPLAND).order_by(
            "gepland_op", "pk"
        )
    )


def _heeft_evaluatie(moment: Evaluatiemoment) -> bool:
    return Evaluatie.objects.filter(moment=moment).exclude(conclusie="").exists()


@transaction.atomic
def momenten_laten_vervallen(*, traject: Traject) -> int:
    """A traject that ends keeps no planned moments: they lapse and get no reminders."""
    return Evaluatiemoment.objects.filter(traject=traject, status=MomentStatus.GEPLAND).update(
        status=MomentStatus.VERVALLEN
    )


def _datum_controleren(datum: datetime.date) -> None:
    if datum < vandaag():
        raise EvaluatieFout(_("Kies een datum vanaf vandaag."))
    if datum > maanden_later(vandaag(), 15 * 12):
        raise EvaluatieFout(_("Kies een datum binnen vijftien jaar."))


@transaction.atomic
def moment_verplaatsen(
    *, moment: Evaluatiemoment, datum: datetime.date, reden: str, door: User
) -> Evaluatiemoment:
    """Move a planned moment to ``datum``; its original date is kept, and the reminders start
    over for the new date."""
    moment = Evaluatiemoment.objects.select_for_update().get(pk=moment.pk)
    reden = (reden or "").strip()
    if moment.traject.status != TrajectStatus.EVALUATIE:
        raise EvaluatieFout(
            _("Een evaluatiemoment kan alleen in de fase evaluatie worden verplaatst.")
        )
    if moment.status != MomentStatus.GEPLAND:
        raise EvaluatieFout(_("Alleen een gepland moment kan verplaatst worden."))
    if not reden:
        raise EvaluatieFout(_("Geef een reden voor het verplaatsen."))
    _datum_controleren(datum)
    if datum == moment.gepland_op:
        raise EvaluatieFout(_("Dit moment staat al op die datum."))
    if moment.oorspronkelijk_op is None:
        moment.oorspronkelijk_op = moment.gepland_op
    moment.gepland_op = datum
    moment.verplaatst_reden = reden
    moment.save(update_fields=["gepland_op", "oorspronkelijk_op", "verplaatst_reden"])
    moment.herinneringen.all().delete()
    return moment


@transaction.atomic
def moment_toevoegen(*, traject: Traject, datum: datetime.date, door: User) -> Evaluatiemoment:
    if traject.status != TrajectStatus.EVALUATIE:
        raise EvaluatieFout(_("Een extra moment kan alleen in de fase evaluatie."))
    _datum_controleren(datum)
    if Evaluatiemoment.objects.filter(
        traject=traject, gepland_op=datum, status=MomentStatus.GEPLAND
    ).exists():
        raise EvaluatieFout(_("Op die datum staat al een evaluatiemoment."))
    return Evaluatiemoment.objects.create(traject=traject, gepland_op=datum, extra=True)


@transaction.atomic
def ical_sleutel_vernieuwen(*, user: User) -> str:
    """A new secret for the user's calendar feed; the old address stops working."""
    user.ical_sleutel = secrets.token_urlsafe(32)
    user.save(update_fields=["ical_sleutel"])
    return user.ical_sleutel


# --- reminders, exactly once --------------------------------------------------------------------


@dataclass(frozen=True)
class Verzonden:
    """A reminder sent by a scan (for the management command's report)."""

    moment_id: int
    traject: str
    gepland_op: datetime.date
    soort: str
    ontvangers: int


def herinneringen_versturen(*, dag: datetime.date | None = None) -> list[Verzonden]:
    """Send every reminder that is due today and was not sent yet; returns what was sent.

    Exactly once, also with two scans at the same time or a worker that dies halfway:

    * The due (moment, kind) pairs come from one query on the partial index of planned
      moments in a bounded date window, so the cost grows with the number due, not the total.
    * Each pair is handled in its OWN database transaction which (a) claims it by inserting
      the ``Herinnering`` row (unique per moment and kind, ``verzonden_op`` still empty),
      (b) writes the in-app notifications through ``bericht_versturen`` — whose mail task is
      only queued when this transaction commits — and (c) records ``verzonden_op`` and the
      number of recipients. Claim, notifications and record commit together or not at all.
    * A second scan that reaches the same pair blocks on the unique index until the first
      commits, then gets an ``IntegrityError`` and skips it (or finds the row and never tries).
      If the first rolls back (it crashed), the claim is gone and the second sends instead.
    * A crash before the commit therefore loses nothing: no notification, no queued mail, no
      claim — the next scan (beat, or the redelivered ``acks_late`` task) sends it. A crash
      after the commit resends nothing: the row exists. The mail itself is sent by
      ``aanbesteden.tasks.notificatie_mailen``, exactly once per notification (its
      ``gemaild_op`` flag, row lock and ``acks_late``).
    """
    dag = dag or vandaag()
    verzonden = []
    for moment, soort in selectors.te_herinneren(dag=dag):
        resultaat = _herinnering_versturen(moment_id=moment.pk, soort=soort, dag=dag)
        if resultaat is not None:
            verzonden.append(resultaat)
    return verzonden


def _herinnering_versturen(*, moment_id: int, soort: str, dag: datetime.date) -> Verzonden | None:
    try:
        with transaction.atomic():
            herinnering = Herinnering.objects.create(moment_id=moment_id, soort=soort)  # claim
            moment = (
                Evaluatiemoment.objects.select_for_update(of=("self",))
                .select_related("traject__gemeente")
                .get(pk=moment_id)
            )
            if (
                moment.status != MomentStatus.GEPLAND
                or moment.traject.status != TrajectStatus.EVALUATIE
                or selectors.herinnering_soort(gepland_op=moment.gepland_op, dag=dag) != soort
            ):
                # Moved or ended between the scan's read and this claim: nothing to send.
                transaction.set_rollback(True)
                return None
            ontvangers = _herinnering_melden(moment=moment, soort=soort, dag=dag)
            _herinnering_vastleggen(herinnering=herinnering, aantal=len(ontvangers))
    except IntegrityError:
        return None  # another scan claimed (and sent) this one
    return Verzonden(
        moment_id=moment.pk,
        traject=moment.traject.titel,
        gepland_op=moment.gepland_op,
        soort=soort,
        ontvangers=len(ontvangers),
    )


def _herinnering_melden(*, moment: Evaluatiemoment, soort: str, dag: datetime.date) -> list[User]:
    traject = moment.traject
    if soort == HerinneringSoort.ESCALATIE:
        ontvangers = selectors.ambtenaren(traject=traject)
        sjabloon = "evaluatie/mail/escalatie"
    else:
        ontvangers = selectors.partijen(traject=traject)
        sjabloon = "evaluatie/mail/herinnering"
    bericht_versturen(
        ontvangers=ontvangers,
        soort=NotificatieSoort.EVALUATIE,
        sjabloon=sjabloon,
        context={
            "traject": traject,
            "moment": moment,
            "soort": soort,
            "dagen": (moment.gepland_op - dag).days,
            "dagen_te_laat": (dag - moment.gepland_op).days,
        },
        traject=traject,
        url=reverse("evaluatie:moment", kwargs={"pk": traject.pk, "moment": moment.pk}),
    )
    return ontvangers


def _herinnering_vastleggen(*, herinnering: Herinnering, aantal: int) -> None:
    herinnering.verzonden_op = timezone.now()
    herinnering.aantal_ontvangers = min(aantal, 32767)
    herinnering.save(update_fields=["verzonden_op", "aantal_ontvangers"])


# --- the evaluation -----------------------------------------------------------------------------


def _open_evaluatie(moment: Evaluatiemoment) -> Evaluatie:
    if moment.traject.status != TrajectStatus.EVALUATIE:
        raise EvaluatieFout(_("Dit traject is niet in de fase evaluatie."))
    if moment.status != MomentStatus.GEPLAND:
        raise EvaluatieFout(_("Dit evaluatiemoment is al afgerond of vervallen."))
    evaluatie, _created = Evaluatie.objects.select_for_update().get_or_create(moment=moment)
    if evaluatie.besloten_op:
        raise EvaluatieFout(_("Over deze evaluatie is al besloten."))
    return evaluatie


@transaction.atomic
def bijdrage_indienen(
    *,
    moment: Evaluatiemoment,
    door: User,
    partner=None,
    metingen: dict[int, tuple[Decimal, str, datetime.date]],
    bestedingen: dict[int, tuple[Decimal, str]],
    wat_ging_goed: str,
    wat_kan_beter: str,
) -> EvaluatieBijdrage:
    """Save and submit one party's part: the initiative's (``partner=None``) or a partner's.

    ``metingen`` maps indicator id to (value, source, date), ``bestedingen`` tranche id to
    (amount, note); ids of another traject are refused."""
    evaluatie = _open_evaluatie(moment)
    traject = moment.traject
    indicatoren = {i.pk for i in selectors.indicatoren(traject=traject)}
    tranches = {t.pk for t in selectors.tranches(traject=traject)}
    if set(metingen) - indicatoren or set(bestedingen) - tranches:
        raise EvaluatieFout(_("Een indicator of tranche hoort niet bij dit traject."))
    soort = PartijSoort.PARTNER if partner is not None else PartijSoort.INITIATIEF
    bijdrage, _created = EvaluatieBijdrage.objects.select_for_update().get_or_create(
        evaluatie=evaluatie, partij_soort=soort, partner=partner
    )
    bijdrage.ingevuld_door = door
    bijdrage.wat_ging_goed = wat_ging_goed
    bijdrage.wat_kan_beter = wat_kan_beter
    bijdrage.ingediend_op = timezone.now()
    bijdrage.save()
    bijdrage.metingen.all().delete()
    Meting.objects.bulk_create(
        Meting(bijdrage=bijdrage, indicator_id=i, waarde=w, bron=b, gemeten_op=d)
        for i, (w, b, d) in metingen.items()
    )
    bijdrage.bestedingen.all().delete()
    Besteding.objects.bulk_create(
        Besteding(bijdrage=bijdrage, tranche_id=t, bedrag=b, toelichting=tl)
        for t, (b, tl) in bestedingen.items()
    )
    return bijdrage


@transaction.atomic
def visie_opslaan(*, moment: Evaluatiemoment, door: User, visie: str) -> Evaluatie:
    evaluatie = _open_evaluatie(moment)
    evaluatie.visie_gemeente = visie
    evaluatie.save(update_fields=["visie_gemeente"])
    return evaluatie


@transaction.atomic
def verankering_opslaan(
    *, traject: Traject, wijze: str, omschrijving: str, ingangsdatum: datetime.date
) -> Verankering:
    if traject.status != TrajectStatus.EVALUATIE:
        raise EvaluatieFout(_("Dit traject is niet in de fase evaluatie."))
    verankering, _created = Verankering.objects.update_or_create(
        traject=traject,
        defaults={"wijze": wijze, "omschrijving": omschrijving, "ingangsdatum": ingangsdatum},
    )
    return verankering


@transaction.atomic
def exitplan_opslaan(*, traject: Traject, **velden) -> Exitplan:
    if traject.status != TrajectStatus.EVALUATIE:
        raise EvaluatieFout(_("Dit traject is niet in de fase evaluatie."))
    exitplan, _created = Exitplan.objects.update_or_create(traject=traject, defaults=velden)
    if exitplan.compleet and exitplan.afgerond_op is None:
        exitplan.afgerond_op = timezone.now()
        exitplan.save(update_fields=["afgerond_op"])
    elif not exitplan.compleet and exitplan.afgerond_op is not None:
        exitplan.afgerond_op = None
        exitplan.save(update_fields=["afgerond_op"])
    return exitplan


#: The transition each decision fires (``doorgaan`` keeps the traject where it is).
CONCLUSIE_TRANSITIE = {
    Conclusie.BIJSTUREN: "bijsturen",
    Conclusie.VERANKEREN: "verankeren",
    Conclusie.BEEINDIGEN: "beeindigen",
}


def besluit_ontbrekend(*, moment: Evaluatiemoment, conclusie: str, ontbrekend_reden: str):
    """What is still missing before ``conclusie`` may be recorded (messages for the user)."""
    redenen = []
    traject = moment.traject
    if selectors.ontbrekende_partijen(moment=moment) and not ontbrekend_reden.strip():
        redenen.append(
            _(
                "Nog niet alle partijen hebben hun deel ingediend. Wacht daarop, of leg uit "
                "waarom u toch besluit."
            )
        )
    if conclusie == Conclusie.VERANKEREN and not Verankering.objects.filter(traject=traject):
        redenen.append(_("Beschrijf eerst hoe de taak wordt verankerd."))
    if conclusie == Conclusie.BEEINDIGEN:
        exitplan = Exitplan.objects.filter(traject=traject).first()
        if exitplan is None or not exitplan.compleet:
            redenen.append(
                _(
                    "Maak eerst het exitplan compleet: sleutels, bezittingen en gegevens terug, "
                    "en het geld afgerekend."
                )
            )
    return redenen


@transaction.atomic
def evaluatie_besluiten(
    *,
    moment: Evaluatiemoment,
    door: User,
    conclusie: str,
    toelichting: str,
    ontbrekend_reden: str = "",
) -> Evaluatie:
    """Record the joint conclusion and carry it out: the moment is finished and, except for
    ``doorgaan``, the traject moves (through ``traject_transitie``). All or nothing."""
    if conclusie not in Conclusie.values:
        raise EvaluatieFout(_("Kies een besluit."))
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise EvaluatieFout(_("Licht het besluit toe."))
    moment = Evaluatiemoment.objects.select_for_update().get(pk=moment.pk)
    evaluatie = _open_evaluatie(moment)
    redenen = besluit_ontbrekend(
        moment=moment, conclusie=conclusie, ontbrekend_reden=ontbrekend_reden or ""
    )
    if redenen:
        raise EvaluatieFout(_("Dit besluit kan nog niet."), redenen=redenen)
    nu = timezone.now()
    evaluatie.conclusie = conclusie
    evaluatie.toelichting = toelichting
    evaluatie.ontbrekend_reden = (ontbrekend_reden or "").strip()
    evaluatie.besloten_op = nu
    evaluatie.besloten_door = door
    evaluatie.save()
    moment.status = MomentStatus.AFGEROND
    moment.afgerond_op = nu
    moment.save(update_fields=["status", "afgerond_op"])
    traject = Traject.objects.select_related("gemeente").get(pk=moment.traject_id)
    ontvangers = [
        u
        for u in [*selectors.partijen(traject=traject), *selectors.ambtenaren(traject=traject)]
        if u.pk != door.pk
    ]
    # One message for the decision: the decision itself, first; the step it makes the
    # traject take (anchored, back to the route, ended) tells nobody again.
    with een_bericht_per_persoon():
        bericht_versturen(
            ontvangers=ontvangers,
            soort=NotificatieSoort.EVALUATIE,
            sjabloon="evaluatie/mail/besluit",
            context={"traject": traject, "moment": moment, "evaluatie": evaluatie, "door": door},
            traject=traject,
            url=reverse("evaluatie:moment", kwargs={"pk": traject.pk, "moment": moment.pk}),
        )
        transitie = CONCLUSIE_TRANSITIE.get(conclusie)
        if transitie:
            try:
                traject_transitie(
                    traject=traject, transitie=transitie, door=door, motivatie=toelichting
                )
            except TransitieGeweigerd as exc:
                raise EvaluatieFout(exc.bericht, redenen=exc.redenen) from exc
    return evaluatie
