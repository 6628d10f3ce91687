from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluatieConfig(AppConfig):
    name = "evaluatie"
    verbose_name = _("Evaluatie en verankering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Plug this phase's requirements and follow-ups into the core, add its sections to the
        # traject page, declare its personal data for the export and erasure, and contribute
        # its data to the overviews. (Its demo data, in ``demo``, only ``seed_demo`` loads.)
        from . import bijdragen, fasen, panelen, privacy  # noqa: F401
