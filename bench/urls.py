"""The project's URLs plus ``/bench/minimaal/``: the cheapest Django view, through the same
middleware, as the yardstick of the requests-per-second benchmark."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from aanbesteden.urls import handler400, handler403, handler404, handler500  # noqa: F401
from aanbesteden.urls import urlpatterns as project_urls


def minimaal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimaal/", minimaal, name="bench_minimaal"), *project_urls]
