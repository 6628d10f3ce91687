"""`manage.py seed_demo` fills an empty database with trajecten in every state through the real
services, the demo official sees them all, and a second run changes nothing.

One test on purpose: seeding walks every phase (PDFs, signatures), which takes seconds."""

import re
from base64 import b32decode

import pytest
from django.core.management import call_command
from django_fsm_log.models import StateLog
from django_otp.oath import TOTP

from aanbesteden.constants import TrajectStatus
from aanbesteden.demo import DEMO_WACHTWOORD
from aanbesteden.models import Gemeente, Traject, User
from meldingen.models import Notificatie


@pytest.mark.django_db
def test_seed_demo_elke_status_zichtbaar_en_idempotent(client, capsys):
    call_command("seed_demo")
    uitvoer = capsys.readouterr().out
    assert "ambtenaar@deventer.demo.nl" in uitvoer
    assert DEMO_WACHTWOORD in uitvoer

    deventer = Gemeente.objects.get(slug="deventer")
    statussen = set(Traject.objects.filter(gemeente=deventer).values_list("status", flat=True))
    assert statussen == set(TrajectStatus.values)

    # The printed log-in works: the password, then the code of an authenticator app that was
    # given the printed demo key. The official's list shows every phase and state.
    sleutel = re.search(r"Demosleutel \(base32[^)]*\): ([A-Z2-7 ]+)", uitvoer).group(1)
    code = TOTP(b32decode(sleutel.replace(" ", ""))).token()
    response = client.post(
        "/inloggen/", {"username": "ambtenaar@deventer.demo.nl", "password": DEMO_WACHTWOORD}
    )
    assert 'name="token-otp_token"' in response.content.decode()
    response = client.post(
        "/inloggen/",
        {"inloggen-current_step": "token", "token-otp_token": f"{code:06d}"},
        follow=True,
    )
    html = response.content.decode()
    for status in TrajectStatus:
        assert str(status.label) in html, status
    for traject in Traject.objects.filter(gemeente=deventer):
        assert client.get(traject.get_absolute_url()).status_code == 200, traject.status

    tellingen = (
        Traject.objects.count(),
        User.objects.count(),
        StateLog.objects.count(),
        Notificatie.objects.count(),
    )
    call_command("seed_demo")
    assert (
        Traject.objects.count(),
        User.objects.count(),
        StateLog.objects.count(),
        Notificatie.objects.count(),
    ) == tellingen
