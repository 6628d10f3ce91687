"""The mail budget: one traject through all five phases (pages where a person uses a page,
services for the background steps), counting the mails every person gets for every decision.

Each person gets at most one mail per decision, and only for a decision that concerns them.
The budget itself is written down in ``docs/mailbudget.md``: its table says, per decision,
who gets a mail. This test reads that table and compares it with what the journey really
sends, so the document cannot drift from the platform.

The people: a resident who answers a call (``initiatiefnemer``), the official who handles it
(``ambtenaar``), a colleague of the same gemeente who does nothing here (``collega``: the
officials of a gemeente all follow its trajecten), and a partner invited by mail
(``partner``)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject, User
from tests.coalities.factories import token_uit_mail
from tests.factories import ambtenaar_van
from tests.initiatieven.factories import opgave_maken
from tests.initiatieven.test_intake_flow import inloggen_via_mail, voorstel_data

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[1] / "docs" / "mailbudget.md"
ROLLEN = ("initiatiefnemer", "ambtenaar", "collega", "partner")


def budget_uit_document() -> list[tuple[str, set[str]]]:
    """(decision, the roles that get a mail) per row of the table in docs/mailbudget.md."""
    rijen = []
    for regel in DOC.read_text(encoding="utf-8").splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        if not regel.startswith("|") or len(cellen) != 2 + len(ROLLEN):
            continue
        if not cellen[0].isdigit():
            continue  # the head and its rule
        rijen.append(
            (cellen[1], {rol for rol, cel in zip(ROLLEN, cellen[2:], strict=True) if cel == "1"})
        )
    return rijen


class Postbus:
    """The mails of each decision, counted per address."""

    def __init__(self, capture, personen: dict[str, str]):
        self.capture = capture
        self.rol_van = {adres: rol for rol, adres in personen.items()}
        self.besluiten: list[tuple[str, Counter]] = []

    @contextmanager
    def besluit(self, naam: str):
        voor = len(mail.outbox)
        with self.capture(execute=True):
            yield
        per_adres = Counter(adres for m in mail.outbox[voor:] for adres in m.to)
        self.besluiten.append((naam, per_adres))

    def per_rol(self, per_adres: Counter) -> set[str]:
        return {self.rol_van.get(adres, adres) for adres in per_adres}


def ok(antwoord, status=302):
    assert antwoord.status_code == status, antwoord.content.decode()[-3000:]
    return antwoord


def stap(client, traject, transitie, motivatie="Klaar"):
    traject = Traject.objects.get(pk=traject.pk)
    return ok(
        client.post(
            reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": transitie}),
            {"motivatie": motivatie, "status": traject.status},
        )
    )


def horizon_data():
    return {
        "versie": "1",
        "ambitie": "Een groen park dat de buurt zelf beheert.",
        "beoogde_resultaten": "Meer buren doen mee.",
        "indicatoren-TOTAL_FORMS": "1",
        "indicatoren-INITIAL_FORMS": "0",
        "indicatoren-MIN_NUM_FORMS": "0",
        "indicatoren-MAX_NUM_FORMS": "20",
        "indicatoren-0-naam": "Actieve vrijwilligers",
        "indicatoren-0-eenheid": "aantal",
        "indicatoren-0-nulwaarde": "4",
        "indicatoren-0-streefwaarde": "25",
        "indicatoren-0-hoger_is_beter": "on",
        "indicatoren-0-meetfrequentie": "kwartaal",
    }


def test_elke_persoon_krijgt_hoogstens_een_mail_per_besluit(
    client, vereisten_register, django_capture_on_commit_callbacks
):
    from coalities.models import Route
    from evaluatie import services as evaluatie_services
    from evaluatie.models import Evaluatiemoment
    from initiatieven.models import Horizon, Voorstel
    from overdracht.models import OvereenkomstVersie
    from overdracht.services import ondertekening_tekenen, versie_opstellen, versie_vaststellen
    from tests.factories import GemeenteFactory

    # The intake's own requirements (a complete proposal, its assessment) are walked in
    # tests/initiatieven; here they would only add steps that send no mail.
    for transitie in ("indienen", "toelaten"):
        vereisten_register.vereisten_weglaten(transitie)
    gemeente = GemeenteFactory(naam="Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="anne@heuvelrug.example.org", naam="Anne Ambt")
    ambtenaar_van(gemeente, email="cor@heuvelrug.example.org", naam="Cor Collega")
    opgave = opgave_maken(gemeente, titel="Beheer van het buurtpark")
    personen = {
        "initiatiefnemer": "ilse@example.org",
        "ambtenaar": ambtenaar.email,
        "collega": "cor@heuvelrug.example.org",
        "partner": "sanne@sportclub.example.org",
    }
    post = Postbus(django_capture_on_commit_callbacks, personen)
    vandaag = datetime.date.today()

    # --- intake ---------------------------------------------------------------------------
    with post.besluit("Voorstel begonnen op een opgave"):
        ok(
            client.post(
                reverse(
                    "initiatieven:opgave_voorstel_starten",
                    kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
                ),
                {
                    "email": personen["initiatiefnemer"],
                    "initiatief_naam": "Bewoners van de Lindelaan",
                    "titel": "Buurtpark De Linde",
                },
            )
        )
    inwoner = User.objects.get(email=personen["initiatiefnemer"])
    traject = Voorstel.objects.get(initiatief__leden=inwoner).traject
    landing = inloggen_via_mail(client, inwoner.email)
    ok(client.post(landing, voorstel_data()))
    with post.besluit("Voorstel ingediend"):
        stap(client, traject, "indienen")
    client.force_login(ambtenaar)
    with post.besluit("Voorstel toegelaten (met besluitbrief)"):
        ok(
            client.post(
                reverse("initiatieven:besluiten", kwargs={"pk": traject.pk}),
                {
                    "besluit": "toelaten",
                    "motivatie": "Past bij het groenbeleid.",
                    "status": "ingediend",
                },
            )
        )
    assert Traject.objects.get(pk=traject.pk).status == TrajectStatus.HORIZON

    # --- 1. stip aan de horizon -----------------------------------------------------------
    client.force_login(inwoner)
    akkoord = reverse("initiatieven:horizon_akkoord", kwargs={"pk": traject.pk})
    with post.besluit("Horizon gewijzigd: akkoord gevraagd"):
        ok(
            client.post(
                reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk}), horizon_data()
            )
        )
    versie = str(Horizon.objects.get(traject=traject).versie)
    with post.besluit("Horizon: akkoord van het initiatief"):
        ok(client.post(akkoord, {"versie": versie}))
    client.force_login(ambtenaar)
    with post.besluit("Horizon: akkoord van de gemeente"):
        ok(client.post(akkoord, {"versie": versie}))
    client.force_login(inwoner)
    with post.besluit("Door naar vitale coalities"):
        stap(client, traject, "naar_coalitie")

    # --- 2. vitale coalities --------------------------------------------------------------
    with post.besluit("Partner uitgenodigd"):
        ok(
            client.post(
                reverse("coalities:uitnodigen", kwargs={"pk": traject.pk}),
                {
                    "email": personen["partner"],
                    "naam": "Sanne de Vries",
                    "organisatie": "Sportclub De Linde",
                },
            )
        )
    token = token_uit_mail(mail.outbox[-1])
    client.logout()
    with post.besluit("Uitnodiging aangenomen"):
        ok(
            client.post(
                reverse("coalities:uitnodiging", kwargs={"token": token}),
                {
                    "actie": "accepteren",
                    "organisatie": "Sportclub De Linde",
                    "soort": "organisatie",
                    "contactpersoon": "Sanne de Vries",
                    "rol": "uitvoerder",
                },
            )
        )
    partner_gebruiker = User.objects.get(email=personen["partner"])
    partner = partner_gebruiker.partnerschappen.get()
    client.force_login(partner_gebruiker)
    with post.besluit("Horizon: akkoord van de (laatste) partner"):
        ok(
            client.post(
                reverse("coalities:horizon_oordeel", kwargs={"pk": traject.pk}),
                {"versie": versie, "oordeel": "ja"},
            )
        )
    client.force_login(inwoner)
    with post.besluit("Door naar routes naar de horizon"):
        stap(client, traject, "naar_route")

    # --- 3. routes naar de horizon: a whole sitting of edits is one draft ------------------
    pk = traject.pk
    start = vandaag + datetime.timedelta(days=7)
    mijlpaal_datum = (start + datetime.timedelta(days=60)).isoformat()
    with post.besluit("Route bewerkt (concept: mijlpalen, inzet, begroting, tranche)"):
        ok(
            client.post(
                reverse("coalities:route_kader", kwargs={"pk": pk}),
                {"startdatum": start.isoformat(), "looptijd_maanden": "24"},
            )
        )
        for titel in ("Eerste plantdag", "Tweede plantdag", "Oogstfeest"):
            ok(
                client.post(
                    reverse("coalities:mijlpaal_nieuw", kwargs={"pk": pk}),
                    {"titel": titel, "datum": mijlpaal_datum, "verantwoordelijke": "initiatief"},
                )
            )
        ok(
            client.post(
                reverse("coalities:inzet_nieuw", kwargs={"pk": pk}),
                {"partij": "initiatief", "soort": "uren", "hoeveelheid": "40", "eenheid": "uur"},
            )
        )
        ok(
            client.post(
                reverse("coalities:inzet_bevestigen", kwargs={"pk": pk}), {"partij": "initiatief"}
            )
        )
        client.force_login(partner_gebruiker)
        ok(
            client.post(
                reverse("coalities:inzet_nieuw", kwargs={"pk": pk}),
                {
                    "partij": f"partner-{partner.pk}",
                    "soort": "uren",
                    "hoeveelheid": "20",
                    "eenheid": "uur",
                },
            )
        )
        ok(
            client.post(
                reverse("coalities:inzet_bevestigen", kwargs={"pk": pk}),
                {"partij": f"partner-{partner.pk}"},
            )
        )
        client.force_login(ambtenaar)
        for data in (
            {"soort": "kosten", "omschrijving": "Plantgoed", "bedrag": "5.000,00"},
            {"soort": "dekking", "bron": "gemeente", "omschrijving": "Subsidie", "bedrag": "5.000"},
        ):
            ok(client.post(reverse("coalities:begrotingspost_nieuw", kwargs={"pk": pk}), data))
        ok(
            client.post(
                reverse("coalities:tranche_nieuw", kwargs={"pk": pk}),
                {
                    "omschrijving": "Eerste betaling",
                    "bedrag": "5.000",
                    "vorm": "subsidie",
                    "mijlpaal": traject.mijlpalen.first().pk,
                    "datum": mijlpaal_datum,
                },
            )
        )
    client.force_login(inwoner)
    with post.besluit("Route klaar: akkoord gevraagd"):
        ok(client.post(reverse("coalities:akkoord_vragen", kwargs={"pk": pk}), {}))
    route_versie = Route.objects.get(traject=traject).versie
    client.force_login(partner_gebruiker)
    with post.besluit("Route: akkoord van een partner"):
        ok(
            client.post(
                reverse("coalities:akkoord", kwargs={"pk": pk}),
                {"partij": f"partner-{partner.pk}", "versie": route_versie},
            )
        )
    client.force_login(ambtenaar)
    with post.besluit("Route: het laatste akkoord"):
        ok(
            client.post(
                reverse("coalities:akkoord", kwargs={"pk": pk}),
                {"partij": "gemeente", "versie": route_versie},
            )
        )
    with post.besluit("Door naar formele overdracht"):
        stap(client, traject, "naar_overdracht")

    # --- 4. formele overdracht ------------------------------------------------------------
    traject = Traject.objects.get(pk=pk)
    with post.besluit("Overeenkomst vastgesteld: tekenverzoek"):
        versie = versie_opstellen(traject=traject, door=ambtenaar)
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie = OvereenkomstVersie.objects.get(pk=versie.pk)
    rijen = list(versie.ondertekeningen.select_related("ondertekenaar").order_by("partij_soort"))
    gemeente_rij = next(o for o in rijen if o.partij_soort == "gemeente")
    for o in [o for o in rijen if o is not gemeente_rij]:
        with post.besluit("Ondertekend door een partij"):
            ondertekening_tekenen(
                ondertekening_id=o.pk,
                door=o.ondertekenaar,
                ip_adres="192.0.2.1",
                getypte_naam=o.naam,
                pdf_sha256=versie.pdf_sha256,
            )
    with post.besluit("Laatste handtekening: verzegeld en door naar evaluatie"):
        ondertekening_tekenen(
            ondertekening_id=gemeente_rij.pk,
            door=ambtenaar,
            ip_adres="192.0.2.1",
            getypte_naam=gemeente_rij.naam,
            pdf_sha256=versie.pdf_sha256,
        )
    traject = Traject.objects.get(pk=pk)
    assert traject.status == TrajectStatus.EVALUATIE

    # --- 5. evaluatie en verankering ------------------------------------------------------
    moment = Evaluatiemoment.objects.filter(traject=traject).order_by("gepland_op").first()
    indicator = Horizon.objects.get(traject=traject).indicatoren.get()
    metingen = {indicator.pk: (Decimal("12"), "Telling", vandaag)}
    for door, p in ((inwoner, None), (partner_gebruiker, partner)):
        with post.besluit("Evaluatie: een partij vult haar deel in"):
            evaluatie_services.bijdrage_indienen(
                moment=moment,
                door=door,
                partner=p,
                metingen=metingen,
                bestedingen={},
                wat_ging_goed="Veel buren doen mee.",
                wat_kan_beter="Meer jongeren.",
            )
    evaluatie_services.verankering_opslaan(
        traject=traject,
        wijze="begroting",
        omschrijving="Vaste post op de begroting.",
        ingangsdatum=vandaag + datetime.timedelta(days=30),
    )
    with post.besluit("Besluit: verankeren"):
        evaluatie_services.evaluatie_besluiten(
            moment=moment,
            door=ambtenaar,
            conclusie="verankeren",
            toelichting="De taak loopt goed.",
            ontbrekend_reden="Besproken in het overleg.",
        )
    assert Traject.objects.get(pk=pk).status == TrajectStatus.VERANKERD

    # --- the budget ------------------------------------------------------------------------
    te_veel = [
        f"{naam}: {adres} got {aantal} mails"
        for naam, per_adres in post.besluiten
        for adres, aantal in per_adres.items()
        if aantal > 1
    ]
    assert not te_veel, "more than one mail per person per decision:\n" + "\n".join(te_veel)
    gezien = [(naam, post.per_rol(per_adres)) for naam, per_adres in post.besluiten]
    assert gezien == budget_uit_document(), (
        "the journey's mails differ from the table in docs/mailbudget.md:\n"
        + "\n".join(f"{naam}: {sorted(rollen)}" for naam, rollen in gezien)
    )
    # A person's total over the whole journey, for the record in the document.
    totaal = Counter(rol for _naam, rollen in gezien for rol in rollen)
    tekst = DOC.read_text(encoding="utf-8")
    for rol in ROLLEN:
        assert re.search(rf"`{rol}`: {totaal[rol]} mails", tekst), (rol, totaal[rol])
