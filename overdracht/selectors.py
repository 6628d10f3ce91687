"""Reads of phase 4: the agreement's content drawn from the traject, versions, who may see
what, and what changed between two versions."""

from __future__ import annotations

import datetime
import hashlib
import json
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from aanbesteden import opmaak
from aanbesteden.constants import FREQUENTIE_MAANDEN, PartijSoort, Rol
from aanbesteden.models import Traject, User

from .constants import VersieStatus
from .models import Clausule, Ondertekening, OvereenkomstVersie


def controle_url() -> str:
    """The full address of the public page that checks a sealed PDF, as printed on it."""
    return settings.SITE_URL + reverse("overdracht:verifieren")


# --- formatting for the snapshot: always Dutch, the agreement's language ---------------------
def euro(bedrag: Decimal | int | None) -> str:
    return opmaak.in_taal("nl", opmaak.euro, bedrag)


def datum_tekst(datum: datetime.date | None) -> str:
    return opmaak.in_taal("nl", opmaak.datum, datum)


def _getal(waarde: Decimal | None) -> str:
    return opmaak.in_taal("nl", opmaak.getal, waarde)


def _optioneel(obj: Any, naam: str) -> Any:
    try:
        return getattr(obj, naam)
    except ObjectDoesNotExist:
        return None


# --- who signs, by name -----------------------------------------------------------------------
def is_een_naam(tekst: str) -> bool:
    """A person's name, not an e-mail address: letters, and no ``@``."""
    tekst = " ".join((tekst or "").split())
    return len(tekst) >= 2 and "@" not in tekst and any(c.isalpha() for c in tekst)


def ondertekenaar_naam(*, gebruiker: User, initiatief: Any = None, partner: Any = None) -> str:
    """The name a signatory signs with: the name kept with the account, else the name the
    proposal gives the contact person with the same address, else the partner's contact
    person. Never the e-mail address: '' when nobody named them (the signing page asks once)."""
    if is_een_naam(gebruiker.naam):
        return " ".join(gebruiker.naam.split())
    if initiatief is not None:
        for c in sorted(
            initiatief.contactpersonen.all(), key=lambda c: (not c.is_vertegenwoordiger, c.pk)
        ):
            if c.email.casefold() == gebruiker.email.casefold() and is_een_naam(c.naam):
                return " ".join(c.naam.split())
    if partner is not None and is_een_naam(partner.contactpersoon):
        return " ".join(partner.contactpersoon.split())
    return ""


# --- signing with a checked identity ----------------------------------------------------------
def vereist_middel(ondertekening: Ondertekening, traject: Traject) -> tuple[str, str] | None:
    """What identity the gemeente asks of this signatory, as ``(means, KvK number)``, or
    ``None`` when its policy asks none (the one-time link and the password will do). The
    gemeente's signatory: its SSO. A partner or initiative with a KvK number: eHerkenning for
    that number. A resident (or a group without a KvK number): DigiD."""
    from accounts.constants import InlogMiddel
    from accounts.models import Inlogbeleid
    from coalities.constants import PartnerSoort

    if not Inlogbeleid.objects.filter(
        gemeente_id=traject.gemeente_id, tekenen_gecontroleerd=True
    ).exists():
        return None
    if ondertekening.partij_soort == PartijSoort.GEMEENTE:
        return InlogMiddel.SSO.value, ""
    kvk = ""
    if ondertekening.partij_soort == PartijSoort.PARTNER and ondertekening.partner_id:
        partner = ondertekening.partner
        if partner is not None and partner.soort != PartnerSoort.BEWONER:
            kvk = partner.kvk_nummer
    elif ondertekening.partij_soort == PartijSoort.INITIATIEF:
        voorstel = _optioneel(traject, "voorstel")
        kvk = voorstel.initiatief.kvk_nummer if voorstel is not None else ""
    if kvk:
        return InlogMiddel.EHERKENNING.value, kvk
    return InlogMiddel.DIGID.value, ""


def aanbieder_voor(middel: str, traject: Traject):
    """The active provider of ``middel`` for the traject's gemeente (its own first, else the
    installation's), or ``None``."""
    from accounts.models import OidcAanbieder

    return (
        OidcAanbieder.objects.filter(soort=middel, actief=True)
        .filter(Q(gemeente_id=traject.gemeente_id) | Q(gemeente__isnull=True))
        .order_by(F("gemeente_id").asc(nulls_last=True), "pk")
        .first()
    )


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


# --- versions -----------------------------------------------------------------------------------
def versies_van_traject(*, traject: Traject) -> QuerySet[OvereenkomstVersie]:
    return (
        OvereenkomstVersie.objects.filter(traject=traject)
        .prefetch_related(
            Prefetch(
                "ondertekeningen",
                queryset=Ondertekening.objects.select_related("ondertekenaar").order_by("pk"),
            )
        )
        .order_by("-nummer")
    )


def huidige_versie(*, traject: Traject) -> OvereenkomstVersie | None:
    return (
        OvereenkomstVersie.objects.filter(traject=traject)
        .exclude(status=VersieStatus.VERVANGEN)
        .first()
    )


def versie_get(*, traject: Traject, nummer: Any) -> OvereenkomstVersie:
    try:
        nummer = int(nummer)
    except (TypeError, ValueError):
        raise Http404 from None
    versie = (
        versies_van_traject(traject=traject)
        .select_related("traject__gemeente")
        .filter(nummer=nummer)
        .first()
    )
    if versie is None:
        raise Http404
    return versie


def is_ondertekenaar(user: User, versie: OvereenkomstVersie) -> bool:
    return any(o.ondertekenaar_id == user.pk for o in versie.ondertekeningen.all())


def mag_versie_zien(user: User, versie: OvereenkomstVersie, rollen: frozenset[str]) -> bool:
    """Officials see every version; a signatory sees the versions put to them; everybody
    else with a role sees only the sealed agreement. Nobody else sees a draft."""
    if Rol.AMBTENAAR in rollen:
        return True
    if not rollen:
        return False
    if versie.status == VersieStatus.VERZEGELD:
        return True
    if versie.status == VersieStatus.CONCEPT:
        return False
    return is_ondertekenaar(user, versie)


def eigen_ondertekeningen(user: User, versie: OvereenkomstVersie) -> list[Ondertekening]:
    return [o for o in versie.ondertekeningen.all() if o.ondertekenaar_id == user.pk]


def tekenbevoegde_ambtenaren(*, traject: Traject) -> QuerySet[User]:
    return (
        User.objects.filter(
            is_active=True,
            lidmaatschappen__gemeente_id=traject.gemeente_id,
            lidmaatschappen__mag_tekenen=True,
        )
        .order_by("naam", "email")
        .distinct()
    )


def clausules_van_gemeente(*, gemeente, alleen_actief: bool = False) -> QuerySet[Clausule]:
    qs = Clausule.objects.filter(gemeente=gemeente)
    if alleen_actief:
        qs = qs.filter(actief=True)
    return qs.order_by("soort", "titel", "pk")


def versie_voor_sha256(sha256: str) -> OvereenkomstVersie | None:
    if not sha256:
        return None
    return (
        OvereenkomstVersie.objects.filter(verzegeld_sha256=sha256)
        .select_related("traject__gemeente")
        .prefetch_related("ondertekeningen")
        .first()
    )


# --- what changed -------------------------------------------------------------------------------
SECTIE_LABELS = {
    "traject": "Traject",
    "gemeente": "Gemeente",
    "initiatief": "Initiatief",
    "partners": "Partners",
    "taak": "Taak",
    "horizon": "Stip aan de horizon",
    "indicatoren": "Indicatoren",
    "mijlpalen": "Mijlpalen",
    "inzet": "Inzet van de partijen",
    "begroting": "Begroting",
    "kosten": "Kosten",
    "dekking": "Dekking",
    "tranches": "Tranches",
    "contactpersonen": "Contactpersonen",
    "looptijd": "Looptijd",
    "evaluatie": "Evaluatie",
    "taak_gemeente": "Wat bij de gemeente blijft",
    "exitplan": "Beëindiging en exitplan",
    "clausules": "Clausules",
}


def _kort(waarde: Any) -> str:
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {v}" for k, v in waarde.items() if v and k != "label")
    tekst = str(waarde)
    return tekst if len(tekst) <= 300 else tekst[:297] + "…"


def versie_verschillen(oud: dict, nieuw: dict) -> list[dict[str, str]]:
    """What changed from snapshot ``oud`` to ``nieuw``, as readable rows
    (section, what, before, after)."""
    rijen: list[dict[str, str]] = []
    for sleutel in list(SECTIE_LABELS) + sorted(set(oud) | set(nieuw) - set(SECTIE_LABELS)):
        if sleutel not in oud and sleutel not in nieuw:
            continue
        a, b = oud.get(sleutel), nieuw.get(sleutel)
        if a == b:
            continue
        sectie = SECTIE_LABELS.get(sleutel, sleutel)
        if isinstance(a, list) or isinstance(b, list):
            a_items = {
                str(i.get("label", i)) if isinstance(i, dict) else str(i): i for i in a or []
            }
            b_items = {
                str(i.get("label", i)) if isinstance(i, dict) else str(i): i for i in b or []
            }
            for label in a_items.keys() - b_items.keys():
                rijen.append(
                    {
                        "sectie": sectie,
                        "wat": label,
                        "soort": "verwijderd",
                        "oud": _kort(a_items[label]),
                        "nieuw": "",
                    }
                )
            for label in b_items.keys() - a_items.keys():
                rijen.append(
                    {
                        "sectie": sectie,
                        "wat": label,
                        "soort": "toegevoegd",
                        "oud": "",
                        "nieuw": _kort(b_items[label]),
                    }
                )
            for label in sorted(a_items.keys() & b_items.keys()):
                x, y = a_items[label], b_items[label]
                if x == y:
                    continue
                if isinstance(x, dict) and isinstance(y, dict):
                    for veld in sorted(set(x) | set(y)):
                        if x.get(veld) != y.get(veld):
                            rijen.append(
                                {
                                    "sectie": sectie,
                                    "wat": f"{label} › {veld}",
                                    "soort": "gewijzigd",
                                    "oud": _kort(x.get(veld, "")),
                                    "nieuw": _kort(y.get(veld, "")),
                                }
                            )
                else:
                    rijen.append(
                        {
                            "sectie": sectie,
                            "wat": label,
                            "soort": "gewijzigd",
                            "oud": _kort(x),
                            "nieuw": _kort(y),
                        }
                    )
        elif isinstance(a, dict) or isinstance(b, dict):
            a, b = a or {}, b or {}
            for veld in sorted(set(a) | set(b)):
                if a.get(veld) != b.get(veld):
                    rijen.append(
                        {
                            "sectie": sectie,
                            "wat": veld,
                            "soort": "gewijzigd",
                            "oud": _kort(a.get(veld, "")),
                            "nieuw": _kort(b.get(veld, "")),
                        }
                    )
        else:
            rijen.append(
                {
                    "sectie": sectie,
                    "wat": sectie,
                    "soort": "gewijzigd",
                    "oud": _kort(a if a is not None else ""),
                    "nieuw": _kort(b if b is not None else ""),
                }
            )
    return rijen


def vorige_versie(versie: OvereenkomstVersie) -> OvereenkomstVersie | None:
    return (
        OvereenkomstVersie.objects.filter(traject_id=versie.traject_id, nummer__lt=versie.nummer)
        .prefetch_related("clausules")
        .order_by("-nummer")
        .first()
    )


def volledige_inhoud(versie: OvereenkomstVersie, clausules=None) -> dict:
    """The snapshot plus the editable texts and the clauses, as compared between versions."""
    clausules = list(versie.clausules.all()) if clausules is None else clausules
    return {
        **versie.inhoud,
        **versie_teksten(versie),
        "clausules": [{"label": c.titel, "tekst": c.tekst} for c in clausules],
    }


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
