"""Phase 1's horizon: the page, editing it, and agreeing to it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden import selectors as kern
from aanbesteden.constants import TrajectStatus
from aanbesteden.permissions import traject_rollen

from .. import selectors, services
from ..forms import HorizonForm, IndicatorFormSet
from ..services import IntakeFout
from ._gedeeld import INI, A, _post, _traject


# --- phase 1: the horizon -------------------------------------------------------------------
@login_required
def horizon(request: HttpRequest, pk: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    rollen = traject_rollen(request.user, traject)
    horizon_obj = selectors.horizon_van(traject=traject)
    if horizon_obj is None:
        raise Http404
    kant = "gemeente" if A in rollen else ("initiatief" if INI in rollen else "")
    al_akkoord = (kant == "gemeente" and horizon_obj.akkoord_gemeente_op) or (
        kant == "initiatief" and horizon_obj.akkoord_initiatief_op
    )
    return render(
        request,
        "initiatieven/horizon.html",
        {
            "traject": traject,
            "horizon": horizon_obj,
            "versies": selectors.horizon_versies(horizon=horizon_obj),
            "mag_wijzigen": bool(kant) and traject.status == TrajectStatus.HORIZON,
            "mag_akkoord": bool(kant)
            and traject.status == TrajectStatus.HORIZON
            and not al_akkoord,
        },
    )


def _horizon_voor_bewerken(request: HttpRequest, pk: int):
    traject = _traject(request, pk, A, INI)
    horizon_obj = selectors.horizon_van(traject=traject)
    if horizon_obj is None:
        raise Http404
    if traject.status != TrajectStatus.HORIZON:
        raise PermissionDenied(_("De stip aan de horizon kan nu niet worden gewijzigd."))
    return traject, horizon_obj


@login_required
@require_http_methods(["GET", "POST"])
def horizon_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """A form and a formset saved together: not through ``formulier_afhandelen``."""
    traject, horizon_obj = _horizon_voor_bewerken(request, pk)
    data = _post(request)
    form = HorizonForm(data, instance=horizon_obj, initial={"versie": horizon_obj.versie})
    formset = IndicatorFormSet(data, instance=horizon_obj, prefix="indicatoren")
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() & formset.is_valid():
            try:
                with transaction.atomic():
                    gewijzigd = services.horizon_opslaan(
                        horizon=horizon_obj,
                        door=request.user,
                        versie=form.cleaned_data["versie"],
                        form=form,
                        formset=formset,
                    )
            except IntakeFout as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                messages.success(
                    request,
                    _(
                        "De stip aan de horizon is opgeslagen. "
                        "Beide kanten moeten opnieuw akkoord geven."
                    )
                    if gewijzigd
                    else _("Er is niets veranderd."),
                )
                return redirect("initiatieven:horizon", pk=traject.pk)
    return render(
        request,
        "initiatieven/horizon_wijzigen.html",
        {"traject": traject, "horizon": horizon_obj, "form": form, "formset": formset},
        status=status,
    )


@login_required
@require_POST
def horizon_akkoord(request: HttpRequest, pk: int) -> HttpResponse:
    traject, horizon_obj = _horizon_voor_bewerken(request, pk)
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        messages.error(request, _("Het verzoek was niet compleet. Probeer het opnieuw."))
        return redirect("initiatieven:horizon", pk=traject.pk)
    try:
        services.horizon_akkoord_geven(horizon=horizon_obj, door=request.user, versie=versie)
    except IntakeFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("U hebt akkoord gegeven op deze versie."))
    return redirect(reverse("initiatieven:horizon", kwargs={"pk": traject.pk}))
