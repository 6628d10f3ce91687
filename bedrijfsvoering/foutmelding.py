"""Optional error reporting to Sentry (or a compatible service such as GlitchTip), switched on
by one environment variable: ``SENTRY_DSN``. Called from the settings, before Django starts,
so that errors in requests, tasks and start-up are all reported.

Nothing personal is sent: no user data, cookies, request bodies or client addresses
(``send_default_pii=False``), no performance traces. Every event carries the request id,
so the log lines of the same request are easy to find.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sentry_sdk.types import Event


def _met_verzoek_id(event: Event, hint: dict[str, Any]) -> Event:
    from django_guid import get_guid

    verzoek_id = get_guid()
    if verzoek_id:
        event.setdefault("tags", {})["request_id"] = verzoek_id
    return event


def foutmelding_instellen(dsn: str, *, omgeving: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import ignore_logger

    sentry_sdk.init(
        dsn=dsn,
        environment=omgeving,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=_met_verzoek_id,
    )
    # Requests for unknown host names come from scanners: a log line, not an error report.
    ignore_logger("django.security.DisallowedHost")
