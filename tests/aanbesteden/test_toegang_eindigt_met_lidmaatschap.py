"""An official's access to the gemeente's trajecten ends with the membership, whichever way
the membership ends: the admin's bulk delete, its delete view, its change form (another user
or another gemeente), the service, deleting the user, or making the user inactive.

Every path goes through the real admin (or the real service) and is then checked on the pages
that matter most: the traject page, the proposal, the archive dossier, the sealed agreement
and the gemeente's list of trajecten. Before the end the same official gets 200 on each.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from aanbesteden import services
from aanbesteden.models import Lidmaatschap, Traject, User
from aanbesteden.permissions import traject_rollen
from overdracht.models import OvereenkomstVersie
from tests import beheer
from tests.factories import UserFactory, ambtenaar_van
from tests.toegang.basis import Wereld
from tests.toegang.fasen_tabel import maak_dossier, maak_vastgesteld
from tests.tweestaps import Client


@pytest.fixture
def collega(gemeente):
    """A second official of gemeente A: the one whose membership ends."""
    return ambtenaar_van(gemeente, email="collega@a.example.org")


@pytest.fixture
def wereld(traject, gemeente, andere_gemeente, ambtenaar, initiatiefnemer, partner, collega):
    """A traject in evaluation with a proposal, a sealed agreement and an archive dossier."""
    w = Wereld(
        traject=traject,
        gemeente=gemeente,
        andere_gemeente=andere_gemeente,
        ambtenaar=ambtenaar,
        initiatiefnemer=initiatiefnemer,
        partner=partner,
        collega=collega,
    )
    versie = w.maak(maak_vastgesteld)  # with the proposal, horizon, coalition and route
    OvereenkomstVersie.objects.filter(pk=versie.pk).update(status="verzegeld")
    versie.refresh_from_db()
    versie.verzegeld_pdf.save("verzegeld.pdf", ContentFile(b"%PDF-1.7 verzegeld"))
    w.maak(maak_dossier)
    Traject.objects.filter(pk=traject.pk).update(status="evaluatie")
    return w


def paginas(w: Wereld) -> dict[str, str]:
    pk = w.traject.pk
    return {
        "trajectpagina": reverse("aanbesteden:traject", kwargs={"pk": pk}),
        "voorstel": reverse("initiatieven:voorstel", kwargs={"pk": pk}),
        "archiefdossier": reverse("overzicht:dossier", kwargs={"pk": pk}),
        "archiefdossier downloaden": reverse(
            "overzicht:dossier_download",
            kwargs={"pk": pk, "dossier": w.maak(maak_dossier).pk},
        ),
        "verzegelde PDF": reverse(
            "overdracht:verzegeld_pdf",
            kwargs={"pk": pk, "nummer": w.maak(maak_vastgesteld).nummer},
        ),
        "trajecten van de gemeente": reverse(
            "aanbesteden:gemeente_trajecten", kwargs={"gemeente": w.gemeente.slug}
        ),
    }


def antwoorden(client: Client, w: Wereld) -> dict[str, int]:
    return {naam: client.get(url).status_code for naam, url in paginas(w).items()}


#: What an official of gemeente A gets, and what anybody else logged in gets (the answers of
#: an official of another gemeente in the access table).
ALS_AMBTENAAR = dict.fromkeys(
    [
        "trajectpagina",
        "voorstel",
        "archiefdossier",
        "archiefdossier downloaden",
        "verzegelde PDF",
        "trajecten van de gemeente",
    ],
    200,
)
ALS_BUITENSTAANDER = {**dict.fromkeys(ALS_AMBTENAAR, 404), "trajecten van de gemeente": 403}


def _lidmaatschap(w: Wereld) -> Lidmaatschap:
    return Lidmaatschap.objects.get(gebruiker=w.collega, gemeente=w.gemeente)


def bulk_verwijderd(w: Wereld) -> None:
    beheer.bulk_verwijderen(beheer.beheerclient(), _lidmaatschap(w))


def verwijderpagina(w: Wereld) -> None:
    beheer.verwijderen(beheer.beheerclient(), _lidmaatschap(w))


def service(w: Wereld) -> None:
    services.lidmaatschap_beeindigen(lidmaatschap=_lidmaatschap(w))


def andere_gebruiker(w: Wereld) -> None:
    w.opvolger = UserFactory(email="opvolger@a.example.org")
    response = beheer.wijzigen(beheer.beheerclient(), _lidmaatschap(w), gebruiker=w.opvolger.pk)
    assert response.status_code == 302


def andere_gemeente(w: Wereld) -> None:
    lid = _lidmaatschap(w)
    response = beheer.wijzigen(beheer.beheerclient(), lid, gemeente=w.andere_gemeente.pk)
    assert response.status_code == 302
    assert Lidmaatschap.objects.get(pk=lid.pk).gemeente_id == w.andere_gemeente.pk


@pytest.mark.parametrize(
    "beeindigen",
    [bulk_verwijderd, verwijderpagina, service, andere_gebruiker, andere_gemeente],
    ids=lambda f: f.__name__,
)
def test_oud_ambtenaar_verliest_toegang(wereld, beeindigen):
    client = Client()
    client.force_login(wereld.collega)
    assert antwoorden(client, wereld) == ALS_AMBTENAAR

    beeindigen(wereld)

    assert antwoorden(client, wereld) == ALS_BUITENSTAANDER
    traject = Traject.objects.get(pk=wereld.traject.pk)
    assert traject_rollen(User.objects.get(pk=wereld.collega.pk), traject) == frozenset()
    assert wereld.collega not in services.traject_betrokkenen(traject)


def test_opvolger_krijgt_de_toegang_van_het_gewijzigde_lidmaatschap(wereld):
    andere_gebruiker(wereld)
    client = Client()
    client.force_login(wereld.opvolger)
    assert antwoorden(client, wereld) == ALS_AMBTENAAR


def test_ambtenaar_naar_andere_gemeente_ziet_de_trajecten_van_die_gemeente(wereld, traject_b):
    andere_gemeente(wereld)
    client = Client()
    client.force_login(wereld.collega)
    url = reverse("aanbesteden:traject", kwargs={"pk": traject_b.pk})
    assert client.get(url).status_code == 200


def _naar_inloggen(response) -> bool:
    inloggen = reverse("accounts:inloggen")
    return response.status_code == 302 and response["Location"].startswith(inloggen)


def test_inactief_gemaakte_ambtenaar_verliest_toegang(wereld):
    client = Client()
    client.force_login(wereld.collega)
    assert antwoorden(client, wereld) == ALS_AMBTENAAR

    response = beheer.wijzigen(beheer.beheerclient(), wereld.collega, is_active=False)
    assert response.status_code == 302
    collega = User.objects.get(pk=wereld.collega.pk)
    assert not collega.is_active

    # The open session no longer logs in: every page asks to log in again.
    for naam, url in paginas(wereld).items():
        assert _naar_inloggen(client.get(url)), naam
    # The membership is still there, and still gives no role to an inactive user.
    assert Lidmaatschap.objects.filter(gebruiker=collega).exists()
    assert traject_rollen(collega, Traject.objects.get(pk=wereld.traject.pk)) == frozenset()
    assert collega not in services.traject_betrokkenen(wereld.traject)


def test_verwijderde_gebruiker_verliest_toegang(wereld):
    client = Client()
    client.force_login(wereld.collega)
    assert antwoorden(client, wereld) == ALS_AMBTENAAR

    beheer.verwijderen(beheer.beheerclient(), wereld.collega)

    assert not Lidmaatschap.objects.filter(gebruiker_id=wereld.collega.pk).exists()
    for naam, url in paginas(wereld).items():
        assert _naar_inloggen(client.get(url)), naam
