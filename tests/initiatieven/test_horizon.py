"""Phase 1: both sides edit and approve the horizon; an edit after an approval withdraws the
approvals and keeps the earlier version; only an approved horizon with a target moves on."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.models import Traject
from aanbesteden.services import TransitieGeweigerd, traject_transitie
from initiatieven.models import Horizon, HorizonVersie, Indicator


def formulier(versie, ambitie, indicatoren=(), bestaand=()):
    data = {
        "versie": str(versie),
        "ambitie": ambitie,
        "beoogde_resultaten": "Meer ontmoeting",
        "indicatoren-TOTAL_FORMS": str(len(bestaand) + len(indicatoren)),
        "indicatoren-INITIAL_FORMS": str(len(bestaand)),
        "indicatoren-MIN_NUM_FORMS": "0",
        "indicatoren-MAX_NUM_FORMS": "20",
    }
    rijen = [*bestaand, *indicatoren]
    for i, rij in enumerate(rijen):
        for veld, waarde in rij.items():
            data[f"indicatoren-{i}-{veld}"] = waarde
    return data


INDICATOR = {
    "naam": "Bezoekers",
    "eenheid": "aantal",
    "nulwaarde": "100",
    "streefwaarde": "150",
    "hoger_is_beter": "on",
    "meetfrequentie": "kwartaal",
    "meetmethode": "Telling",
}


@pytest.fixture
def in_horizon(traject):
    Traject.objects.filter(pk=traject.pk).update(status="horizon")
    Horizon.objects.create(traject=traject)
    return Traject.objects.get(pk=traject.pk)


def test_bewerken_goedkeuren_en_intrekken(
    client, in_horizon, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    traject = in_horizon
    wijzigen = reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk})
    akkoord = reverse("initiatieven:horizon_akkoord", kwargs={"pk": traject.pk})

    # the gemeente writes the first version; the initiative is asked to approve
    client.force_login(ambtenaar)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(wijzigen, formulier(1, "Een levendig buurthuis", [INDICATOR])).status_code
            == 302
        )
    assert any(
        initiatiefnemer.email in m.to and "akkoord is nodig" in m.subject for m in mail.outbox
    )
    horizon = Horizon.objects.get(traject=traject)
    assert horizon.versie == 2
    client.post(akkoord, {"versie": "2"})
    horizon.refresh_from_db()
    assert horizon.akkoord_gemeente_door == ambtenaar and not horizon.akkoord_initiatief_op

    # the initiative changes a target: the gemeente's approval is withdrawn, v2 is kept
    client.force_login(initiatiefnemer)
    ind = Indicator.objects.get(horizon=horizon)
    bestaand = [{**INDICATOR, "id": str(ind.pk), "horizon": str(horizon.pk), "streefwaarde": "175"}]
    assert (
        client.post(wijzigen, formulier(2, "Een levendig buurthuis", bestaand=bestaand)).status_code
        == 302
    )
    horizon.refresh_from_db()
    assert horizon.versie == 3 and horizon.akkoord_gemeente_op is None
    oud = HorizonVersie.objects.get(horizon=horizon, versie=2)
    assert oud.inhoud["indicatoren"][0]["streefwaarde"] == "150.00"
    assert oud.gewijzigd_door == initiatiefnemer
    pagina = client.get(reverse("initiatieven:horizon", kwargs={"pk": traject.pk})).content.decode()
    assert "Versie 2" in pagina and "De gemeente is nog niet akkoord" in pagina

    # saving without a change changes nothing
    bestaand[0]["streefwaarde"] = "175"
    client.post(wijzigen, formulier(3, "Een levendig buurthuis", bestaand=bestaand))
    assert Horizon.objects.get(pk=horizon.pk).versie == 3

    # not yet approved by both: the traject cannot move on
    client.post(akkoord, {"versie": "3"})
    with pytest.raises(TransitieGeweigerd) as fout:
        traject_transitie(
            traject=Traject.objects.get(pk=traject.pk),
            transitie="naar_coalitie",
            door=initiatiefnemer,
        )
    assert any("akkoord" in r for r in fout.value.redenen)

    # the gemeente approves the current version; the initiative hears of it; now it moves
    client.force_login(ambtenaar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(akkoord, {"versie": "3"})
    assert any(initiatiefnemer.email in m.to and "Akkoord" in m.subject for m in mail.outbox)
    assert Horizon.objects.get(pk=horizon.pk).goedgekeurd
    eerder = Horizon.objects.get(pk=horizon.pk).akkoord_gemeente_op
    aantal = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(akkoord, {"versie": "3"})  # a double click: nothing new
    assert len(mail.outbox) == aantal
    assert Horizon.objects.get(pk=horizon.pk).akkoord_gemeente_op == eerder
    traject_transitie(
        traject=Traject.objects.get(pk=traject.pk), transitie="naar_coalitie", door=ambtenaar
    )
    assert Traject.objects.get(pk=traject.pk).status == "coalitie"
    # afterwards the horizon is fixed
    assert client.get(wijzigen).status_code == 403


def test_indicator_zonder_streefwaarde_is_niet_genoeg(in_horizon, ambtenaar, initiatiefnemer):
    from django.utils import timezone

    horizon = Horizon.objects.get(traject=in_horizon)
    Indicator.objects.create(horizon=horizon, naam="Sfeer", eenheid="cijfer")
    Horizon.objects.filter(pk=horizon.pk).update(
        ambitie="x", akkoord_gemeente_op=timezone.now(), akkoord_initiatief_op=timezone.now()
    )
    with pytest.raises(TransitieGeweigerd) as fout:
        traject_transitie(traject=in_horizon, transitie="naar_coalitie", door=ambtenaar)
    assert fout.value.redenen == [
        "De stip aan de horizon heeft ten minste één indicator met een streefwaarde."
    ]


def test_akkoord_op_lege_horizon_of_door_partner(client, in_horizon, initiatiefnemer, partner):
    akkoord = reverse("initiatieven:horizon_akkoord", kwargs={"pk": in_horizon.pk})
    client.force_login(initiatiefnemer)
    antwoord = client.post(akkoord, {"versie": "1"}, follow=True)
    assert "ten minste één indicator" in antwoord.content.decode()
    client.force_login(partner)
    assert client.post(akkoord, {"versie": "1"}).status_code == 403
    assert not Horizon.objects.get(traject=in_horizon).akkoord_initiatief_op
