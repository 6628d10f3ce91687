"""A page opened in one phase and sent in a later one: a refusal the user can read.

A browser tab keeps the forms of the phase in which it was opened. When the traject has moved
on since (forward, back, or to an ending) and the form is sent anyway, the answer is never a
500 and never a silent success: it is a 4xx page that states the reason, or a redirect to a
page that shows a message, and nothing in the database changed.

For every POST of the access table (``tests/toegang/tabel.py``) that belongs to a traject, and
for every page of the table whose form posts back to itself, ``FORMULIEREN`` says where the
form is shown and what the user types into it. The test opens that page in the row's own
status, as each role the row lets through, and takes the form as the browser would send it.
Sent in the row's own status the form must really do something (so the test cannot pass on
bad input); then the traject is put, in the database, in every status reachable after that
one, and the same form is sent again. ``test_oude_pagina_openen`` opens every page of a
status in every later status (never a 5xx) and checks that every form it shows is covered
here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django import forms
from django.apps import apps
from django.contrib import messages as django_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.forms.formsets import BaseFormSet
from django.urls import resolve, reverse

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from tests.toegang.fasen_tabel import maak_rijk
from tests.toegang.tabel import DOOR, ROLLEN, TABEL, Pagina, Wereld
from tests.tweestaps import Client

#: The traject of the world starts as a concept; a row without ``status`` is a concept's page.
BEGIN = TrajectStatus.CONCEPT

#: POSTs of the table that belong to no traject phase, with the reason.
ZONDER_TRAJECT: dict[str, str] = {
    "accounts:uitloggen POST": "logging out",
    "accounts:inloglink_gebruiken POST": "logging in",
    "aanbesteden:taal POST": "the language of the interface",
    "meldingen:notificatie_gelezen POST": "a message of the user's own",
    "meldingen:alles_gelezen POST": "the user's own messages",
    "evaluatie:agenda_vernieuwen POST": "the user's own calendar link",
    "initiatieven:opgave_status POST": "a call of the gemeente, not a traject",
    "initiatieven:steun_bevestigen POST": "a supporter's own statement, by a link from a mail",
    "initiatieven:openbaar_voorstel POST": "anyone's support of a published proposal, in any "
    "phase after the submission (it counts once the mailed link confirms it)",
    "initiatieven:voorstel_reageren POST": "a reaction on a published proposal, in any phase "
    "after the submission (refused while the proposal is not public)",
    "overzicht:register_reageren POST": "a reaction on a handed-over task's public page, in any "
    "phase from the transfer on",
    "initiatieven:reactie_bevestigen POST": "a resident's own reaction, by a link from a mail",
    "initiatieven:reactie_melden POST": "anyone's report of a reaction, not tied to a phase",
    "initiatieven:reactie_verbergen POST": "the gemeente's moderation of a reaction, not tied "
    "to a phase",
    "initiatieven:openbaar_voorstel POST [fout]": "support without an e-mail address: refused",
    "initiatieven:voorstel_reageren POST [fout]": "a reaction without text: refused",
    "initiatieven:steun_bevestigen POST [intrekken]": "a supporter withdraws, by the link from "
    "the mail",
    "initiatieven:voorstel_openbaar_zetten POST": "publishing the proposal or not, allowed in "
    "every phase after the submission (refused with a message once it is withdrawn)",
    "two_factor:backup_tokens POST": "the account's own recovery codes",
    "two_factor:disable POST": "the account's own authenticator app",
    "api:webhook-list POST": "a subscription of the gemeente's system, with its token",
    "overdracht:bibliotheek_nieuw POST": "the gemeente's clause library, not a traject",
}

#: POSTs of the table that are refused in their own status already, with the reason: an old
#: page has nothing to send that the current one would not refuse too.
AL_GEWEIGERD: dict[str, str] = {
    "overdracht:vaststellen POST [vastgesteld]": "a fixed agreement is not fixed again",
    "overdracht:clausule_toevoegen POST [vastgesteld]": "a fixed agreement gets no clauses",
}


# --- the journey ----------------------------------------------------------------------------
def _overgangen() -> dict[str, set[str]]:
    veld = Traject._meta.get_field("status")
    naar: dict[str, set[str]] = {}
    for overgang in veld.get_all_transitions(Traject):
        naar.setdefault(overgang.source, set()).add(overgang.target)
    return naar


def later(status: str) -> list[str]:
    """Every status the traject can reach from ``status`` (forward, back and the endings),
    ``status`` itself excepted."""
    naar = _overgangen()
    gezien: set[str] = set()
    rand = [status]
    while rand:
        for volgende in naar.get(rand.pop(), ()):
            if volgende not in gezien:
                gezien.add(volgende)
                rand.append(volgende)
    gezien.discard(status)
    return [s for s in TrajectStatus.values if s in gezien]


def eigen_status(pagina: Pagina) -> str:
    return pagina.status or BEGIN


# --- how each old page is found and filled in -----------------------------------------------
def _geen(w: Wereld) -> None:
    return None


def _niets(w: Wereld) -> dict:
    return {}


@dataclass(frozen=True)
class Formulier:
    """Where the form of a row is shown and what the user types into it."""

    #: The URL of the page that shows the form; ``None``: the row's own URL.
    pagina: Callable[[Wereld], str] | None = None
    #: What the user types (field name → value), over what the page filled in.
    invullen: Callable[[Wereld], dict[str, Any]] = _niets
    #: Makes the action possible in the row's own status (before the page is opened).
    voorbereiden: Callable[[Wereld], None] = _geen
    #: Later statuses in which the action is still allowed, on purpose.
    nog_toegestaan: frozenset[str] = frozenset()


def traject_pagina(w: Wereld) -> str:
    return reverse("aanbesteden:traject", kwargs={"pk": w.traject.pk})


def pagina_van(naam: str) -> Callable[[Wereld], str]:
    """A page of the traject (its URL takes only the traject's ``pk``)."""

    def url(w: Wereld) -> str:
        return reverse(naam, kwargs={"pk": w.traject.pk})

    return url


def versie_pagina(w: Wereld) -> str:
    from overdracht.models import OvereenkomstVersie

    versie = OvereenkomstVersie.objects.filter(traject=w.traject).order_by("-nummer").first()
    return reverse("overdracht:versie", kwargs={"pk": w.traject.pk, "nummer": versie.nummer})


def over_dagen(dagen: int) -> str:
    return (datetime.date.today() + datetime.timedelta(days=dagen)).isoformat()


def _brief_mislukt(w: Wereld) -> None:
    from initiatieven.models import Besluitbrief, Voorstel

    Voorstel.objects.filter(traject=w.traject).update(besluit="toegelaten")
    Besluitbrief.objects.filter(voorstel__traject=w.traject).update(status="mislukt")


def _horizon_compleet(w: Wereld) -> None:
    from initiatieven.models import Horizon, Indicator

    horizon = Horizon.objects.get(traject=w.traject)
    horizon.ambitie = "Een park dat de buurt zelf beheert."
    horizon.save()
    Indicator.objects.create(horizon=horizon, naam="Vrijwilligers", eenheid="aantal", nulwaarde=1)


def _inzet_van_de_gemeente(w: Wereld) -> None:
    from coalities.models import Inzet

    Inzet.objects.create(
        traject=w.traject,
        partij_soort="gemeente",
        soort="uren",
        hoeveelheid=10,
        eenheid="uur",
        omschrijving="Advies",
    )


def _route_gevraagd(w: Wereld) -> None:
    """Agreement asked on the route (version 1), nobody agreed yet."""
    from coalities.models import Route

    Route.objects.filter(traject=w.maak(maak_rijk)).update(versie=1, concept_gewijzigd=False)


def _pdf_mislukt(w: Wereld) -> None:
    from overdracht.models import OvereenkomstVersie

    OvereenkomstVersie.objects.filter(traject=w.traject).update(pdf_status="mislukt")


def _eerste_mijlpaal(w: Wereld) -> int:
    from coalities.models import Mijlpaal

    return Mijlpaal.objects.filter(traject=w.traject).order_by("pk")[0].pk


def _eigen_naam(w: Wereld) -> str:
    from overdracht.models import Ondertekening

    return Ondertekening.objects.get(
        versie__traject=w.traject, ondertekenaar=w.initiatiefnemer
    ).naam


def _pdf_bestand(w: Wereld) -> dict:
    from tests.initiatieven.factories import PDF_BYTES

    return {"bestand": SimpleUploadedFile("plan.pdf", PDF_BYTES, "application/pdf")}


ALLE_LATERE = frozenset(TrajectStatus.values)

FORMULIEREN: dict[str, Formulier] = {
    # --- concept: the proposal ---
    "aanbesteden:transitie POST": Formulier(),
    "initiatieven:voorstel_aanmaken POST": Formulier(pagina=traject_pagina),
    "initiatieven:voorstel_wijzigen GET": Formulier(
        invullen=lambda w: {"voorstel-omschrijving": "Een nieuwe omschrijving."}
    ),
    "initiatieven:bijlagen GET": Formulier(invullen=_pdf_bestand),
    "initiatieven:bijlage_verwijderen POST": Formulier(pagina=pagina_van("initiatieven:bijlagen")),
    "initiatieven:steun GET": Formulier(
        invullen=lambda w: {"naam": "Buurman", "email": "buurman@example.org"}
    ),
    # --- ingediend: the intake ---
    "initiatieven:beoordelen GET": Formulier(invullen=lambda w: {"samenvatting": "Goed plan."}),
    "initiatieven:besluiten GET": Formulier(
        invullen=lambda w: {"besluit": "toelaten", "motivatie": "Past bij de opgave."}
    ),
    # --- horizon ---
    "initiatieven:besluitbrief_opnieuw POST": Formulier(
        pagina=pagina_van("initiatieven:voorstel"),
        voorbereiden=_brief_mislukt,
        # The letter belongs to the decision on the proposal, which stays: trying its PDF
        # again is right in every later status.
        nog_toegestaan=ALLE_LATERE,
    ),
    "initiatieven:horizon_wijzigen GET": Formulier(
        invullen=lambda w: {"ambitie": "Een park dat de buurt zelf beheert."}
    ),
    "initiatieven:horizon_akkoord POST": Formulier(
        pagina=pagina_van("initiatieven:horizon"), voorbereiden=_horizon_compleet
    ),
    # --- coalitie ---
    "coalities:uitnodigen GET": Formulier(invullen=lambda w: {"email": "club@example.org"}),
    "coalities:uitnodiging_opnieuw POST": Formulier(pagina=pagina_van("coalities:coalitie")),
    "coalities:uitnodiging_intrekken POST": Formulier(pagina=pagina_van("coalities:coalitie")),
    "coalities:horizon_oordeel POST": Formulier(
        pagina=pagina_van("coalities:coalitie"), invullen=lambda w: {"oordeel": "ja"}
    ),
    "coalities:vertrekken GET": Formulier(
        invullen=lambda w: {"bevestig": "on"},
        # A partner may leave in the route phase too (the route then needs new agreements).
        nog_toegestaan=frozenset({TrajectStatus.ROUTE}),
    ),
    # --- route ---
    "coalities:akkoord POST": Formulier(
        pagina=pagina_van("coalities:route"), voorbereiden=_route_gevraagd
    ),
    "coalities:akkoord_vragen POST": Formulier(pagina=pagina_van("coalities:route")),
    "coalities:inzet_bevestigen POST": Formulier(
        pagina=pagina_van("coalities:route"), voorbereiden=_inzet_van_de_gemeente
    ),
    "coalities:verwijderen POST": Formulier(pagina=pagina_van("coalities:route")),
    "coalities:verwijderen POST [tranche]": Formulier(pagina=pagina_van("coalities:route")),
    "coalities:route_kader GET": Formulier(invullen=lambda w: {"looptijd_maanden": "30"}),
    "coalities:mijlpaal_nieuw GET": Formulier(
        invullen=lambda w: {"titel": "Opening", "omschrijving": "Feest", "datum": "2027-06-01"}
    ),
    "coalities:mijlpaal GET": Formulier(invullen=lambda w: {"titel": "Andere titel"}),
    "coalities:inzet_nieuw GET": Formulier(
        invullen=lambda w: {"omschrijving": "Koffie", "hoeveelheid": "10", "eenheid": "uur"}
    ),
    "coalities:inzet GET": Formulier(invullen=lambda w: {"hoeveelheid": "450"}),
    "coalities:begrotingspost_nieuw GET": Formulier(
        invullen=lambda w: {"soort": "kosten", "omschrijving": "Zaden", "bedrag": "100"}
    ),
    "coalities:begrotingspost GET": Formulier(invullen=lambda w: {"bedrag": "12500"}),
    "coalities:tranche_nieuw GET": Formulier(
        invullen=lambda w: {
            "omschrijving": "Derde tranche",
            "bedrag": "100",
            "mijlpaal": str(_eerste_mijlpaal(w)),
            "datum": "2027-03-01",
        }
    ),
    "coalities:tranche GET": Formulier(invullen=lambda w: {"omschrijving": "Andere tranche"}),
    # --- overdracht ---
    "overdracht:opstellen POST": Formulier(pagina=traject_pagina),
    "overdracht:versie_bewerken GET": Formulier(
        invullen=lambda w: {"wijzigingen": "Looptijd besproken."}
    ),
    "overdracht:vaststellen GET": Formulier(
        invullen=lambda w: {"ondertekenaar": str(w.ambtenaar.pk)}
    ),
    "overdracht:clausule_toevoegen GET": Formulier(
        invullen=lambda w: {"titel": "Verzekering", "tekst": "Het initiatief is verzekerd."}
    ),
    "overdracht:clausule_bewerken GET": Formulier(invullen=lambda w: {"tekst": "De AVG."}),
    "overdracht:clausule_verwijderen POST": Formulier(pagina=versie_pagina),
    "overdracht:pdf_opnieuw POST": Formulier(pagina=versie_pagina, voorbereiden=_pdf_mislukt),
    "overdracht:tekenen GET": Formulier(
        invullen=lambda w: {"instemming": "on", "naam": _eigen_naam(w)}
    ),
    "overdracht:weigeren GET": Formulier(invullen=lambda w: {"reden": "De looptijd klopt niet."}),
    # --- evaluatie ---
    "evaluatie:moment_toevoegen GET": Formulier(invullen=lambda w: {"datum": over_dagen(40)}),
    "evaluatie:moment_verplaatsen GET": Formulier(
        invullen=lambda w: {"datum": over_dagen(20), "reden": "Vakantie"}
    ),
    "evaluatie:bijdrage GET": Formulier(
        invullen=lambda w: {"wat_ging_goed": "Veel hulp.", "wat_kan_beter": "Planning."}
    ),
    "evaluatie:visie GET": Formulier(invullen=lambda w: {"visie": "Het gaat goed."}),
    "evaluatie:besluit GET": Formulier(
        invullen=lambda w: {
            "conclusie": "doorgaan",
            "toelichting": "We gaan door.",
            "ontbrekend_reden": "Besproken in het overleg.",
        }
    ),
    "evaluatie:verankering GET": Formulier(
        invullen=lambda w: {
            "wijze": "beleid",
            "omschrijving": "In het beleid.",
            "ingangsdatum": over_dagen(60),
        }
    ),
    "evaluatie:exitplan GET": Formulier(
        invullen=lambda w: {"sleutels_terug": "on", "overdracht_taak": "De gemeente."}
    ),
}

RIJEN = {p.sleutel: p for p in TABEL}
GEVALLEN = [RIJEN[s] for s in FORMULIEREN if s in RIJEN]
#: Pages opened in every later status: every page of a status, and the traject's own pages.
OPENEN = [
    p
    for p in TABEL
    if p.methode == "GET"
    and any(v == 200 for v in p.verwacht.values())
    and (p.status or p.sleutel in {"aanbesteden:traject GET", "aanbesteden:transitie GET"})
]


def rollen_van(pagina: Pagina) -> list[str]:
    """The roles the row lets through: a 200 or a redirect that is no log-in page."""
    return [r for r in ROLLEN if pagina.verwacht[r] in (200, DOOR) and r != "anoniem"]


# --- reading forms the way a browser does ---------------------------------------------------
@dataclass
class HtmlFormulier:
    action: str
    velden: list[tuple[str, str]] = field(default_factory=list)
    bestanden: list[str] = field(default_factory=list)


class FormulierLezer(HTMLParser):
    """The POST forms of a page with the values a browser would send without typing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.formulieren: list[HtmlFormulier] = []
        self._huidig: HtmlFormulier | None = None
        self._select: tuple[str, list[tuple[str, bool]]] | None = None
        self._textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            post = a.get("method", "get").lower() == "post"
            self._huidig = HtmlFormulier(a.get("action", "")) if post else None
            if post:
                self.formulieren.append(self._huidig)
        elif self._huidig is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name"):
            soort = a.get("type", "text").lower()
            if soort in ("submit", "button", "image", "reset"):
                return
            if soort == "file":
                self._huidig.bestanden.append(a["name"])
            elif soort in ("checkbox", "radio"):
                if "checked" in a:
                    self._huidig.velden.append((a["name"], a.get("value", "on")))
            else:
                self._huidig.velden.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], [])
        elif tag == "option" and self._select is not None:
            self._select[1].append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea = (a["name"], [])

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._huidig = None
        elif tag == "select" and self._select is not None and self._huidig is not None:
            naam, opties = self._select
            gekozen = [w for w, aan in opties if aan] or [w for w, _aan in opties[:1]]
            self._huidig.velden += [(naam, w) for w in gekozen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._huidig is not None:
            naam, delen = self._textarea
            self._huidig.velden.append((naam, "".join(delen).removeprefix("\n")))
            self._textarea = None


def formulieren_op(html: str, pagina_url: str) -> list[tuple[str, HtmlFormulier]]:
    """(path the form posts to, form) for every POST form of a page."""
    lezer = FormulierLezer()
    lezer.feed(html)
    return [(urlsplit(urljoin(pagina_url, f.action)).path, f) for f in lezer.formulieren]


def als_data(formulier: HtmlFormulier) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for naam, waarde in formulier.velden:
        if naam == "csrfmiddlewaretoken":
            continue
        if naam in data:
            bestaand = data[naam]
            data[naam] = [*bestaand, waarde] if isinstance(bestaand, list) else [bestaand, waarde]
        else:
            data[naam] = waarde
    return data


# --- what a refusal looks like --------------------------------------------------------------
def _lagen(response):
    for context in response.context or []:
        for laag in getattr(context, "dicts", [context]):
            if isinstance(laag, dict):
                yield laag


def redenen(response) -> list[str]:
    """The reasons a page gives: the error page's reason, a form's errors, messages."""
    gevonden: list[str] = []
    for laag in _lagen(response):
        for sleutel in ("reden", "bericht", "fout"):
            waarde = laag.get(sleutel)
            if isinstance(waarde, str) and waarde.strip():
                gevonden.append(waarde)
        for waarde in laag.values():
            if isinstance(waarde, forms.BaseForm):
                gevonden += [str(f) for fouten in waarde.errors.values() for f in fouten]
            elif isinstance(waarde, BaseFormSet):
                gevonden += [str(f) for f in waarde.non_form_errors()]
    return gevonden + [m.message for m in meldingen(response)]


def meldingen(response) -> list:
    for laag in _lagen(response):
        if "messages" in laag:
            return list(laag["messages"])
    return []


def weigering(client: Client, response) -> str:
    """``""`` when ``response`` is a refusal the user can read, else what is wrong."""
    code = response.status_code
    if code >= 500:
        return f"answered {code}"
    if 300 <= code < 400:
        volgende = client.get(response["Location"])
        if volgende.status_code >= 500:
            return f"redirected to {response['Location']}, which answered {volgende.status_code}"
        lijst = meldingen(volgende)
        if not lijst:
            return f"redirected to {response['Location']} without a message"
        if any(m.level == django_messages.SUCCESS for m in lijst):
            return f"redirected with a success message: {[m.message for m in lijst]}"
        html = volgende.content.decode()
        if not all(escape(m.message) in html for m in lijst):
            return f"the next page does not show the message {[m.message for m in lijst]}"
        return ""
    if 400 <= code < 500:
        html = response.content.decode()
        gegeven = [r for r in redenen(response) if escape(r) in html]
        return "" if gegeven else f"answered {code} without a reason on the page"
    return f"answered {code}: neither a refusal nor a redirect"


def stand() -> dict[str, list]:
    """Every row of the project's models, the transition log and the object permissions."""
    modellen = [
        m
        for a in (
            "aanbesteden",
            "meldingen",
            "initiatieven",
            "coalities",
            "overdracht",
            "evaluatie",
            "overzicht",
        )
        for m in apps.get_app_config(a).get_models()
    ]
    modellen += [
        apps.get_model("django_fsm_log", "StateLog"),
        apps.get_model("guardian", "UserObjectPermission"),
        apps.get_model("guardian", "GroupObjectPermission"),
    ]
    uit = {}
    for model in modellen:
        velden = [
            f.attname
            for f in model._meta.concrete_fields
            if f.attname not in ("last_login",)  # logging in the test client sets it
        ]
        uit[model._meta.label] = list(model.objects.order_by("pk").values_list(*velden))
    return uit


def verschil(voor: dict[str, list], na: dict[str, list]) -> list[str]:
    return [label for label in voor if voor[label] != na[label]]


# --- the tests ------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _ruime_limieten(settings):
    """One old page posts its form once per later state: far more often than a person would,
    so the limits on mail (tested in their own tests) are lifted here."""
    settings.LIMIET_PER_ADRES = ["10000/m"]
    settings.LIMIET_PER_CLIENT = ["10000/m"]
    settings.LIMIET_PER_TRAJECT = ["10000/m"]


@pytest.fixture
def wereld(rollen, traject, ander_traject, traject_b, gemeente, andere_gemeente, geen_vereisten):
    return Wereld(
        rollen=rollen,
        traject=traject,
        ander_traject=ander_traject,
        traject_b=traject_b,
        gemeente=gemeente,
        andere_gemeente=andere_gemeente,
        **{k: v for k, v in rollen.items() if v is not None},
    )


def zet_status(w: Wereld, status: str) -> None:
    Traject.objects.filter(pk=w.traject.pk).update(status=status)


def _formulier_van(client, bron: str, doel: str, geval: Formulier, w: Wereld) -> dict:
    """The form on ``bron`` that posts to ``doel``, as the browser would send it."""
    response = client.get(bron)
    assert response.status_code == 200, f"{bron} answered {response.status_code}"
    gevonden = [f for pad, f in formulieren_op(response.content.decode(), bron) if pad == doel]
    assert gevonden, f"{bron} shows no form that posts to {doel}"
    data = als_data(gevonden[0])
    data.update(geval.invullen(w))
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", GEVALLEN, ids=[p.sleutel for p in GEVALLEN])
def test_oude_pagina_posten(pagina: Pagina, wereld: Wereld):
    geval = FORMULIEREN[pagina.sleutel]
    doel = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    bron = geval.pagina(wereld) if geval.pagina else doel
    geval.voorbereiden(wereld)
    eigen = eigen_status(pagina)
    zet_status(wereld, eigen)
    fouten = []
    for rol in rollen_van(pagina):
        client = Client(raise_request_exception=False)
        client.force_login(wereld.rollen[rol])
        data = _formulier_van(client, bron, doel, geval, wereld)

        with transaction.atomic():
            voor = stand()
            response = client.post(doel, data)
            if 300 <= response.status_code < 400:
                client.get(response["Location"])  # shows (and so clears) the message
            veranderd = verschil(voor, stand())
            transaction.set_rollback(True)
        assert 300 <= response.status_code < 400 and veranderd, (
            f"{pagina.sleutel} as {rol} in its own status {eigen} did nothing "
            f"({response.status_code}): the form or its filling-in is wrong; {data}"
        )

        for status in later(eigen):
            with transaction.atomic():
                zet_status(wereld, status)
                voor = stand()
                response = client.post(doel, data)
                veranderd = verschil(voor, stand())
                fout = weigering(client, response)
                transaction.set_rollback(True)
            if status in geval.nog_toegestaan:
                if response.status_code >= 500:
                    fouten.append(f"{status}, {rol}: answered {response.status_code}")
                continue
            if fout:
                fouten.append(f"{status}, {rol}: {fout}")
            elif veranderd:
                fouten.append(f"{status}, {rol}: refused, but changed {veranderd}")
    assert not fouten, f"{pagina.sleutel} ({pagina.omschrijving}) sent from an old page:\n  " + (
        "\n  ".join(fouten)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", OPENEN, ids=[p.sleutel for p in OPENEN])
def test_oude_pagina_openen(pagina: Pagina, wereld: Wereld):
    """Every page of a status opens in every later status without a 5xx, and every form it
    shows (in any of them) is covered by ``FORMULIEREN`` or ``ZONDER_TRAJECT``."""
    gedekt = {RIJEN[s].naam for s in FORMULIEREN} | {s.split()[0] for s in ZONDER_TRAJECT}
    url = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    if pagina.naam == "aanbesteden:traject":
        wereld.maak(maak_rijk)  # the traject page's panels with something in them
    eigen = eigen_status(pagina)
    fouten = []
    for rol in [r for r in ROLLEN if pagina.verwacht[r] == 200 and r != "anoniem"]:
        client = Client(raise_request_exception=False)
        client.force_login(wereld.rollen[rol])
        for status in [eigen, *later(eigen)]:
            with transaction.atomic():
                zet_status(wereld, status)
                response = client.get(url)
                transaction.set_rollback(True)
            if response.status_code >= 500:
                fouten.append(f"{status}, {rol}: answered {response.status_code}")
                continue
            if response.streaming:  # a file: read it to the end, which closes it
                b"".join(response.streaming_content)
                continue
            for pad, _formulier in formulieren_op(response.content.decode(), url):
                naam = resolve(pad).view_name
                if naam not in gedekt:
                    fouten.append(f"{status}, {rol}: a form posts to {naam}, not in FORMULIEREN")
    assert not fouten, f"{pagina.sleutel} ({pagina.omschrijving}) opened later:\n  " + (
        "\n  ".join(fouten)
    )


def test_elke_post_van_een_traject_staat_hier():
    """Every POST of the table is sent from an old page here, belongs to no traject, or is
    refused in its own status already."""
    posts = {p.sleutel for p in TABEL if p.methode == "POST"}
    ontbrekend = sorted(posts - set(FORMULIEREN) - set(ZONDER_TRAJECT) - set(AL_GEWEIGERD))
    assert not ontbrekend, f"POSTs of the table without a row in FORMULIEREN: {ontbrekend}"
    onbekend = sorted((set(FORMULIEREN) | set(ZONDER_TRAJECT) | set(AL_GEWEIGERD)) - set(RIJEN))
    assert not onbekend, f"rows here that the access table does not have: {onbekend}"


def test_later_volgt_de_reis():
    assert later(TrajectStatus.ROUTE) == [
        TrajectStatus.HORIZON,
        TrajectStatus.COALITIE,
        TrajectStatus.OVERDRACHT,
        TrajectStatus.EVALUATIE,
        TrajectStatus.VERANKERD,
        TrajectStatus.BEEINDIGD,
        TrajectStatus.INGETROKKEN,
    ]
    assert later(TrajectStatus.VERANKERD) == []
    assert TrajectStatus.AFGEWEZEN in later(TrajectStatus.CONCEPT)
    assert TrajectStatus.CONCEPT not in later(TrajectStatus.INGEDIEND)
