"""The one error type of the agreement's services."""

from __future__ import annotations

from aanbesteden.fouten import Geweigerd


class OvereenkomstFout(Geweigerd):
    """A step on an agreement that may not happen now; ``str(exc)`` is for the user."""
