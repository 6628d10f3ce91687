"""The API's OpenAPI description is committed (docs/api/openapi.yaml) and served at a stable
address; this test fails when the code's description and the committed one differ
(``make schema`` writes it anew)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

VASTGELEGD = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"


def _schema_van_de_code(tmp_path) -> str:
    doel = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--lang", "nl", "--validate", "--file", str(doel), stderr=StringIO()
    )
    return doel.read_text()


def test_vastgelegd_schema_is_dat_van_de_code(tmp_path):
    assert _schema_van_de_code(tmp_path) == VASTGELEGD.read_text(), (
        "docs/api/openapi.yaml differs from the API's code: run `make schema` and commit it"
    )


def test_schema_beschrijft_elk_eindpunt():
    schema = yaml.safe_load(VASTGELEGD.read_text())
    assert schema["openapi"].startswith("3.")
    paden = set(schema["paths"])
    for pad in (
        "/api/v1/opgaven/",
        "/api/v1/register/",
        "/api/v1/gemeenten/{gemeente}/trajecten/",
        "/api/v1/gemeenten/{gemeente}/trajecten/{id}/",
        "/api/v1/gemeenten/{gemeente}/webhooks/",
    ):
        assert pad in paden
    # Every endpoint with a token says so, and answers 401 and 403.
    for pad, methoden in schema["paths"].items():
        for methode, operatie in methoden.items():
            if pad.startswith("/api/v1/gemeenten/{gemeente}/"):
                assert operatie["security"] == [{"applicatietoken": []}], (pad, methode)
                assert {"401", "403"} <= set(operatie["responses"]), (pad, methode)
            else:
                assert "security" not in operatie or operatie["security"] == [{}]


@pytest.mark.django_db
def test_schema_en_documentatie_op_vast_adres(client):
    response = client.get(reverse("api:schema"), {"lang": "nl"})
    assert response.status_code == 200
    assert yaml.safe_load(response.content) == yaml.safe_load(VASTGELEGD.read_text())
    assert client.get(reverse("api:docs")).status_code == 200
