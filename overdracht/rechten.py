"""The agreement phase's named permission rules (see ``aanbesteden.permissions``)."""

from __future__ import annotations

from aanbesteden.permissions import is_ambtenaar_van, regels

# The clause library: a gemeente's officials only; to anybody else it does not exist (404).
regels.regel(
    "overdracht.bibliotheek",
    lambda user, gemeente: is_ambtenaar_van(user, gemeente.pk),
    verborgen=True,
)
