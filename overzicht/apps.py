from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverzichtConfig(AppConfig):
    name = "overzicht"
    verbose_name = _("Overzichten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The archive section of the traject page, the overviews' own to-do (stalled
        # concepts), and the archive dossiers' personal data for the export and erasure.
        from . import bijdragen, panelen, privacy  # noqa: F401
