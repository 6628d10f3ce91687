"""Start-up checks (``manage.py check``; the systemd unit and the compose file run it before
the web process starts, and ``migrate`` runs it too)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register


@register("zegel")
def zegelcertificaat_controleren(app_configs=None, **kwargs) -> list[Error]:
    """The sealing certificate configured (always in production: ``ZEGEL_PKCS12_PAD`` is
    required there) must open with its password and hold a valid key and certificate; a
    problem is found now, not at the first signature. Without one (embedded mode, tests) a
    development certificate is made when needed: nothing to check."""
    from aanbesteden.zegel import certificaat_problemen

    if not settings.ZEGEL_PKCS12_PAD:
        return []
    return [
        Error(
            f"The sealing certificate cannot be used: {probleem}",
            hint="Set ZEGEL_PKCS12_PAD to a PKCS#12 file the web and worker processes can read,"
            " and ZEGEL_PKCS12_WACHTWOORD to its password (docs/operations.md).",
            id="bedrijfsvoering.E001",
        )
        for probleem in certificaat_problemen(
            settings.ZEGEL_PKCS12_PAD, settings.ZEGEL_PKCS12_WACHTWOORD
        )
    ]
