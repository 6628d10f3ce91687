"""The API tested as its users will hit it: schemathesis generates requests from the committed
schema (docs/api/openapi.yaml, equal to the code's: test_schema.py) for every operation, valid
and invalid ones, and checks every answer: no 5xx, status code, content type, headers and body
as the schema says, invalid input refused with a 4xx, and every endpoint with a token refusing
a request without it. Each operation also runs with a wrong token and with another gemeente's
token, which must be refused (401, 403). A few examples per operation keep the run short."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest
import schemathesis
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.core import NOT_SET
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories import TrajectFactory

from .factories import applicatie_maken

SCHEMA = schemathesis.openapi.from_path(
    str(Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml")
)
SCHEMA.app = WSGIHandler()
# The coverage phase sends, besides boundary values, every undocumented method to every
# operation; three of them say as much as all eight and keep the run short.
SCHEMA.config.phases.coverage.unexpected_methods = {"put", "patch", "delete"}

VOORBEELDEN = 5


@pytest.fixture
def wereld(gemeente, andere_gemeente, settings):
    """Trajecten and a call in A, a traject in B, tokens of both; requests answered in the
    test's transaction (as Django's test client does: no closing of the connection)."""
    from api.constants import Scope
    from tests.overzicht.factories import opgave_maken

    settings.LIMIET_API_PER_CLIENT = ["100000/m"]
    _verbinding_openhouden()
    opgave_maken(gemeente, titel="Beheer buurthuis")
    eigen = [
        TrajectFactory(gemeente=gemeente, titel="Buurtpark", status=status)
        for status in ("concept", "horizon", "evaluatie")
    ]
    TrajectFactory(gemeente=andere_gemeente, titel="Traject in B", status="evaluatie")
    yield {
        "token": applicatie_maken(gemeente, Scope.LEZEN_SCHRIJVEN)[1],
        "token_b": applicatie_maken(andere_gemeente, Scope.LEZEN_SCHRIJVEN)[1],
        "gemeente": gemeente.slug,
        "ids": [t.pk for t in eigen],
    }
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _positief(case) -> bool:
    """Whether schemathesis generated every part of ``case`` valid."""
    return case.meta is None or all(
        c.mode == GenerationMode.POSITIVE for c in case.meta.components.values()
    )


def _verbinding_openhouden() -> None:
    """Requests through the WSGI handler run in the test's transaction, so the handler must
    not close the connection after each (as Django's test client arranges for itself, and
    undoes after every request it sends)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


def _naar_de_eigen_gemeente(case, wereld) -> None:
    """Most generated addresses name nothing; half of the valid ones are pointed at what
    exists (an invalid one stays as generated: it must be refused)."""
    pad = case.path_parameters or {}
    if not _positief(case):
        return
    if "gemeente" in pad and hash(str(pad)) % 2 == 0:
        pad["gemeente"] = wereld["gemeente"]
    if "id" in pad and isinstance(pad["id"], int) and pad["id"] % 2 == 0:
        pad["id"] = wereld["ids"][pad["id"] % len(wereld["ids"])]


@pytest.mark.django_db
@SCHEMA.parametrize()
@hypothesis_settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_volgens_schema(case, wereld):
    _naar_de_eigen_gemeente(case, wereld)
    met_token = case.operation.path.startswith("/api/v1/gemeenten/{gemeente}/")
    koppen = {"Authorization": f"Bearer {wereld['token']}"} if met_token else {}
    uitgezonderd = []
    if case.operation.method.upper() == "POST":
        # A webhook's address: JSON Schema's "uri" cannot say all that makes one valid (a
        # host name of at most 253 characters, labels of at most 63), so a "valid" address
        # may be refused with a 400 and its reason. Every other check still applies.
        uitgezonderd = [positive_data_acceptance]
    case.call_and_validate(headers=koppen, excluded_checks=uitgezonderd)
    if not met_token:
        return
    # The same request with a wrong token, and with another gemeente's token: refused.
    fout = _opnieuw(case, "ma_verzonnen")
    andere = _opnieuw(case, wereld["token_b"])
    if _positief(case) and case.path_parameters.get("gemeente") == wereld["gemeente"]:
        assert fout.status_code == 401, fout.content
        assert andere.status_code == 403, andere.content
    else:  # an address that names no existing gemeente may also be a 404
        assert fout.status_code in (401, 404), fout.content
        assert andere.status_code in (403, 404), andere.content
    assert b"Buurtpark" not in andere.content


def _opnieuw(case, token: str):
    """``case`` sent again by Django's test client with ``token``."""
    import json

    client = Client(raise_request_exception=False)
    body = json.dumps(case.body) if case.body is not NOT_SET else None
    try:
        return client.generic(
            case.method,
            case.formatted_path
            + ("?" + urlencode(case.query or {}, doseq=True) if case.query else ""),
            data=body or "",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
    finally:
        _verbinding_openhouden()
