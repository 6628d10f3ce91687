from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AanbestedenConfig(AppConfig):
    name = "aanbesteden"
    verbose_name = _("Maatschappelijk aanbesteden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The core's personal data (and that of the third-party tables it installs), for the
        # export and erasure; each phase app declares its own.
        from . import privacy  # noqa: F401

        # The overviews add their section (the archive dossier) to the traject page.
        from .overzicht import fasen  # noqa: F401


class BeheerConfig(admin_apps.AdminConfig):
    """Django's admin at /beheer/, on a site that requires the second factor."""

    default = False  # AanbestedenConfig stays this package's own app
    default_site = "aanbesteden.tweestaps.BeheerSite"
