from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (``/api/v1/``): public reads of calls, published proposals and the
    register, and for a gemeente's own systems its trajecten and their phase changes."""

    name = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A webhook delivery for every phase change (a follow-up of every transition), and the
        # declaration that the API's tables hold no personal data.
        from . import fasen, privacy  # noqa: F401
