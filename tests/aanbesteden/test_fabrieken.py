"""Test data through factories: the traject factory walks a traject to a phase along the real
transitions, with the same preparations as the demo seeding."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_fabriek_loopt_langs_de_demovoorbereidingen(gemeente, ambtenaar, initiatiefnemer):
    """The traject factory's ``fase`` walks the real transitions with the demo's
    preparations: in the route phase, with confirmed partners."""
    from coalities.models import Partner
    from tests.factories import TrajectFactory, UserFactory

    partners = [UserFactory(email=f"p{i}@example.org") for i in range(2)]
    traject = TrajectFactory(
        gemeente=gemeente,
        initiatiefnemer=initiatiefnemer,
        ambtenaar=ambtenaar,
        partners=partners,
        fase="route",
    )
    assert traject.status == "route"
    assert Partner.objects.filter(traject=traject, status="bevestigd").count() == 2
