from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = _("Meldingen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The general "the traject is in a new phase" message after every transition that
        # has no message of its own, and the notifications' personal data for the export
        # and erasure.
        from . import fasen, privacy  # noqa: F401
