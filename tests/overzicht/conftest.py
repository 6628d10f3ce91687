"""Fixtures of the overview tests; the builders of phase data are in ``factories.py``."""

from __future__ import annotations

import pytest
from django.utils import timezone


@pytest.fixture
def vandaag():
    return timezone.localdate()
