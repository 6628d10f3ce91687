"""The archive dossier of a traject: ask for one, and download those made."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..constants import DossierStatus
from ..models import Dossier
from ..selectors.dossier import dossiers_van
from ..services.dossier import dossier_aanvragen
from .gedeeld import traject_voor_ambtenaar


@login_required
@require_http_methods(["GET", "POST"])
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the dossiers made so far. POST: ask for a new one (built in the background)."""
    traject = traject_voor_ambtenaar(request, pk)
    if request.method == "POST":
        dossier_aanvragen(traject=traject, door=request.user)
        messages.success(
            request,
            _(
                "Het dossier wordt gemaakt. Dat kan even duren; ververs deze pagina om het te "
                "downloaden."
            ),
        )
        return redirect("overzicht:dossier", pk=traject.pk)
    dossiers = dossiers_van(traject=traject)[:20]
    return render(
        request,
        "overzicht/dossier.html",
        {"traject": traject, "dossiers": dossiers, "wachten": DossierStatus.WACHTEN},
    )


@login_required
@require_GET
def dossier_download(request: HttpRequest, pk: int, dossier: int) -> FileResponse:
    traject = traject_voor_ambtenaar(request, pk)
    obj = get_object_or_404(Dossier, pk=dossier, traject=traject, status=DossierStatus.KLAAR)
    try:
        bestand = obj.bestand.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=f"dossier-{traject.pk}-{obj.created_at:%Y%m%d-%H%M}.zip",
        content_type="application/zip",
    )
