"""Signing a fixed version (with the identity the gemeente asks) and refusing to sign it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject, User
from aanbesteden.werk import werk_inplannen
from accounts.constants import InlogMiddel
from meldingen.berichten import bericht_versturen, een_bericht_per_persoon
from meldingen.constants import NotificatieSoort

from .. import selectors
from ..constants import (
    INSTEMMINGSTEKST,
    PdfStatus,
    VersieStatus,
)
from ..models import Ondertekening, OvereenkomstVersie
from .fouten import OvereenkomstFout


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
    from ..tasks import overeenkomst_verzegelen

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
