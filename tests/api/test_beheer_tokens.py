"""The platform manager makes a gemeente's token in the admin: shown once, only its hash kept;
a new token stops the old one; the gemeente of an application cannot be changed."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from api.models import Applicatie, token_hash
from tests import beheer


def _token_uit(response) -> str:
    tekst = " ".join(str(m) for m in response.context["messages"])
    gevonden = re.search(r"\b(ma_[A-Za-z0-9_-]{40,})", tekst)
    assert gevonden, tekst
    return gevonden.group(1)


@pytest.mark.django_db
def test_token_eenmaal_getoond_en_gehasht_bewaard(gemeente, api):
    client = beheer.beheerclient()
    response = client.post(
        reverse("admin:api_applicatie_add"),
        {
            "gemeente": gemeente.pk,
            "naam": "Zaaksysteem",
            "scope": "lezen",
            "is_active": "on",
            "webhooks-TOTAL_FORMS": "0",
            "webhooks-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    token = _token_uit(response)
    applicatie = Applicatie.objects.get()
    assert applicatie.token_hash == token_hash(token) and token not in applicatie.token_hash
    assert applicatie.token_begin == token[:12]
    lijst = reverse("api:traject-list", kwargs={"gemeente": gemeente.slug})
    assert api(token).get(lijst).status_code == 200
    # The change form does not show it again.
    wijzig = client.get(reverse("admin:api_applicatie_change", args=[applicatie.pk]))
    assert token not in wijzig.content.decode()

    # A new token: the old one stops working.
    response = client.post(
        reverse("admin:api_applicatie_changelist"),
        {"action": "nieuw_token", "_selected_action": [applicatie.pk]},
        follow=True,
    )
    nieuw = _token_uit(response)
    assert nieuw != token
    assert api(token).get(lijst).status_code == 401
    assert api(nieuw).get(lijst).status_code == 200


@pytest.mark.django_db
def test_gemeente_van_applicatie_ligt_vast(gemeente, andere_gemeente):
    applicatie = Applicatie(gemeente=gemeente, naam="Website")
    applicatie.token_zetten()
    applicatie.save()
    client = beheer.beheerclient()
    response = client.get(reverse("admin:api_applicatie_change", args=[applicatie.pk]))
    assert 'name="gemeente"' not in response.content.decode()


@pytest.mark.django_db
def test_geschiedenis_met_begrensde_queries(
    api,
    gemeente,
    traject,
    initiatiefnemer,
    ambtenaar,
    geen_vereisten,
    django_assert_max_num_queries,
):
    """The history of a traject costs the same queries however long it is."""
    from aanbesteden.services import traject_transitie

    applicatie = Applicatie(gemeente=gemeente, naam="Zaaksysteem")
    token = applicatie.token_zetten()
    applicatie.save()
    url = reverse("api:traject-detail", kwargs={"gemeente": gemeente.slug, "pk": traject.pk})
    client = api(token)
    client.get(url)  # the application's "last used" is written once, not on every request
    stappen = [
        ("indienen", initiatiefnemer, ""),
        ("toelaten", ambtenaar, "Ja"),
        ("naar_coalitie", ambtenaar, ""),
        ("terug_naar_horizon", ambtenaar, "Nog niet"),
        ("naar_coalitie", ambtenaar, ""),
    ]
    for transitie, door, motivatie in stappen:
        traject = traject_transitie(
            traject=traject, transitie=transitie, door=door, motivatie=motivatie
        )
        with django_assert_max_num_queries(4):
            response = client.get(url)
        assert response.status_code == 200
    assert [s["transitie"] for s in response.json()["geschiedenis"]] == [s[0] for s in stappen]
