"""Shared fixtures: the people and places of a small world with two gemeenten.

``gemeente`` (A) has an official, an initiative member and a partner on ``traject``;
``andere_gemeente`` (B) has its own official, and ``ander_traject`` in A has its own
initiative member and partner.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from aanbesteden.fasen import fasen
from tests.factories import (
    GemeenteFactory,
    TrajectFactory,
    UserFactory,
    ambtenaar_van,
    partner_van,
)

#: Fixtures used in more than one directory, as plugins instead of imports of another
#: directory's conftest.
pytest_plugins = ["tests.overdracht.fixtures"]


@pytest.fixture(autouse=True)
def _schone_omgeving(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()


@pytest.fixture
def client():
    """Django's test client, whose ``force_login`` also passes the second factor of officials
    and administrators (``tests.tweestaps.Client``)."""
    from tests.tweestaps import Client

    return Client()


@pytest.fixture
def vereisten_register():
    """The phase registry as the apps filled it, for a test to add to or leave things out of
    (``vereisten_weglaten``); afterwards it is as before (``fasen.tijdelijk()``)."""
    with fasen.tijdelijk() as register:
        yield register


@pytest.fixture
def geen_vereisten():
    """The phase registry without requirements, follow-ups or own messages, for tests of the
    bare state machine; afterwards it is as before (``fasen.tijdelijk(kaal=True)``). The
    general "new phase" message stays (a follow-up of the notifications app)."""
    from meldingen.fasen import FASEMELDINGEN

    with fasen.tijdelijk(kaal=True) as register:
        for transitie, melden in FASEMELDINGEN.items():
            register.na_transitie(transitie)(melden)
        yield register


@pytest.fixture
def gemeente(db):
    return GemeenteFactory(naam="Gemeente A", slug="gemeente-a", cbs_code="GM0001")


@pytest.fixture
def andere_gemeente(db):
    return GemeenteFactory(naam="Gemeente B", slug="gemeente-b", cbs_code="GM0002")


@pytest.fixture
def ambtenaar(gemeente):
    return ambtenaar_van(gemeente, email="ambtenaar@a.example.org")


@pytest.fixture
def ambtenaar_b(andere_gemeente):
    return ambtenaar_van(andere_gemeente, email="ambtenaar@b.example.org")


@pytest.fixture
def initiatiefnemer(db):
    return UserFactory(email="initiatief@example.org")


@pytest.fixture
def traject(gemeente, initiatiefnemer, ambtenaar):
    return TrajectFactory(gemeente=gemeente, initiatiefnemer=initiatiefnemer, titel="Buurtpark")


@pytest.fixture
def partner(traject):
    return partner_van(traject, email="partner@example.org")


@pytest.fixture
def ander_traject(gemeente, ambtenaar):
    ander = TrajectFactory(
        gemeente=gemeente,
        initiatiefnemer=UserFactory(email="ander-initiatief@example.org"),
        titel="Ander traject",
    )
    partner_van(ander, email="ander-partner@example.org")
    return ander


@pytest.fixture
def ander_initiatiefnemer(ander_traject):
    from aanbesteden.models import User

    return User.objects.get(email="ander-initiatief@example.org")


@pytest.fixture
def ander_partner(ander_traject):
    from aanbesteden.models import User

    return User.objects.get(email="ander-partner@example.org")


@pytest.fixture
def traject_b(andere_gemeente, ambtenaar_b):
    return TrajectFactory(
        gemeente=andere_gemeente,
        titel="Traject in B",
        initiatiefnemer=UserFactory(email="initiatief-b@example.org"),
    )


@pytest.fixture
def rollen(ambtenaar, ambtenaar_b, initiatiefnemer, partner, ander_initiatiefnemer, ander_partner):
    """Every role of the access tests, by name (``anoniem`` is ``None``)."""
    return {
        "anoniem": None,
        "ambtenaar": ambtenaar,
        "ambtenaar_andere_gemeente": ambtenaar_b,
        "initiatiefnemer": initiatiefnemer,
        "partner": partner,
        "initiatiefnemer_ander_traject": ander_initiatiefnemer,
        "partner_ander_traject": ander_partner,
    }


@pytest.fixture(scope="session")
def oidc_aanbieder(tmp_path_factory):
    """A real OpenID Connect provider (`oidc-provider` from npm, tests/oidc/testaanbieder.mjs)
    on a free port of 127.0.0.1, for this test process; ``.account(login, **claims)`` adds a
    test account, ``.inloggen(url, login)`` walks its log-in page as a browser would. Skipped
    without node and the npm package, failed in CI."""
    import os

    from tests.oidc.aanbieder import (
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        TERUG_TESTSERVER,
        Testaanbieder,
        beschikbaar,
    )

    reden = beschikbaar()
    if reden:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{reden} (required in CI)", pytrace=False)
        pytest.skip(reden)
    aanbieder = Testaanbieder(
        tmp_path_factory.mktemp("oidc"),
        clients=[
            {
                "client_id": OIDC_CLIENT_ID,
                "client_secret": OIDC_CLIENT_SECRET,
                "redirect_uris": [TERUG_TESTSERVER],
            }
        ],
    ).starten()
    yield aanbieder
    aanbieder.stoppen()
