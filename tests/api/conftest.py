"""The API's world: application tokens of gemeente A (read, read-write) and of gemeente B,
and a client that sends a token."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from api.constants import Scope

from .factories import applicatie_maken


@pytest.fixture
def token_a(gemeente) -> str:
    return applicatie_maken(gemeente)[1]


@pytest.fixture
def token_a_schrijven(gemeente) -> str:
    return applicatie_maken(gemeente, Scope.LEZEN_SCHRIJVEN, naam="Website")[1]


@pytest.fixture
def token_b(andere_gemeente) -> str:
    return applicatie_maken(andere_gemeente, Scope.LEZEN_SCHRIJVEN)[1]


@pytest.fixture
def api():
    """``api(token)``: a client that sends ``Authorization: Bearer <token>`` (none: no header)."""

    def maak(token: str | None = None) -> APIClient:
        client = APIClient()
        if token is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client

    return maak
