"""Writes of the overviews, one module per feature: ``dossier`` (the archive dossier) and
``privacy`` (a person's export and erasure, walking the personal-data register)."""
