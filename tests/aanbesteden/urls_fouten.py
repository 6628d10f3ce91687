"""URL configuration for the error-page tests: the project's URLs plus views that fail."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from aanbesteden.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def kapot(request):
    raise RuntimeError("Een fout in de software")


def verdacht(request):
    raise SuspiciousOperation("Gemanipuleerd verzoek")


def verboden(request):
    raise PermissionDenied("U mag dit niet.")


def geweigerd(request, status):
    """A refusal of a service that no view caught (``aanbesteden.fouten``)."""
    from coalities.services import CoalitieFout

    raise CoalitieFout("Dit kan nu niet: de route is al vastgesteld.", status=status)


urlpatterns = [
    path("test/kapot/", kapot),
    path("test/verdacht/", verdacht),
    path("test/verboden/", verboden),
    path("test/geweigerd/<int:status>/", geweigerd),
    *urlpatterns,
]
