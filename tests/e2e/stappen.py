"""Page-object helpers for the browser journey, one class per part of the platform.

``Bezoeker`` is one person's browser (a Playwright context). Every helper that lands on a new
page calls ``bezoeker.aangekomen()``, which checks that the CSS loaded and runs axe-core on
the page (once per address and language); violations are collected in ``bezoeker.fouten``
and the journey fails on them at its end with every rule, impact and node. It also hands the
page to the test's ``Paginacontrole`` (tests/e2e/paginacontrole.py: no console error or CSP
violation, no failed request, no sideways scrolling at 320 px, valid HTML), which fails the
test at its end.

A phase adds its steps as a class like ``Kern`` below (``Horizon``, ``Coalitie`` …), taking
a ``Bezoeker`` and using ``t()`` for its texts, so the same journey runs in Dutch and English.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import translation

from tests.e2e.toegankelijkheid import axe_schendingen, focus_zichtbaar, schendingen_tekst


def t(taal: str, tekst: str, **waarden) -> str:
    """A Dutch source string as the interface shows it in ``taal``."""
    from django.utils.translation import gettext

    with translation.override(taal):
        vertaald = gettext(tekst)
    return vertaald % waarden if waarden else vertaald


class Bezoeker:
    def __init__(
        self,
        context,
        basis_url: str,
        axe_bron: str,
        *,
        taal: str = "nl",
        javascript: bool = True,
        toetsenbord: bool = False,
    ):
        self.context = context
        self.page = context.new_page()
        self.basis = basis_url.rstrip("/")
        self.axe_bron = axe_bron
        self.taal = taal
        self.javascript = javascript
        self.toetsenbord = toetsenbord
        self.fouten: list[str] = []
        self.bezocht: list[str] = []
        self._gecontroleerd: set[tuple[str, str]] = set()
        self._css_status: dict[str, int] = {}
        self._document = None  # the response the page shown was loaded from
        self.controle = getattr(context, "paginacontrole", None)
        self.page.on("response", self._antwoord)

    def _antwoord(self, response) -> None:
        if response.url.endswith(".css"):
            self._css_status[urlsplit(response.url).path] = response.status
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self._document = response

    def t(self, tekst: str, **waarden) -> str:
        return t(self.taal, tekst, **waarden)

    def bedrag(self, nederlands: str) -> str:
        """An amount as a person types it in this language ("1000,50" / "1000.50")."""
        return nederlands if self.taal == "nl" else nederlands.replace(",", ".")

    # --- navigation and checks --------------------------------------------------------------
    def ga_naar(self, pad: str, *, status: int = 200):
        response = self.page.goto(self.basis + pad)
        assert response is not None and response.status == status, (
            f"GET {pad}: expected {status}, got {response and response.status}"
        )
        self.aangekomen()
        return response

    def aangekomen(self) -> None:
        """Every page: the language is right, the CSS loaded, axe-core finds nothing."""
        self.page.wait_for_load_state("load")
        pad = urlsplit(self.page.url).path
        self.bezocht.append(pad)
        lang = self.page.get_attribute("html", "lang")
        assert lang == self.taal, f"{pad}: <html lang={lang!r}>, expected {self.taal!r}"
        kapot = {css: s for css, s in self._css_status.items() if s >= 400}
        assert not kapot, f"stylesheets not served: {kapot}"
        assert self._css_status, f"{pad}: no stylesheet loaded"
        if self.controle is not None:
            self.controle.pagina(self.page, self._document)
        if not self.javascript:
            # Page scripts are off, so axe-core cannot run here; the runs with JavaScript on
            # check the same pages.
            return
        # The site's own CSS is applied (its header is a flex box).
        assert (
            self.page.locator(".site-kop").evaluate("el => getComputedStyle(el).display") == "flex"
        ), f"{pad}: site.css not applied"
        sleutel = (re.sub(r"\d+", "<id>", pad), self.taal)
        if sleutel in self._gecontroleerd:
            return
        self._gecontroleerd.add(sleutel)
        schendingen = axe_schendingen(self.page, self.axe_bron)
        if schendingen:
            self.fouten.append(schendingen_tekst(self.page.url, schendingen))

    def geen_toegankelijkheidsfouten(self) -> None:
        assert not self.fouten, "\n\n".join(self.fouten)

    def activeer(self, doel) -> None:
        """Use a link or button: with the mouse, or (``toetsenbord``) by pressing Tab until it
        has a visible focus and then Enter, as a keyboard-only user does."""
        if not self.toetsenbord:
            doel.click()
            return
        doel.evaluate("el => el.setAttribute('data-toetsdoel', '1')")
        for _ in range(200):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(
                "() => !!document.activeElement"
                " && document.activeElement.hasAttribute('data-toetsdoel')"
            ):
                break
        else:
            raise AssertionError(f"{self.page.url}: {doel} not reached with Tab")
        assert focus_zichtbaar(self.page), f"{self.page.url}: no visible focus on {doel}"
        self.page.keyboard.press("Enter")

    def klik(self, rol: str, naam: str) -> None:
        self.activeer(self.page.get_by_role(rol, name=naam, exact=True).first)
        self.aangekomen()

    def melding(self) -> str:
        return " ".join(self.page.locator(".meldingen").all_inner_texts())

    def h1(self) -> str:
        return self.page.locator("h1").inner_text().strip()


class Kern:
    """Log-in, lists, the traject page, transitions and the language switch."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def inloggen_met_wachtwoord(self, email: str, wachtwoord: str) -> None:
        b = self.b
        b.ga_naar("/")
        b.klik("link", b.t("Inloggen voor medewerkers"))
        self.page.get_by_label(b.t("E-mailadres")).fill(email)
        self.page.locator("input[name=password]").fill(wachtwoord)
        b.klik("button", b.t("Inloggen"))
        self.tweede_stap(email)

    def tweede_stap(self, email: str) -> None:
        """After the password: the code of the official's authenticator app, computed from the
        app's key as the app does; on the first log-in the set-up comes first, with the key
        read from the page, and then the recovery codes to keep."""
        from base64 import b32decode

        from django_otp.oath import TOTP

        from aanbesteden.models import User
        from tests.tweestaps import code_van

        b = self.b
        if b.h1() == b.t("Code uit uw app"):
            app = User.objects.get(email__iexact=email).totpdevice_set.get()
            self.page.get_by_label(b.t("Code uit uw app")).fill(code_van(app))
            b.klik("button", b.t("Inloggen"))
            return
        assert b.h1() == b.t("Tweestapsverificatie instellen"), b.h1()
        sleutel = self.page.locator("#sleutel").get_attribute("data-sleutel")
        self.page.get_by_label(b.t("Code uit uw app")).fill(
            f"{TOTP(b32decode(sleutel)).token():06d}"
        )
        b.klik("button", b.t("Instellen"))
        assert b.h1() == b.t("Tweestapsverificatie staat aan")
        assert self.page.locator(".tweestaps-codes li").count() == 10
        b.klik("link", b.t("Ik heb de codes bewaard, ga verder"))

    def inloggen_met_link(self, email: str) -> None:
        """Ask for a link, take it from the mail the platform sent, open it, press the button."""
        b = self.b
        b.ga_naar("/")
        b.klik("link", b.t("Inloggen met een link"))
        voor = len(mail.outbox)
        self.page.get_by_label(b.t("E-mailadres")).fill(email)
        b.klik("button", b.t("Stuur mij een link"))
        assert b.h1() == b.t("Kijk in uw e-mail")
        link = self.link_uit_mail(email, sinds=voor)
        b.ga_naar(link)
        b.klik("button", b.t("Inloggen"))

    def link_uit_mail(self, email: str, *, sinds: int = 0) -> str:
        """The path+query of the first platform link in the newest mail to ``email``."""
        berichten = [m for m in mail.outbox[sinds:] if email in m.to]
        assert berichten, f"no mail to {email} (outbox: {[m.to for m in mail.outbox]})"
        gevonden = re.search(r"https?://[^\s/]+(/\S+)", berichten[-1].body)
        assert gevonden, f"no link in the mail to {email}:\n{berichten[-1].body}"
        return gevonden.group(1)

    def gemeente_lijst(self) -> list[str]:
        """The titles in the officials' list, reached through the main menu."""
        menu = self.page.get_by_role("navigation", name=self.b.t("Hoofdmenu"))
        self.b.activeer(menu.get_by_role("link", name=self.b.t("Trajecten"), exact=True))
        self.b.aangekomen()
        return [
            s.strip() for s in self.page.locator("table.utrecht-table tbody th").all_inner_texts()
        ]

    def traject_openen(self, titel: str) -> None:
        self.b.klik("link", titel)
        assert self.b.h1() == titel

    def stap_zetten(self, label: str, motivatie: str = "") -> None:
        b = self.b
        if not self.page.get_by_role("link", name=label, exact=True).count():
            nodig = self.page.locator(".checklist").all_inner_texts()
            raise AssertionError(f"step {label!r} not offered; still needed: {nodig}")
        b.klik("link", label)
        assert b.h1() == label
        if motivatie:
            self.page.get_by_label(re.compile("^" + re.escape(b.t("Motivatie")))).fill(motivatie)
        b.klik("button", label)

    def taal_wisselen(self, naar: str) -> None:
        knop = "English" if naar == "en" else "Nederlands"
        self.b.activeer(self.page.get_by_role("button", name=knop, exact=True))
        self.b.taal = naar
        self.b.aangekomen()

    def uitloggen(self) -> None:
        self.b.klik("button", self.b.t("Uitloggen"))


class Intake:
    """A visitor answers a published call (opgave) and logs in with the link from the mail."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def reageren_op_opgave(
        self, gemeente_slug: str, opgave: str, *, email: str, initiatief: str, titel: str
    ) -> None:
        b = self.b
        b.ga_naar(f"/g/{gemeente_slug}/")
        b.klik("link", opgave)
        b.klik("link", b.t("Reageren met een voorstel"))
        voor = len(mail.outbox)
        self.page.locator("input[name=email]").fill(email)
        self.page.locator("input[name=initiatief_naam]").fill(initiatief)
        self.page.locator("input[name=titel]").fill(titel)
        b.klik("button", b.t("Begin met mijn voorstel"))
        link = Kern(b).link_uit_mail(email, sinds=voor)
        b.ga_naar(link)
        b.klik("button", b.t("Inloggen"))


class Coalitie:
    """Phase 2: invite a partner from the traject page; the partner accepts with the link."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def versturen(self) -> None:
        self.b.activeer(self.page.locator("main form button[type=submit]").first)
        self.b.aangekomen()

    def partner_uitnodigen(self, *, email: str, naam: str, organisatie: str) -> None:
        b = self.b
        b.klik("link", b.t("Coalitie beheren: uitnodigen, opnieuw versturen, intrekken"))
        b.klik("link", b.t("Partner uitnodigen"))
        self.page.locator("input[name=email]").fill(email)
        self.page.locator("input[name=naam]").fill(naam)
        self.page.locator("input[name=organisatie]").fill(organisatie)
        self.versturen()

    def uitnodiging_accepteren(self, *, email: str, contactpersoon: str) -> None:
        """As the invitee: open the link from the mail and accept."""
        b = self.b
        b.ga_naar(Kern(b).link_uit_mail(email))
        formulier = self.page.locator(
            "form",
            has=self.page.get_by_role("button", name=b.t("Uitnodiging accepteren"), exact=True),
        )
        for select in formulier.locator("select").all():
            if select.input_value() == "":
                select.select_option(index=1)
        formulier.locator("input[name=contactpersoon]").fill(contactpersoon)
        b.klik("button", b.t("Uitnodiging accepteren"))

    def horizon_akkoord(self) -> None:
        """As a partner, from the traject page: read the horizon and agree to it."""
        b = self.b
        b.klik("link", b.t("Zeg of u akkoord bent met de stip aan de horizon"))
        self.page.get_by_label(b.t("Ja, ik ben akkoord"), exact=True).check()
        b.klik("button", b.t("Antwoord versturen"))


class Overdracht:
    """Phase 4: the official fixes the agreement; every signatory reads and signs it."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def vaststellen(self) -> None:
        b = self.b
        b.klik("link", b.t("Overeenkomst opstellen en vaststellen"))
        b.klik("link", b.t("Versie vaststellen"))
        keuze = self.page.locator("main form select").first
        if keuze.input_value() == "":
            keuze.select_option(index=1)
        self.b.activeer(self.page.locator("main form button[type=submit]").first)
        b.aangekomen()

    def tekenen(self, naam: str) -> None:
        b = self.b
        voorvoegsel = b.t("Lees en teken namens %(namens)s", namens="").strip()
        self.b.activeer(
            self.page.get_by_role("link", name=re.compile("^" + re.escape(voorvoegsel))).first
        )
        b.aangekomen()
        self.page.locator("input[name=instemming]").check()
        self.page.locator("input[name=naam]").fill(naam)
        self.b.activeer(self.page.locator("main form button[type=submit]").first)
        b.aangekomen()


class Evaluatie:
    """Phase 5: every party fills in its part, the official decides, describes the anchoring
    and anchors the task."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def naar_de_evaluatie(self, traject) -> None:
        self.b.ga_naar(traject.get_absolute_url())
        self.b.klik("link", self.b.t("Naar deze evaluatie"))

    def deel_invullen(self) -> None:
        b, page = self.b, self.page
        b.klik("link", b.t("Uw deel invullen"))
        for veld in page.locator("input[name$=_waarde]").all():
            veld.fill("12")
        for veld in page.locator("input[name^=meting_][name$=_bron]").all():
            veld.fill("Telling van de vrijwilligers")
        for veld in page.locator("input[name^=meting_][name$=_datum]").all():
            veld.fill(datetime.date.today().isoformat())
        for veld in page.locator("input[name$=_bedrag]").all():
            veld.fill(b.bedrag("1000,50"))
        page.locator("textarea[name=wat_ging_goed]").fill("Veel buren doen mee.")
        page.locator("textarea[name=wat_kan_beter]").fill("Meer jongeren bereiken.")
        b.klik("button", b.t("Indienen"))
        fouten = page.locator(
            ".utrecht-form-field-error-message, #formulierfouten"
        ).all_inner_texts()
        assert not fouten, f"the part was not accepted: {fouten}"

    def besluiten(self, conclusie_label: str, toelichting: str) -> None:
        b, page = self.b, self.page
        b.klik("link", b.t("Besluit vastleggen"))
        page.get_by_label(conclusie_label, exact=True).check()
        page.locator("textarea[name=toelichting]").fill(toelichting)
        self.b.activeer(page.locator("main form button[type=submit]").first)
        b.aangekomen()

    def verankering_beschrijven(self, wijze_label: str, omschrijving: str, datum: str) -> None:
        b, page = self.b, self.page
        b.klik("link", b.t("Verankering beschrijven"))
        page.locator("select[name=wijze]").select_option(label=wijze_label)
        page.locator("textarea[name=omschrijving]").fill(omschrijving)
        page.locator("input[name=ingangsdatum]").fill(datum)
        b.klik("button", b.t("Opslaan"))


class Horizon:
    """Phase 1: the initiative writes the horizon with an indicator; both sides agree."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def wijzigen(self, *, ambitie: str, resultaten: str, indicator: dict[str, str]) -> None:
        b, page = self.b, self.page
        b.klik("link", b.t("De stip aan de horizon wijzigen"))
        page.locator("textarea[name=ambitie]").fill(ambitie)
        page.locator("textarea[name=beoogde_resultaten]").fill(resultaten)
        for veld, waarde in indicator.items():
            element = page.locator(f"[name=indicatoren-0-{veld}]")
            if element.evaluate("el => el.tagName") == "SELECT":
                element.select_option(waarde)
            else:
                element.fill(waarde)
        b.klik("button", b.t("Opslaan"))
        fouten = page.locator(
            ".utrecht-form-field-error-message, #formulierfouten"
        ).all_inner_texts()
        assert not fouten, f"the horizon was not saved: {fouten}"

    def akkoord(self) -> None:
        b = self.b
        voorvoegsel = b.t("Akkoord met versie %(versie)s", versie="").strip()
        self.b.activeer(
            self.page.get_by_role("button", name=re.compile("^" + re.escape(voorvoegsel)))
        )
        b.aangekomen()


class Route:
    """Phase 3: the initiative sets start, duration and a milestone; each party states and
    confirms its contribution (a draft: nobody is mailed); one party asks the others to agree
    and they agree with the route."""

    def __init__(self, bezoeker: Bezoeker):
        self.b = bezoeker
        self.page = bezoeker.page

    def openen(self, traject) -> None:
        self.b.ga_naar(traject.get_absolute_url())
        self.b.klik("link", self.b.t("Naar de route: mijlpalen, inzet, begroting en akkoord"))

    def _kies_eerste(self, selector: str) -> None:
        keuze = self.page.locator(selector)
        if keuze.input_value() == "":
            keuze.select_option(index=1)

    def _opslaan(self) -> None:
        self.b.activeer(self.page.locator("main form button[type=submit]").first)
        self.b.aangekomen()
        fouten = self.page.locator(
            ".utrecht-form-field-error-message, #formulierfouten"
        ).all_inner_texts()
        assert not fouten, f"not saved: {fouten}"

    def kader(self, start: datetime.date, maanden: int) -> None:
        self.b.klik("link", self.b.t("Start en looptijd invullen of wijzigen"))
        self.page.locator("input[name=startdatum]").fill(start.isoformat())
        self.page.locator("input[name=looptijd_maanden]").fill(str(maanden))
        self._opslaan()

    def mijlpaal(self, titel: str, datum: datetime.date) -> None:
        self.b.klik("link", self.b.t("Mijlpaal toevoegen"))
        self.page.locator("input[name=titel]").fill(titel)
        self.page.locator("input[name=datum]").fill(datum.isoformat())
        self._kies_eerste("select[name=verantwoordelijke]")
        self._opslaan()

    def inzet(self, omschrijving: str, hoeveelheid: str, eenheid: str) -> None:
        self.b.klik("link", self.b.t("Eigen inzet toevoegen"))
        self._kies_eerste("select[name=soort]")
        self.page.locator("[name=omschrijving]").fill(omschrijving)
        self.page.locator("input[name=hoeveelheid]").fill(hoeveelheid)
        self.page.locator("input[name=eenheid]").fill(eenheid)
        self._opslaan()
        self.b.klik("button", self.b.t("Onze inzet bevestigen"))

    def begrotingspost(self, soort: str, omschrijving: str, bedrag: str, bron: str = "") -> None:
        self.b.klik("link", self.b.t("Begrotingspost toevoegen"))
        self.page.locator("select[name=soort]").select_option(soort)
        self.page.locator("[name=omschrijving]").fill(omschrijving)
        self.page.locator("input[name=bedrag]").fill(self.b.bedrag(bedrag))
        if bron:
            self.page.locator("select[name=bron]").select_option(bron)
        self._opslaan()

    def tranche(self, omschrijving: str, bedrag: str, datum: datetime.date) -> None:
        self.b.klik("link", self.b.t("Tranche toevoegen"))
        self.page.locator("[name=omschrijving]").fill(omschrijving)
        self.page.locator("input[name=bedrag]").fill(self.b.bedrag(bedrag))
        self._kies_eerste("select[name=vorm]")
        self._kies_eerste("select[name=mijlpaal]")
        self.page.locator("input[name=datum]").fill(datum.isoformat())
        self._opslaan()

    def akkoord_vragen(self) -> None:
        """The draft is ready: ask the other parties to agree (one's own agreement)."""
        self.b.klik("button", self.b.t("Route is klaar: vraag akkoord"))

    def akkoord(self) -> None:
        voorvoegsel = self.b.t("Akkoord geven op versie %(versie)s", versie="").strip()
        self.b.activeer(
            self.page.get_by_role("button", name=re.compile("^" + re.escape(voorvoegsel)))
        )
        self.b.aangekomen()
