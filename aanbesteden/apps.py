from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanbestedenConfig(AppConfig):
    name = "aanbesteden"
    verbose_name = _("Maatschappelijk aanbesteden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The overviews add their section (the archive dossier) to the traject page.
        from .overzicht import fasen  # noqa: F401
