"""Rows of the roles × pages table for the phase apps and the overviews.

Objects are built with the phase apps' own test builders (``tests/<app>/factories.py``), so
the matrix sees the same data the phase tests do. Each row names the traject status its page
belongs to (``status``); the request is made with the traject in that status.
"""

from __future__ import annotations

import datetime
import itertools

from tests.toegang.basis import (
    DOOR,
    Pagina,
    Wereld,
    alleen_ambtenaar,
    gemeente_slug,
    iedereen,
    ingelogd,
    kw,
    maak_opgave,
    traject_pk,
    traject_rollen,
)

_STEUN_TELLER = itertools.count()


def tr(a, ini, p, **kw):
    return traject_rollen(ambtenaar=a, initiatiefnemer=ini, partner=p, **kw)


# --- builders ---------------------------------------------------------------------------------
def maak_intake(w: Wereld):
    """The intake's world: a complete proposal with an attachment, a decision letter and an
    (empty) horizon."""
    from django.core.files.base import ContentFile

    from initiatieven.constants import DocumentStatus
    from initiatieven.models import Besluitbrief, Bijlage, Horizon
    from tests.initiatieven.factories import PDF_BYTES, voorstel_compleet

    voorstel = voorstel_compleet(w.traject)
    bijlage = Bijlage(
        voorstel=voorstel,
        naam="plan.pdf",
        mime="application/pdf",
        grootte=len(PDF_BYTES),
        sha256="x",
    )
    bijlage.bestand.save("plan.pdf", ContentFile(PDF_BYTES))
    brief = Besluitbrief(voorstel=voorstel, status=DocumentStatus.KLAAR)
    brief.bestand.save("brief.pdf", ContentFile(PDF_BYTES))
    Horizon.objects.create(traject=w.traject)
    return {"voorstel": voorstel, "bijlage": bijlage}


def maak_voorstel(w: Wereld):
    return w.maak(maak_intake)["voorstel"]


def maak_bijlage(w: Wereld):
    return w.maak(maak_intake)["bijlage"]


def maak_steun(w: Wereld) -> str:
    """A support statement for the world's proposal; returns the token of its mailed link."""
    from aanbesteden.tokens import token_hash
    from initiatieven.models import Steunbetuiging

    voorstel = w.maak(maak_voorstel)
    Steunbetuiging.objects.create(
        voorstel=voorstel, naam="Buurman", email="buurman@example.org", token_hash=token_hash("t1")
    )
    return "t1"


def maak_rijk(w: Wereld):
    """The whole traject up to the agreement: proposal, horizon with indicators, the partner
    of ``rollen`` as a confirmed coalition partner, route with milestones, contributions,
    budget and tranches."""
    from tests.overdracht.factories import traject_in_overdracht

    return traject_in_overdracht(w.traject, partner_gebruikers=[w.partner])


def maak_versie(w: Wereld):
    from overdracht.selectors import huidige_versie
    from overdracht.services import versie_opstellen

    traject = w.maak(maak_rijk)
    versie_opstellen(traject=traject, door=w.ambtenaar)
    versie = huidige_versie(traject=traject)
    versie.clausules.create(titel="Privacy", tekst="De AVG geldt.", volgorde=1)
    return versie


def maak_vastgesteld(w: Wereld):
    from overdracht.services import versie_vaststellen

    versie = w.maak(maak_versie)
    from overdracht.tasks import overeenkomst_pdf_maken

    versie_vaststellen(versie=versie, door=w.ambtenaar, gemeente_ondertekenaar=w.ambtenaar)
    overeenkomst_pdf_maken(versie.pk)  # what the task after commit does
    versie.refresh_from_db()
    return versie


def ondertekening_van(w: Wereld, user) -> int:
    versie = w.maak(maak_vastgesteld)
    return versie.ondertekeningen.get(ondertekenaar=user).pk


def maak_clausule(w: Wereld):
    from overdracht.models import Clausule

    return Clausule.objects.create(
        gemeente=w.gemeente, soort="algemeen", titel="Onderhoud", tekst="Wekelijks maaien."
    )


def maak_uitnodiging(w: Wereld):
    from django.utils import timezone

    from coalities.models import Uitnodiging

    nu = timezone.now()
    return Uitnodiging.objects.create(
        traject=w.traject,
        email="nieuw@example.org",
        naam="Nieuwe partner",
        organisatie="Sportclub",
        token_hash="h" * 64,
        verloopt_op=nu + datetime.timedelta(days=14),
        uitgenodigd_door=w.initiatiefnemer,
        verzonden_op=nu,
    )


def maak_moment(w: Wereld):
    from evaluatie.models import Evaluatiemoment

    w.maak(maak_rijk)
    return Evaluatiemoment.objects.create(
        traject=w.traject, gepland_op=datetime.date.today() + datetime.timedelta(days=10)
    )


def maak_dossier(w: Wereld):
    from django.core.files.base import ContentFile

    from overzicht.models import Dossier

    dossier = Dossier.objects.create(traject=w.traject, status="klaar")
    dossier.bestand.save("d.zip", ContentFile(b"PK"))
    return dossier


def eerste(model_naam: str):
    """The first object of a route model of ``traject`` in the rich world."""

    def maker(w: Wereld) -> dict:
        from django.apps import apps

        traject = w.maak(maak_rijk)
        model = apps.get_model("coalities", model_naam)
        return {"pk": traject.pk, "id": model.objects.filter(traject=traject).order_by("pk")[0].pk}

    return maker


rijk = kw(pk=maak_rijk)


def inzet_van_partner(w: Wereld) -> dict:
    """The contribution of ``rollen``'s partner on the route of the rich world."""
    from coalities.models import Inzet

    traject = w.maak(maak_rijk)
    return {
        "pk": traject.pk,
        "id": Inzet.objects.get(traject=traject, partner__gebruiker=w.partner).pk,
    }


def versie_kw(maker=maak_versie):
    def kw(w: Wereld) -> dict:
        versie = w.maak(maker)
        return {"pk": w.traject.pk, "nummer": versie.nummer}

    return kw


moment_kw = kw(traject=True, moment=maak_moment)


# --- intake and phase 1 (initiatieven) --------------------------------------------------------
_voorstel_kw = kw(traject=True, eerst=maak_intake)


def maak_openbaar_voorstel(w: Wereld):
    """``traject``'s proposal, submitted and published by its initiative."""
    from django.utils import timezone

    from initiatieven.models import Voorstel

    voorstel = w.maak(maak_voorstel)
    nu = timezone.now()
    Voorstel.objects.filter(pk=voorstel.pk).update(
        openbaar=True, openbaar_sinds=nu, ingediend_op=nu, beslissen_voor=nu.date()
    )
    voorstel.refresh_from_db()
    return voorstel


_openbaar_voorstel_kw = kw(gemeente=True, pk=maak_openbaar_voorstel)


def maak_reactie(w: Wereld):
    """A confirmed reaction on ``traject``'s published proposal."""
    from django.utils import timezone

    from initiatieven.models import Reactie

    voorstel = w.maak(maak_openbaar_voorstel)
    return Reactie.objects.create(
        traject=w.traject,
        plek="voorstel",
        tekst="Mooi plan",
        email="bewoner@example.org",
        bevestigd_op=timezone.now(),
        pagina=voorstel.openbare_url(),
    )


_reactie_kw = kw(pk=maak_reactie)
_bijlage_kw = kw(traject=True, bijlage=maak_bijlage)
_opgave_kw = kw(gemeente=True, pk=maak_opgave)


INITIATIEVEN = [
    Pagina(
        "initiatieven:openbaar_voorstel",
        "Openbaar voorstel (door het initiatief openbaar gemaakt)",
        iedereen(200),
        kwargs=_openbaar_voorstel_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:openbaar_voorstel",
        "Openbaar voorstel steunen (bevestigen met de link uit de e-mail)",
        iedereen(DOOR),
        kwargs=_openbaar_voorstel_kw,
        methode="POST",
        # A fresh address per role: the limit per address (3 a minute) is not what is tested.
        data=lambda w: {"email": f"steun{next(_STEUN_TELLER)}@example.org", "naam": ""},
        status="ingediend",
    ),
    Pagina(
        "initiatieven:openbaar_voorstel",
        "Openbaar voorstel steunen zonder e-mailadres",
        iedereen(400),
        kwargs=_openbaar_voorstel_kw,
        methode="POST",
        data=lambda w: {"email": ""},
        status="ingediend",
        variant="fout",
    ),
    Pagina(
        "initiatieven:voorstel_reageren",
        "Reageren op een openbaar voorstel (alleen POST)",
        iedereen(405),
        kwargs=_openbaar_voorstel_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:voorstel_reageren",
        "Reageren op een openbaar voorstel (zonder inloggen: bevestigen met de link)",
        iedereen(DOOR),
        kwargs=_openbaar_voorstel_kw,
        methode="POST",
        data=lambda w: {"tekst": "Goed plan", "email": f"r{next(_STEUN_TELLER)}@example.org"},
        status="ingediend",
    ),
    Pagina(
        "initiatieven:voorstel_reageren",
        "Reageren op een openbaar voorstel zonder tekst",
        iedereen(400),
        kwargs=_openbaar_voorstel_kw,
        methode="POST",
        data=lambda w: {"tekst": "", "email": "a@example.org"},
        status="ingediend",
        variant="fout",
    ),
    Pagina(
        "initiatieven:reactie_bevestigen",
        "Reactie bevestigen (knop; de sleutel wordt bij POST gecontroleerd)",
        iedereen(200),
        kwargs=lambda w: {"token": "onbekend"},
    ),
    Pagina(
        "initiatieven:reactie_bevestigen",
        "Reactie bevestigen met een ongeldige sleutel",
        iedereen(404),
        kwargs=lambda w: {"token": "onbekend"},
        methode="POST",
    ),
    Pagina(
        "initiatieven:reactie_melden",
        "Reactie melden bij de gemeente",
        iedereen(200),
        kwargs=_reactie_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:reactie_melden",
        "Reactie melden, verstuurd",
        iedereen(DOOR),
        kwargs=_reactie_kw,
        methode="POST",
        data=lambda w: {"reden": "Noemt iemand bij naam"},
        status="ingediend",
    ),
    Pagina(
        "initiatieven:reactie_verbergen",
        "Reactie verbergen (ambtenaren van de gemeente)",
        tr(200, 403, 403),
        kwargs=_reactie_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:reactie_verbergen",
        "Reactie verbergen, met een reden",
        tr(DOOR, 403, 403),
        kwargs=_reactie_kw,
        methode="POST",
        data=lambda w: {"reden": "Noemt iemand bij naam"},
        status="ingediend",
    ),
    Pagina(
        "initiatieven:reacties_beheer",
        "Reacties op openbare pagina's (ambtenaren)",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "initiatieven:openbaar_voorstel",
        "Voorstel dat niet openbaar is",
        iedereen(404),
        kwargs=kw(gemeente=True, pk=maak_voorstel),
        status="ingediend",
        variant="niet openbaar",
    ),
    Pagina(
        "initiatieven:voorstel_openbaar_zetten",
        "Voorstel openbaar maken (initiatief)",
        tr(403, DOOR, 403),
        kwargs=_voorstel_kw,
        methode="POST",
        data=lambda w: {"openbaar": "1"},
        status="ingediend",
    ),
    Pagina(
        "initiatieven:voorstel_openbaar_zetten",
        "Voorstel openbaar maken (alleen POST)",
        tr(405, 405, 405, buiten=405),
        kwargs=_voorstel_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:voorstel_aanmaken",
        "Voorstel aanmaken bij een concepttraject zonder voorstel",
        tr(403, DOOR, 403),
        kwargs=traject_pk,
        methode="POST",
        status="concept",
    ),
    Pagina("initiatieven:opgave", "Openbare opgave", iedereen(200), kwargs=_opgave_kw),
    Pagina(
        "initiatieven:opgave_voorstel_starten",
        "Voorstel starten op een opgave",
        iedereen(200),
        kwargs=kw(gemeente=True, opgave=maak_opgave),
    ),
    Pagina(
        "initiatieven:uitdaagrecht_starten",
        "Voorstel starten met het uitdaagrecht",
        iedereen(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "initiatieven:voorstel_gestart",
        "Voorstel gestart (kijk in uw e-mail)",
        iedereen(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "initiatieven:steun_bevestigen",
        "Steun bevestigen (knop, met het voorstel dat u steunt)",
        iedereen(200),
        kwargs=lambda w: {"token": w.maak(maak_steun)},
    ),
    Pagina(
        "initiatieven:steun_bevestigen",
        "Steun bevestigen met een onbekende sleutel",
        iedereen(404),
        kwargs=lambda w: {"token": "onbekend"},
        variant="onbekend",
    ),
    Pagina(
        "initiatieven:steun_bevestigen",
        "Steun bevestigen met een ongeldige sleutel",
        iedereen(404),
        kwargs=lambda w: {"token": "onbekend"},
        methode="POST",
    ),
    Pagina(
        "initiatieven:steun_bevestigen",
        "Steun intrekken met een ongeldige sleutel",
        iedereen(404),
        kwargs=lambda w: {"token": "onbekend"},
        methode="POST",
        data=lambda w: {"intrekken": "1"},
        variant="intrekken",
    ),
    Pagina(
        "initiatieven:opgaven_beheer",
        "Opgaven beheren",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
        beheerder=200,
    ),
    Pagina(
        "initiatieven:opgave_nieuw",
        "Nieuwe opgave",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
        beheerder=200,
    ),
    Pagina(
        "initiatieven:opgave_wijzigen",
        "Opgave wijzigen",
        alleen_ambtenaar(200),
        kwargs=_opgave_kw,
        beheerder=200,
    ),
    Pagina(
        "initiatieven:vergelijken",
        "Voorstellen op een opgave vergelijken",
        alleen_ambtenaar(200),
        kwargs=_opgave_kw,
        beheerder=200,
    ),
    Pagina(
        "initiatieven:opgave_status",
        "Opgave sluiten",
        alleen_ambtenaar(DOOR),
        kwargs=lambda w: {**_opgave_kw(w), "actie": "sluiten"},
        methode="POST",
    ),
    Pagina(
        "initiatieven:voorstellen",
        "Voorstellen van de gemeente",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
        beheerder=200,
    ),
    Pagina(
        "initiatieven:criteria",
        "Beoordelingscriteria (alleen beheerders van de gemeente)",
        alleen_ambtenaar(403),
        kwargs=gemeente_slug,
        beheerder=200,
    ),
    Pagina(
        "initiatieven:voorstel",
        "Voorstel",
        tr(200, 200, 403),
        kwargs=_voorstel_kw,
        status="horizon",
    ),
    Pagina(
        "initiatieven:voorstel_wijzigen",
        "Voorstel wijzigen (concept)",
        tr(403, 200, 403),
        kwargs=_voorstel_kw,
        status="concept",
    ),
    Pagina(
        "initiatieven:bijlagen",
        "Bijlagen (concept)",
        tr(403, 200, 403),
        kwargs=_voorstel_kw,
        status="concept",
    ),
    Pagina(
        "initiatieven:bijlage",
        "Bijlage downloaden",
        tr(200, 200, 403),
        kwargs=_bijlage_kw,
        status="horizon",
    ),
    Pagina(
        "initiatieven:bijlage_verwijderen",
        "Bijlage verwijderen (concept)",
        tr(403, DOOR, 403),
        kwargs=_bijlage_kw,
        methode="POST",
        status="concept",
    ),
    Pagina(
        "initiatieven:steun",
        "Steun verzamelen (concept)",
        tr(403, 200, 403),
        kwargs=_voorstel_kw,
        status="concept",
    ),
    Pagina(
        "initiatieven:beoordelen",
        "Voorstel beoordelen",
        tr(200, 403, 403),
        kwargs=_voorstel_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:besluiten",
        "Besluit over het voorstel",
        tr(200, 403, 403),
        kwargs=_voorstel_kw,
        status="ingediend",
    ),
    Pagina(
        "initiatieven:besluitbrief",
        "Besluitbrief (PDF)",
        tr(200, 200, 403),
        kwargs=_voorstel_kw,
        status="horizon",
    ),
    Pagina(
        "initiatieven:besluitbrief_opnieuw",
        "Besluitbrief opnieuw maken",
        tr(DOOR, 403, 403),
        kwargs=_voorstel_kw,
        methode="POST",
        status="horizon",
    ),
    Pagina(
        "initiatieven:horizon",
        "Stip aan de horizon",
        tr(200, 200, 200),
        kwargs=_voorstel_kw,
        status="horizon",
    ),
    Pagina(
        "initiatieven:horizon_wijzigen",
        "Stip aan de horizon wijzigen",
        tr(200, 200, 403),
        kwargs=_voorstel_kw,
        status="horizon",
    ),
    Pagina(
        "initiatieven:horizon_akkoord",
        "Akkoord met de stip aan de horizon",
        tr(DOOR, DOOR, 403),
        kwargs=_voorstel_kw,
        methode="POST",
        status="horizon",
        data=lambda w: {"versie": "1"},
    ),
]

# --- phases 2 and 3 (coalities) ---------------------------------------------------------------
COALITIES = [
    Pagina("coalities:coalitie", "Coalitie", tr(200, 200, 200), kwargs=rijk, status="coalitie"),
    Pagina(
        "coalities:uitnodigen",
        "Partner uitnodigen",
        tr(200, 200, 403),
        kwargs=rijk,
        status="coalitie",
    ),
    Pagina(
        "coalities:uitnodiging_opnieuw",
        "Uitnodiging opnieuw sturen",
        tr(DOOR, DOOR, 403),
        kwargs=kw(traject=True, uitnodiging=maak_uitnodiging),
        methode="POST",
        status="coalitie",
    ),
    Pagina(
        "coalities:uitnodiging_intrekken",
        "Uitnodiging intrekken",
        tr(DOOR, DOOR, 403),
        kwargs=kw(traject=True, uitnodiging=maak_uitnodiging),
        methode="POST",
        status="coalitie",
    ),
    Pagina(
        "coalities:vertrekken",
        "Uit de coalitie stappen (partners)",
        tr(403, 403, 200),
        kwargs=rijk,
        status="coalitie",
    ),
    Pagina(
        "coalities:horizon_oordeel",
        "Akkoord met de stip aan de horizon (partners)",
        tr(403, 403, DOOR),
        kwargs=rijk,
        methode="POST",
        status="coalitie",
        data=lambda w: {"versie": str(w.traject.horizon.versie), "oordeel": "ja"},
    ),
    Pagina(
        "coalities:uitnodiging",
        "Uitnodiging met een onbekende sleutel",
        iedereen(410),
        kwargs=lambda w: {"token": "onbekend"},
    ),
    Pagina(
        "coalities:route", "Route naar de horizon", tr(200, 200, 200), kwargs=rijk, status="route"
    ),
    Pagina(
        "coalities:route_kader",
        "Kader van de route",
        tr(200, 200, 403),
        kwargs=rijk,
        status="route",
    ),
    Pagina(
        "coalities:route_versies",
        "Versies van de route",
        tr(200, 200, 200),
        kwargs=rijk,
        status="route",
    ),
    Pagina(
        "coalities:akkoord",
        "Akkoord met de route",
        tr(DOOR, DOOR, DOOR),
        kwargs=rijk,
        methode="POST",
        status="route",
    ),
    Pagina(
        "coalities:akkoord_vragen",
        "Akkoord vragen op de route (het concept wordt een versie)",
        tr(DOOR, DOOR, DOOR),
        kwargs=rijk,
        methode="POST",
        status="route",
    ),
    Pagina(
        "coalities:mijlpaal_nieuw",
        "Nieuwe mijlpaal",
        tr(200, 200, 403),
        kwargs=rijk,
        status="route",
    ),
    Pagina(
        "coalities:mijlpaal",
        "Mijlpaal wijzigen",
        tr(200, 200, 403),
        kwargs=eerste("Mijlpaal"),
        status="route",
    ),
    Pagina("coalities:inzet_nieuw", "Nieuwe inzet", tr(200, 200, 200), kwargs=rijk, status="route"),
    Pagina(
        "coalities:inzet",
        "Inzet van het initiatief wijzigen (alleen die partij)",
        tr(403, 200, 403),
        kwargs=eerste("Inzet"),
        status="route",
    ),
    Pagina(
        "coalities:inzet",
        "Inzet van een partner wijzigen (alleen die partij)",
        tr(403, 403, 200),
        kwargs=inzet_van_partner,
        status="route",
        variant="partner",
    ),
    Pagina(
        "coalities:inzet_bevestigen",
        "Inzet bevestigen",
        tr(DOOR, DOOR, DOOR),
        kwargs=rijk,
        methode="POST",
        status="route",
    ),
    Pagina(
        "coalities:begrotingspost_nieuw",
        "Nieuwe begrotingspost",
        tr(200, 200, 403),
        kwargs=rijk,
        status="route",
    ),
    Pagina(
        "coalities:begrotingspost",
        "Begrotingspost wijzigen",
        tr(200, 200, 403),
        kwargs=eerste("Begrotingspost"),
        status="route",
    ),
    Pagina(
        "coalities:tranche_nieuw",
        "Nieuwe tranche (gemeente)",
        tr(200, 403, 403),
        kwargs=rijk,
        status="route",
    ),
    Pagina(
        "coalities:tranche",
        "Tranche wijzigen (gemeente)",
        tr(200, 403, 403),
        kwargs=eerste("Tranche"),
        status="route",
    ),
    Pagina(
        "coalities:verwijderen",
        "Mijlpaal verwijderen",
        tr(DOOR, DOOR, 403),
        kwargs=lambda w: {**eerste("Mijlpaal")(w), "soort": "mijlpaal"},
        methode="POST",
        status="route",
    ),
    Pagina(
        "coalities:verwijderen",
        "Tranche verwijderen (gemeente)",
        tr(DOOR, 403, 403),
        kwargs=lambda w: {**eerste("Tranche")(w), "soort": "tranche"},
        methode="POST",
        status="route",
        variant="tranche",
    ),
]


# --- phase 4 (overdracht) ---------------------------------------------------------------------
def BIBLIOTHEEK(ambtenaar):  # noqa: N802
    """The clause library answers 404 to everybody outside the gemeente's officials."""
    return alleen_ambtenaar(ambtenaar, anders=404, andere_gemeente=404)


OVERDRACHT = [
    Pagina(
        "overdracht:opstellen",
        "Overeenkomst opstellen (alleen POST)",
        tr(405, 405, 405, buiten=405),
        kwargs=rijk,
        status="overdracht",
    ),
    Pagina(
        "overdracht:opstellen",
        "Overeenkomst opstellen (traject zonder open versie)",
        tr(DOOR, 403, 403),
        kwargs=rijk,
        methode="POST",
        status="overdracht",
    ),
    Pagina(
        "overdracht:versie",
        "Overeenkomst (concept)",
        tr(200, 403, 403),
        kwargs=versie_kw(),
        status="overdracht",
    ),
    Pagina(
        "overdracht:versie_bewerken",
        "Overeenkomst wijzigen",
        tr(200, 403, 403),
        kwargs=versie_kw(),
        status="overdracht",
    ),
    Pagina(
        "overdracht:vaststellen",
        "Overeenkomst vaststellen",
        tr(200, 403, 403),
        kwargs=versie_kw(),
        status="overdracht",
    ),
    Pagina(
        "overdracht:clausule_toevoegen",
        "Clausule toevoegen",
        tr(200, 403, 403),
        kwargs=versie_kw(),
        status="overdracht",
    ),
    Pagina(
        "overdracht:versie_bewerken",
        "Vastgestelde overeenkomst wijzigen: niet meer (ondertekenaars zien hem, wijzigen niet)",
        tr(DOOR, 403, 403),
        kwargs=versie_kw(maak_vastgesteld),
        status="overdracht",
        variant="vastgesteld",
    ),
    Pagina(
        "overdracht:vaststellen",
        "Vastgestelde overeenkomst opnieuw vaststellen: niet meer",
        tr(DOOR, 403, 403),
        kwargs=versie_kw(maak_vastgesteld),
        status="overdracht",
        variant="vastgesteld",
    ),
    Pagina(
        "overdracht:vaststellen",
        "Vastgestelde overeenkomst opnieuw vaststellen, verstuurd: niet meer",
        tr(DOOR, 403, 403),
        kwargs=versie_kw(maak_vastgesteld),
        methode="POST",
        status="overdracht",
        variant="vastgesteld",
    ),
    Pagina(
        "overdracht:clausule_toevoegen",
        "Clausule toevoegen aan een vastgestelde overeenkomst: geweigerd",
        tr(400, 403, 403),
        kwargs=versie_kw(maak_vastgesteld),
        methode="POST",
        status="overdracht",
        variant="vastgesteld",
    ),
    Pagina(
        "overdracht:pdf",
        "PDF van een overeenkomst in concept (er is nog geen PDF)",
        tr(404, 403, 403),
        kwargs=versie_kw(),
        status="overdracht",
        variant="concept",
    ),
    Pagina(
        "overdracht:clausule_bewerken",
        "Clausule wijzigen",
        tr(200, 403, 403),
        kwargs=lambda w: {**versie_kw()(w), "id": w.maak(maak_versie).clausules.first().pk},
        status="overdracht",
    ),
    Pagina(
        "overdracht:clausule_verwijderen",
        "Clausule verwijderen",
        tr(DOOR, 403, 403),
        kwargs=lambda w: {**versie_kw()(w), "id": w.maak(maak_versie).clausules.first().pk},
        methode="POST",
        status="overdracht",
    ),
    Pagina(
        "overdracht:pdf",
        "PDF van de vastgestelde overeenkomst",
        tr(200, 200, 200),
        kwargs=versie_kw(maak_vastgesteld),
        status="overdracht",
    ),
    Pagina(
        "overdracht:pdf_opnieuw",
        "PDF opnieuw maken",
        tr(DOOR, 403, 403),
        kwargs=versie_kw(maak_vastgesteld),
        methode="POST",
        status="overdracht",
    ),
    Pagina(
        "overdracht:verzegeld_pdf",
        "Verzegelde PDF (nog niet verzegeld)",
        tr(404, 404, 404),
        kwargs=versie_kw(maak_vastgesteld),
        status="overdracht",
    ),
    Pagina(
        "overdracht:tekenen",
        "Ondertekenen (ondertekening van de initiatiefnemer)",
        tr(403, 200, 403),
        kwargs=lambda w: {
            **versie_kw(maak_vastgesteld)(w),
            "id": ondertekening_van(w, w.initiatiefnemer),
        },
        status="overdracht",
    ),
    Pagina(
        "overdracht:weigeren",
        "Ondertekening weigeren (ondertekening van de initiatiefnemer)",
        tr(403, 200, 403),
        kwargs=lambda w: {
            **versie_kw(maak_vastgesteld)(w),
            "id": ondertekening_van(w, w.initiatiefnemer),
        },
        status="overdracht",
    ),
    Pagina(
        "overdracht:bibliotheek",
        "Clausulebibliotheek van de gemeente",
        BIBLIOTHEEK(200),
        kwargs=gemeente_slug,
        beheerder=200,
    ),
    Pagina(
        "overdracht:bibliotheek_nieuw",
        "Nieuwe clausule (alleen beheerders)",
        BIBLIOTHEEK(403),
        kwargs=gemeente_slug,
        beheerder=200,
    ),
    Pagina(
        "overdracht:bibliotheek_nieuw",
        "Nieuwe clausule, verstuurd (alleen beheerders)",
        BIBLIOTHEEK(403),
        kwargs=gemeente_slug,
        methode="POST",
        data=lambda w: {
            "soort": "beheer",
            "titel": "Onderhoud",
            "tekst": "Wekelijks maaien.",
            "actief": "on",
        },
        beheerder=DOOR,
    ),
    Pagina(
        "overdracht:bibliotheek_clausule",
        "Clausule van de bibliotheek (alleen beheerders)",
        BIBLIOTHEEK(403),
        kwargs=kw(gemeente=True, id=maak_clausule),
        beheerder=200,
    ),
    Pagina("overdracht:verifieren", "Een PDF controleren (openbaar)", iedereen(200)),
]

# --- phase 5 (evaluatie) ----------------------------------------------------------------------
EVALUATIE = [
    Pagina(
        "evaluatie:momenten",
        "Evaluatiemomenten",
        tr(200, 200, 200),
        kwargs=rijk,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:moment_toevoegen",
        "Extra evaluatiemoment",
        tr(200, 403, 403),
        kwargs=rijk,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:moment",
        "Evaluatiemoment",
        tr(200, 200, 200),
        kwargs=moment_kw,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:moment_verplaatsen",
        "Evaluatiemoment verplaatsen",
        tr(200, 403, 403),
        kwargs=moment_kw,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:bijdrage",
        "Eigen bijdrage aan de evaluatie",
        tr(403, 200, 200),
        kwargs=moment_kw,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:visie",
        "Visie van de gemeente",
        tr(200, 403, 403),
        kwargs=moment_kw,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:besluit",
        "Besluit na de evaluatie",
        tr(200, 403, 403),
        kwargs=moment_kw,
        status="evaluatie",
    ),
    Pagina(
        "evaluatie:verankering", "Verankering", tr(200, 403, 403), kwargs=rijk, status="evaluatie"
    ),
    Pagina("evaluatie:exitplan", "Exitplan", tr(200, 403, 403), kwargs=rijk, status="evaluatie"),
    Pagina("evaluatie:agenda", "Agenda van de evaluaties", ingelogd(200)),
    Pagina("evaluatie:agenda_vernieuwen", "Agendalink vernieuwen", ingelogd(DOOR), methode="POST"),
    Pagina(
        "evaluatie:ical",
        "Agenda (iCalendar) met een onbekende sleutel",
        iedereen(404),
        kwargs=lambda w: {"sleutel": "onbekend"},
    ),
]

# --- overviews (overzicht) --------------------------------------------------------------------
DOSSIER = tr(200, 403, 403)
_register_kw = kw(gemeente=True, pk=maak_rijk)

OVERZICHT = [
    Pagina(
        "overzicht:dashboard",
        "Dashboard van de gemeente",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "overzicht:dashboard",
        "Dashboard van een gemeente die niet bestaat",
        ingelogd(404),
        kwargs=lambda w: {"gemeente": "bestaat-niet"},
        variant="onbekend",
    ),
    Pagina(
        "overzicht:trajecten_csv", "Trajecten als CSV", alleen_ambtenaar(200), kwargs=gemeente_slug
    ),
    Pagina(
        "overzicht:trajecten_excel",
        "Trajecten als CSV voor Excel",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
    ),
    Pagina("overzicht:rapport", "Jaarrapport", alleen_ambtenaar(200), kwargs=gemeente_slug),
    Pagina(
        "overzicht:rapport_pdf",
        "Jaarrapport als PDF",
        alleen_ambtenaar(200),
        kwargs=lambda w: {"gemeente": w.gemeente.slug, "jaar": 2025},
    ),
    Pagina("overzicht:register_index", "Openbaar register: gemeenten", iedereen(200)),
    Pagina(
        "overzicht:register",
        "Openbaar register van een gemeente",
        iedereen(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "overzicht:register",
        "Openbaar register van een gemeente die niet bestaat",
        iedereen(404),
        kwargs=lambda w: {"gemeente": "bestaat-niet"},
        variant="onbekend",
    ),
    Pagina(
        "overzicht:register_traject",
        "Openbare pagina van een overgedragen taak",
        iedereen(200),
        kwargs=_register_kw,
        status="evaluatie",
    ),
    Pagina(
        "overzicht:register_traject",
        "Openbare pagina van een taak die nog niet is overgedragen",
        iedereen(404),
        kwargs=kw(gemeente=True, traject=True),
        status="route",
        variant="niet overgedragen",
    ),
    Pagina(
        "overzicht:register_reageren",
        "Reageren op de openbare pagina van een taak (alleen POST)",
        iedereen(405),
        kwargs=_register_kw,
        status="evaluatie",
    ),
    Pagina(
        "overzicht:register_reageren",
        "Reageren op de openbare pagina van een taak",
        iedereen(DOOR),
        kwargs=_register_kw,
        methode="POST",
        data=lambda w: {"tekst": "Goed bezig", "email": f"t{next(_STEUN_TELLER)}@example.org"},
        status="evaluatie",
    ),
    Pagina(
        "overzicht:zoeken",
        "Zoeken (openbaar) met een zoekwoord",
        iedereen(200),
        query=lambda w: {"q": "buurthuis"},
    ),
    Pagina(
        "overzicht:zoeken",
        "Zoeken (openbaar) zonder woord om op te zoeken",
        iedereen(400),
        query=lambda w: {"q": "!!"},
        variant="fout",
    ),
    Pagina(
        "overzicht:zoeken_gemeente",
        "Zoeken in trajecten, voorstellen en partners van de gemeente (ambtenaren)",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
        query=lambda w: {"q": "buurthuis"},
    ),
    Pagina("overzicht:register_json", "Open data (JSON)", iedereen(200), kwargs=gemeente_slug),
    Pagina("overzicht:register_csv", "Open data (CSV)", iedereen(200), kwargs=gemeente_slug),
    Pagina("meldingen:voorkeuren", "Voorkeuren voor meldingen", ingelogd(200)),
    Pagina("meldingen:alles_gelezen", "Alle meldingen gelezen (alleen POST)", ingelogd(405)),
    Pagina("meldingen:alles_gelezen", "Alle meldingen gelezen", ingelogd(DOOR), methode="POST"),
    Pagina("overzicht:privacy", "Privacy: mijn gegevens", ingelogd(200)),
    Pagina("overzicht:privacy_export", "Privacy: mijn gegevens als JSON", ingelogd(200)),
    Pagina(
        "overzicht:privacy_export_zip", "Privacy: mijn gegevens en bestanden als ZIP", ingelogd(200)
    ),
    Pagina("overzicht:privacy_wissen", "Privacy: gegevens wissen (alleen POST)", ingelogd(405)),
    Pagina("overzicht:dossier", "Archiefdossier van het traject", DOSSIER, kwargs=traject_pk),
    Pagina(
        "overzicht:dossier_download",
        "Archiefdossier downloaden",
        DOSSIER,
        kwargs=kw(traject=True, dossier=maak_dossier),
    ),
]

FASEN = [*INITIATIEVEN, *COALITIES, *OVERDRACHT, *EVALUATIE, *OVERZICHT]
