"""After the last signature the platform seals the agreement and fires ``naar_evaluatie``
itself. When the state machine refuses that step, the refusal is not swallowed: it is logged,
kept on the version and shown to the officials in the agreement panel, with what to do."""

from __future__ import annotations

import logging

import pytest

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from aanbesteden.services import traject_transitie
from overdracht.constants import VersieStatus
from tests.overdracht.factories import alles_tekenen

pytestmark = pytest.mark.django_db

NIET_KLAAR = "Het meetplan van de evaluatie is nog niet klaar."
UITLEG = "kon het platform het traject niet zelf doorzetten naar evaluatie en verankering"


@pytest.fixture
def meetplan_ontbreekt(vereisten_register):
    """A requirement of ``naar_evaluatie`` that does not hold when the agreement is sealed."""
    klaar = {"ja": False}
    vereisten_register.vereiste("naar_evaluatie", "test_meetplan", NIET_KLAAR)(
        lambda traject: klaar["ja"]
    )
    return klaar


def test_geweigerde_stap_na_verzegelen_wordt_gelogd_bewaard_en_getoond(
    vastgesteld,
    meetplan_ontbreekt,
    client,
    ambtenaar,
    partner,
    caplog,
    django_capture_on_commit_callbacks,
):
    with (
        caplog.at_level(logging.WARNING, logger="overdracht.services"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        alles_tekenen(vastgesteld)

    vastgesteld.refresh_from_db()
    traject = Traject.objects.get(pk=vastgesteld.traject_id)
    assert vastgesteld.status == VersieStatus.VERZEGELD  # the seal itself stands
    assert traject.status == TrajectStatus.OVERDRACHT
    assert NIET_KLAAR in vastgesteld.naar_evaluatie_geweigerd
    assert vastgesteld.naar_evaluatie_geweigerd_op is not None

    [melding] = [r for r in caplog.records if r.name == "overdracht.services"]
    assert melding.levelno == logging.WARNING
    tekst = melding.getMessage()
    assert f"Traject {traject.pk}" in tekst
    assert "naar_evaluatie" in tekst
    assert NIET_KLAAR in tekst

    # The officials see it in the agreement panel, with the step to take by hand.
    client.force_login(ambtenaar)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert UITLEG in html
    assert NIET_KLAAR in html
    assert "zet dan zelf de stap “Door naar evaluatie en verankering”" in html
    # The other parties do not: it is the gemeente's to act on.
    client.force_login(partner)
    assert UITLEG not in client.get(traject.get_absolute_url()).content.decode()

    # Once the requirement holds, the official takes the step and the notice is gone.
    meetplan_ontbreekt["ja"] = True
    traject_transitie(traject=traject, transitie="naar_evaluatie", door=ambtenaar)
    assert Traject.objects.get(pk=traject.pk).status == TrajectStatus.EVALUATIE
    client.force_login(ambtenaar)
    assert UITLEG not in client.get(traject.get_absolute_url()).content.decode()


def test_de_melding_in_het_engels(
    vastgesteld, meetplan_ontbreekt, client, ambtenaar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(vastgesteld)
    ambtenaar.taal = "en"
    ambtenaar.save(update_fields=["taal"])
    client.force_login(ambtenaar)
    html = client.get(Traject.objects.get(pk=vastgesteld.traject_id).get_absolute_url())
    html = html.content.decode()
    assert "could not move the trajectory on to evaluation and anchoring by itself" in html
    assert "take the step “On to evaluation and anchoring” yourself" in html


def test_zonder_weigering_gaat_het_traject_door_en_blijft_het_veld_leeg(verzegeld):
    assert Traject.objects.get(pk=verzegeld.traject_id).status == TrajectStatus.EVALUATIE
    assert verzegeld.naar_evaluatie_geweigerd == ""
    assert verzegeld.naar_evaluatie_geweigerd_op is None
