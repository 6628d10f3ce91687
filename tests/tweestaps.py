"""The second factor in tests: a test client whose ``force_login`` also passes it, and the code
an authenticator app would show, computed from a device's key with django-otp's TOTP.

Officials and platform administrators reach no page without a verified second factor
(``aanbesteden.middleware.TweedeFactorMiddleware``). Tests of other behaviour log them in with
``Client.force_login`` from here (the ``client`` fixture is one), which gives the account an
authenticator app when it has none and marks the session as django-otp's ``login`` does.
"""

from __future__ import annotations

import time

import django.test
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.tweestaps import tweede_factor_verplicht


def app_van(user) -> TOTPDevice:
    """The account's authenticator app (django-otp's TOTP device), made when it has none."""
    apparaat = TOTPDevice.objects.filter(user=user, name="default").first()
    return apparaat or TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def code_van(apparaat: TOTPDevice) -> str:
    """The code the app shows now, as a person types it.

    django-otp refuses a code of a time step it already accepted; when this one's step is
    used, the next one (within the device's tolerance) is taken, or the next step waited for.
    """
    apparaat.refresh_from_db()
    while True:
        totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
        nu = totp.t()
        stap = max(nu, apparaat.last_t + 1)
        if stap <= nu + apparaat.tolerance:
            break
        time.sleep(apparaat.step - (time.time() - apparaat.t0) % apparaat.step + 0.1)
    totp.drift += stap - nu
    return str(totp.token()).zfill(apparaat.digits)


class Client(django.test.Client):
    """Django's test client, whose ``force_login`` also passes the second factor of accounts
    that need one."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if tweede_factor_verplicht(user):
            sessie = self.session
            sessie[DEVICE_ID_SESSION_KEY] = app_van(user).persistent_id
            sessie.save()
