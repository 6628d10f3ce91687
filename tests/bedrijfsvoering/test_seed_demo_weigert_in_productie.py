"""seed_demo refuses production settings: demo data has published passwords and a published
second-factor key, and its trajecten mail real-looking addresses."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aanbesteden.models import User

from .hulp import manage, productie_env, zegelcertificaat


def test_seed_demo_weigert_met_productie_instellingen(tmp_path):
    zegel = zegelcertificaat(tmp_path / "zegel.p12", "geheim")
    env = productie_env(ZEGEL_PKCS12_PAD=str(zegel), ZEGEL_PKCS12_WACHTWOORD="geheim")
    # The database of these settings is a closed port: the refusal comes before any query.
    uit = manage("seed_demo", env=env)
    assert uit.returncode == 1
    assert "seed_demo weigert" in uit.stderr
    assert "aanbesteden.settings.production" in uit.stderr
    assert "OperationalError" not in uit.stderr


@pytest.mark.django_db
def test_seed_demo_weigert_zodra_demogegevens_uit_staan(settings):
    settings.DEMOGEGEVENS_TOEGESTAAN = False
    with pytest.raises(CommandError, match="seed_demo weigert"):
        call_command("seed_demo")
    assert not User.objects.exists()
