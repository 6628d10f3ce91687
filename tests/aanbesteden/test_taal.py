"""Dutch by default, English complete: the language switch, pages and mails in the user's
language."""

import pytest
from django.core import mail

from aanbesteden.constants import TrajectStatus as S
from aanbesteden.models import Traject, User
from aanbesteden.services import traject_transitie
from accounts.services import inloglink_versturen


@pytest.mark.django_db
def test_standaard_nederlands(client):
    html = client.get("/").content.decode()
    assert '<html lang="nl"' in html
    assert "Publieke taken, samen met de samenleving" in html


@pytest.mark.django_db
def test_taal_kiezen_anoniem(client):
    response = client.post("/taal/", {"language": "en", "next": "/inloggen/"})
    assert response.status_code == 302
    assert response.url == "/inloggen/"
    html = client.get("/inloggen/").content.decode()
    assert '<html lang="en"' in html
    assert "Log in for municipal staff" in html
    assert "Forgot your password?" in html


@pytest.mark.django_db
def test_taal_kiezen_bewaart_keuze_bij_gebruiker(client, initiatiefnemer):
    client.force_login(initiatiefnemer)
    client.post("/taal/", {"language": "en", "next": "/mijn/"})
    initiatiefnemer.refresh_from_db()
    assert initiatiefnemer.taal == "en"
    html = client.get("/mijn/").content.decode()
    assert "My trajectories" in html
    assert "Log out" in html


@pytest.mark.django_db
def test_taal_van_account_geldt_in_nieuwe_browser(client, initiatiefnemer):
    User.objects.filter(pk=initiatiefnemer.pk).update(taal="en")
    client.force_login(User.objects.get(pk=initiatiefnemer.pk))
    assert "My trajectories" in client.get("/mijn/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("taal", ["de", "", "../../etc"])
def test_onbekende_taal_verandert_niets(client, initiatiefnemer, taal):
    client.force_login(initiatiefnemer)
    response = client.post("/taal/", {"language": taal, "next": "/mijn/"})
    assert response.status_code in (302, 400)
    initiatiefnemer.refresh_from_db()
    assert initiatiefnemer.taal == "nl"
    assert "Mijn trajecten" in client.get("/mijn/").content.decode()


@pytest.mark.django_db
def test_taal_kiezen_met_onveilige_next(client):
    response = client.post("/taal/", {"language": "en", "next": "https://kwaad.example/"})
    assert response.status_code == 302
    assert "kwaad.example" not in response.url


@pytest.mark.django_db
def test_inloglink_mail_in_taal_van_ontvanger(initiatiefnemer, django_capture_on_commit_callbacks):
    User.objects.filter(pk=initiatiefnemer.pk).update(taal="en")
    with django_capture_on_commit_callbacks(execute=True):
        inloglink_versturen(email=initiatiefnemer.email)
    assert mail.outbox[0].subject == "Your link to log in"
    assert "This link logs you in once" in mail.outbox[0].body


@pytest.mark.django_db
def test_transitiemail_per_ontvanger_in_eigen_taal(
    geen_vereisten, traject, ambtenaar, initiatiefnemer, partner, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=partner.pk).update(taal="en")
    Traject.objects.filter(pk=traject.pk).update(status=S.INGEDIEND)
    traject = Traject.objects.get(pk=traject.pk)
    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="toelaten", door=ambtenaar, motivatie="Ja.")
    per_adres = {m.to[0]: m for m in mail.outbox}
    assert per_adres[partner.email].subject == "Trajectory “Buurtpark”: new phase"
    assert "Point on the horizon" in per_adres[partner.email].body
    assert per_adres[initiatiefnemer.email].subject == "Traject “Buurtpark”: nieuwe fase"
    assert ambtenaar.email not in per_adres  # who acted is not told
