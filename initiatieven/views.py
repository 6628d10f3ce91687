from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from aanbesteden.models import Gemeente


def gemeente(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The public page of one gemeente."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    return render(request, "initiatieven/gemeente.html", {"gemeente": gemeente_obj})
