"""The route (phase 3): its page, its frame and parts (milestones, contributions, budget,
tranches), confirming contributions, agreement, and its versions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.constants import TrajectStatus
from aanbesteden.fouten import toegang_doorgeven
from aanbesteden.permissions import traject_rollen

from .. import selectors, services
from ..forms import (
    AkkoordVragenForm,
    BegrotingspostForm,
    InzetForm,
    MijlpaalForm,
    PartijForm,
    RouteKaderForm,
    TrancheForm,
)
from ..models import Begrotingspost, Inzet, Mijlpaal, Tranche
from ..services import CoalitieFout
from .gedeeld import BEHEER, A, _formulier, _niet_nu, _traject


@login_required
def route(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk)
    rollen = traject_rollen(request.user, traject)
    overzicht = selectors.route_overzicht(traject=traject)
    eigen = services.eigen_partijen(traject=traject, user=request.user)
    wijzigbaar = traject.status == TrajectStatus.ROUTE
    eigen_sleutels = {f"partner-{p.pk}" if p else s for s, p in eigen}
    inzet = selectors.inzet_van_partijen(traject=traject)
    for regel in inzet:
        regel.eigen = (
            f"partner-{regel.partner_id}" if regel.partner_id else regel.partij_soort
        ) in eigen_sleutels
    route_obj = overzicht["route"]
    versie = route_obj.versie if route_obj else 0
    # A version to agree to: asked, and the draft not changed since.
    akkoord_open = bool(versie) and not route_obj.concept_gewijzigd
    # Something to ask agreement on: a draft changed since the last version (or never asked).
    vragen_kan = (
        wijzigbaar
        and bool(eigen)
        and route_obj is not None
        and (route_obj.concept_gewijzigd or not versie)
    )
    open_akkoord = [
        (s, p)
        for s, p in eigen
        if not next(
            (
                x.akkoord
                for x in overzicht["partijen"]
                if x.sleutel == (f"partner-{p.pk}" if p else s)
            ),
            False,
        )
    ]
    return render(
        request,
        "coalities/route.html",
        {
            "traject": traject,
            **overzicht,
            "inzet": inzet,
            "beheer": wijzigbaar and bool(rollen & set(BEHEER)),
            "tranches_beheer": wijzigbaar and A in rollen,
            "inzet_kan": wijzigbaar and bool(eigen),
            "akkoord_form": (
                PartijForm(eigen=open_akkoord, initial={"versie": versie}, auto_id="akkoord_%s")
                if wijzigbaar and open_akkoord and akkoord_open
                else None
            ),
            "vragen_form": AkkoordVragenForm(auto_id="vragen_%s") if vragen_kan else None,
            "eigen_namen": [services.partij_naam(s, p) for s, p in eigen],
            # Two forms of one class on the page: each its own ids.
            "bevestig_form": (
                PartijForm(eigen=eigen, auto_id="bevestigen_%s") if wijzigbaar and eigen else None
            ),
        },
    )


def _onderdeel(request, pk, *, model, form_class, opslaan, rollen, titels, id=None, **extra):
    """Add or edit one part of the route (milestone, contribution, budget line, tranche)."""
    traject = _traject(request, pk, *rollen)
    terug = reverse("coalities:route", kwargs={"pk": traject.pk}) + "#" + model._meta.model_name
    if traject.status != TrajectStatus.ROUTE:
        return _niet_nu(
            request,
            traject,
            _("De route kan alleen worden gewijzigd in de fase Routes naar de horizon."),
        )
    obj = get_object_or_404(model, traject=traject, pk=id) if id is not None else None
    kwargs = {k: (v(traject) if callable(v) else v) for k, v in extra.items()}
    if isinstance(obj, Inzet) or model is Inzet:
        eigen = services.eigen_partijen(traject=traject, user=request.user)
        if obj is not None:
            try:
                services.vereis_partij(
                    traject=traject,
                    user=request.user,
                    partij_soort=obj.partij_soort,
                    partner=obj.partner,
                )
            except CoalitieFout as exc:
                toegang_doorgeven(exc)
        if not eigen:
            raise PermissionDenied(_("U hoort bij geen partij van deze route."))
        kwargs["eigen"] = eigen

    def bewaren(form):
        opslaan(traject=traject, door=request.user, gegevens=form.gegevens(), obj=obj)
        messages.success(
            request,
            _(
                "Opgeslagen in het concept van de route. Niemand krijgt hier een bericht "
                "over. Is de route klaar? Vraag dan onderaan de route de anderen om akkoord."
            ),
        )
        return HttpResponseRedirect(terug)

    return _formulier(
        request,
        traject,
        form_class(request.POST or None, instance=obj or model(), traject=traject, **kwargs),
        bewaren=bewaren,
        titel=titels[1] if obj else titels[0],
        knop=_("Opslaan"),
        terug=terug,
    )


def _route_en_partners(traject):
    return {
        "route": selectors.route_van(traject=traject),
        "partners": list(selectors.actieve_partners(traject=traject)),
    }


@login_required
@require_http_methods(["GET", "POST"])
def mijlpaal(request: HttpRequest, pk: int, id: int | None = None) -> HttpResponse:
    traject = _traject(request, pk, *BEHEER)
    extra = _route_en_partners(traject) if traject.status == TrajectStatus.ROUTE else {}
    return _onderdeel(
        request,
        pk,
        model=Mijlpaal,
        form_class=MijlpaalForm,
        opslaan=lambda obj, **kw: services.mijlpaal_opslaan(mijlpaal=obj, **kw),
        rollen=BEHEER,
        titels=(_("Mijlpaal toevoegen"), _("Mijlpaal wijzigen")),
        id=id,
        **extra,
    )


@login_required
@require_http_methods(["GET", "POST"])
def inzet(request: HttpRequest, pk: int, id: int | None = None) -> HttpResponse:
    return _onderdeel(
        request,
        pk,
        model=Inzet,
        form_class=InzetForm,
        opslaan=lambda obj, **kw: services.inzet_opslaan(inzet=obj, **kw),
        rollen=(),
        titels=(_("Inzet toevoegen"), _("Inzet wijzigen")),
        id=id,
    )


@login_required
@require_http_methods(["GET", "POST"])
def begrotingspost(request: HttpRequest, pk: int, id: int | None = None) -> HttpResponse:
    return _onderdeel(
        request,
        pk,
        model=Begrotingspost,
        form_class=BegrotingspostForm,
        opslaan=lambda obj, **kw: services.begrotingspost_opslaan(post=obj, **kw),
        rollen=BEHEER,
        titels=(_("Begrotingspost toevoegen"), _("Begrotingspost wijzigen")),
        id=id,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tranche(request: HttpRequest, pk: int, id: int | None = None) -> HttpResponse:
    return _onderdeel(
        request,
        pk,
        model=Tranche,
        form_class=TrancheForm,
        opslaan=lambda obj, **kw: services.tranche_opslaan(tranche=obj, **kw),
        rollen=(A,),
        titels=(_("Tranche toevoegen"), _("Tranche wijzigen")),
        id=id,
        route=lambda traject: selectors.route_van(traject=traject),
    )


VERWIJDERBAAR = {
    "mijlpaal": (Mijlpaal, BEHEER),
    "inzet": (Inzet, ()),
    "begrotingspost": (Begrotingspost, BEHEER),
    "tranche": (Tranche, (A,)),
}


@login_required
@require_POST
def verwijderen(request: HttpRequest, pk: int, soort: str, id: int) -> HttpResponse:
    if soort not in VERWIJDERBAAR:
        raise Http404
    model, rollen = VERWIJDERBAAR[soort]
    traject = _traject(request, pk, *rollen)
    obj = get_object_or_404(model, traject=traject, pk=id)
    try:
        services.route_onderdeel_verwijderen(traject=traject, door=request.user, obj=obj)
    except CoalitieFout as exc:
        toegang_doorgeven(exc)
        messages.error(request, exc.bericht)
    else:
        messages.success(request, _("Verwijderd uit het concept van de route."))
    return redirect(reverse("coalities:route", kwargs={"pk": traject.pk}) + "#" + soort)


@login_required
@require_http_methods(["GET", "POST"])
def route_kader(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, *BEHEER)
    terug = reverse("coalities:route", kwargs={"pk": traject.pk})
    if traject.status != TrajectStatus.ROUTE:
        return _niet_nu(
            request,
            traject,
            _("De route kan alleen worden gewijzigd in de fase Routes naar de horizon."),
        )
    # A read: the route exists from the moment the traject entered the route phase (a
    # follow-up of that transition); a traject placed there otherwise may have none yet.
    huidig = selectors.route_van(traject=traject)
    form = RouteKaderForm(
        request.POST or None,
        initial={
            "startdatum": huidig.startdatum if huidig else None,
            "looptijd_maanden": huidig.looptijd_maanden if huidig else None,
        },
    )

    def bewaren(form):
        services.route_kader_opslaan(traject=traject, door=request.user, **form.cleaned_data)
        messages.success(request, _("Start en looptijd zijn opgeslagen."))
        return terug

    return _formulier(
        request,
        traject,
        form,
        bewaren=bewaren,
        titel=_("Start en looptijd van de route"),
        knop=_("Opslaan"),
        terug=terug,
    )


def _partij_uit_post(request, traject) -> tuple[PartijForm, tuple | None]:
    eigen = services.eigen_partijen(traject=traject, user=request.user)
    if not eigen:
        raise PermissionDenied(_("U hoort bij geen partij van deze route."))
    form = PartijForm(request.POST, eigen=eigen)
    return form, (form.gekozen_partij() if form.is_valid() else None)


@login_required
@require_POST
def inzet_bevestigen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk)
    form, partij = _partij_uit_post(request, traject)
    if partij is None:
        messages.error(request, " ".join(form.errors.get("partij", [_("Kies een partij.")])))
    else:
        try:
            aantal = services.inzet_bevestigen(
                traject=traject, door=request.user, partij_soort=partij[0], partner=partij[1]
            )
        except CoalitieFout as exc:
            toegang_doorgeven(exc)
            messages.error(request, exc.bericht)
        else:
            messages.success(request, _("%(aantal)s bijdragen bevestigd.") % {"aantal": aantal})
    return redirect(reverse("coalities:route", kwargs={"pk": traject.pk}) + "#inzet")


@login_required
@require_POST
def akkoord(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk)
    form, partij = _partij_uit_post(request, traject)
    if partij is None or not form.cleaned_data.get("versie"):
        messages.error(request, _("Dit formulier is niet compleet. Probeer het opnieuw."))
    else:
        try:
            services.route_akkoord_geven(
                traject=traject,
                door=request.user,
                partij_soort=partij[0],
                partner=partij[1],
                versie=form.cleaned_data["versie"],
            )
        except CoalitieFout as exc:
            toegang_doorgeven(exc)
            messages.error(request, exc.bericht)
        else:
            messages.success(request, _("Uw akkoord op deze versie van de route is vastgelegd."))
    return redirect(reverse("coalities:route", kwargs={"pk": traject.pk}) + "#akkoord")


@login_required
@require_POST
def akkoord_vragen(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft is ready: freeze it as a version and ask the other parties to agree."""
    traject = _traject(request, pk)
    terug = reverse("coalities:route", kwargs={"pk": traject.pk}) + "#akkoord"
    form = AkkoordVragenForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for fouten in form.errors.values() for e in fouten))
        return redirect(terug)
    try:
        route = services.route_akkoord_vragen(
            traject=traject, door=request.user, toelichting=form.cleaned_data["toelichting"]
        )
    except CoalitieFout as exc:
        toegang_doorgeven(exc)
        messages.error(request, exc.bericht)
    else:
        messages.success(
            request,
            _(
                "Versie %(versie)s van de route is vastgelegd. De andere partijen hebben een "
                "bericht gekregen met de vraag om akkoord."
            )
            % {"versie": route.versie},
        )
    return redirect(terug)


@login_required
def route_versies(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk)
    versies = selectors.route_versies(traject=traject)
    return render(
        request,
        "coalities/versies.html",
        {"traject": traject, "versies": versies[:200]},
    )
