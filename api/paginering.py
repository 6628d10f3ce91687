from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    """Pages of 50, at most 100 with ``page_size``; ``count``, ``next``, ``previous``,
    ``results``."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = _("Het nummer van de pagina (vanaf 1).")
    page_size_query_description = _("Het aantal resultaten per pagina (hoogstens 100).")
