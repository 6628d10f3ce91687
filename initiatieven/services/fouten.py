"""The one error of the intake and phase 1's writes."""

from __future__ import annotations

from aanbesteden.fouten import Geweigerd


class IntakeFout(Geweigerd):
    """A step of the intake that may not happen now; ``str(exc)`` is the message for the user."""
