"""Anyone supports a published proposal from its public page: confirmed by a link, once per
address, withdrawable, counted with the support the initiative collected and the signatures on
paper, and shown to the official."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from initiatieven.models import Steunbetuiging, Voorstel
from tests.initiatieven.factories import laatste_mail_aan, link_uit_mail


@pytest.fixture
def openbaar(ingediend, voorstel):
    Voorstel.objects.filter(pk=voorstel.pk).update(openbaar=True, handtekeningen=12)
    voorstel.refresh_from_db()
    return voorstel


def _steunen(client, voorstel, **velden):
    data = {"email": "bewoner@example.org", "naam": "", **velden}
    return client.post(voorstel.openbare_url(), data)


def _bevestigen(client, adres, **extra):
    link = link_uit_mail(laatste_mail_aan(adres))
    return client.post(link, extra)


def test_steunen_bevestigen_en_intrekken(client, openbaar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = _steunen(client, openbaar, naam="Fatima", naam_openbaar="on")
    assert antwoord.status_code == 302
    steun = Steunbetuiging.objects.get(voorstel=openbaar, email="bewoner@example.org")
    assert steun.via_openbare_pagina and steun.bevestigd_op is None
    html = client.get(openbaar.openbare_url()).content.decode()
    assert "13 mensen steunen dit voorstel" in html  # 1 asked by the initiative + 12 on paper
    assert "Fatima" not in html  # not confirmed yet

    assert _bevestigen(client, "bewoner@example.org").status_code == 200
    html = client.get(openbaar.openbare_url()).content.decode()
    assert "14 mensen steunen dit voorstel" in html
    assert "Fatima" in html
    assert "bewoner@example.org" not in html

    # Once per address: supporting again counts nothing extra, and mails a link to withdraw.
    with django_capture_on_commit_callbacks(execute=True):
        _steunen(client, openbaar, naam="Fatima")
    assert Steunbetuiging.objects.filter(voorstel=openbaar).count() == 2
    assert "intrekken" in laatste_mail_aan("bewoner@example.org").body
    assert _bevestigen(client, "bewoner@example.org", intrekken="1").status_code == 200
    assert not Steunbetuiging.objects.filter(email="bewoner@example.org").exists()
    assert "13 mensen steunen" in client.get(openbaar.openbare_url()).content.decode()


def test_naam_alleen_met_vinkje(client, openbaar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _steunen(client, openbaar, naam="Pieter Geheim")
    _bevestigen(client, "bewoner@example.org")
    assert "Pieter Geheim" not in client.get(openbaar.openbare_url()).content.decode()
    # The tick box is not ticked beforehand.
    html = client.get(openbaar.openbare_url()).content.decode()
    assert 'name="naam_openbaar"' in html
    assert "checked" not in html.split('name="naam_openbaar"')[1].split(">")[0]


def test_postcode_als_de_gemeente_erom_vraagt(client, openbaar, django_capture_on_commit_callbacks):
    gemeente = openbaar.traject.gemeente
    gemeente.steun_postcodes = "1234, 1235"
    gemeente.save()
    antwoord = _steunen(client, openbaar)
    assert antwoord.status_code == 400 and "postcode" in antwoord.content.decode().lower()
    assert _steunen(client, openbaar, postcode="12345").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        assert _steunen(client, openbaar, postcode="1235ab").status_code == 302
        assert (
            _steunen(client, openbaar, email="ver@example.org", postcode="9999 ZZ").status_code
            == 302
        )
    _bevestigen(client, "bewoner@example.org")
    _bevestigen(client, "ver@example.org")
    assert Steunbetuiging.objects.get(email="bewoner@example.org").postcode == "1235 AB"
    assert "1 steun uit de gemeente zelf" in client.get(openbaar.openbare_url()).content.decode()


def test_ambtenaar_ziet_de_telling(client, openbaar, ambtenaar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _steunen(client, openbaar)
    _bevestigen(client, "bewoner@example.org")
    client.force_login(ambtenaar)
    for naam in ("initiatieven:beoordelen", "initiatieven:voorstel"):
        html = client.get(reverse(naam, kwargs={"pk": openbaar.traject_id})).content.decode()
        assert "waarvan 1 via de openbare pagina" in html
        assert "<strong>14</strong>" in html


def test_niet_openbaar_geen_steun(client, ingediend, voorstel):
    url = reverse(
        "initiatieven:openbaar_voorstel",
        kwargs={"gemeente": ingediend.gemeente.slug, "pk": voorstel.pk},
    )
    assert client.post(url, {"email": "a@example.org"}).status_code == 404
    assert not Steunbetuiging.objects.filter(email="a@example.org").exists()


def test_begrensd_per_adres(client, openbaar):
    codes = [_steunen(client, openbaar).status_code for _ in range(5)]
    assert codes[:3] == [302, 302, 302]
    assert codes[-1] == 429
    assert len([m for m in mail.outbox if "bewoner@example.org" in m.to]) <= 3
