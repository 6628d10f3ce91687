"""The one error type of the coalition's services."""

from __future__ import annotations

from aanbesteden.fouten import Geweigerd


class CoalitieFout(Geweigerd):
    """An action that cannot happen now (400, or the ``status`` given: 403, 404, 410);
    ``str(exc)`` is the message for the user."""
