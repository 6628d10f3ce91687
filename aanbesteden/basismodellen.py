"""Abstract models that many of the project's models share: when a row was made and last
changed. Field names and columns stay ``created_at`` / ``updated_at``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MetAanmaaktijd(models.Model):
    """A row that records when it was made."""

    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        abstract = True


class MetTijdstempels(MetAanmaaktijd):
    """A row that records when it was made and when it last changed."""

    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True
