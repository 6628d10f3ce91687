from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Inloggen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, privacy  # noqa: F401  (start-up checks, personal data)


class BeheerConfig(admin_apps.AdminConfig):
    """Django's admin at /beheer/, on a site that requires the second factor."""

    default = False  # AccountsConfig stays this package's own app
    default_site = "accounts.tweestaps.BeheerSite"
