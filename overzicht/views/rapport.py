"""The participation report of a gemeente: the year's figures as a page and as a PDF/UA."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from aanbesteden.pdf import template_naar_pdf

from ..forms import RapportForm
from ..selectors.rapport import jaarcijfers
from .gedeeld import gemeente_voor_ambtenaar


def _jaar(request: HttpRequest) -> tuple[RapportForm, int | None]:
    data = request.GET if "jaar" in request.GET else {"jaar": timezone.localdate().year}
    form = RapportForm(data)
    return form, (form.cleaned_data["jaar"] if form.is_valid() else None)


@login_required
@require_GET
def rapport(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = gemeente_voor_ambtenaar(request, gemeente)
    form, jaar = _jaar(request)
    cijfers = jaarcijfers(gemeente=gemeente_obj, jaar=jaar) if jaar else None
    return render(
        request,
        "overzicht/rapport.html",
        {"gemeente": gemeente_obj, "form": form, "cijfers": cijfers},
        status=200 if jaar else 400,
    )


@login_required
@require_GET
def rapport_pdf(request: HttpRequest, gemeente: str, jaar: int) -> HttpResponse:
    gemeente_obj = gemeente_voor_ambtenaar(request, gemeente)
    form = RapportForm({"jaar": jaar})
    if not form.is_valid():
        raise Http404
    cijfers = jaarcijfers(gemeente=gemeente_obj, jaar=jaar)
    pdf = template_naar_pdf(
        "overzicht/rapport_pdf.html",
        {"cijfers": cijfers, "LANGUAGE_CODE": request.LANGUAGE_CODE},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="participatie-{gemeente_obj.slug}-{jaar}.pdf"'
    )
    return response
