from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    """Pages of 50, 1 to 100 with ``page_size``; ``count``, ``next``, ``previous``,
    ``results``. A page number or size that is not a whole number in range is a 400 with the
    reason (not silently the default); a page past the last is a 404."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = _("Het nummer van de pagina (vanaf 1).")
    page_size_query_description = _("Het aantal resultaten per pagina (1 tot en met 100).")

    def _geheel_getal(self, request, naam: str, hoogstens: int | None = None) -> int | None:
        waarde = request.query_params.get(naam)
        if waarde is None:
            return None
        if not waarde.isdigit() or int(waarde) < 1 or (hoogstens and int(waarde) > hoogstens):
            bereik = f"1-{hoogstens}" if hoogstens else "1-"
            raise ValidationError(
                {naam: [_("Een geheel getal (%(bereik)s).") % {"bereik": bereik}]}
            )
        return int(waarde)

    def get_page_size(self, request) -> int:
        grootte = self._geheel_getal(request, self.page_size_query_param, self.max_page_size)
        return grootte or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        self._geheel_getal(request, self.page_query_param)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
