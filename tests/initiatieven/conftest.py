"""Fixtures of the intake and phase 1: calls, complete proposals, files of every kind."""

from __future__ import annotations

import pytest

from aanbesteden.constants import LidmaatschapRol
from tests.factories import TrajectFactory, UserFactory, ambtenaar_van

from .factories import (
    opgave_maken,
    voorstel_compleet,
)


@pytest.fixture
def opgave(gemeente):
    return opgave_maken(gemeente)


@pytest.fixture
def voorstel(traject):
    return voorstel_compleet(traject)


@pytest.fixture
def ander_voorstel(ander_traject):
    return voorstel_compleet(ander_traject)


@pytest.fixture
def voorstel_b(traject_b):
    return voorstel_compleet(traject_b)


@pytest.fixture
def beheerder(gemeente):
    return ambtenaar_van(gemeente, rol=LidmaatschapRol.BEHEERDER, email="beheerder@a.example.org")


@pytest.fixture
def ingediend(traject, voorstel, initiatiefnemer, django_capture_on_commit_callbacks):
    """``traject`` with its complete proposal, submitted through the service."""
    from aanbesteden.services import traject_transitie

    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    traject.refresh_from_db()
    return traject


@pytest.fixture
def maak_traject():
    def maak(gemeente, **kwargs):
        return TrajectFactory(gemeente=gemeente, initiatiefnemer=UserFactory(), **kwargs)

    return maak
