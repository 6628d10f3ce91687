"""check --deploy: with OpenID Connect in use the BSN's keyed hash needs a key of its own."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def _deploy_meldingen() -> str:
    try:
        call_command("check", "--deploy", "--tag", "accounts", "--fail-level", "WARNING")
    except SystemCheckError as exc:
        return str(exc)
    return ""


def test_zonder_oidc_niets_te_melden(settings):
    settings.OIDC_CLIENT_SECRETS = {}
    settings.IDENTITEIT_SLEUTEL = ""
    assert _deploy_meldingen() == ""


@pytest.mark.parametrize("sleutel", ["", "kort", None])
def test_met_oidc_een_eigen_lange_sleutel_nodig(settings, sleutel):
    settings.OIDC_CLIENT_SECRETS = {"digid": "een-lang-genoeg-clientgeheim-0123"}
    settings.IDENTITEIT_SLEUTEL = settings.SECRET_KEY if sleutel is None else sleutel
    assert "accounts.E001" in _deploy_meldingen()


def test_met_oidc_en_goede_sleutel_en_geheimen_niets(settings):
    settings.OIDC_CLIENT_SECRETS = {"digid": "een-lang-genoeg-clientgeheim-0123"}
    settings.IDENTITEIT_SLEUTEL = "x" * 40
    assert _deploy_meldingen() == ""
    settings.OIDC_CLIENT_SECRETS = {"digid": "kort"}
    assert "accounts.W001" in _deploy_meldingen()
