"""The agreement's content (the snapshot) drawn from the traject, always in Dutch, the
agreement's language: the data, the default term, the first evaluation, the version's own
texts, and the hash of it all."""

from __future__ import annotations

import datetime
import hashlib
import json
from decimal import Decimal
from typing import Any

from django.utils import translation

from aanbesteden import opmaak
from aanbesteden.constants import FREQUENTIE_MAANDEN, PartijSoort
from aanbesteden.models import Traject

from ..models import OvereenkomstVersie
from .ondertekenaars import _optioneel, ondertekenaar_naam


# --- formatting for the snapshot: always Dutch, the agreement's language ---------------------
def euro(bedrag: Decimal | int | None) -> str:
    return opmaak.in_taal("nl", opmaak.euro, bedrag)


def datum_tekst(datum: datetime.date | None) -> str:
    return opmaak.in_taal("nl", opmaak.datum, datum)


def _getal(waarde: Decimal | None) -> str:
    return opmaak.in_taal("nl", opmaak.getal, waarde)


# --- the snapshot ------------------------------------------------------------------------------
def overeenkomst_gegevens(*, traject: Traject) -> dict[str, Any]:
    """Everything the agreement states, drawn from the traject's data, as JSON-able values
    (strings, numbers, lists, dicts). Each list item has a ``label`` that identifies it."""
    from coalities.constants import PartnerStatus, PostSoort
    from coalities.models import Begrotingspost, Inzet, Mijlpaal, Partner, Tranche
    from initiatieven.selectors import initiatief_vertegenwoordiger

    with translation.override("nl"):
        gemeente = traject.gemeente
        voorstel = _optioneel(traject, "voorstel")
        initiatief = voorstel.initiatief if voorstel else None
        vertegenwoordiger = initiatief_vertegenwoordiger(traject=traject)
        partners = list(
            Partner.objects.filter(traject=traject, status=PartnerStatus.BEVESTIGD)
            .select_related("gebruiker")
            .order_by("toegetreden_op", "pk")
        )
        partner_namen = {p.pk: p.organisatie for p in partners}

        def partij(soort: str, partner_id: int | None) -> str:
            if soort == PartijSoort.GEMEENTE:
                return f"Gemeente {gemeente.naam}"
            if soort == PartijSoort.PARTNER:
                return partner_namen.get(partner_id, "Partner")
            return initiatief.naam if initiatief else traject.titel

        taak: dict[str, str] = {"titel": traject.titel, "omschrijving": traject.samenvatting}
        if voorstel is not None:
            if voorstel.opgave_id:
                taak = {
                    "titel": voorstel.opgave.titel,
                    "omschrijving": voorstel.opgave.omschrijving,
                    "kwaliteitsniveau": voorstel.opgave.kwaliteitsniveau,
                }
            else:
                taak = {
                    "titel": voorstel.taak or traject.titel,
                    "omschrijving": voorstel.omschrijving or traject.samenvatting,
                }
            taak["doelgroep"] = voorstel.doelgroep

        horizon = _optioneel(traject, "horizon")
        indicatoren = []
        if horizon is not None:
            for ind in horizon.indicatoren.all().order_by("volgorde", "pk"):
                indicatoren.append(
                    {
                        "label": ind.naam,
                        "eenheid": ind.eenheid,
                        "nulwaarde": _getal(ind.nulwaarde),
                        "streefwaarde": _getal(ind.streefwaarde),
                        "meetmethode": ind.meetmethode,
                        "meetfrequentie": ind.get_meetfrequentie_display(),
                    }
                )

        mijlpalen_qs = (
            Mijlpaal.objects.filter(traject=traject)
            .select_related("indicator", "verantwoordelijke_partner")
            .order_by("datum", "pk")
        )
        mijlpalen = [
            {
                "label": m.titel,
                "datum": m.datum.isoformat(),
                "datum_tekst": datum_tekst(m.datum),
                "omschrijving": m.omschrijving,
                "verantwoordelijke": partij(
                    m.verantwoordelijke_soort, m.verantwoordelijke_partner_id
                ),
                "indicator": m.indicator.naam if m.indicator_id else "",
            }
            for m in mijlpalen_qs
        ]
        inzet = [
            {
                "label": f"{partij(i.partij_soort, i.partner_id)}: {i.get_soort_display()}"
                f"{' – ' + i.omschrijving if i.omschrijving else ''}"
                f"{' (' + i.mijlpaal.titel + ')' if i.mijlpaal_id else ''}",
                "partij": partij(i.partij_soort, i.partner_id),
                "soort": i.get_soort_display(),
                "omschrijving": i.omschrijving,
                "hoeveelheid": f"{_getal(i.hoeveelheid)} {i.eenheid}",
                "mijlpaal": i.mijlpaal.titel if i.mijlpaal_id else "",
            }
            for i in Inzet.objects.filter(traject=traject).select_related("mijlpaal")
        ]
        kosten, dekking = [], []
        totaal_kosten = totaal_dekking = Decimal("0")
        for post in Begrotingspost.objects.filter(traject=traject).order_by("soort", "pk"):
            regel = {
                "label": post.omschrijving,
                "bedrag": euro(post.bedrag),
                "bron": post.get_bron_display() if post.bron else "",
            }
            if post.soort == PostSoort.KOSTEN:
                kosten.append(regel)
                totaal_kosten += post.bedrag
            else:
                dekking.append(regel)
                totaal_dekking += post.bedrag
        tranches = []
        totaal_tranches = Decimal("0")
        for t in Tranche.objects.filter(traject=traject).select_related("mijlpaal"):
            tranches.append(
                {
                    "label": t.omschrijving,
                    "bedrag": euro(t.bedrag),
                    "vorm": t.get_vorm_display(),
                    "datum": t.datum.isoformat(),
                    "datum_tekst": datum_tekst(t.datum),
                    "mijlpaal": t.mijlpaal.titel if t.mijlpaal_id else "",
                }
            )
            totaal_tranches += t.bedrag

        contactpersonen = []
        if initiatief is not None:
            for c in initiatief.contactpersonen.all().order_by("pk"):
                contactpersonen.append(
                    {
                        "label": c.naam,
                        "namens": initiatief.naam,
                        "functie": c.functie,
                        "telefoon": c.telefoon,
                    }
                )
        for p in partners:
            contactpersonen.append(
                {
                    "label": ondertekenaar_naam(gebruiker=p.gebruiker, partner=p),
                    "namens": p.organisatie,
                    "functie": p.get_rol_display() if p.rol else "",
                    "telefoon": p.telefoon,
                }
            )

        return {
            "traject": {
                "id": traject.pk,
                "titel": traject.titel,
                "samenvatting": traject.samenvatting,
                "wijk": traject.wijk,
                "thema": traject.thema,
            },
            "gemeente": {"naam": gemeente.naam, "cbs_code": gemeente.cbs_code},
            "initiatief": {
                "naam": initiatief.naam if initiatief else traject.titel,
                "rechtsvorm": initiatief.get_rechtsvorm_display() if initiatief else "",
                "kvk_nummer": initiatief.kvk_nummer if initiatief else "",
                "adres": " ".join(
                    x for x in [initiatief.straat, initiatief.postcode, initiatief.plaats] if x
                )
                if initiatief
                else "",
                "vertegenwoordiger": ondertekenaar_naam(
                    gebruiker=vertegenwoordiger, initiatief=initiatief
                )
                if vertegenwoordiger
                else "",
            },
            "partners": [
                {
                    "label": p.organisatie,
                    "soort": p.get_soort_display(),
                    "rechtsvorm": p.rechtsvorm,
                    "kvk_nummer": p.kvk_nummer,
                    "rol": p.get_rol_display() if p.rol else "",
                    "vertegenwoordiger": ondertekenaar_naam(gebruiker=p.gebruiker, partner=p),
                }
                for p in partners
            ],
            "taak": taak,
            "horizon": {
                "ambitie": horizon.ambitie if horizon else "",
                "beoogde_resultaten": horizon.beoogde_resultaten if horizon else "",
            },
            "indicatoren": indicatoren,
            "mijlpalen": mijlpalen,
            "inzet": inzet,
            "begroting": {
                "totaal_kosten": euro(totaal_kosten),
                "totaal_dekking": euro(totaal_dekking),
                "totaal_tranches": euro(totaal_tranches),
            },
            "kosten": kosten,
            "dekking": dekking,
            "tranches": tranches,
            "contactpersonen": contactpersonen,
        }


def standaard_looptijd(*, traject: Traject) -> tuple[datetime.date, int]:
    route = _optioneel(traject, "route")
    voorstel = _optioneel(traject, "voorstel")
    start = (route.startdatum if route else None) or datetime.date.today()
    looptijd = (
        (route.looptijd_maanden if route else None)
        or (voorstel.looptijd_maanden if voorstel else None)
        or 12
    )
    return start, looptijd


def eerste_evaluatie(startdatum: datetime.date, frequentie: str) -> datetime.date:
    return opmaak.maanden_later(startdatum, FREQUENTIE_MAANDEN.get(frequentie, 6))


def inhoud_sha256(inhoud: dict, clausules: list[dict]) -> str:
    """SHA-256 of the canonical JSON of the agreement's content and clauses."""
    tekst = json.dumps(
        {"inhoud": inhoud, "clausules": clausules},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(tekst.encode()).hexdigest()


def versie_teksten(versie: OvereenkomstVersie) -> dict:
    return {
        "looptijd": {
            "startdatum": datum_tekst(versie.startdatum),
            "looptijd_maanden": versie.looptijd_maanden,
            "einddatum": datum_tekst(
                opmaak.maanden_later(versie.startdatum, versie.looptijd_maanden)
            ),
        },
        "evaluatie": {
            "frequentie": _frequentie_nl(versie.evaluatie_frequentie),
            "eerste": datum_tekst(versie.eerste_evaluatie),
        },
        "taak_gemeente": versie.taak_gemeente,
        "exitplan": versie.exitplan,
    }


def _frequentie_nl(code: str) -> str:
    from aanbesteden.constants import EvaluatieFrequentie

    with translation.override("nl"):
        try:
            return str(EvaluatieFrequentie(code).label)
        except ValueError:
            return code
