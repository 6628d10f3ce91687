"""Admitting one proposal on a call tells the competing proposals once, and the official is
told that they still wait."""

import pytest
from django.core import mail
from django.urls import reverse

from aanbesteden.models import Traject
from tests.factories import TrajectFactory, UserFactory

from .factories import opgave_maken, voorstel_compleet

pytestmark = pytest.mark.django_db


def test_concurrenten_krijgen_een_bericht(
    client, gemeente, ambtenaar, traject, vereisten_register, django_capture_on_commit_callbacks
):
    vereisten_register.vereisten_weglaten("toelaten")
    opgave = opgave_maken(gemeente)
    voorstel_compleet(traject, opgave=opgave)
    Traject.objects.filter(pk=traject.pk).update(status="ingediend")
    concurrent = UserFactory(email="ander@example.org")
    ander = TrajectFactory(gemeente=gemeente, initiatiefnemer=concurrent, titel="Ander plan")
    voorstel_compleet(ander, opgave=opgave)
    Traject.objects.filter(pk=ander.pk).update(status="ingediend")
    zonder_opgave = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=UserFactory(email="los@example.org"), status="ingediend"
    )
    voorstel_compleet(zonder_opgave)
    client.force_login(ambtenaar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("initiatieven:besluiten", kwargs={"pk": traject.pk}),
            {"besluit": "toelaten", "motivatie": "Het sterkste plan.", "status": "ingediend"},
            follow=True,
        )
    assert Traject.objects.get(pk=traject.pk).status == "horizon"
    assert "wachten nog 1 andere voorstellen" in antwoord.content.decode()
    aan_concurrent = [m for m in mail.outbox if m.to == ["ander@example.org"]]
    assert len(aan_concurrent) == 1
    assert "ander voorstel toegelaten" in aan_concurrent[0].body
    assert opgave.titel in aan_concurrent[0].subject
    assert not [m for m in mail.outbox if m.to == ["los@example.org"]]
    assert Traject.objects.get(pk=ander.pk).status == "ingediend"  # still the official's call
