"""Print the code of the demo's authenticator key, for logging in to the demo without an app."""

import time
from base64 import b32decode

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from aanbesteden.demo import DEMO_TOTP_SLEUTEL


class Command(BaseCommand):
    help = (
        "Toont de code van dit moment bij de demosleutel van de demo-ambtenaren en het "
        "platformbeheer (de tweede stap van het inloggen)."
    )

    def handle(self, *args, **options):
        totp = TOTP(b32decode(DEMO_TOTP_SLEUTEL))
        over = totp.step - int(time.time() - totp.t0) % totp.step
        self.stdout.write(f"{totp.token():06d}  (nog {over} seconden geldig)")
