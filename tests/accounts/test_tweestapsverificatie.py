"""Officials and platform administrators log in with two factors: password, then a code from
an authenticator app (TOTP) or a one-time recovery code. Without an app the set-up follows the
password. No page of theirs, and no page of /beheer/, opens for a session that only passed the
password. Initiative members and partners are unaffected.

These tests use Django's plain test client: its ``force_login`` passes no second factor (the
``client`` fixture's does, for the tests of everything else).
"""

from __future__ import annotations

import re
from base64 import b32decode
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from aanbesteden.models import User
from accounts.services import inloglink
from accounts.tweestaps import herstelcodes, herstelcodes_maken
from tests.tweestaps import app_van, code_van

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-123"  # as in tests.factories.ambtenaar_van
INLOGGEN = "/inloggen/"
STAP = "inloggen-current_step"


def wachtwoord(client, user, volgende: str = ""):
    url = INLOGGEN + (f"?next={volgende}" if volgende else "")
    return client.post(url, {STAP: "auth", "username": user.email, "password": WACHTWOORD})


def code(client, waarde: str, volgende: str = ""):
    url = INLOGGEN + (f"?next={volgende}" if volgende else "")
    return client.post(url, {STAP: "token", "token-otp_token": waarde})


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def dashboard(gemeente) -> str:
    return reverse("overzicht:dashboard", args=[gemeente.slug])


def fout_code(apparaat: TOTPDevice) -> str:
    return f"{(int(code_van(apparaat)) + 1) % 1_000_000:06d}"


# --- logging in with password and code ------------------------------------------------------


def test_alleen_wachtwoord_geeft_geen_toegang(gemeente, ambtenaar, traject):
    app_van(ambtenaar)
    client = Client()
    antwoord = wachtwoord(client, ambtenaar)
    # The password is right: the same page now asks for the code, nobody is logged in yet.
    assert antwoord.status_code == 200
    assert 'name="token-otp_token"' in antwoord.content.decode()
    assert not ingelogd(client)
    for pad in (dashboard(gemeente), traject.get_absolute_url(), "/beheer/"):
        antwoord = client.get(pad, follow=True)
        assert antwoord.redirect_chain[-1][0].startswith(INLOGGEN), pad
        assert 'name="password"' in antwoord.content.decode()


def test_sessie_met_alleen_wachtwoord_opent_geen_pagina(gemeente, ambtenaar, traject):
    """A session of an official that did not pass the code (an old session, or one made
    some other way) is sent to the log-in for every page, and gets the form there."""
    app_van(ambtenaar)
    client = Client()
    client.force_login(ambtenaar)
    for pad in (
        dashboard(gemeente),
        traject.get_absolute_url(),
        reverse("aanbesteden:gemeente_trajecten", args=[gemeente.slug]),
        reverse("overzicht:mijn_trajecten"),
        reverse("two_factor:backup_tokens"),
    ):
        antwoord = client.get(pad)
        assert antwoord.status_code == 302, pad
        assert antwoord.url == f"{INLOGGEN}?next={pad}", pad
    assert client.post(traject.get_absolute_url()).status_code == 302
    assert client.get(INLOGGEN).status_code == 200  # the form, not a redirect loop


def test_foute_code_geweigerd_goede_code_toegelaten(gemeente, ambtenaar):
    apparaat = app_van(ambtenaar)
    client = Client()
    wachtwoord(client, ambtenaar)
    fout = code(client, fout_code(apparaat))
    assert fout.status_code == 200
    assert "Deze code klopt niet" in fout.content.decode()
    assert not ingelogd(client)
    for onzin in ("", "12345", "abcdef"):
        assert code(client, onzin).status_code == 200
        assert not ingelogd(client)

    # django-otp slows down wrong codes: for a moment even the right one is refused.
    te_snel = code(client, code_van(apparaat))
    assert "kunt u het even niet opnieuw proberen" in te_snel.content.decode()
    assert not ingelogd(client)

    with time_machine.travel(timezone.now() + timedelta(seconds=10), tick=True):
        goed = code(client, code_van(apparaat))
        assert goed.status_code == 302
        assert goed.url == reverse("overzicht:start")
        assert int(client.session["_auth_user_id"]) == ambtenaar.pk
        assert client.get(dashboard(gemeente)).status_code == 200


def test_code_werkt_een_keer(ambtenaar):
    apparaat = app_van(ambtenaar)
    eerste = Client()
    wachtwoord(eerste, ambtenaar)
    gebruikt = code_van(apparaat)
    assert code(eerste, gebruikt).status_code == 302
    tweede = Client()
    wachtwoord(tweede, ambtenaar)
    assert code(tweede, gebruikt).status_code == 200
    assert not ingelogd(tweede)


def test_inloggen_gaat_door_naar_de_gevraagde_pagina(gemeente, ambtenaar, traject):
    apparaat = app_van(ambtenaar)
    client = Client()
    antwoord = client.get(traject.get_absolute_url())
    assert antwoord.url == f"{INLOGGEN}?next={traject.get_absolute_url()}"
    wachtwoord(client, ambtenaar, volgende=traject.get_absolute_url())
    antwoord = code(client, code_van(apparaat), volgende=traject.get_absolute_url())
    assert antwoord.url == traject.get_absolute_url()
    assert client.get(antwoord.url).status_code == 200


def test_herstelcode_werkt_een_keer(gemeente, ambtenaar):
    app_van(ambtenaar)
    herstelcode = herstelcodes_maken(ambtenaar)[0]
    client = Client()
    antwoord = wachtwoord(client, ambtenaar)
    assert "Inloggen met een herstelcode" in antwoord.content.decode()
    antwoord = client.post(INLOGGEN, {"wizard_goto_step": "backup"})
    assert 'name="backup-otp_token"' in antwoord.content.decode()
    antwoord = client.post(INLOGGEN, {STAP: "backup", "backup-otp_token": herstelcode.upper()})
    assert antwoord.status_code == 302
    assert ingelogd(client)
    assert client.get(dashboard(gemeente)).status_code == 200
    assert herstelcode not in herstelcodes(ambtenaar)

    client = Client()
    wachtwoord(client, ambtenaar)
    client.post(INLOGGEN, {"wizard_goto_step": "backup"})
    antwoord = client.post(INLOGGEN, {STAP: "backup", "backup-otp_token": herstelcode})
    assert antwoord.status_code == 200
    assert "Deze herstelcode klopt niet of is al gebruikt" in antwoord.content.decode()
    assert not ingelogd(client)


def test_geblokkeerd_na_te_vaak_een_fout_wachtwoord_ook_met_de_stappen(ambtenaar):
    """django-axes still counts the password step of the two-step log-in."""
    from django.conf import settings

    app_van(ambtenaar)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(INLOGGEN, {STAP: "auth", "username": ambtenaar.email, "password": "fout"})
    antwoord = wachtwoord(client, ambtenaar)
    assert antwoord.status_code in (403, 429)
    assert 'name="token-otp_token"' not in antwoord.content.decode()


# --- setting up on the first log-in ---------------------------------------------------------


def test_eerste_keer_inloggen_stelt_de_app_in(gemeente, ambtenaar, traject):
    client = Client()
    antwoord = wachtwoord(client, ambtenaar)
    assert antwoord.status_code == 302
    # Logged in with the password, but every page sends to the set-up first.
    for pad in (dashboard(gemeente), traject.get_absolute_url(), "/beheer/"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 302, pad
        assert antwoord.url.startswith(reverse("two_factor:setup") + "?next="), pad

    instellen = reverse("two_factor:setup") + f"?next={traject.get_absolute_url()}"
    pagina = client.get(instellen)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    sleutel = re.search(r'data-sleutel="([A-Z2-7]+)"', html).group(1)
    assert 'src="/tweestapsverificatie/instellen/qr-code/"' in html
    qr = client.get(reverse("two_factor:qr"))
    assert qr.status_code == 200
    assert qr["Content-Type"].startswith("image/svg+xml")

    # The code of an app that took the key over wrongly is refused.
    totp = TOTP(b32decode(sleutel))
    fout = client.post(
        instellen,
        {
            "instellen_view-current_step": "generator",
            "generator-token": f"{(totp.token() + 1) % 1_000_000:06d}",
        },
    )
    assert fout.status_code == 200
    assert "Deze code klopt niet" in fout.content.decode()
    assert not TOTPDevice.objects.filter(user=ambtenaar).exists()

    goed = client.post(
        instellen,
        {"instellen_view-current_step": "generator", "generator-token": f"{totp.token():06d}"},
    )
    assert goed.status_code == 302
    assert goed.url.startswith(reverse("two_factor:setup_complete"))
    assert TOTPDevice.objects.get(user=ambtenaar).confirmed

    # Set up: the recovery codes to keep, then on to the page asked for.
    klaar = client.get(goed.url)
    codes = herstelcodes(ambtenaar)
    assert len(codes) == 10
    for c in codes:
        assert c in klaar.content.decode()
    assert f'href="{traject.get_absolute_url()}"' in klaar.content.decode()
    assert client.get(traject.get_absolute_url()).status_code == 200
    assert client.get(dashboard(gemeente)).status_code == 200

    # The next log-in asks for the code of that app.
    client = Client()
    assert wachtwoord(client, ambtenaar).status_code == 200
    assert code(client, code_van(TOTPDevice.objects.get(user=ambtenaar))).status_code == 302


def test_instellen_kan_niet_over_een_bestaande_app_heen(client, ambtenaar):
    client.force_login(ambtenaar)
    antwoord = client.get(reverse("two_factor:setup"))
    assert antwoord.url == reverse("two_factor:profile")
    assert TOTPDevice.objects.filter(user=ambtenaar).count() == 1


# --- the platform's administration ----------------------------------------------------------


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(email="super@example.org", password=WACHTWOORD)


def test_beheer_niet_zonder_code(superuser):
    app_van(superuser)
    client = Client()
    client.force_login(superuser)
    for pad in ("/beheer/", "/beheer/aanbesteden/gemeente/"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 302, pad
        assert antwoord.url.startswith(INLOGGEN), pad

    zonder_app = User.objects.create_superuser(email="nieuw@example.org", password=WACHTWOORD)
    client = Client()
    client.force_login(zonder_app)
    assert client.get("/beheer/").url.startswith(reverse("two_factor:setup"))


def test_beheer_inloggen_vraagt_de_code(superuser):
    apparaat = app_van(superuser)
    client = Client()
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302
    antwoord = client.get(antwoord.url)  # the admin's own log-in is ours
    assert antwoord.status_code == 302
    assert antwoord.url == f"{INLOGGEN}?next=/beheer/"
    assert wachtwoord(client, superuser, volgende="/beheer/").status_code == 200
    antwoord = code(client, code_van(apparaat), volgende="/beheer/")
    assert antwoord.url == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_beheer_niet_voor_ambtenaar_zonder_beheerrechten(client, ambtenaar):
    client.force_login(ambtenaar)
    assert client.get("/beheer/").status_code in (302, 403)
    assert client.get("/beheer/login/").status_code == 403


# --- initiative members and partners --------------------------------------------------------


def test_initiatiefnemer_en_partner_merken_niets(traject, initiatiefnemer, partner):
    for user in (initiatiefnemer, partner):
        client = Client()
        sleutel = inloglink(user).split("sleutel=")[1]
        assert client.post("/inloglink/gebruiken/", {"sleutel": sleutel}).status_code == 302
        assert client.get(traject.get_absolute_url()).status_code == 200
        assert client.get(reverse("overzicht:mijn_trajecten")).status_code == 200
        assert client.get(reverse("two_factor:profile")).status_code == 403
        assert client.get(reverse("two_factor:setup")).status_code == 403
    assert not TOTPDevice.objects.exists()


# --- managing one's own second factor -------------------------------------------------------


def test_herstelcodes_bekijken_en_vernieuwen(client, ambtenaar):
    client.force_login(ambtenaar)
    oud = herstelcodes_maken(ambtenaar)
    pagina = client.get(reverse("two_factor:backup_tokens"))
    assert all(c in pagina.content.decode() for c in oud)
    antwoord = client.post(reverse("two_factor:backup_tokens"))
    assert antwoord.status_code == 302
    nieuw = herstelcodes(ambtenaar)
    assert len(nieuw) == 10
    assert not set(oud) & set(nieuw)
    assert StaticDevice.objects.filter(user=ambtenaar).count() == 1


def test_app_vervangen(client, gemeente, ambtenaar):
    client.force_login(ambtenaar)
    herstelcodes_maken(ambtenaar)
    assert client.get(reverse("two_factor:profile")).status_code == 200
    pagina = client.post(reverse("two_factor:disable"), {})
    assert pagina.status_code == 200  # the box must be ticked
    assert TOTPDevice.objects.filter(user=ambtenaar).exists()

    antwoord = client.post(reverse("two_factor:disable"), {"understand": "on"})
    assert antwoord.url == reverse("two_factor:setup")
    assert not TOTPDevice.objects.filter(user=ambtenaar).exists()
    assert herstelcodes(ambtenaar) == []
    # Without an app the session may only set up the new one.
    assert client.get(dashboard(gemeente)).url.startswith(reverse("two_factor:setup"))
    assert client.get(reverse("two_factor:setup")).status_code == 200


def test_uitloggen_zonder_code(ambtenaar):
    app_van(ambtenaar)
    client = Client()
    client.force_login(ambtenaar)
    assert client.post("/uitloggen/").status_code == 302
    assert not ingelogd(client)


def test_geen_mail_bij_inloggen(ambtenaar):
    """Logging in with two factors sends nothing (no link, no code by mail)."""
    apparaat = app_van(ambtenaar)
    client = Client()
    wachtwoord(client, ambtenaar)
    code(client, code_van(apparaat))
    assert mail.outbox == []


def test_testclient_van_de_andere_tests_is_geverifieerd(client, gemeente, ambtenaar):
    """The control of this file's premise: the ``client`` fixture's force_login passes the
    second factor, Django's plain one does not."""
    client.force_login(ambtenaar)
    assert client.get(dashboard(gemeente)).status_code == 200
    gewoon = Client()
    gewoon.force_login(ambtenaar)
    assert gewoon.get(dashboard(gemeente)).status_code == 302
