"""A traject's gemeente is fixed once the traject exists: officials' access follows the
gemeente, so moving a traject would hand it to another gemeente's officials. The admin shows it
read-only and ignores a posted value, ``Traject.save()`` refuses it, and so does the service
that saves a traject."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanbesteden import services
from aanbesteden.models import Traject
from tests import beheer


def test_beheer_toont_de_gemeente_alleen_ter_inzage(traject):
    client = beheer.beheerclient()
    url = reverse("admin:aanbesteden_traject_change", args=[traject.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="gemeente"' not in response.content.decode()
    assert traject.gemeente.naam in response.content.decode()


def test_beheer_negeert_een_andere_gemeente(traject, andere_gemeente):
    response = beheer.wijzigen(
        beheer.beheerclient(), traject, gemeente=andere_gemeente.pk, titel="Nieuwe titel"
    )
    assert response.status_code == 302
    traject = Traject.objects.get(pk=traject.pk)
    assert traject.titel == "Nieuwe titel"
    assert traject.gemeente_id != andere_gemeente.pk


def test_beheer_kiest_de_gemeente_bij_een_nieuw_traject(gemeente):
    client = beheer.beheerclient()
    response = client.get(reverse("admin:aanbesteden_traject_add"))
    assert 'name="gemeente"' in response.content.decode()
    response = client.post(
        reverse("admin:aanbesteden_traject_add"), {"gemeente": gemeente.pk, "titel": "Nieuw"}
    )
    assert response.status_code == 302
    assert Traject.objects.get(titel="Nieuw").gemeente == gemeente


def test_opslaan_weigert_een_andere_gemeente(traject, andere_gemeente):
    geladen = Traject.objects.get(pk=traject.pk)
    geladen.gemeente = andere_gemeente
    with pytest.raises(ValidationError) as fout:
        geladen.save()
    assert fout.value.code == "gemeente_vast"
    assert "kan niet worden gewijzigd" in fout.value.messages[0]
    assert Traject.objects.get(pk=traject.pk).gemeente_id == traject.gemeente_id
    # The same also on the instance the traject was made with (never loaded from the database).
    traject.gemeente_id = andere_gemeente.pk
    with pytest.raises(ValidationError):
        traject.save()


def test_opslaan_van_andere_velden_blijft_mogelijk(traject, andere_gemeente):
    geladen = Traject.objects.get(pk=traject.pk)
    geladen.titel = "Ander"
    geladen.save()
    # After a move at the database level (an operator's act), a refreshed copy saves again.
    Traject.objects.filter(pk=traject.pk).update(gemeente=andere_gemeente)
    geladen.refresh_from_db()
    geladen.titel = "Nog anders"
    geladen.save()
    assert Traject.objects.get(pk=traject.pk).gemeente == andere_gemeente


def test_service_weigert_een_andere_gemeente(traject, initiatiefnemer, andere_gemeente):
    geladen = Traject.objects.get(pk=traject.pk)
    geladen.gemeente = andere_gemeente
    with pytest.raises(services.TransitieGeweigerd) as fout:
        services.traject_transitie(traject=geladen, transitie="indienen", door=initiatiefnemer)
    assert "kan niet worden gewijzigd" in fout.value.bericht
    opnieuw = Traject.objects.get(pk=traject.pk)
    assert opnieuw.gemeente_id == traject.gemeente_id
    assert opnieuw.status == "concept"


def test_service_zet_een_verplaatst_traject_niet_terug(
    traject, initiatiefnemer, andere_gemeente, geen_vereisten
):
    """A copy read before an operator moved the traject is stale: the step is refused rather
    than writing the old gemeente back."""
    oud = Traject.objects.get(pk=traject.pk)
    Traject.objects.filter(pk=traject.pk).update(gemeente=andere_gemeente)
    with pytest.raises(services.TransitieGeweigerd):
        services.traject_transitie(traject=oud, transitie="indienen", door=initiatiefnemer)
    assert Traject.objects.get(pk=traject.pk).gemeente == andere_gemeente
