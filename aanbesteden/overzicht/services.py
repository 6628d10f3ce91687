"""Writes of the overviews: notification preferences and the daily digest, the archive dossier,
and a person's erasure (AVG)."""

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
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aanbesteden.models import (
    Dagoverzicht,
    Dossier,
    Notificatie,
    NotificatieSoort,
    NotificatieVoorkeur,
    Traject,
    User,
)

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


@dataclass
class Wisverslag:
    """What an erasure did, and what was kept and why."""

    gewist: list[str] = field(default_factory=list)
    bewaard: list[str] = field(default_factory=list)


def _gewist_adres(soort: str, pk: int) -> str:
    return f"gewist-{soort}-{pk}@gewist.invalid"


@transaction.atomic
def gebruiker_wissen(*, gebruiker: User) -> Wisverslag:
    """Erase or anonymise ``gebruiker``'s personal data and deactivate the account.

    Kept, because the law asks it: signatures on signed agreements and the sealed PDFs, and
    the gemeente's archive dossiers."""
    from aanbesteden.models import Lidmaatschap
    from coalities.constants import UitnodigingStatus
    from coalities.models import Partner, Uitnodiging
    from initiatieven.models import Contactpersoon, Initiatief, Steunbetuiging
    from overdracht.models import Ondertekening

    gebruiker = User.objects.select_for_update().get(pk=gebruiker.pk)
    email = gebruiker.email
    verslag = Wisverslag()
    getekend = {"overeenkomstversies__ondertekeningen__getekend_op__isnull": False}

    n = Notificatie.objects.filter(ontvanger=gebruiker).delete()[0]
    NotificatieVoorkeur.objects.filter(gebruiker=gebruiker).delete()
    Dagoverzicht.objects.filter(gebruiker=gebruiker).delete()
    verslag.gewist.append(_("Uw meldingen (%(n)s) en uw voorkeuren voor e-mail.") % {"n": n})

    steun = Steunbetuiging.objects.filter(email__iexact=email)
    for s in steun:
        s.naam = _("Gewist")
        s.email = _gewist_adres("steun", s.pk)
        s.save(update_fields=["naam", "email"])
    if steun:
        verslag.gewist.append(
            _("Uw naam en e-mailadres bij steunbetuigingen (de steun telt nog mee, zonder naam).")
        )

    gebonden_trajecten = Traject.objects.filter(**getekend).values("pk")
    contacten = Contactpersoon.objects.filter(email__iexact=email)
    vrij = contacten.exclude(initiatief__voorstellen__traject__in=gebonden_trajecten)
    for c in vrij:
        c.naam = _("Gewist")
        c.email = _gewist_adres("contact", c.pk)
        c.telefoon = ""
        c.save(update_fields=["naam", "email", "telefoon"])
    if vrij:
        verslag.gewist.append(_("Uw gegevens als contactpersoon van een initiatief."))
    if contacten.filter(initiatief__voorstellen__traject__in=gebonden_trajecten).exists():
        verslag.bewaard.append(
            _(
                "Uw naam als contactpersoon van een initiatief dat een ondertekende "
                "overeenkomst heeft. De overeenkomst moet bewaard blijven."
            )
        )
    Initiatief.objects.filter(email__iexact=email).exclude(
        voorstellen__traject__in=gebonden_trajecten
    ).update(email="")

    partners = Partner.objects.filter(gebruiker=gebruiker)
    vrije_partners = partners.exclude(traject__in=gebonden_trajecten)
    if vrije_partners.exists():
        vrije_partners.update(contactpersoon=_("Gewist"), telefoon="")
        verslag.gewist.append(_("Uw naam en telefoonnummer als contactpersoon van een partner."))
    if partners.filter(traject__in=gebonden_trajecten).exists():
        partners.filter(traject__in=gebonden_trajecten).update(telefoon="")
        verslag.bewaard.append(
            _(
                "Uw naam als contactpersoon van een partner in een ondertekende overeenkomst. "
                "Uw telefoonnummer is wel gewist."
            )
        )

    uitnodigingen = Uitnodiging.objects.filter(email__iexact=email)
    for u in uitnodigingen:
        u.email = _gewist_adres("uitnodiging", u.pk)
        u.naam = ""
        if u.status == UitnodigingStatus.OPEN:
            u.status = UitnodigingStatus.INGETROKKEN
        u.save(update_fields=["email", "naam", "status"])
    if uitnodigingen:
        verslag.gewist.append(_("Uw e-mailadres en naam in uitnodigingen."))

    open_handtekeningen = Ondertekening.objects.filter(
        ondertekenaar=gebruiker, getekend_op__isnull=True
    )
    if open_handtekeningen.exists():
        open_handtekeningen.update(naam=_("Gewist"), ip_adres=None)
    if Ondertekening.objects.filter(ondertekenaar=gebruiker, getekend_op__isnull=False).exists():
        verslag.bewaard.append(
            _(
                "Uw handtekeningen onder overeenkomsten (naam, namens wie, tijdstip) en de "
                "verzegelde PDF's. Die moeten bewaard blijven zolang de overeenkomst loopt en "
                "daarna zo lang als de Archiefwet vraagt."
            )
        )
    verslag.bewaard.append(
        _(
            "Archiefdossiers die de gemeente al heeft gemaakt. De gemeente bewaart die volgens "
            "de Archiefwet."
        )
    )

    Lidmaatschap.objects.filter(gebruiker=gebruiker).delete()
    gebruiker.groups.clear()
    gebruiker.naam = ""
    gebruiker.telefoon = ""
    gebruiker.email = _gewist_adres("gebruiker", gebruiker.pk)
    gebruiker.ical_sleutel = ""
    gebruiker.is_active = False
    gebruiker.set_unusable_password()
    gebruiker.save()
    verslag.gewist.append(_("Uw naam, e-mailadres en telefoonnummer. Uw account is gesloten."))
    return verslag


def persoonsgegevens(*, gebruiker: User) -> dict[str, Any]:
    """Everything the platform holds about ``gebruiker`` as a person (for download)."""
    from aanbesteden.models import Lidmaatschap
    from aanbesteden.selectors import trajecten_van_gebruiker
    from coalities.models import Partner, Uitnodiging
    from initiatieven.models import Contactpersoon, Initiatief, Steunbetuiging
    from overdracht.models import Ondertekening

    email = gebruiker.email

    def rijen(qs, velden):
        return list(qs.values(*velden))

    return {
        "gebruiker": {
            "email": gebruiker.email,
            "naam": gebruiker.naam,
            "telefoon": gebruiker.telefoon,
            "taal": gebruiker.taal,
            "aangemaakt_op": gebruiker.date_joined,
            "laatst_ingelogd": gebruiker.last_login,
        },
        "lidmaatschappen": rijen(
            Lidmaatschap.objects.filter(gebruiker=gebruiker),
            ["gemeente__naam", "rol", "mag_tekenen", "created_at"],
        ),
        "trajecten": rijen(
            trajecten_van_gebruiker(user=gebruiker), ["pk", "titel", "gemeente__naam", "status"]
        ),
        "initiatieven": rijen(
            Initiatief.objects.filter(leden=gebruiker), ["pk", "naam", "rechtsvorm"]
        ),
        "contactpersoon": rijen(
            Contactpersoon.objects.filter(email__iexact=email),
            ["initiatief__naam", "naam", "email", "telefoon", "functie", "is_vertegenwoordiger"],
        ),
        "partner": rijen(
            Partner.objects.filter(gebruiker=gebruiker),
            ["traject__titel", "organisatie", "contactpersoon", "telefoon", "rol", "status"],
        ),
        "uitnodigingen": rijen(
            Uitnodiging.objects.filter(email__iexact=email),
            ["traject__titel", "email", "naam", "organisatie", "status", "verzonden_op"],
        ),
        "steunbetuigingen": rijen(
            Steunbetuiging.objects.filter(email__iexact=email),
            ["voorstel__traject__titel", "naam", "email", "bevestigd_op"],
        ),
        "ondertekeningen": rijen(
            Ondertekening.objects.filter(ondertekenaar=gebruiker),
            [
                "versie__traject__titel",
                "versie__nummer",
                "naam",
                "namens",
                "getekend_op",
                "ip_adres",
                "geweigerd_op",
            ],
        ),
        "meldingen": rijen(
            Notificatie.objects.filter(ontvanger=gebruiker),
            ["soort", "onderwerp", "tekst", "created_at", "gelezen_op", "gemaild_op"],
        ),
        "voorkeuren": selectors.voorkeuren_van(user=gebruiker),
    }
