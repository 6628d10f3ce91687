"""Writes of phase 4: drawing up agreement versions, clauses, fixing, the PDF, signing,
refusing, sealing and superseding."""

from __future__ import annotations

import datetime
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aanbesteden.constants import PartijSoort, TrajectStatus
from aanbesteden.fouten import Geweigerd
from aanbesteden.models import Traject, User
from aanbesteden.pdf import html_naar_pdf, qr_data_uri, sha256_hex
from aanbesteden.permissions import is_ondertekenaar_van, mag
from aanbesteden.werk import werk_inplannen, werk_opnieuw
from accounts.constants import InlogMiddel
from meldingen.berichten import bericht_versturen, een_bericht_per_persoon
from meldingen.constants import NotificatieSoort

from . import selectors
from .constants import (
    INSTEMMINGSTEKST,
    NAAR_EVALUATIE,
    STANDAARD_CLAUSULES,
    PdfStatus,
    VersieStatus,
)
from .models import Clausule, Ondertekening, OvereenkomstVersie, VersieClausule

TEKST_MAX = 20000

log = logging.getLogger(__name__)


class OvereenkomstFout(Geweigerd):
    """A step on an agreement that may not happen now; ``str(exc)`` is for the user."""


# --- the clause library -----------------------------------------------------------------------
def _vereis_beheerder(*, door: User, gemeente) -> None:
    if not mag(door, "gemeente.beheerder", gemeente):
        raise OvereenkomstFout(_("Alleen een beheerder van de gemeente mag dit."))


@transaction.atomic
def clausule_opslaan(
    *,
    gemeente,
    door: User,
    soort: str,
    titel: str,
    tekst: str,
    actief: bool = True,
    clausule: Clausule | None = None,
) -> Clausule:
    _vereis_beheerder(door=door, gemeente=gemeente)
    if clausule is None:
        clausule = Clausule(gemeente=gemeente)
    elif clausule.gemeente_id != gemeente.pk:
        raise OvereenkomstFout(_("Deze clausule hoort niet bij deze gemeente."))
    clausule.soort, clausule.titel, clausule.tekst, clausule.actief = soort, titel, tekst, actief
    clausule.full_clean()
    clausule.save()
    return clausule


@transaction.atomic
def standaardclausules_aanmaken(*, gemeente) -> int:
    """Give a gemeente a starting library (only when it has none)."""
    if Clausule.objects.filter(gemeente=gemeente).exists():
        return 0
    Clausule.objects.bulk_create(
        [Clausule(gemeente=gemeente, soort=s, titel=t, tekst=x) for s, t, x in STANDAARD_CLAUSULES]
    )
    return len(STANDAARD_CLAUSULES)


# --- drawing up a version ---------------------------------------------------------------------
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


# --- fixing a version -------------------------------------------------------------------------
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
    from .tasks import overeenkomst_pdf_maken

    werk_inplannen(overeenkomst_pdf_maken, versie_id=versie_id)


@transaction.atomic
def versie_pdf_opnieuw(*, versie: OvereenkomstVersie, door: User) -> OvereenkomstVersie:
    """Try a failed PDF (or seal) again, or one that is overdue (still "being made" longer
    than ``WERK_TE_LAAT_NA`` seconds: a worker was killed, the broker lost it)."""
    from .tasks import overeenkomst_pdf_maken, overeenkomst_verzegelen

    _vereis_overdrachtfase(versie.traject_id)
    versie = OvereenkomstVersie.objects.select_for_update().get(pk=versie.pk)
    te_laat = versie.werk_te_laat
    if versie.status == VersieStatus.VASTGESTELD and (
        versie.pdf_status == PdfStatus.MISLUKT or te_laat
    ):
        versie.pdf_status, versie.pdf_fout = PdfStatus.BEZIG, ""
        versie.save(update_fields=["pdf_status", "pdf_fout"])
        werk_opnieuw(overeenkomst_pdf_maken, versie_id=versie.pk)
    elif versie.status == VersieStatus.ONDERTEKEND and (
        versie.verzegeld_status == PdfStatus.MISLUKT or te_laat
    ):
        versie.verzegeld_status, versie.pdf_fout = PdfStatus.BEZIG, ""
        versie.save(update_fields=["verzegeld_status", "pdf_fout"])
        werk_opnieuw(overeenkomst_verzegelen, versie_id=versie.pk)
    else:
        raise OvereenkomstFout(_("Er is niets om opnieuw te proberen."))
    return versie


# --- rendering ----------------------------------------------------------------------------------
def versie_html(versie: OvereenkomstVersie, *, met_handtekeningen: bool = False) -> str:
    """The agreement as a full HTML document (always Dutch: the language of the agreement)."""
    with translation.override("nl"):
        context = {
            "versie": versie,
            "i": versie.inhoud,
            "clausules": list(versie.clausules.all()),
            "ondertekeningen": list(versie.ondertekeningen.order_by("pk"))
            if met_handtekeningen
            else [],
            "met_handtekeningen": met_handtekeningen,
            "controle_url": selectors.controle_url(),
            "controle_qr": qr_data_uri(selectors.controle_url()),
        }
        return render_to_string("overdracht/pdf/overeenkomst.html", context)


def versie_pdf_renderen(versie: OvereenkomstVersie, *, met_handtekeningen: bool = False) -> bytes:
    return html_naar_pdf(versie_html(versie, met_handtekeningen=met_handtekeningen))


def versie_pdf_maken(*, versie_id: int) -> bool:
    """Render the fixed version's PDF once. Returns whether a file was made now; running it
    again for the same version makes no second file (the row is locked and its status read)."""
    with transaction.atomic():
        versie = (
            OvereenkomstVersie.objects.select_for_update()
            .select_related("traject__gemeente")
            .filter(pk=versie_id)
            .first()
        )
        if versie is None or versie.status != VersieStatus.VASTGESTELD:
            return False
        if versie.pdf_status == PdfStatus.KLAAR and versie.pdf and versie.pdf_sha256:
            return False
        data = versie_pdf_renderen(versie)
        sha = sha256_hex(data)
        versie.pdf.save(
            f"overeenkomst-{versie.traject_id}-v{versie.nummer}-{sha[:12]}.pdf",
            ContentFile(data),
            save=False,
        )
        versie.pdf_sha256 = sha
        versie.pdf_status = PdfStatus.KLAAR
        versie.pdf_fout = ""
        versie.save(update_fields=["pdf", "pdf_sha256", "pdf_status", "pdf_fout"])
        _tekenverzoek_sturen(versie)
    return True


def versie_pdf_mislukt(*, versie_id: int, reden: str, verzegelen: bool = False) -> None:
    """Record that the PDF (or seal) failed for good, with the reason for the official."""
    with transaction.atomic():
        versie = OvereenkomstVersie.objects.select_for_update().filter(pk=versie_id).first()
        if versie is None:
            return
        if verzegelen:
            versie.verzegeld_status = PdfStatus.MISLUKT
        else:
            versie.pdf_status = PdfStatus.MISLUKT
        versie.pdf_fout = (reden or _("Onbekende fout"))[:2000]
        versie.save(update_fields=["pdf_status", "verzegeld_status", "pdf_fout"])


def _versie_url(versie: OvereenkomstVersie) -> str:
    return reverse("overdracht:versie", kwargs={"pk": versie.traject_id, "nummer": versie.nummer})


def _tekenverzoek_sturen(versie: OvereenkomstVersie) -> None:
    for ondertekening in versie.ondertekeningen.select_related("ondertekenaar").filter(
        getekend_op__isnull=True, geweigerd_op__isnull=True
    ):
        bericht_versturen(
            ontvangers=[ondertekening.ondertekenaar],
            soort=NotificatieSoort.OVERDRACHT,
            sjabloon="overdracht/mail/tekenen",
            context={"versie": versie, "traject": versie.traject, "ondertekening": ondertekening},
            traject=versie.traject,
            url=reverse(
                "overdracht:tekenen",
                kwargs={"pk": versie.traject_id, "nummer": versie.nummer, "id": ondertekening.pk},
            ),
        )


# --- signing and refusing ---------------------------------------------------------------------
def instemmingstekst(ondertekening: Ondertekening, versie: OvereenkomstVersie) -> str:
    return str(INSTEMMINGSTEKST) % {
        "nummer": versie.nummer,
        "sha": versie.pdf_sha256,
        "namens": ondertekening.namens,
    }


def _naam_gelijk(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def ondertekening_tekenen(
    *,
    ondertekening_id: int,
    door: User,
    ip_adres: str | None,
    getypte_naam: str,
    pdf_sha256: str,
    identiteit: dict | None = None,
) -> tuple[Ondertekening, bool]:
    """Sign. Returns ``(ondertekening, nieuw)``; a second click returns ``nieuw=False`` and
    changes nothing. The version's row is locked, so concurrent signatures are serialised and
    exactly one of them sees that it is the last.

    ``identiteit`` is what the signatory's session proved (``accounts.oidc.sessie_identiteit``):
    its means, level of assurance and, with eHerkenning, KvK number and organisation. It is
    recorded with the signature; when the gemeente asks a checked identity, a missing, stale
    or unfitting one (another means, another KvK number) is refused with the reason."""
    with transaction.atomic():
        basis = (
            Ondertekening.objects.filter(pk=ondertekening_id)
            .values("versie_id", "versie__traject_id")
            .first()
        )
        if basis is None:
            raise OvereenkomstFout(_("Deze ondertekening bestaat niet."))
        traject = Traject.objects.select_for_update().get(pk=basis["versie__traject_id"])
        versie = (
            OvereenkomstVersie.objects.select_for_update()
            .select_related("traject")
            .get(pk=basis["versie_id"])
        )
        ondertekening = Ondertekening.objects.select_for_update().get(pk=ondertekening_id)
        if ondertekening.ondertekenaar_id != door.pk:
            raise OvereenkomstFout(_("U bent niet de ondertekenaar van deze partij."))
        if ondertekening.getekend_op is not None:
            return ondertekening, False
        if traject.status != TrajectStatus.OVERDRACHT:
            raise OvereenkomstFout(_("Het traject is niet in de fase formele overdracht."))
        if versie.status == VersieStatus.VERVANGEN:
            raise OvereenkomstFout(
                _("Deze versie is vervangen door een nieuwere. Uw handtekening telt hier niet.")
            )
        if ondertekening.geweigerd_op is not None:
            raise OvereenkomstFout(_("U hebt deze versie geweigerd."))
        if versie.status != VersieStatus.VASTGESTELD or versie.pdf_status != PdfStatus.KLAAR:
            raise OvereenkomstFout(_("Deze versie is nog niet klaar om te tekenen."))
        if pdf_sha256 != versie.pdf_sha256:
            raise OvereenkomstFout(
                _("Het document is veranderd sinds u het opende. Bekijk de PDF opnieuw.")
            )
        identiteit = dict(identiteit or {})
        _identiteit_controleren(ondertekening, traject, identiteit)
        getypte_naam = " ".join((getypte_naam or "").split())
        if not ondertekening.naam:
            # Nobody named this signatory yet: the name typed now is theirs, kept with the
            # account so they are asked once.
            if not selectors.is_een_naam(getypte_naam):
                raise OvereenkomstFout(
                    _("Typ uw voor- en achternaam. Een e-mailadres is geen naam.")
                )
            ondertekening.naam = getypte_naam[:200]
            if not selectors.is_een_naam(door.naam):
                User.objects.filter(pk=door.pk).update(naam=getypte_naam[:200])
                door.naam = getypte_naam[:200]
        elif not _naam_gelijk(getypte_naam, ondertekening.naam):
            raise OvereenkomstFout(
                _("Typ uw naam precies zoals hierboven: %(naam)s.") % {"naam": ondertekening.naam}
            )
        ondertekening.getekend_op = timezone.now()
        ondertekening.middel = identiteit.get("middel", "")
        ondertekening.betrouwbaarheidsniveau = str(identiteit.get("niveau") or "")[:200]
        if identiteit.get("middel") == InlogMiddel.EHERKENNING:
            ondertekening.gecontroleerd_kvk_nummer = str(identiteit.get("kvk") or "")[:8]
            ondertekening.gecontroleerde_organisatie = str(identiteit.get("organisatie") or "")[
                :200
            ]
        ondertekening.ip_adres = ip_adres or None
        ondertekening.instemmingstekst = instemmingstekst(ondertekening, versie)
        ondertekening.pdf_sha256 = versie.pdf_sha256
        try:
            with transaction.atomic():
                ondertekening.save()
        except IntegrityError as exc:  # pragma: no cover - guarded by the lock above
            raise OvereenkomstFout(_("Uw handtekening kon niet worden opgeslagen.")) from exc
        open_rijen = versie.ondertekeningen.filter(getekend_op__isnull=True).exists()
        if not open_rijen:
            versie.status = VersieStatus.ONDERTEKEND
            versie.verzegeld_status = PdfStatus.BEZIG
            versie.save(update_fields=["status", "verzegeld_status"])
            _allen_getekend(versie)
    return ondertekening, True


def _identiteit_controleren(
    ondertekening: Ondertekening, traject: Traject, identiteit: dict
) -> None:
    """Refuse, with a plain reason, a signature without the identity the gemeente asks."""
    from accounts.oidc import identiteit_vers

    vereist = selectors.vereist_middel(ondertekening, traject)
    if vereist is None:
        return
    middel, kvk = vereist
    naam = InlogMiddel(middel).label
    if identiteit.get("middel") != middel or identiteit.get("gebruiker") != (
        ondertekening.ondertekenaar_id
    ):
        if middel == InlogMiddel.SSO:
            raise OvereenkomstFout(
                _(
                    "De gemeente vraagt dat u tekent nadat u bent ingelogd via de inlogdienst "
                    "van uw organisatie (SSO). Log daarmee in en teken daarna."
                )
            )
        if middel == InlogMiddel.EHERKENNING:
            raise OvereenkomstFout(
                _(
                    "De gemeente vraagt dat u namens %(namens)s tekent met eHerkenning. Log in "
                    "met eHerkenning en teken daarna."
                )
                % {"namens": ondertekening.namens}
            )
        raise OvereenkomstFout(
            _("De gemeente vraagt dat u tekent met DigiD. Log in met DigiD en teken daarna.")
        )
    if not identiteit_vers(identiteit):
        raise OvereenkomstFout(
            _(
                "U logde te lang geleden in met %(middel)s. Log opnieuw in met %(middel)s en "
                "teken daarna."
            )
            % {"middel": naam}
        )
    if kvk and identiteit.get("kvk") != kvk:
        raise OvereenkomstFout(
            _(
                "U bent met eHerkenning ingelogd voor KvK-nummer %(ingelogd)s, maar "
                "%(namens)s heeft KvK-nummer %(kvk)s. Log in met eHerkenning voor die "
                "organisatie."
            )
            % {
                "ingelogd": identiteit.get("kvk") or "?",
                "namens": ondertekening.namens,
                "kvk": kvk,
            }
        )


def _allen_getekend(versie: OvereenkomstVersie) -> None:
    from .tasks import overeenkomst_verzegelen

    # No message of its own: the sealed PDF follows at once, mailed to everybody involved
    # (one mail for this decision, see docs/mailbudget.md).
    werk_inplannen(overeenkomst_verzegelen, versie_id=versie.pk)


@transaction.atomic
def ondertekening_weigeren(*, ondertekening_id: int, door: User, reden: str) -> Ondertekening:
    """Refuse to sign, with a reason: the version is superseded and the traject goes back to
    the route (through the state machine)."""
    from aanbesteden.services import TransitieGeweigerd, traject_betrokkenen, traject_transitie

    reden = (reden or "").strip()
    if not reden:
        raise OvereenkomstFout(_("Geef een reden waarom u niet tekent."))
    basis = (
        Ondertekening.objects.filter(pk=ondertekening_id)
        .values("versie_id", "versie__traject_id")
        .first()
    )
    if basis is None:
        raise OvereenkomstFout(_("Deze ondertekening bestaat niet."))
    traject = Traject.objects.select_for_update().get(pk=basis["versie__traject_id"])
    versie = OvereenkomstVersie.objects.select_for_update().get(pk=basis["versie_id"])
    ondertekening = Ondertekening.objects.select_for_update().get(pk=ondertekening_id)
    if ondertekening.ondertekenaar_id != door.pk:
        raise OvereenkomstFout(_("U bent niet de ondertekenaar van deze partij."))
    if traject.status != TrajectStatus.OVERDRACHT:
        raise OvereenkomstFout(_("Het traject is niet in de fase formele overdracht."))
    if versie.status != VersieStatus.VASTGESTELD:
        raise OvereenkomstFout(_("Deze versie kan niet meer worden geweigerd."))
    if ondertekening.getekend_op is not None:
        raise OvereenkomstFout(_("U hebt deze versie al ondertekend."))
    if ondertekening.geweigerd_op is not None:
        return ondertekening
    ondertekening.geweigerd_op = timezone.now()
    ondertekening.weigerreden = reden[:5000]
    ondertekening.save(update_fields=["geweigerd_op", "weigerreden"])
    betrokkenen = traject_betrokkenen(traject)
    # One message for the refusal, first; the step back to the route tells nobody again.
    with een_bericht_per_persoon():
        bericht_versturen(
            ontvangers=[u for u in betrokkenen if u.pk != door.pk],
            soort=NotificatieSoort.OVERDRACHT,
            sjabloon="overdracht/mail/geweigerd",
            context={"versie": versie, "traject": traject, "ondertekening": ondertekening},
            traject=traject,
            url=traject.get_absolute_url(),
        )
        try:
            traject_transitie(
                traject=traject,
                transitie="terug_naar_route",
                door=door,
                motivatie=reden[:5000],
                controleer_rechten=False,
            )
        except TransitieGeweigerd as exc:
            raise OvereenkomstFout(exc.bericht) from exc
    return ondertekening


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


# --- sealing ------------------------------------------------------------------------------------
def versie_verzegelen(*, versie_id: int, doorzetten: bool = True) -> bool:
    """Make the final PDF (agreement plus signature page), seal it with the platform's
    certificate, mail it to everybody involved, and move the traject on to evaluatie.

    Returns whether it was sealed now (a second run does nothing)."""
    from aanbesteden.services import traject_betrokkenen

    from . import zegel

    with transaction.atomic():
        versie = (
            OvereenkomstVersie.objects.select_for_update()
            .select_related("traject__gemeente")
            .filter(pk=versie_id)
            .first()
        )
        if versie is None or versie.status != VersieStatus.ONDERTEKEND:
            return False
        data = zegel.pdf_verzegelen(versie_pdf_renderen(versie, met_handtekeningen=True))
        sha = sha256_hex(data)
        versie.verzegeld_pdf.save(
            f"overeenkomst-{versie.traject_id}-v{versie.nummer}-verzegeld-{sha[:12]}.pdf",
            ContentFile(data),
            save=False,
        )
        versie.verzegeld_sha256 = sha
        versie.verzegeld_status = PdfStatus.KLAAR
        versie.verzegeld_op = timezone.now()
        versie.status = VersieStatus.VERZEGELD
        versie.pdf_fout = ""
        versie.save()

        traject = versie.traject
        ondertekenaars = [
            o.ondertekenaar for o in versie.ondertekeningen.select_related("ondertekenaar")
        ]
        ontvangers = {u.pk: u for u in [*traject_betrokkenen(traject), *ondertekenaars]}
        # The core mails attachments from this process after the commit (not through the
        # broker), once per notification, in each recipient's language. This is the one
        # message of the decision: the step on to evaluatie below tells nobody again.
        with een_bericht_per_persoon():
            bericht_versturen(
                ontvangers=ontvangers.values(),
                soort=NotificatieSoort.OVERDRACHT,
                sjabloon="overdracht/mail/verzegeld",
                context={"versie": versie, "traject": traject},
                traject=traject,
                url=_versie_url(versie),
                bijlagen=[
                    (
                        f"overeenkomst-{versie.traject_id}-versie-{versie.nummer}.pdf",
                        data,
                        "application/pdf",
                    )
                ],
            )

            if doorzetten and traject.status == TrajectStatus.OVERDRACHT:
                _naar_evaluatie(versie)
    return True


def _naar_evaluatie(versie: OvereenkomstVersie) -> None:
    """Move the traject on to evaluatie as the gemeente's signatory. When the state machine
    refuses (another phase's requirement still blocks it), the refusal is logged and kept on
    the version, where the agreement panel shows it to the officials: they take the step by
    hand once the requirements are met."""
    from aanbesteden.services import TransitieGeweigerd, traject_transitie

    gemeente_rij = versie.ondertekeningen.filter(partij_soort=PartijSoort.GEMEENTE).first()
    if gemeente_rij is None:
        return
    traject = Traject.objects.get(pk=versie.traject_id)
    try:
        with transaction.atomic():
            traject_transitie(
                traject=traject,
                transitie=NAAR_EVALUATIE,
                door=gemeente_rij.ondertekenaar,
                motivatie=_("Overeenkomst versie %(nummer)s is door iedereen ondertekend.")
                % {"nummer": versie.nummer},
                controleer_rechten=False,
            )
    except TransitieGeweigerd as exc:
        redenen = [str(exc.bericht), *(str(r) for r in exc.redenen)]
        log.warning(
            "Traject %s: %s after sealing agreement version %s refused: %s",
            traject.pk,
            NAAR_EVALUATIE,
            versie.nummer,
            " | ".join(redenen),
        )
        versie.naar_evaluatie_geweigerd = "\n".join(redenen)[:5000]
        versie.naar_evaluatie_geweigerd_op = timezone.now()
        versie.save(update_fields=["naar_evaluatie_geweigerd", "naar_evaluatie_geweigerd_op"])
