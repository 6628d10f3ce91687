"""One-time links are for initiative members and partners only. An official (ambtenaar or
beheerder of any gemeente), a platform administrator or a superuser gets no link, the page
answers exactly as for an unknown address, and a link issued earlier stops working: their
mailbox alone must never be enough to log in."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from aanbesteden import services
from aanbesteden.constants import LidmaatschapRol
from aanbesteden.models import User
from accounts.services import inloglink, inloglink_versturen, mag_inloglink_gebruiken
from tests.factories import UserFactory, ambtenaar_van

pytestmark = pytest.mark.django_db


def _sleutel(user: User) -> str:
    return inloglink(user).split("sleutel=")[1].split("&")[0]


@pytest.fixture
def medewerkers(gemeente, ambtenaar):
    """Every kind of account that logs in with password and second factor."""
    return {
        "ambtenaar": ambtenaar,
        "beheerder": ambtenaar_van(
            gemeente, rol=LidmaatschapRol.BEHEERDER, email="beheerder@a.example.org"
        ),
        "platformbeheerder": UserFactory(email="staf@example.org", is_staff=True),
        "superuser": User.objects.create_superuser(email="super@example.org", password="x" * 20),
    }


def test_wie_een_inloglink_mag_gebruiken(medewerkers, initiatiefnemer, partner):
    assert mag_inloglink_gebruiken(initiatiefnemer)
    assert mag_inloglink_gebruiken(partner)
    for soort, user in medewerkers.items():
        assert not mag_inloglink_gebruiken(user), soort


def test_medewerker_krijgt_geen_link_en_hetzelfde_antwoord(
    medewerkers, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        onbekend = client.post("/inloglink/", {"email": "onbekend@example.org"})
    for soort, user in medewerkers.items():
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = client.post("/inloglink/", {"email": user.email.upper()})
        assert (antwoord.status_code, antwoord.url) == (onbekend.status_code, onbekend.url), soort
        assert antwoord.url == reverse("accounts:inloglink_verzonden")
    assert mail.outbox == []


def test_initiatiefnemer_krijgt_wel_een_link(initiatiefnemer, django_capture_on_commit_callbacks):
    """The control: the same request for an initiative member does mail a link."""
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/inloglink/", {"email": initiatiefnemer.email})
    assert [m.to for m in mail.outbox] == [[initiatiefnemer.email]]
    assert "/inloglink/gebruiken/?sleutel=" in mail.outbox[0].body


def test_ook_geen_link_bij_een_voorstel_op_het_adres_van_een_ambtenaar(
    ambtenaar, django_capture_on_commit_callbacks
):
    """Starting a proposal mails a link to the address given (``maak_aan``): not to an
    official's account."""
    with django_capture_on_commit_callbacks(execute=True):
        assert inloglink_versturen(email=ambtenaar.email, maak_aan=True) is False
    assert mail.outbox == []


def test_link_van_een_medewerker_logt_niet_in(medewerkers):
    for soort, user in medewerkers.items():
        client = Client()
        antwoord = client.post("/inloglink/gebruiken/", {"sleutel": _sleutel(user)})
        assert antwoord.status_code == 403, soort
        assert "Deze link werkt niet meer" in antwoord.content.decode()
        assert "_auth_user_id" not in client.session, soort


def test_eerder_verstuurde_link_werkt_niet_meer_na_lidmaatschap(gemeente, initiatiefnemer):
    """A link mailed while the account was an initiative member stops working once it is an
    official's (or administrator's) account."""
    sleutel = _sleutel(initiatiefnemer)
    services.lidmaatschap_toevoegen(gemeente=gemeente, gebruiker=initiatiefnemer)
    client = Client()
    assert client.post("/inloglink/gebruiken/", {"sleutel": sleutel}).status_code == 403
    assert "_auth_user_id" not in client.session

    ander = UserFactory(email="wordt-staf@example.org")
    sleutel = _sleutel(ander)
    User.objects.filter(pk=ander.pk).update(is_staff=True)
    assert client.post("/inloglink/gebruiken/", {"sleutel": sleutel}).status_code == 403
    assert "_auth_user_id" not in client.session


def test_inloglinkpagina_wordt_niet_bewaard(initiatiefnemer):
    """The page that receives a log-in link sends ``Cache-Control: no-store``, on the GET that
    shows the button as on the POST that logs in (and on a refused link)."""
    client = Client()
    sleutel = _sleutel(initiatiefnemer)
    antwoorden = [
        client.get("/inloglink/gebruiken/", {"sleutel": sleutel}),
        client.get("/inloglink/gebruiken/"),
        client.post("/inloglink/gebruiken/", {"sleutel": "ongeldig"}),
        client.post("/inloglink/gebruiken/", {"sleutel": sleutel}),
    ]
    assert [a.status_code for a in antwoorden] == [200, 403, 403, 302]
    for antwoord in antwoorden:
        assert "no-store" in antwoord["Cache-Control"], antwoord["Cache-Control"]


def test_uitnodiging_aanvaarden_logt_een_ambtenaar_niet_in(
    gemeente, traject, initiatiefnemer, django_capture_on_commit_callbacks
):
    """An invitation to the coalition sent to an official's address makes the official a
    partner, but the invitation link is no log-in: the password and code are asked."""
    from aanbesteden.models import Traject
    from coalities import services as coalitie_services

    Traject.objects.filter(pk=traject.pk).update(status="coalitie")
    ambtenaar_b = ambtenaar_van(gemeente, email="ook-partner@a.example.org")
    _uitnodiging, token = coalitie_services._uitnodiging_maken(
        traject=traject, door=None, email=ambtenaar_b.email, naam="", organisatie="", bericht=""
    )
    client = Client()
    gegevens = {
        "actie": "accepteren",
        "organisatie": "Stichting Buurt",
        "soort": "organisatie",
        "contactpersoon": "Contact",
        "rol": "uitvoerder",
    }
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("coalities:uitnodiging", kwargs={"token": token}), gegevens)
    assert antwoord.status_code == 302
    assert antwoord.url.startswith(reverse("accounts:inloggen") + "?next=")
    assert "_auth_user_id" not in client.session
    assert traject.partners.filter(gebruiker=ambtenaar_b).exists()
