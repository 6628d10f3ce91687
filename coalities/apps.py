from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitiesConfig(AppConfig):
    name = "coalities"
    verbose_name = _("Coalities en routes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Plug this phase's requirements, follow-ups and demo data into the core, declare
        # its personal data for the export and erasure, and contribute its data to the
        # overviews.
        from . import bijdragen, fasen, privacy  # noqa: F401
