"""Set up the demo to log in through the test OpenID Connect provider (``make oidc-demo``):
its accounts file, and the providers, group mappings and log-in policy in the database."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEMO_CLIENT_ID = "maatschappelijk-aanbesteden-demo"
DEMO_WACHTWOORD = "demo"  # noqa: S105 - published, like the demo's passwords

DEMO_ACCOUNTS = {
    "ambtenaar": {
        "email": "ambtenaar@deventer.demo.nl",
        "email_verified": True,
        "name": "Anne de Vries",
        "groups": ["deventer-medewerkers", "deventer-tekenbevoegd"],
    },
    "bewoner": {"bsn": "999993653", "loa": "DigiD Substantieel"},
    "stichting": {
        "kvk": "12345678",
        "bedrijfsnaam": "Stichting Samen in de Wijk",
        "name": "Ilse Bakker",
        "loa": "eH3",
    },
    "woningcorporatie": {
        "kvk": "41000001",
        "bedrijfsnaam": "Woningcorporatie Ons Huis",
        "name": "Petra Smit",
        "loa": "eH3",
    },
}


class Command(BaseCommand):
    help = (
        "Zet de demo klaar voor inloggen via de testaanbieder (SSO, DigiD, eHerkenning): "
        "schrijft het accountbestand van de testaanbieder en stelt de aanbieders in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--poort", type=int, default=8090)
        parser.add_argument("--accounts", default="var/oidc-demo.json")
        parser.add_argument(
            "--geheim",
            default="",
            help="Het clientgeheim van de demo bij de testaanbieder (de Makefile geeft het "
            "ook als OIDC_CLIENT_SECRETS aan de webserver).",
        )
        parser.add_argument(
            "--uit", action="store_true", help="De demo-aanbieders weer verwijderen."
        )

    def handle(self, *args, poort: int, accounts: str, uit: bool, geheim: str, **options):
        from aanbesteden.models import Gemeente

        from ...models import Inlogbeleid, OidcAanbieder, OidcGroepKoppeling

        if not settings.DEMOGEGEVENS_TOEGESTAAN:
            raise CommandError("oidc_demo weigert: dit is geen demo-installatie.")
        codes = ["demo-sso-deventer", "demo-digid", "demo-eherkenning"]
        if uit:
            OidcAanbieder.objects.filter(code__in=codes).delete()
            Inlogbeleid.objects.filter(gemeente__slug="deventer").delete()
            self.stdout.write("De demo-aanbieders zijn verwijderd.")
            return
        if len(geheim) < 16:
            raise CommandError("Geef --geheim: het clientgeheim van de demo (16 tekens of meer).")
        deventer = Gemeente.objects.filter(slug="deventer").first()
        if deventer is None:
            raise CommandError("Eerst de demogegevens: make seed.")
        issuer = f"http://127.0.0.1:{poort}"
        terug = f"{settings.SITE_URL}/inloggen/oidc/terug/"
        bestand = Path(accounts)
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_text(
            json.dumps(
                {
                    "clients": [
                        {
                            "client_id": DEMO_CLIENT_ID,
                            "client_secret": geheim,
                            "redirect_uris": sorted(
                                {terug, terug.replace("127.0.0.1", "localhost")}
                            ),
                        }
                    ],
                    "accounts": {
                        login: {"wachtwoord": DEMO_WACHTWOORD, "claims": claims}
                        for login, claims in DEMO_ACCOUNTS.items()
                    },
                },
                indent=2,
            )
        )
        rijen = [
            (
                "demo-sso-deventer",
                "Gemeente Deventer",
                "sso",
                deventer,
                "openid email profile groups",
            ),
            ("demo-digid", "DigiD", "digid", None, "openid digid"),
            ("demo-eherkenning", "eHerkenning", "eherkenning", None, "openid eherkenning"),
        ]
        for code, naam, soort, gemeente, scopes in rijen:
            OidcAanbieder.objects.update_or_create(
                code=code,
                defaults={
                    "naam": naam,
                    "soort": soort,
                    "gemeente": gemeente,
                    "issuer": issuer,
                    "client_id": DEMO_CLIENT_ID,
                    "scopes": scopes,
                    "actief": True,
                },
            )
        sso = OidcAanbieder.objects.get(code="demo-sso-deventer")
        OidcGroepKoppeling.objects.update_or_create(
            aanbieder=sso, groep="deventer-medewerkers", gemeente=deventer
        )
        OidcGroepKoppeling.objects.update_or_create(
            aanbieder=sso,
            groep="deventer-tekenbevoegd",
            gemeente=deventer,
            defaults={"mag_tekenen": True},
        )
        Inlogbeleid.objects.update_or_create(
            gemeente=deventer, defaults={"tekenen_gecontroleerd": True}
        )
        self.stdout.write(self.style.SUCCESS(f"Testaanbieder: {issuer} (terug naar {terug})"))
        self.stdout.write(f"Inloggen bij de testaanbieder, wachtwoord '{DEMO_WACHTWOORD}':")
        for login, claims in DEMO_ACCOUNTS.items():
            uitleg = ", ".join(f"{k}={v}" for k, v in claims.items() if k != "email_verified")
            self.stdout.write(f"  {login:18} {uitleg}")
