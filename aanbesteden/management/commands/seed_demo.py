from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from aanbesteden.demo import DEMO_TOTP_SLEUTEL, demo_otpauth_url, seed_demo


class Command(BaseCommand):
    help = "Zet demogegevens klaar (twee gemeenten, gebruikers, trajecten in elke fase)."

    def handle(self, *args, **options):
        # Demo data holds published passwords and a published second-factor key, and its
        # trajecten mail real-looking addresses: never in a real installation.
        if not settings.DEMOGEGEVENS_TOEGESTAAN:
            raise CommandError(
                "seed_demo weigert: deze instellingen zijn voor productie "
                f"({settings.SETTINGS_MODULE}). Demogegevens horen alleen in de ingebedde "
                "modus (aanbesteden.settings.dev) en de tests."
            )
        # The demo's own mails (transitions of the seeded trajecten) are not printed.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            inloggen = seed_demo()
        self.stdout.write(self.style.SUCCESS("Demogegevens staan klaar. Inloggen als:"))
        for rol, email, hoe in inloggen:
            self.stdout.write(f"  {rol:32} {email:40} {hoe}")
        groepen = " ".join(DEMO_TOTP_SLEUTEL[i : i + 4] for i in range(0, 32, 4))
        self.stdout.write(
            "\nTweede stap van ambtenaren en platformbeheer: de code uit een authenticator-app,\n"
            "met dezelfde sleutel voor alle vier.\n"
            f"  Demosleutel (base32, TOTP, 6 cijfers, 30 seconden): {groepen}\n"
            "  Voeg de sleutel in een app toe (handmatig invoeren), of open deze link op de\n"
            f"  telefoon: {demo_otpauth_url('ambtenaar@deventer.demo.nl')}\n"
            "  Zonder app: `.venv/bin/python manage.py democode` toont de code van dit moment."
        )
