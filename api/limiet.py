"""The public API is limited per client address with the platform's limiter
(``aanbesteden.limieten``): over the limit a 429 with ``Retry-After``."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from aanbesteden.limieten import LimietBereikt, limiet_bewaken


class PubliekeLimiet(BaseThrottle):
    def __init__(self) -> None:
        self._wacht: int | None = None

    def allow_request(self, request, view) -> bool:
        try:
            limiet_bewaken(request, soort="api", per_client=settings.LIMIET_API_PER_CLIENT)
        except LimietBereikt as exc:
            self._wacht = exc.wacht_seconden
            return False
        return True

    def wait(self) -> float | None:
        return self._wacht
