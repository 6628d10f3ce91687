"""The REST API's endpoints for a gemeente's systems × every kind of token: the answer must be
the one ``api_tabel.TOKENS`` declares. No token, a made-up one and a withdrawn one get 401;
another gemeente's token 403 whatever it asks; a read-only token of the gemeente may read but
not write (403). Every row of the access table under ``api:`` whose answer without a token is
401 must have its line in ``TOKENS``."""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.urls import reverse
from rest_framework.test import APIClient

from api.constants import Scope
from api.models import Applicatie
from tests.toegang.api_tabel import TOKENS
from tests.toegang.tabel import TABEL, Pagina, Wereld

RIJEN = {p.sleutel: p for p in TABEL}
SOORTEN = ("geen", "fout", "ingetrokken", "a_lezen", "a_schrijven", "b")


def test_elk_eindpunt_met_token_staat_in_de_tokentabel():
    met_token = {
        p.sleutel for p in TABEL if p.naam.startswith("api:") and set(p.verwacht.values()) == {401}
    }
    assert met_token == set(TOKENS), "rows of tests/toegang/api_tabel.py without their tokens"


def _token(gemeente, scope, *, actief=True) -> str:
    applicatie = Applicatie(gemeente=gemeente, naam=f"Systeem {scope}", scope=scope)
    token = applicatie.token_zetten()
    applicatie.is_active = actief
    applicatie.save()
    return token


@pytest.fixture
def tokens(gemeente, andere_gemeente) -> dict[str, str | None]:
    return {
        "geen": None,
        "fout": "ma_verzonnen-token",
        "ingetrokken": _token(gemeente, Scope.LEZEN_SCHRIJVEN, actief=False),
        "a_lezen": _token(gemeente, Scope.LEZEN),
        "a_schrijven": _token(gemeente, Scope.LEZEN_SCHRIJVEN),
        "b": _token(andere_gemeente, Scope.LEZEN_SCHRIJVEN),
    }


@pytest.fixture
def wereld(rollen, traject, ander_traject, traject_b, gemeente, andere_gemeente):
    return Wereld(
        rollen=rollen,
        traject=traject,
        ander_traject=ander_traject,
        traject_b=traject_b,
        gemeente=gemeente,
        andere_gemeente=andere_gemeente,
        **{k: v for k, v in rollen.items() if v is not None},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("sleutel", sorted(TOKENS))
def test_api_per_token(sleutel, wereld, tokens):
    pagina: Pagina = RIJEN[sleutel]
    url = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    afwijkingen = []
    for soort in SOORTEN:
        client = APIClient()
        if tokens[soort] is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens[soort]}")
        data = pagina.data(wereld) if pagina.data else None
        with transaction.atomic():
            response = client.generic(
                pagina.methode,
                url,
                data=json.dumps(data) if data else "",
                content_type="application/json",
            )
            transaction.set_rollback(True)
        if response.status_code != TOKENS[sleutel][soort]:
            afwijkingen.append(
                f"{soort}: expected {TOKENS[sleutel][soort]}, got {response.status_code}"
            )
    assert not afwijkingen, f"{pagina.methode} {url}:\n  " + "\n  ".join(afwijkingen)


@pytest.mark.django_db
def test_traject_van_andere_gemeente_onbereikbaar(wereld, tokens):
    """A's token under A's address, with the number of B's traject: 404 (not B's data)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['a_lezen']}")
    url = reverse(
        "api:traject-detail", kwargs={"gemeente": wereld.gemeente.slug, "pk": wereld.traject_b.pk}
    )
    assert client.get(url).status_code == 404
