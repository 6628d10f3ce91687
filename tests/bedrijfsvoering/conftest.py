"""Fixtures of the operations tests; the helpers (production settings in a real process,
gunicorn or manage.py, free and closed ports, a sealing certificate) are in ``hulp.py``."""

from __future__ import annotations

import pytest

from .hulp import (
    productie_env,
)


@pytest.fixture
def productie(tmp_path) -> dict[str, str]:
    """Production's environment with a writable media directory."""
    return productie_env(MEDIA_ROOT=str(tmp_path / "media"))
