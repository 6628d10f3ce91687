"""The one-time tokens of links sent by mail (invitations, support confirmations): only a
hash of a token is stored, so a copy of the database opens no link."""

from __future__ import annotations

import hashlib


def token_hash(token: str) -> str:
    """The SHA-256 of ``token`` in hexadecimal: what the database keeps and looks up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
