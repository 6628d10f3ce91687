"""`manage.py seed_demo` fills an empty database with trajecten in every state through the real
services, the demo official sees them all, and a second run changes nothing.

One test on purpose: seeding walks every phase (PDFs, signatures), which takes seconds."""

import pytest
from django.core.management import call_command
from django_fsm_log.models import StateLog

from aanbesteden.constants import TrajectStatus
from aanbesteden.demo import DEMO_WACHTWOORD
from aanbesteden.models import Gemeente, Notificatie, Traject, User


@pytest.mark.django_db
def test_seed_demo_elke_status_zichtbaar_en_idempotent(client, capsys):
    call_command("seed_demo")
    uitvoer = capsys.readouterr().out
    assert "ambtenaar@deventer.demo.nl" in uitvoer
    assert DEMO_WACHTWOORD in uitvoer

    deventer = Gemeente.objects.get(slug="deventer")
    statussen = set(Traject.objects.filter(gemeente=deventer).values_list("status", flat=True))
    assert statussen == set(TrajectStatus.values)

    # The printed log-in works and the official's list shows every phase and state.
    response = client.post(
        "/inloggen/",
        {"username": "ambtenaar@deventer.demo.nl", "password": DEMO_WACHTWOORD},
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
