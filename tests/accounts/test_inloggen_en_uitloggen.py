"""Log-in: officials with e-mail and password (with lock-out) and a second factor, everybody
else with a one-time link that only a POST uses up; log-out and password reset."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import User
from accounts.services import inloglink
from tests.tweestaps import app_van, code_van

WACHTWOORD = "geheim-wachtwoord-123"  # as in tests.factories.ambtenaar_van
INLOGGEN = "/inloggen/"


def _inloggen(client, email, wachtwoord):
    return client.post(INLOGGEN, {"username": email, "password": wachtwoord})


@pytest.mark.django_db
def test_ambtenaar_logt_in_met_email_en_wachtwoord(client, ambtenaar):
    app = app_van(ambtenaar)
    response = _inloggen(client, "AMBTENAAR@a.example.org", WACHTWOORD)
    # Then the second factor (tests/accounts/test_tweestapsverificatie.py).
    assert response.status_code == 200
    response = client.post(
        INLOGGEN, {"inloggen-current_step": "token", "token-otp_token": code_van(app)}
    )
    assert response.status_code == 302
    assert response.url == reverse("overzicht:start")
    assert int(client.session["_auth_user_id"]) == ambtenaar.pk
    # An official lands on the gemeente's dashboard.
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url == reverse("overzicht:dashboard", args=["gemeente-a"])


@pytest.mark.django_db
def test_verkeerd_wachtwoord_geeft_duidelijke_melding(client, ambtenaar):
    response = _inloggen(client, ambtenaar.email, "fout-wachtwoord")
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_te_vaak_fout_blokkeert_inloggen(client, ambtenaar):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _inloggen(client, ambtenaar.email, "fout-wachtwoord").status_code == 200
    geblokkeerd = _inloggen(client, ambtenaar.email, "fout-wachtwoord")
    assert geblokkeerd.status_code in (403, 429)
    assert "Te vaak een verkeerd wachtwoord" in geblokkeerd.content.decode()
    # Even the right password is refused while locked out.
    goed = _inloggen(client, ambtenaar.email, WACHTWOORD)
    assert goed.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_hoofdletters_omzeilen_blokkade_niet(client, ambtenaar):
    for i in range(settings.AXES_FAILURE_LIMIT):
        email = ambtenaar.email.upper() if i % 2 else ambtenaar.email
        _inloggen(client, email, "fout-wachtwoord")
    assert _inloggen(client, ambtenaar.email.title(), WACHTWOORD).status_code in (403, 429)


@pytest.mark.django_db
def test_blokkade_geldt_per_account(client, ambtenaar, ambtenaar_b):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _inloggen(client, ambtenaar.email, "fout-wachtwoord")
    assert _inloggen(client, ambtenaar_b.email, WACHTWOORD).status_code == 302


@pytest.mark.django_db
def test_uitloggen_alleen_met_post(client, ambtenaar):
    client.force_login(ambtenaar)
    assert client.get("/uitloggen/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_wachtwoord_vergeten_en_nieuw_kiezen(client, ambtenaar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/wachtwoord/vergeten/", {"email": ambtenaar.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    pad = re.search(r"https?://[^/\s]+(/wachtwoord/nieuw/\S+/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(pad, follow=True)
    assert response.status_code == 200
    formulier_pad = response.redirect_chain[-1][0]
    nieuw = "een-heel-nieuw-wachtwoord-42"
    response = client.post(formulier_pad, {"new_password1": nieuw, "new_password2": nieuw})
    assert response.status_code == 302
    ambtenaar.refresh_from_db()
    assert ambtenaar.check_password(nieuw)
    # The reset link works only once.
    assert "Deze link werkt niet meer" in client.get(pad, follow=True).content.decode()


@pytest.mark.django_db
def test_wachtwoord_vergeten_onbekend_adres_geeft_zelfde_antwoord(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/wachtwoord/vergeten/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


# --- one-time links -------------------------------------------------------------------------


@pytest.mark.django_db
def test_inloglink_aanvragen_zelfde_antwoord_voor_bekend_en_onbekend(
    client, initiatiefnemer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bekend = client.post("/inloglink/", {"email": initiatiefnemer.email})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [initiatiefnemer.email]
    assert "/inloglink/gebruiken/?sleutel=" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        onbekend = client.post("/inloglink/", {"email": "onbekend@example.org"})
    assert len(mail.outbox) == 1
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend.url == onbekend.url == reverse("accounts:inloglink_verzonden")
    assert not User.objects.filter(email="onbekend@example.org").exists()


@pytest.mark.django_db
def test_inloglink_aanvragen_ongeldig_adres(client, db):
    response = client.post("/inloglink/", {"email": "geen-adres"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def _pad(link: str) -> str:
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


@pytest.mark.django_db
def test_inloglink_get_toont_knop_en_verbruikt_niets(client, initiatiefnemer):
    link = _pad(inloglink(initiatiefnemer))
    for _ in range(2):
        response = client.get(link)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<button type="submit"' in html
        assert "_auth_user_id" not in client.session
    token = re.search(r'name="sleutel" value="([^"]+)"', html).group(1)
    response = client.post("/inloglink/gebruiken/", {"sleutel": token})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == initiatiefnemer.pk


@pytest.mark.django_db
def test_inloglink_post_volgt_alleen_veilige_next(client, initiatiefnemer, traject):
    token = inloglink(initiatiefnemer).split("sleutel=")[1].split("&")[0]
    veilig = client.post(
        "/inloglink/gebruiken/", {"sleutel": token, "next": traject.get_absolute_url()}
    )
    assert veilig.status_code == 302
    assert veilig.url == traject.get_absolute_url()

    client.logout()
    token = inloglink(User.objects.get(pk=initiatiefnemer.pk)).split("sleutel=")[1]
    kwaad = client.post(
        "/inloglink/gebruiken/", {"sleutel": token, "next": "https://kwaad.example/"}
    )
    assert kwaad.status_code == 302
    assert kwaad.url == reverse(settings.LOGIN_REDIRECT_URL)


@pytest.mark.django_db
def test_inloglink_tweede_keer_geweigerd(client, initiatiefnemer):
    token = inloglink(initiatiefnemer).split("sleutel=")[1]
    assert client.post("/inloglink/gebruiken/", {"sleutel": token}).status_code == 302
    client.logout()
    tweede = client.post("/inloglink/gebruiken/", {"sleutel": token})
    assert tweede.status_code == 403
    assert "Deze link werkt niet meer" in tweede.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_verlopen_inloglink_geweigerd(client, initiatiefnemer):
    token = inloglink(initiatiefnemer).split("sleutel=")[1]
    later = timezone.now() + timedelta(seconds=settings.SESAME_MAX_AGE + 60)
    with time_machine.travel(later, tick=False):
        response = client.post("/inloglink/gebruiken/", {"sleutel": token})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_inloglink_net_binnen_de_tijd_werkt(client, initiatiefnemer):
    token = inloglink(initiatiefnemer).split("sleutel=")[1]
    bijna = timezone.now() + timedelta(seconds=settings.SESAME_MAX_AGE - 60)
    with time_machine.travel(bijna, tick=False):
        response = client.post("/inloglink/gebruiken/", {"sleutel": token})
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("wijziging", ["teken_gewijzigd", "leeg", "onzin"])
def test_gemanipuleerde_inloglink_geweigerd(client, initiatiefnemer, wijziging):
    token = inloglink(initiatiefnemer).split("sleutel=")[1]
    if wijziging == "teken_gewijzigd":
        i = len(token) // 2
        token = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
    elif wijziging == "leeg":
        token = ""
    else:
        token = "x" * 40
    response = client.post("/inloglink/gebruiken/", {"sleutel": token})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_inloglink_zonder_sleutel_get(client, db):
    response = client.get("/inloglink/gebruiken/")
    assert response.status_code == 403
    assert "Nieuwe inloglink aanvragen" in response.content.decode()


@pytest.mark.django_db
def test_inactieve_gebruiker_krijgt_geen_link(
    client, initiatiefnemer, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=initiatiefnemer.pk).update(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/inloglink/", {"email": initiatiefnemer.email})
    assert response.status_code == 302
    assert mail.outbox == []
