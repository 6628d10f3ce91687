from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanbestedenConfig(AppConfig):
    name = "aanbesteden"
    verbose_name = _("Maatschappelijk aanbesteden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The core's personal data (and that of the third-party tables it installs), for the
        # export and erasure; each app above the core declares its own.
        # Owed work is marked done when its task succeeds (a Celery signal).
        from . import (
            privacy,  # noqa: F401
            werk,  # noqa: F401
        )
