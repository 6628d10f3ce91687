from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BedrijfsvoeringConfig(AppConfig):
    """What the operators of an installation see and rely on: health endpoints, metrics,
    structured logs with request ids, the start-up checks and the single beat."""

    name = "bedrijfsvoering"
    verbose_name = _("Bedrijfsvoering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The start-up checks (the sealing certificate), and the Celery signals that carry the
        # request id into tasks and count their outcomes.
        from . import checks, logboek, metrieken  # noqa: F401
