"""Deciding on a proposal to a call can close the call in the same step: the official sees the
competing proposals on the decision page, ticks (never pre-ticked) "close the call too", and
every competing initiative gets one message that says what it means for theirs."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.models import Traject
from initiatieven.constants import OpgaveStatus
from initiatieven.models import Opgave
from tests.factories import TrajectFactory, UserFactory
from tests.initiatieven.factories import opgave_maken, voorstel_compleet

pytestmark = pytest.mark.django_db

SLUITEN = "opgave_sluiten"


@pytest.fixture
def opgave(gemeente):
    return opgave_maken(gemeente, titel="Beheer van het buurtpark")


@pytest.fixture
def eigen(traject, opgave):
    voorstel_compleet(traject, opgave=opgave)
    Traject.objects.filter(pk=traject.pk).update(status="ingediend")
    return traject


@pytest.fixture
def concurrenten(gemeente, opgave):
    """A competing proposal that was submitted, and one still a draft."""
    ingediend = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=UserFactory(email="ingediend@example.org"), titel="B"
    )
    voorstel_compleet(ingediend, opgave=opgave)
    Traject.objects.filter(pk=ingediend.pk).update(status="ingediend")
    concept = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=UserFactory(email="concept@example.org"), titel="C"
    )
    voorstel_compleet(concept, opgave=opgave)
    return ingediend, concept


def besluiten(client, traject, capture, **extra):
    data = {"besluit": "toelaten", "motivatie": "Het sterkste plan.", "status": "ingediend"}
    with capture(execute=True):
        return client.post(
            reverse("initiatieven:besluiten", kwargs={"pk": traject.pk}),
            {**data, **extra},
            follow=True,
        )


def mails_aan(adres):
    return [m for m in mail.outbox if m.to == [adres]]


def test_de_besluitpagina_toont_de_concurrenten_en_vinkt_niets_aan(
    client, ambtenaar, eigen, concurrenten
):
    client.force_login(ambtenaar)
    inhoud = client.get(reverse("initiatieven:besluiten", kwargs={"pk": eigen.pk})).content
    inhoud = inhoud.decode()
    assert "Op deze opgave wachten nog 2 andere voorstellen" in inhoud
    for t in concurrenten:
        assert reverse("initiatieven:voorstel", kwargs={"pk": t.pk}) in inhoud
    veld = re.search(r'<input[^>]*name="opgave_sluiten"[^>]*>', inhoud)
    assert veld and "checked" not in veld.group(0)


def test_toelaten_en_sluiten_in_een_stap(
    client,
    ambtenaar,
    eigen,
    opgave,
    concurrenten,
    vereisten_register,
    django_capture_on_commit_callbacks,
):
    vereisten_register.vereisten_weglaten("toelaten")
    ingediend, concept = concurrenten
    client.force_login(ambtenaar)
    mail.outbox.clear()
    antwoord = besluiten(client, eigen, django_capture_on_commit_callbacks, **{SLUITEN: "on"})
    assert Traject.objects.get(pk=eigen.pk).status == "horizon"
    assert Opgave.objects.get(pk=opgave.pk).status == OpgaveStatus.GESLOTEN
    assert "De opgave is gesloten" in antwoord.content.decode()
    (aan_ingediend,) = mails_aan("ingediend@example.org")  # exactly one each
    (aan_concept,) = mails_aan("concept@example.org")
    assert "De opgave is nu gesloten" in aan_ingediend.body
    assert "nog niet besloten" in aan_ingediend.body
    assert "kan dat nu niet meer" in aan_concept.body
    # The draft can no longer be submitted: the call is closed.
    concept.refresh_from_db()
    from aanbesteden.fasen import fasen

    assert "opgave_open" in {v.code for v in fasen.onvervuld(concept, "indienen")}


def test_afwijzen_en_sluiten_meldt_de_concurrenten_eenmaal(
    client,
    ambtenaar,
    eigen,
    opgave,
    concurrenten,
    vereisten_register,
    django_capture_on_commit_callbacks,
):
    vereisten_register.vereisten_weglaten("afwijzen")
    client.force_login(ambtenaar)
    mail.outbox.clear()
    besluiten(
        client, eigen, django_capture_on_commit_callbacks, besluit="afwijzen", **{SLUITEN: "on"}
    )
    assert Traject.objects.get(pk=eigen.pk).status == "afgewezen"
    assert Opgave.objects.get(pk=opgave.pk).status == OpgaveStatus.GESLOTEN
    (aan_ingediend,) = mails_aan("ingediend@example.org")
    assert "is gesloten" in aan_ingediend.subject


def test_afwijzen_zonder_sluiten_laat_de_opgave_open_en_meldt_niemand_anders(
    client,
    ambtenaar,
    eigen,
    opgave,
    concurrenten,
    vereisten_register,
    django_capture_on_commit_callbacks,
):
    vereisten_register.vereisten_weglaten("afwijzen")
    client.force_login(ambtenaar)
    mail.outbox.clear()
    besluiten(client, eigen, django_capture_on_commit_callbacks, besluit="afwijzen")
    assert Opgave.objects.get(pk=opgave.pk).status == OpgaveStatus.GEPUBLICEERD
    assert not mails_aan("ingediend@example.org") and not mails_aan("concept@example.org")


def test_een_geweigerd_besluit_sluit_de_opgave_niet_en_houdt_het_vinkje(
    client, ambtenaar, eigen, opgave, concurrenten, django_capture_on_commit_callbacks
):
    from initiatieven.models import Beoordeling

    Beoordeling.objects.filter(voorstel__traject=eigen).delete()  # the assessment is missing
    client.force_login(ambtenaar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("initiatieven:besluiten", kwargs={"pk": eigen.pk}),
            {
                "besluit": "toelaten",
                "motivatie": "Het sterkste plan.",
                "status": "ingediend",
                SLUITEN: "on",
            },
        )
    assert antwoord.status_code == 409
    assert Opgave.objects.get(pk=opgave.pk).status == OpgaveStatus.GEPUBLICEERD
    assert Traject.objects.get(pk=eigen.pk).status == "ingediend"
    veld = re.search(r'<input[^>]*name="opgave_sluiten"[^>]*>', antwoord.content.decode())
    assert veld and "checked" in veld.group(0)
    assert mail.outbox == []


def test_bij_een_gesloten_opgave_geen_vinkje(client, ambtenaar, eigen, opgave):
    Opgave.objects.filter(pk=opgave.pk).update(status=OpgaveStatus.GESLOTEN)
    client.force_login(ambtenaar)
    inhoud = client.get(reverse("initiatieven:besluiten", kwargs={"pk": eigen.pk})).content
    assert b'name="opgave_sluiten"' not in inhoud
    assert "Er wachten geen andere voorstellen op deze opgave." in inhoud.decode()
