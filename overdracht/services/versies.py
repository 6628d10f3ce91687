"""Agreement versions: drawing one up from the traject's data, changing its texts and
clauses while it is a draft, fixing it (which names the signatories and has the PDF made),
and superseding it."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, TrajectStatus
from aanbesteden.models import Traject, User
from aanbesteden.permissions import is_ondertekenaar_van
from aanbesteden.werk import werk_inplannen

from .. import selectors
from ..constants import (
    PdfStatus,
    VersieStatus,
)
from ..models import Clausule, Ondertekening, OvereenkomstVersie, VersieClausule
from .fouten import OvereenkomstFout

TEKST_MAX = 20000


STANDAARD_TAAK_GEMEENTE = (
    "De gemeente blijft eindverantwoordelijk voor de wettelijke taken, het toezicht op de "
    "kwaliteit en de veiligheid, en voor het betalen van de afgesproken tranches."
)
STANDAARD_EXITPLAN = (
    "Elke partij kan de overeenkomst met drie maanden opzegging beëindigen na overleg. Bij "
    "beëindiging geeft het initiatief de overgenomen taak, de voorzieningen en de gegevens "
    "terug aan de gemeente. Tranches die zijn betaald voor mijlpalen die nog niet zijn "
    "gehaald, worden verrekend of terugbetaald."
)


@transaction.atomic
def versie_opstellen(*, traject: Traject, door: User | None = None) -> OvereenkomstVersie:
    """Draw up the next version from the traject's data. Texts and clauses of the version
    before are carried over; an open version is returned as it is."""
    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    lopend = selectors.huidige_versie(traject=traject)
    if lopend is not None:
        return lopend
    vorige = OvereenkomstVersie.objects.filter(traject=traject).order_by("-nummer").first()
    nummer = (
        OvereenkomstVersie.objects.filter(traject=traject).aggregate(m=Max("nummer"))["m"] or 0
    ) + 1
    startdatum, looptijd = selectors.standaard_looptijd(traject=traject)
    frequentie = traject.gemeente.evaluatie_frequentie
    versie = OvereenkomstVersie.objects.create(
        traject=traject,
        nummer=nummer,
        status=VersieStatus.CONCEPT,
        inhoud=selectors.overeenkomst_gegevens(traject=traject),
        startdatum=startdatum,
        looptijd_maanden=looptijd,
        evaluatie_frequentie=frequentie,
        eerste_evaluatie=selectors.eerste_evaluatie(startdatum, frequentie),
        taak_gemeente=vorige.taak_gemeente if vorige else STANDAARD_TAAK_GEMEENTE,
        exitplan=vorige.exitplan if vorige else STANDAARD_EXITPLAN,
    )
    if vorige is not None:
        VersieClausule.objects.bulk_create(
            [
                VersieClausule(
                    versie=versie,
                    bron_id=c.bron_id,
                    titel=c.titel,
                    tekst=c.tekst,
                    volgorde=c.volgorde,
                )
                for c in vorige.clausules.all()
            ]
        )
    return versie


def _vereis_overdrachtfase(traject_id: int) -> Traject:
    """Lock the traject and refuse unless it is in the phase formele overdracht: a page opened
    earlier may be sent after the traject moved on (or was withdrawn). The traject is locked
    before the version, in the order every transition locks them."""
    traject = Traject.objects.select_for_update().get(pk=traject_id)
    if traject.status != TrajectStatus.OVERDRACHT:
        raise OvereenkomstFout(_("Het traject is niet in de fase formele overdracht."))
    return traject


def _vereis_concept(versie: OvereenkomstVersie) -> OvereenkomstVersie:
    _vereis_overdrachtfase(versie.traject_id)
    versie = OvereenkomstVersie.objects.select_for_update().get(pk=versie.pk)
    if versie.status != VersieStatus.CONCEPT:
        raise OvereenkomstFout(
            _("Deze versie is al vastgesteld en kan niet meer worden gewijzigd.")
        )
    return versie


@transaction.atomic
def versie_wijzigen(
    *,
    versie: OvereenkomstVersie,
    door: User,
    startdatum: datetime.date,
    looptijd_maanden: int,
    evaluatie_frequentie: str,
    eerste_evaluatie: datetime.date,
    taak_gemeente: str,
    exitplan: str,
    wijzigingen: str = "",
) -> OvereenkomstVersie:
    versie = _vereis_concept(versie)
    if eerste_evaluatie < startdatum:
        raise OvereenkomstFout(_("De eerste evaluatie kan niet vóór de startdatum liggen."))
    versie.startdatum = startdatum
    versie.looptijd_maanden = looptijd_maanden
    versie.evaluatie_frequentie = evaluatie_frequentie
    versie.eerste_evaluatie = eerste_evaluatie
    versie.taak_gemeente = taak_gemeente
    versie.exitplan = exitplan
    versie.wijzigingen = wijzigingen
    versie.full_clean(exclude=["inhoud"])
    versie.save()
    return versie


@transaction.atomic
def versie_clausule_opslaan(
    *,
    versie: OvereenkomstVersie,
    door: User,
    titel: str,
    tekst: str,
    bron: Clausule | None = None,
    clausule: VersieClausule | None = None,
) -> VersieClausule:
    versie = _vereis_concept(versie)
    if bron is not None and bron.gemeente_id != versie.traject.gemeente_id:
        raise OvereenkomstFout(_("Deze clausule hoort niet bij deze gemeente."))
    if clausule is None:
        volgorde = (versie.clausules.aggregate(m=Max("volgorde"))["m"] or 0) + 1
        clausule = VersieClausule(versie=versie, bron=bron, volgorde=volgorde)
    elif clausule.versie_id != versie.pk:
        raise OvereenkomstFout(_("Deze clausule hoort niet bij deze versie."))
    clausule.titel, clausule.tekst = titel, tekst
    clausule.full_clean()
    clausule.save()
    return clausule


@transaction.atomic
def versie_clausule_verwijderen(*, clausule: VersieClausule, door: User) -> None:
    _vereis_concept(clausule.versie)
    clausule.delete()


@transaction.atomic
def versie_vaststellen(
    *, versie: OvereenkomstVersie, door: User, gemeente_ondertekenaar: User
) -> OvereenkomstVersie:
    """Fix the version: its content and hash are final, the signatories are named, and the
    PDF is made in the background."""
    from coalities.constants import PartnerStatus
    from coalities.models import Partner
    from initiatieven.models import Voorstel
    from initiatieven.selectors import initiatief_vertegenwoordiger

    versie = _vereis_concept(versie)
    traject = Traject.objects.select_related("gemeente").get(pk=versie.traject_id)
    if not is_ondertekenaar_van(gemeente_ondertekenaar, traject.gemeente_id):
        raise OvereenkomstFout(
            _("Deze ambtenaar is niet bevoegd om namens de gemeente te tekenen.")
        )
    vertegenwoordiger = initiatief_vertegenwoordiger(traject=traject)
    if vertegenwoordiger is None:
        raise OvereenkomstFout(_("Het initiatief heeft geen vertegenwoordiger die kan tekenen."))

    # The data as it is now, with the texts and clauses: this is what gets signed.
    clausules = list(versie.clausules.all())
    inhoud = selectors.overeenkomst_gegevens(traject=traject)
    inhoud.update(selectors.versie_teksten(versie))
    versie.inhoud = inhoud
    versie.inhoud_sha256 = selectors.inhoud_sha256(
        inhoud, [{"titel": c.titel, "tekst": c.tekst} for c in clausules]
    )
    versie.status = VersieStatus.VASTGESTELD
    versie.vastgesteld_op = timezone.now()
    versie.pdf_status = PdfStatus.BEZIG
    versie.pdf_fout = ""
    versie.save()

    initiatief_naam = inhoud["initiatief"]["naam"]
    voorstel = Voorstel.objects.filter(traject=traject).select_related("initiatief").first()
    initiatief = voorstel.initiatief if voorstel else None
    rijen = [
        Ondertekening(
            versie=versie,
            partij_soort=PartijSoort.INITIATIEF,
            ondertekenaar=vertegenwoordiger,
            naam=selectors.ondertekenaar_naam(gebruiker=vertegenwoordiger, initiatief=initiatief),
            namens=initiatief_naam,
        )
    ]
    for partner in Partner.objects.filter(
        traject=traject, status=PartnerStatus.BEVESTIGD
    ).select_related("gebruiker"):
        rijen.append(
            Ondertekening(
                versie=versie,
                partij_soort=PartijSoort.PARTNER,
                partner=partner,
                ondertekenaar=partner.gebruiker,
                naam=selectors.ondertekenaar_naam(gebruiker=partner.gebruiker, partner=partner),
                namens=partner.organisatie,
            )
        )
    rijen.append(
        Ondertekening(
            versie=versie,
            partij_soort=PartijSoort.GEMEENTE,
            ondertekenaar=gemeente_ondertekenaar,
            naam=selectors.ondertekenaar_naam(gebruiker=gemeente_ondertekenaar),
            namens=f"Gemeente {traject.gemeente.naam}",
        )
    )
    Ondertekening.objects.bulk_create(rijen)
    _na_commit_pdf(versie.pk)
    return versie


def _na_commit_pdf(versie_id: int) -> None:
    from ..tasks import overeenkomst_pdf_maken

    werk_inplannen(overeenkomst_pdf_maken, versie_id=versie_id)


@transaction.atomic
def versie_vervangen(*, traject: Traject, reden: str = "") -> OvereenkomstVersie | None:
    """The open version (if any) no longer counts: a next version will be drawn up."""
    versie = (
        OvereenkomstVersie.objects.select_for_update()
        .filter(traject=traject)
        .exclude(status=VersieStatus.VERVANGEN)
        .first()
    )
    if versie is None:
        return None
    versie.status = VersieStatus.VERVANGEN
    versie.vervangen_op = timezone.now()
    versie.vervangen_reden = reden[:5000]
    versie.save(update_fields=["status", "vervangen_op", "vervangen_reden"])
    return versie
