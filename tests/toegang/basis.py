"""The building blocks of the roles × pages table (``tabel.py``), and the core's rows.

The declared roles × pages table: what every role gets on every URL of the project.

One ``Pagina`` row per URL name (and method, or variant). The access-matrix test requests each
row as each role and compares the answer with ``verwacht``; a URL pattern of the project
without a row fails that test. ``python -m tests.toegang.rollen_doc > docs/rollen.md`` writes
this table out for people.

The roles are those of the ``rollen`` fixture, seen from ``traject`` (gemeente A, the
"own" object): ``ambtenaar`` is an official of gemeente A, ``ambtenaar_andere_gemeente`` of
gemeente B; ``initiatiefnemer`` and ``partner`` have their role on ``traject``; the two
``*_ander_traject`` roles have theirs on ``ander_traject`` (same gemeente) only. A row that
needs a nested object (a partner, an opgave ...) builds it with a ``maak_*`` function below,
always belonging to ``traject`` (or to gemeente A), so that the other roles test "somebody
else's object".

Expected answers: an int status code, ``INLOG`` (302 to the log-in page), or ``DOOR`` (a 302
anywhere else than the log-in page).

Two more people are asked on some or all rows: an account without any role anywhere
(``buitenstaander``) gets on every row what ``initiatiefnemer_ander_traject`` gets, and an
administrator of gemeente A (``beheerder``) is asked on the rows that declare ``beheerder``
(the pages where that role makes a difference).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLLEN = (
    "anoniem",
    "ambtenaar",
    "ambtenaar_andere_gemeente",
    "initiatiefnemer",
    "partner",
    "initiatiefnemer_ander_traject",
    "partner_ander_traject",
)

#: Short column heads for the document.
ROL_KOPPEN = {
    "anoniem": "anoniem",
    "ambtenaar": "ambtenaar (eigen gemeente)",
    "ambtenaar_andere_gemeente": "ambtenaar (andere gemeente)",
    "initiatiefnemer": "initiatiefnemer",
    "partner": "partner",
    "initiatiefnemer_ander_traject": "initiatiefnemer (ander traject)",
    "partner_ander_traject": "partner (ander traject)",
}

INLOG = "inlog"  # 302 to the log-in page
DOOR = "302"  # 302 elsewhere (after a successful action, or a landing page)

Verwacht = int | str


class Wereld:
    """The fixtures of one test plus objects made on demand (each made once)."""

    def __init__(self, **objecten: Any) -> None:
        self.__dict__.update(objecten)
        self._gemaakt: dict[str, Any] = {}

    def vergeet(self) -> None:
        """Forget the objects made (after a rollback took them away)."""
        self._gemaakt.clear()

    def maak(self, maker: Callable[[Wereld], Any]) -> Any:
        if maker.__name__ not in self._gemaakt:
            self._gemaakt[maker.__name__] = maker(self)
        return self._gemaakt[maker.__name__]


@dataclass(frozen=True)
class Pagina:
    naam: str  # "namespace:name" as reverse() takes it
    omschrijving: str
    verwacht: dict[str, Verwacht]
    kwargs: Callable[[Wereld], dict] = field(default=lambda w: {})
    methode: str = "GET"
    data: Callable[[Wereld], dict] | None = None
    query: Callable[[Wereld], dict] | None = None
    variant: str = ""  # tells rows of the same URL name and method apart
    status: str | None = None  # the status ``traject`` is put in before the requests
    beheerder: Verwacht | None = None  # the answer to an administrator of gemeente A, if asked

    @property
    def sleutel(self) -> str:
        deel = f"{self.naam} {self.methode}"
        return f"{deel} [{self.variant}]" if self.variant else deel

    def __post_init__(self) -> None:
        ontbreekt = set(ROLLEN) - set(self.verwacht)
        if ontbreekt:
            raise ValueError(f"{self.sleutel}: no expectation for {sorted(ontbreekt)}")


# --- shorthands for the usual patterns ------------------------------------------------------
def iedereen(code: Verwacht) -> dict[str, Verwacht]:
    return dict.fromkeys(ROLLEN, code)


def ingelogd(code: Verwacht, anoniem: Verwacht = INLOG) -> dict[str, Verwacht]:
    return {**iedereen(code), "anoniem": anoniem}


def traject_rollen(
    *,
    ambtenaar: Verwacht,
    initiatiefnemer: Verwacht,
    partner: Verwacht,
    anoniem: Verwacht = INLOG,
    buiten: Verwacht = 404,
) -> dict[str, Verwacht]:
    """A page of ``traject``: roles without any role on it (other gemeente, other traject)
    get ``buiten`` (404: nobody learns what exists elsewhere)."""
    return {
        "anoniem": anoniem,
        "ambtenaar": ambtenaar,
        "ambtenaar_andere_gemeente": buiten,
        "initiatiefnemer": initiatiefnemer,
        "partner": partner,
        "initiatiefnemer_ander_traject": buiten,
        "partner_ander_traject": buiten,
    }


def alleen_ambtenaar(
    ok: Verwacht, *, anders: Verwacht = 403, andere_gemeente: Verwacht = 403
) -> dict[str, Verwacht]:
    """A page of gemeente A for its officials only."""
    return {
        **iedereen(anders),
        "anoniem": INLOG,
        "ambtenaar": ok,
        "ambtenaar_andere_gemeente": andere_gemeente,
    }


def medewerkers(ok: Verwacht, *, anoniem: Verwacht = INLOG) -> dict[str, Verwacht]:
    """A page of one's own second factor: officials (and platform administrators) only;
    initiative members and partners log in with links and get 403."""
    return {
        **iedereen(403),
        "anoniem": anoniem,
        "ambtenaar": ok,
        "ambtenaar_andere_gemeente": ok,
    }


# --- objects that rows need -----------------------------------------------------------------
def maak_beheerder(w: Wereld):
    """An administrator (``beheerder``) of gemeente A."""
    from aanbesteden.constants import LidmaatschapRol
    from tests.factories import ambtenaar_van

    return ambtenaar_van(w.gemeente, rol=LidmaatschapRol.BEHEERDER, email="beheerder@a.example.org")


def maak_buitenstaander(w: Wereld):
    """An account without any role, on any traject or gemeente."""
    from tests.factories import UserFactory

    return UserFactory(email="buitenstaander@example.org")


def maak_notificatie(w: Wereld):
    from meldingen.constants import NotificatieSoort
    from meldingen.models import Notificatie

    return Notificatie.objects.create(
        ontvanger=w.initiatiefnemer,
        traject=w.traject,
        soort=NotificatieSoort.OVERIG,
        onderwerp="Een melding",
        tekst="Tekst",
    )


def maak_onbereikbare_aanbieder(w: Wereld):
    """An OpenID Connect provider whose issuer answers nothing (a closed port)."""
    from accounts.models import OidcAanbieder

    return OidcAanbieder.objects.create(
        code="onbereikbaar",
        naam="Onbereikbaar",
        soort="digid",
        issuer="http://127.0.0.1:9",
        client_id="platform",
    )


def maak_opgave(w: Wereld):
    """A published call of gemeente A."""
    from tests.initiatieven.factories import opgave_maken

    return opgave_maken(w.gemeente)


# --- the URL's kwargs -------------------------------------------------------------------------
def kw(
    *, gemeente: bool = False, traject: bool = False, eerst=None, **objecten
) -> Callable[[Wereld], dict]:
    """The kwargs of a row's URL: ``gemeente`` gemeente A's slug, ``traject`` the traject's pk
    (as ``pk``), and for every other name the pk of the object its maker makes (once per
    world). ``eerst``: a maker to run before, for an object the page needs but the URL does
    not name."""

    def kwargs(w: Wereld) -> dict:
        if eerst is not None:
            w.maak(eerst)
        uit: dict[str, Any] = {}
        if gemeente:
            uit["gemeente"] = w.gemeente.slug
        if traject:
            uit["pk"] = w.traject.pk
        for naam, maker in objecten.items():
            uit[naam] = w.maak(maker).pk
        return uit

    return kwargs


traject_pk = kw(traject=True)
gemeente_slug = kw(gemeente=True)


# --- the table ------------------------------------------------------------------------------
KERN = [
    Pagina("overzicht:home", "Startpagina", iedereen(200)),
    Pagina(
        "overzicht:start",
        "Landingspagina na inloggen (naar eigen lijst)",
        ingelogd(DOOR),
    ),
    Pagina("accounts:inloggen", "Inloggen met wachtwoord", ingelogd(DOOR, anoniem=200)),
    Pagina(
        "accounts:oidc_start",
        "Inloggen via een OpenID Connect-aanbieder die niet bestaat",
        iedereen(404),
        kwargs=lambda w: {"code": "bestaat-niet"},
    ),
    Pagina(
        "accounts:oidc_start",
        "Inloggen via een aanbieder die niet antwoordt: een uitleg",
        iedereen(503),
        kwargs=lambda w: {"code": w.maak(maak_onbereikbare_aanbieder).code},
        variant="onbereikbaar",
    ),
    Pagina(
        "accounts:oidc_terug",
        "Terug van de aanbieder zonder code: niet ingelogd, terug met een melding",
        ingelogd(DOOR),
    ),
    Pagina("accounts:uitloggen", "Uitloggen (alleen POST)", iedereen(405)),
    Pagina("accounts:uitloggen", "Uitloggen", iedereen(DOOR), methode="POST"),
    Pagina("accounts:inloglink", "Inloglink aanvragen", iedereen(200)),
    Pagina("accounts:inloglink_verzonden", "Inloglink verzonden", iedereen(200)),
    Pagina(
        "accounts:inloglink_gebruiken",
        "Inloglink openen: een knop, de sleutel wordt pas bij POST gecontroleerd",
        iedereen(200),
        query=lambda w: {"sleutel": "nog-niet-gecontroleerd"},
    ),
    Pagina(
        "accounts:inloglink_gebruiken",
        "Inloglink openen zonder sleutel",
        iedereen(403),
        variant="zonder sleutel",
    ),
    Pagina(
        "accounts:inloglink_gebruiken",
        "Inloglink gebruiken met een ongeldige sleutel",
        iedereen(403),
        methode="POST",
        data=lambda w: {"sleutel": "ongeldig"},
    ),
    Pagina("accounts:wachtwoord_vergeten", "Wachtwoord vergeten", iedereen(200)),
    Pagina("accounts:wachtwoord_verzonden", "Wachtwoord-mail verzonden", iedereen(200)),
    Pagina(
        "accounts:wachtwoord_nieuw",
        "Nieuw wachtwoord, met een ongeldige link",
        iedereen(200),
        kwargs=lambda w: {"uidb64": "MQ", "token": "ongeldig-token"},
    ),
    Pagina("accounts:wachtwoord_gewijzigd", "Wachtwoord gewijzigd", iedereen(200)),
    Pagina("aanbesteden:taal", "Taal kiezen (alleen POST)", iedereen(405)),
    Pagina(
        "aanbesteden:taal",
        "Taal kiezen",
        iedereen(DOOR),
        methode="POST",
        data=lambda w: {"language": "en", "next": "/"},
    ),
    Pagina(
        "two_factor:profile",
        "Tweestapsverificatie: eigen overzicht (medewerkers)",
        medewerkers(200),
    ),
    Pagina(
        "two_factor:setup",
        "Tweestapsverificatie instellen (met een app al ingesteld: naar het overzicht)",
        medewerkers(DOOR),
    ),
    Pagina(
        "two_factor:qr",
        "QR-code van de sleutel die wordt ingesteld (zonder sleutel in de sessie: 404)",
        medewerkers(404),
    ),
    Pagina(
        "two_factor:setup_complete",
        "Tweestapsverificatie ingesteld: de herstelcodes",
        medewerkers(200),
    ),
    Pagina("two_factor:backup_tokens", "Herstelcodes bekijken", medewerkers(200)),
    Pagina(
        "two_factor:backup_tokens",
        "Nieuwe herstelcodes maken",
        medewerkers(DOOR),
        methode="POST",
    ),
    Pagina(
        "two_factor:disable",
        "Tweestapsverificatie opnieuw instellen (andere telefoon of app)",
        medewerkers(200),
    ),
    Pagina(
        "two_factor:disable",
        "Tweestapsverificatie opnieuw instellen, bevestigd (naar het instellen)",
        medewerkers(DOOR),
        methode="POST",
        data=lambda w: {"understand": "on"},
    ),
    Pagina("overzicht:mijn_trajecten", "Mijn trajecten", ingelogd(200)),
    Pagina("meldingen:notificaties", "Meldingen", ingelogd(200)),
    Pagina(
        "meldingen:notificatie_gelezen",
        "Melding gelezen (alleen POST)",
        ingelogd(405),
        kwargs=kw(pk=maak_notificatie),
    ),
    Pagina(
        "meldingen:notificatie_gelezen",
        "Melding van de initiatiefnemer als gelezen markeren",
        {**ingelogd(404), "initiatiefnemer": DOOR},
        methode="POST",
        kwargs=kw(pk=maak_notificatie),
    ),
    Pagina(
        "aanbesteden:gemeente_trajecten",
        "Trajecten van de gemeente (ambtenaren)",
        alleen_ambtenaar(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "aanbesteden:gemeente_trajecten",
        "Trajecten van een gemeente die niet bestaat",
        ingelogd(404),
        kwargs=lambda w: {"gemeente": "bestaat-niet"},
        variant="onbekend",
    ),
    Pagina(
        "aanbesteden:traject",
        "Trajectpagina",
        traject_rollen(ambtenaar=200, initiatiefnemer=200, partner=200),
        kwargs=traject_pk,
    ),
    Pagina(
        "aanbesteden:transitie",
        "Stap zetten: voorstel indienen (concept)",
        traject_rollen(ambtenaar=403, initiatiefnemer=200, partner=403),
        kwargs=lambda w: {"pk": w.traject.pk, "transitie": "indienen"},
    ),
    Pagina(
        "aanbesteden:transitie",
        "Stap zetten: voorstel indienen, verstuurd",
        traject_rollen(ambtenaar=403, initiatiefnemer=DOOR, partner=403),
        kwargs=lambda w: {"pk": w.traject.pk, "transitie": "indienen"},
        methode="POST",
        data=lambda w: {"status": w.traject.status, "motivatie": ""},
    ),
    Pagina(
        "aanbesteden:transitie",
        "Stap zetten die niet bestaat",
        traject_rollen(ambtenaar=403, initiatiefnemer=403, partner=403),
        kwargs=lambda w: {"pk": w.traject.pk, "transitie": "vliegen"},
        variant="onbekend",
    ),
    Pagina(
        "initiatieven:gemeente",
        "Openbare pagina van een gemeente",
        iedereen(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "initiatieven:gemeente",
        "Openbare pagina van een gemeente die niet bestaat",
        iedereen(404),
        kwargs=lambda w: {"gemeente": "bestaat-niet"},
        variant="onbekend",
    ),
    Pagina("overzicht:toegankelijkheid", "Toegankelijkheidsverklaring", iedereen(200)),
    Pagina(
        "overzicht:toegankelijkheid_gemeente",
        "Toegankelijkheidsverklaring met het contact van een gemeente",
        iedereen(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "overzicht:toegankelijkheid_gemeente",
        "Toegankelijkheidsverklaring van een gemeente die niet bestaat",
        iedereen(404),
        kwargs=lambda w: {"gemeente": "bestaat-niet"},
        variant="onbekend",
    ),
    Pagina("overzicht:privacyverklaring", "Privacyverklaring", iedereen(200)),
    Pagina(
        "overzicht:privacyverklaring_gemeente",
        "Privacyverklaring met het privacycontact van een gemeente",
        iedereen(200),
        kwargs=gemeente_slug,
    ),
    Pagina(
        "overzicht:privacyverklaring_gemeente",
        "Privacyverklaring van een gemeente die niet bestaat",
        iedereen(404),
        kwargs=lambda w: {"gemeente": "bestaat-niet"},
        variant="onbekend",
    ),
    Pagina("aanbesteden:favicon", "Favicon (naar het statische bestand)", iedereen(DOOR)),
]
