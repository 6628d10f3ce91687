from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverdrachtConfig(AppConfig):
    name = "overdracht"
    verbose_name = _("Formele overdracht")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Plug this phase's requirements and follow-ups into the core, add its sections to the
        # traject page, declare its personal data for the export and erasure, and contribute
        # its data to the overviews, and name its permission rules. (Its demo data, in
        # ``demo``, only ``seed_demo`` loads.)
        from . import bijdragen, fasen, panelen, privacy, rechten  # noqa: F401
