"""An invitation from sending to accepting, declining, expiring, resending and withdrawing;
a used, expired or withdrawn link shows a clear page and gives no access."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from aanbesteden.constants import Rol
from aanbesteden.models import User
from aanbesteden.permissions import heeft_rol
from aanbesteden.tokens import token_hash
from coalities import services
from coalities.constants import PartnerStatus, UitnodigingStatus
from coalities.models import Partner, Uitnodiging
from tests.coalities.factories import token_uit_mail

pytestmark = pytest.mark.django_db

ACCEPTEREN = {
    "actie": "accepteren",
    "organisatie": "Sportvereniging De Zwaluwen",
    "soort": "organisatie",
    "rechtsvorm": "Vereniging",
    "kvk_nummer": "12345678",
    "contactpersoon": "Karel Visser",
    "telefoon": "",
    "rol": "uitvoerder",
    "publiceren": "on",
}


def uitnodigen(client, traject, email="nieuw@example.org", **extra):
    with_data = {"email": email, "naam": "Karel", "organisatie": "", "bericht": "", **extra}
    return client.post(reverse("coalities:uitnodigen", kwargs={"pk": traject.pk}), with_data)


@pytest.fixture
def verstuurd(client, coalitie_traject, initiatiefnemer, django_capture_on_commit_callbacks):
    client.force_login(initiatiefnemer)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = uitnodigen(client, coalitie_traject)
    assert antwoord.status_code == 302
    client.logout()
    uitnodiging = Uitnodiging.objects.get(traject=coalitie_traject)
    return uitnodiging, token_uit_mail(mail.outbox[-1])


def test_uitnodiging_bewaart_alleen_de_hash_en_mailt_de_link(verstuurd):
    uitnodiging, token = verstuurd
    assert uitnodiging.token_hash == token_hash(token)
    assert token not in uitnodiging.token_hash
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    assert "Buurtpark" in mail.outbox[-1].subject
    assert uitnodiging.verloopt_op > timezone.now() + timedelta(days=13)


def test_get_toont_alleen_en_verandert_niets(client, verstuurd):
    uitnodiging, token = verstuurd
    for _ in range(2):  # a mail scanner opening the link twice spends nothing
        antwoord = client.get(reverse("coalities:uitnodiging", kwargs={"token": token}))
        assert antwoord.status_code == 200
    uitnodiging.refresh_from_db()
    assert uitnodiging.status == UitnodigingStatus.OPEN
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_accepteren_maakt_partner_met_toegang_en_logt_in(
    client, verstuurd, coalitie_traject, initiatiefnemer, django_capture_on_commit_callbacks
):
    uitnodiging, token = verstuurd
    url = reverse("coalities:uitnodiging", kwargs={"token": token})
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(url, ACCEPTEREN)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == coalitie_traject.get_absolute_url()
    gebruiker = User.objects.get(email="nieuw@example.org")
    assert not gebruiker.has_usable_password()
    partner = Partner.objects.get(traject=coalitie_traject)
    assert (partner.gebruiker, partner.rol, partner.kvk_nummer) == (
        gebruiker,
        "uitvoerder",
        "12345678",
    )
    assert partner.publiceren is True
    assert heeft_rol(gebruiker, coalitie_traject, Rol.PARTNER)
    uitnodiging.refresh_from_db()
    assert uitnodiging.status == UitnodigingStatus.GEACCEPTEERD
    # Logged in as the new partner: the traject page opens.
    assert client.get(coalitie_traject.get_absolute_url()).status_code == 200
    # The initiative hears of it.
    assert any(m.to == [initiatiefnemer.email] for m in mail.outbox)


def test_gebruikte_link_geeft_heldere_pagina_en_geen_toegang(client, verstuurd):
    _uitnodiging, token = verstuurd
    url = reverse("coalities:uitnodiging", kwargs={"token": token})
    assert client.post(url, ACCEPTEREN).status_code == 302
    client.logout()
    for antwoord in (client.get(url), client.post(url, ACCEPTEREN)):
        assert antwoord.status_code == 410
        assert "al beantwoord" in antwoord.content.decode()
    assert Partner.objects.count() == 1
    assert "_auth_user_id" not in client.session


def test_afwijzen(client, verstuurd, coalitie_traject, django_capture_on_commit_callbacks):
    uitnodiging, token = verstuurd
    url = reverse("coalities:uitnodiging", kwargs={"token": token})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(url, {"actie": "afwijzen"})
    assert antwoord.status_code == 200
    uitnodiging.refresh_from_db()
    assert uitnodiging.status == UitnodigingStatus.AFGEWEZEN
    assert not Partner.objects.exists()
    assert mail.outbox and "afgewezen" in mail.outbox[0].subject
    assert client.post(url, ACCEPTEREN).status_code == 410
    assert "_auth_user_id" not in client.session


def test_verlopen_link(client, verstuurd):
    uitnodiging, token = verstuurd
    url = reverse("coalities:uitnodiging", kwargs={"token": token})
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        antwoord = client.get(url)
        assert antwoord.status_code == 410
        assert "verlopen" in antwoord.content.decode()
        assert client.post(url, ACCEPTEREN).status_code == 410
        uitnodiging.refresh_from_db()
        assert uitnodiging.stand == "verlopen"
    assert not Partner.objects.exists()
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_opnieuw_versturen_maakt_oude_link_dood(
    client, verstuurd, initiatiefnemer, coalitie_traject, django_capture_on_commit_callbacks
):
    uitnodiging, oud = verstuurd
    with time_machine.travel(timezone.now() + timedelta(days=20)):
        client.force_login(initiatiefnemer)  # the session of 20 days ago has expired
        with django_capture_on_commit_callbacks(execute=True):
            antwoord = client.post(
                reverse(
                    "coalities:uitnodiging_opnieuw",
                    kwargs={"pk": coalitie_traject.pk, "uitnodiging": uitnodiging.pk},
                )
            )
        assert antwoord.status_code == 302
        nieuw = token_uit_mail(mail.outbox[-1])
        assert nieuw != oud
        client.logout()
        assert (
            client.get(reverse("coalities:uitnodiging", kwargs={"token": oud})).status_code == 410
        )
        url = reverse("coalities:uitnodiging", kwargs={"token": nieuw})
        assert client.get(url).status_code == 200
        assert client.post(url, ACCEPTEREN).status_code == 302
    uitnodiging.refresh_from_db()
    assert uitnodiging.keer_verzonden == 2


def test_intrekken(client, verstuurd, initiatiefnemer, coalitie_traject):
    uitnodiging, token = verstuurd
    client.force_login(initiatiefnemer)
    antwoord = client.post(
        reverse(
            "coalities:uitnodiging_intrekken",
            kwargs={"pk": coalitie_traject.pk, "uitnodiging": uitnodiging.pk},
        )
    )
    assert antwoord.status_code == 302
    client.logout()
    url = reverse("coalities:uitnodiging", kwargs={"token": token})
    antwoord = client.get(url)
    assert antwoord.status_code == 410
    assert "ingetrokken" in antwoord.content.decode()
    assert client.post(url, ACCEPTEREN).status_code == 410
    assert not Partner.objects.exists()


def test_onbekende_link(client, db):
    antwoord = client.get(reverse("coalities:uitnodiging", kwargs={"token": "x" * 43}))
    assert antwoord.status_code == 410


def test_coalitiepagina_toont_elke_stand(
    client, coalitie_traject, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks
):
    client.force_login(ambtenaar)
    for email in [
        "a@example.org",
        "b@example.org",
        "c@example.org",
        "d@example.org",
        "e@example.org",
    ]:
        with django_capture_on_commit_callbacks(execute=True):
            uitnodigen(client, coalitie_traject, email)
    tokens = {m.to[0]: token_uit_mail(m) for m in mail.outbox}
    services.uitnodiging_accepteren(
        token=tokens["a@example.org"], organisatie="A", contactpersoon="A", rol="adviseur"
    )
    services.uitnodiging_afwijzen(token=tokens["b@example.org"])
    services.uitnodiging_intrekken(
        uitnodiging=Uitnodiging.objects.get(email="c@example.org"), door=ambtenaar
    )
    partner_d = services.uitnodiging_accepteren(
        token=tokens["d@example.org"], organisatie="D", contactpersoon="D", rol="financier"
    )
    services.partner_vertrekken(partner=partner_d, door=partner_d.gebruiker)
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        client.force_login(ambtenaar)
        inhoud = client.get(
            reverse("coalities:coalitie", kwargs={"pk": coalitie_traject.pk})
        ).content.decode()
    for stand in ["Bevestigd", "Afgewezen", "Ingetrokken", "Vertrokken", "Verlopen"]:
        assert stand in inhoud


def test_partner_ziet_geen_uitnodigingen_en_mag_niet_uitnodigen(
    client, coalitie_partner, coalitie_traject
):
    services._uitnodiging_maken(
        traject=coalitie_traject,
        door=None,
        email="geheim@example.org",
        naam="",
        organisatie="",
        bericht="",
    )
    client.force_login(coalitie_partner.gebruiker)
    inhoud = client.get(
        reverse("coalities:coalitie", kwargs={"pk": coalitie_traject.pk})
    ).content.decode()
    assert "geheim@example.org" not in inhoud
    assert uitnodigen(client, coalitie_traject).status_code == 403


def test_dubbel_uitnodigen_en_eigen_adres(client, coalitie_traject, ambtenaar, initiatiefnemer):
    client.force_login(ambtenaar)
    assert uitnodigen(client, coalitie_traject, "dubbel@example.org").status_code == 302
    antwoord = uitnodigen(client, coalitie_traject, "DUBBEL@example.org")
    assert antwoord.status_code == 400
    assert "openstaande uitnodiging" in antwoord.content.decode()
    antwoord = uitnodigen(client, coalitie_traject, initiatiefnemer.email)
    assert antwoord.status_code == 400
    assert Uitnodiging.objects.count() == 1


def test_partner_vertrekt_en_verliest_toegang_direct(client, coalitie_partner, coalitie_traject):
    gebruiker = coalitie_partner.gebruiker
    client.force_login(gebruiker)
    assert client.get(coalitie_traject.get_absolute_url()).status_code == 200
    url = reverse("coalities:vertrekken", kwargs={"pk": coalitie_traject.pk})
    assert client.post(url, {}).status_code == 400  # not confirmed
    assert client.post(url, {"bevestig": "on"}).status_code == 302
    coalitie_partner.refresh_from_db()
    assert coalitie_partner.status == PartnerStatus.VERTROKKEN
    assert client.get(coalitie_traject.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("coalities:route", kwargs={"pk": coalitie_traject.pk})).status_code
        == 404
    )
    assert not heeft_rol(User.objects.get(pk=gebruiker.pk), coalitie_traject, Rol.PARTNER)


def test_geldigheid_is_in_te_stellen(settings, coalitie_traject, initiatiefnemer):
    settings.UITNODIGING_GELDIG_DAGEN = 3
    uitnodiging = services.uitnodiging_versturen(
        traject=coalitie_traject, door=initiatiefnemer, email="kort@example.org"
    )
    over = uitnodiging.verloopt_op - timezone.now()
    assert timedelta(days=2, hours=23) < over <= timedelta(days=3)
