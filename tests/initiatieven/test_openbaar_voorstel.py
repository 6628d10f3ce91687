"""An initiative publishes its submitted proposal: the public page shows the proposal, its
support and the decision, and never a contact person."""

from __future__ import annotations

from django.urls import reverse

from initiatieven.models import Voorstel


def _openbaar_maken(client, initiatiefnemer, traject, openbaar="1"):
    client.force_login(initiatiefnemer)
    return client.post(
        reverse("initiatieven:voorstel_openbaar_zetten", kwargs={"pk": traject.pk}),
        {"openbaar": openbaar},
    )


def test_initiatief_maakt_openbaar_en_weer_niet(client, ingediend, voorstel, initiatiefnemer):
    assert not Voorstel.objects.get(pk=voorstel.pk).openbaar  # off by default
    voorstel.initiatief.publiceren = True  # its name may be public (never ticked by default)
    voorstel.initiatief.save()
    url = reverse(
        "initiatieven:openbaar_voorstel",
        kwargs={"gemeente": ingediend.gemeente.slug, "pk": voorstel.pk},
    )
    assert client.get(url).status_code == 404

    assert _openbaar_maken(client, initiatiefnemer, ingediend).status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.openbaar and voorstel.openbaar_sinds
    client.logout()
    pagina = client.get(url)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Wij doen het zelf." in html
    assert "Stichting Buurtkracht" in html
    assert "1 persoon steunt dit voorstel" in html
    for contact in voorstel.initiatief.contactpersonen.all():
        assert contact.naam not in html
        assert contact.email not in html
    assert "Dorpsstraat" not in html and "12345678" not in html
    # The gemeente's page and the register link to it.
    for lijst in (
        reverse("initiatieven:gemeente", kwargs={"gemeente": ingediend.gemeente.slug}),
        reverse("overzicht:register", kwargs={"gemeente": ingediend.gemeente.slug}),
    ):
        assert url in client.get(lijst).content.decode()

    _openbaar_maken(client, initiatiefnemer, ingediend, openbaar="0")
    client.logout()
    assert client.get(url).status_code == 404


def test_naam_initiatief_alleen_met_toestemming(client, ingediend, voorstel, initiatiefnemer):
    _openbaar_maken(client, initiatiefnemer, ingediend)
    voorstel.initiatief.publiceren = False
    voorstel.initiatief.save()
    url = voorstel.openbare_url()
    html = client.get(url).content.decode()
    assert "Stichting Buurtkracht" not in html


def test_ambtenaar_of_partner_kan_niet_openbaar_maken(
    client, ingediend, voorstel, ambtenaar, partner
):
    for wie in (ambtenaar, partner):
        assert _openbaar_maken(client, wie, ingediend).status_code == 403
    assert not Voorstel.objects.get(pk=voorstel.pk).openbaar


def test_besluit_zichtbaar(client, ingediend, voorstel, initiatiefnemer):
    from django.utils import timezone

    _openbaar_maken(client, initiatiefnemer, ingediend)
    Voorstel.objects.filter(pk=voorstel.pk).update(
        besluit="afgewezen", besluit_op=timezone.now(), besluit_motivatie="Te duur voor de wijk."
    )
    html = client.get(voorstel.openbare_url()).content.decode()
    assert "Afgewezen" in html and "Te duur voor de wijk." in html


def test_openbare_pagina_begrensd(
    client, ingediend, voorstel, initiatiefnemer, django_assert_max_num_queries
):
    _openbaar_maken(client, initiatiefnemer, ingediend)
    client.logout()
    with django_assert_max_num_queries(8):
        assert client.get(voorstel.openbare_url()).status_code == 200
    with django_assert_max_num_queries(10):
        client.get(reverse("initiatieven:gemeente", kwargs={"gemeente": ingediend.gemeente.slug}))
