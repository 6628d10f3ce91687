"""Demo data: two gemeenten, officials, an initiative with members, partners, and trajecten in
every state, each brought there through the real services so its data is complete.

Each phase app makes the requirements of its transitions hold through ``@fasen.demo(...)`` in
its own ``<app>/demo.py``. Those modules are demo code, not part of the running platform:
nothing imports them but ``voorbereidingen_laden`` here, which ``seed_demo`` (and a walk along a
demo path) calls first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from . import services
from .constants import LidmaatschapRol, TrajectStatus
from .fasen import fasen
from .models import Gemeente, Traject, User
from .transities import TRANSITIES

DEMO_WACHTWOORD = "demo-wachtwoord-2026"
#: The second factor of the demo's officials and platform administrator: the key (base32) of
#: their authenticator app, printed by ``seed_demo``. Add it to any authenticator app, or let
#: ``manage.py democode`` print the code of the moment.
DEMO_TOTP_SLEUTEL = "MAATSCHAPPELIJKAANBESTEDENDEMO22"

S = TrajectStatus
VOOR_EVALUATIE = [
    "indienen",
    "toelaten",
    "naar_coalitie",
    "naar_route",
    "naar_overdracht",
    "naar_evaluatie",
]
#: The path each demo traject walks to reach its state.
PADEN: dict[str, list[str]] = {
    S.CONCEPT: [],
    S.INGEDIEND: ["indienen"],
    S.AFGEWEZEN: ["indienen", "afwijzen"],
    S.HORIZON: ["indienen", "toelaten"],
    S.COALITIE: VOOR_EVALUATIE[:3],
    S.ROUTE: VOOR_EVALUATIE[:4],
    S.OVERDRACHT: VOOR_EVALUATIE[:5],
    S.EVALUATIE: VOOR_EVALUATIE,
    S.VERANKERD: [*VOOR_EVALUATIE, "verankeren"],
    S.BEEINDIGD: [*VOOR_EVALUATIE, "beeindigen"],
    S.INGETROKKEN: ["indienen", "toelaten", "intrekken"],
}

TRAJECTEN = [
    (S.CONCEPT, "Moestuin op het schoolplein", "Groen", "Keizerslanden"),
    (S.INGEDIEND, "Beheer van buurthuis De Linde", "Ontmoeting", "Voorstad"),
    (S.AFGEWEZEN, "Parkeerbeheer door bewoners", "Verkeer", "Binnenstad"),
    (S.HORIZON, "Jongerenwerk in de wijk", "Jeugd", "Colmschate"),
    (S.COALITIE, "Taalcafé voor nieuwkomers", "Meedoen", "Rivierenwijk"),
    (S.ROUTE, "Klusteam voor ouderen", "Zorg", "Zandweerd"),
    (S.OVERDRACHT, "Buurtpark De Vlier", "Groen", "Voorstad"),
    (S.EVALUATIE, "Gezinsondersteuning Samen Sterk", "Zorg", "Keizerslanden"),
    (S.VERANKERD, "Buurtpreventie Veilig Thuis", "Veiligheid", "Colmschate"),
    (S.BEEINDIGD, "Fietsenwerkplaats Op Weg", "Werk", "Binnenstad"),
    (S.INGETROKKEN, "Speeltuin Het Klimrek", "Jeugd", "Zandweerd"),
]


@dataclass
class Demo:
    gemeente: Gemeente
    ambtenaar: User
    initiatiefnemer: User
    partners: list[User] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def actor(self, traject: Traject, transitie: str) -> User:
        methode = getattr(traject, transitie)
        for kandidaat in (self.ambtenaar, self.initiatiefnemer, *self.partners):
            if methode._django_fsm.has_transition_perm(traject, traject.status, kandidaat):
                return kandidaat
        raise RuntimeError(f"No demo user may fire {transitie}")


def _gebruiker(email: str, naam: str, wachtwoord: str | None = None, **extra) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=wachtwoord, naam=naam, **extra)
    return user


def _demo_app(user: User) -> None:
    """The demo key as the account's authenticator app (kept if it has one already)."""
    from base64 import b32decode

    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.get_or_create(
        user=user,
        name="default",
        defaults={"key": b32decode(DEMO_TOTP_SLEUTEL).hex(), "confirmed": True},
    )


def demo_otpauth_url(email: str) -> str:
    """The ``otpauth://`` address of the demo key, as a QR code or an app's import takes it."""
    from django.conf import settings
    from two_factor.utils import get_otpauth_url

    return get_otpauth_url(email, DEMO_TOTP_SLEUTEL, settings.OTP_TOTP_ISSUER)


def _gemeente(naam: str, slug: str, cbs: str) -> Gemeente:
    gemeente = Gemeente.objects.filter(slug=slug).first()
    return gemeente or services.gemeente_aanmaken(naam=naam, slug=slug, cbs_code=cbs)


def voorbereidingen_laden() -> None:
    """Import every installed app's ``demo`` module, which registers its preparations with
    ``fasen.demo`` (in the order of ``INSTALLED_APPS``, once per process)."""
    autodiscover_modules("demo")


def traject_naar(traject: Traject, doel: str, demo: Demo) -> Traject:
    """Walk ``traject`` along its demo path, letting each phase app prepare its data first."""
    voorbereidingen_laden()
    for transitie in PADEN[doel]:
        for voorbereiding in fasen.demo_voorbereidingen(transitie):
            voorbereiding(traject=traject, demo=demo)
        traject = Traject.objects.get(pk=traject.pk)
        services.traject_transitie(
            traject=traject,
            transitie=transitie,
            door=demo.actor(traject, transitie),
            motivatie="Demo: " + str(TRANSITIES[transitie].label),
        )
    return traject


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Create the demo data if absent (idempotent). Returns the log-ins (role, e-mail, how)."""
    voorbereidingen_laden()
    deventer = _gemeente("Deventer", "deventer", "GM0150")
    zaanstad = _gemeente("Zaanstad", "zaanstad", "GM0479")
    beheer = User.objects.filter(email="beheer@demo.nl").first() or User.objects.create_superuser(
        email="beheer@demo.nl", password=DEMO_WACHTWOORD, naam="Platformbeheer"
    )
    ambtenaar = _gebruiker("ambtenaar@deventer.demo.nl", "Anne de Vries", DEMO_WACHTWOORD)
    beheerder = _gebruiker("beheerder@deventer.demo.nl", "Bram Jansen", DEMO_WACHTWOORD)
    zaan = _gebruiker("ambtenaar@zaanstad.demo.nl", "Zeynep Kaya", DEMO_WACHTWOORD)
    services.lidmaatschap_toevoegen(gemeente=deventer, gebruiker=ambtenaar, mag_tekenen=True)
    services.lidmaatschap_toevoegen(
        gemeente=deventer, gebruiker=beheerder, rol=LidmaatschapRol.BEHEERDER, mag_tekenen=True
    )
    services.lidmaatschap_toevoegen(gemeente=zaanstad, gebruiker=zaan, mag_tekenen=True)
    for medewerker in (beheer, ambtenaar, beheerder, zaan):
        _demo_app(medewerker)
    initiatief = _gebruiker("initiatief@demo.nl", "Ilse Bakker", telefoon="0612345678")
    lid = _gebruiker("lid@demo.nl", "Mohamed El Amrani")
    partners = [
        _gebruiker("partner.woningcorporatie@demo.nl", "Petra Smit"),
        _gebruiker("partner.sportclub@demo.nl", "Karel Visser"),
    ]
    demo = Demo(deventer, ambtenaar, initiatief, partners, {"lid": lid, "beheerder": beheerder})
    for status, titel, thema, wijk in TRAJECTEN:
        if Traject.objects.filter(gemeente=deventer, titel=titel).exists():
            continue
        traject = services.traject_aanmaken(
            gemeente=deventer,
            titel=titel,
            initiatiefnemer=initiatief,
            thema=thema,
            wijk=wijk,
            samenvatting=f"{titel}: een taak van de gemeente, gedragen door de buurt.",
        )
        from .permissions import rol_toekennen

        rol_toekennen(traject=traject, user=lid, rol="initiatiefnemer")
        traject_naar(traject, status, demo)
    zaan_demo = Demo(zaanstad, zaan, initiatief, partners)
    for status, titel in [(S.INGEDIEND, "Zaans buurtbusje"), (S.HORIZON, "Groen dak De Kade")]:
        if Traject.objects.filter(gemeente=zaanstad, titel=titel).exists():
            continue
        traject = services.traject_aanmaken(
            gemeente=zaanstad, titel=titel, initiatiefnemer=initiatief, thema="Buurt"
        )
        traject_naar(traject, status, zaan_demo)
    met_code = f"wachtwoord: {DEMO_WACHTWOORD}, dan de code (zie onder)"
    return [
        ("Ambtenaar, gemeente Deventer", ambtenaar.email, met_code),
        ("Beheerder, gemeente Deventer", beheerder.email, met_code),
        ("Ambtenaar, gemeente Zaanstad", zaan.email, met_code),
        ("Platformbeheer (/beheer/)", beheer.email, met_code),
        ("Initiatiefnemer", initiatief.email, "inloglink via /inloglink/ (mail in de console)"),
        ("Lid van het initiatief", lid.email, "inloglink via /inloglink/"),
        *[("Coalitiepartner", p.email, "inloglink via /inloglink/") for p in partners],
    ]
