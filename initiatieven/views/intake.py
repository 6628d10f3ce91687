"""The intake by the gemeente: assessing a proposal, the decision, and the decision letter."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.constants import TrajectStatus
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.services import TransitieGeweigerd

from .. import selectors, services
from ..constants import DocumentStatus
from ..forms import BeoordelingForm, BesluitForm
from ..services import IntakeFout
from ._gedeeld import INI, A, _bestand, _post, _traject


# --- intake by the gemeente -----------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, A)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    if traject.status != TrajectStatus.INGEDIEND:
        raise PermissionDenied(_("Alleen een ingediend voorstel kan worden beoordeeld."))
    criteria_lijst = selectors.criteria_voor_gemeente(gemeente=traject.gemeente)
    huidige = {
        r["criterium"].pk: r["score"]
        for r in selectors.beoordeling_scores(voorstel=voorstel_obj)
        if r["score"]
    }
    beoordeling = selectors.getattr_of_none(voorstel_obj, "beoordeling")
    form = BeoordelingForm(
        _post(request),
        criteria=criteria_lijst,
        scores=huidige,
        initial={"samenvatting": beoordeling.samenvatting if beoordeling else ""},
    )

    def bewaren(form):
        services.beoordeling_opslaan(
            voorstel=voorstel_obj,
            door=request.user,
            samenvatting=form.cleaned_data["samenvatting"],
            scores=form.scores(),
        )
        messages.success(request, _("De beoordeling is opgeslagen."))
        return redirect("initiatieven:voorstel", pk=traject.pk)

    return formulier_afhandelen(
        request,
        form,
        template="initiatieven/beoordelen.html",
        context=lambda: {
            "traject": traject,
            "voorstel": voorstel_obj,
            "telling": selectors.steun_telling(voorstel=voorstel_obj),
        },
        bewaren=bewaren,
        weigering=IntakeFout,
    )


@login_required
@require_http_methods(["GET", "POST"])
def besluiten(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, A)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    if traject.status != TrajectStatus.INGEDIEND:
        raise PermissionDenied(_("Over dit voorstel is al besloten."))

    def bewaren(form):
        if form.cleaned_data["status"] != traject.status:
            # A form from before someone else's step: refused like a step that may not happen.
            raise TransitieGeweigerd(_("Het traject is intussen gewijzigd. Bekijk het opnieuw."))
        andere = services.besluiten_over_voorstel(
            traject=traject,
            door=request.user,
            besluit=form.cleaned_data["besluit"],
            motivatie=form.cleaned_data["motivatie"],
            sluiten=form.cleaned_data.get("opgave_sluiten", False),
        )
        messages.success(request, _("Het besluit is genomen. De besluitbrief wordt gemaakt."))
        if form.cleaned_data.get("opgave_sluiten"):
            messages.info(
                request,
                _("De opgave is gesloten: er kunnen geen nieuwe voorstellen bij komen."),  # noqa: E501
            )
        if andere:
            messages.info(
                request,
                _(
                    "Op deze opgave wachten nog %(aantal)s andere voorstellen. Zij "
                    "hebben een bericht gekregen. Besluit ook over hen."
                )
                % {"aantal": len(andere)},
            )
        return redirect("initiatieven:voorstel", pk=traject.pk)

    return formulier_afhandelen(
        request,
        BesluitForm(_post(request), initial={"status": traject.status}, opgave=voorstel_obj.opgave),
        template="initiatieven/besluiten.html",
        context=lambda: {
            "traject": traject,
            "voorstel": voorstel_obj,
            "scores": selectors.beoordeling_scores(voorstel=voorstel_obj),
            "compleet": selectors.beoordeling_compleet(voorstel=voorstel_obj),
            "andere": selectors.concurrerende_voorstellen(voorstel=voorstel_obj),
        },
        bewaren=bewaren,
        weigering=(TransitieGeweigerd, IntakeFout),
        status_weigering=409,
    )


@login_required
def besluitbrief(request: HttpRequest, pk: int) -> FileResponse:
    traject = _traject(request, pk, A, INI)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    brief = selectors.getattr_of_none(voorstel_obj, "besluitbrief")
    if brief is None or brief.status != DocumentStatus.KLAAR or not brief.bestand:
        raise Http404
    return _bestand(brief.bestand, f"besluitbrief-{traject.pk}.pdf", "application/pdf")


@login_required
@require_POST
def besluitbrief_opnieuw(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, A)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    brief = selectors.getattr_of_none(voorstel_obj, "besluitbrief")
    if brief is None:
        raise Http404
    try:
        services.besluitbrief_opnieuw(besluitbrief=brief, door=request.user)
    except IntakeFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De besluitbrief wordt opnieuw gemaakt."))
    return redirect("initiatieven:voorstel", pk=traject.pk)
