"""Pages of phases 2 and 3. Thin: access is checked here, the work is done by services."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.fouten import toegang_doorgeven
from aanbesteden.limieten import limiet_bewaken
from aanbesteden.models import Traject
from aanbesteden.permissions import traject_rollen, vereis_rol
from aanbesteden.selectors import traject_get
from accounts.services import mag_inloglink_gebruiken

from . import selectors, services
from .constants import PartnerStatus
from .forms import (
    AccepterenForm,
    AfwijzenForm,
    AkkoordVragenForm,
    BegrotingspostForm,
    HorizonOordeelForm,
    InzetForm,
    MijlpaalForm,
    PartijForm,
    RouteKaderForm,
    TrancheForm,
    UitnodigingForm,
    VertrekkenForm,
    VraagForm,
)
from .models import Begrotingspost, Inzet, Mijlpaal, Tranche
from .services import CoalitieFout

A, INI, PARTNER = Rol.AMBTENAAR, Rol.INITIATIEFNEMER, Rol.PARTNER
BEHEER = (A, INI)


def _traject(request: HttpRequest, pk, *rollen: str) -> Traject:
    traject = traject_get(user=request.user, pk=pk)
    if rollen:
        vereis_rol(request.user, traject, *rollen)
    return traject


def _niet_nu(request: HttpRequest, traject: Traject, bericht: str) -> HttpResponse:
    return render(
        request, "coalities/niet_nu.html", {"traject": traject, "bericht": bericht}, status=409
    )


def _formulier(request, traject, form, *, bewaren, titel, knop, terug, uitleg=""):
    """A form page of this app, handled the one way (``formulier_afhandelen``)."""
    return formulier_afhandelen(
        request,
        form,
        template="formulier.html",
        context={
            "traject": traject,
            "titel": titel,
            "inleiding": _("Traject “%(titel)s”") % {"titel": traject.titel},
            "uitleg": uitleg,
            "knop": knop,
            "terug": terug,
            "terug_tekst": _("Annuleren"),
        },
        bewaren=bewaren,
        weigering=CoalitieFout,
    )


# --- coalition --------------------------------------------------------------------------------


def _coalitiepagina(
    request: HttpRequest, traject: Traject, *, oordeel_form=None, status: int = 200
) -> HttpResponse:
    from initiatieven.selectors import horizon_van

    rollen = traject_rollen(request.user, traject)
    beheer = bool(rollen & set(BEHEER))
    partners = selectors.partners_met_horizonstand(traject=traject)
    eigen_partner = next(
        (
            p
            for p in partners
            if p.gebruiker_id == request.user.pk and p.status == PartnerStatus.BEVESTIGD
        ),
        None,
    )
    horizon = horizon_van(traject=traject) if eigen_partner else None
    oordeel_kan = bool(horizon) and traject.status == TrajectStatus.COALITIE
    if oordeel_kan and oordeel_form is None:
        oordeel_form = HorizonOordeelForm(initial={"versie": horizon.versie})
    return render(
        request,
        "coalities/coalitie.html",
        {
            "traject": traject,
            "beheer": beheer,
            "uitnodigen_kan": beheer and traject.status == TrajectStatus.COALITIE,
            "uitnodigingen": list(selectors.uitnodigingen(traject=traject)) if beheer else [],
            "partners": partners,
            "eigen_partner": eigen_partner,
            "horizon": horizon,
            "oordeel_form": oordeel_form if oordeel_kan else None,
        },
        status=status,
    )


@login_required
def coalitie(request: HttpRequest, pk: int) -> HttpResponse:
    return _coalitiepagina(request, _traject(request, pk))


@login_required
@require_POST
def horizon_oordeel(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmed partner agrees to the horizon, or says why not. Not on
    ``formulier_afhandelen``: invalid input shows the coalition page again (400), while a
    refusal because the page is old (409) is a message on the page it came from."""
    traject = _traject(request, pk, PARTNER)
    form = HorizonOordeelForm(request.POST)
    if form.is_valid():
        akkoord = form.cleaned_data["oordeel"] == "ja"
        try:
            services.horizon_oordeel_geven(
                traject=traject,
                door=request.user,
                versie=form.cleaned_data["versie"],
                akkoord=akkoord,
                toelichting=form.cleaned_data["toelichting"],
            )
        except CoalitieFout as exc:
            toegang_doorgeven(exc)
            if exc.status == 409:
                messages.error(request, exc.bericht)
                return redirect("coalities:coalitie", pk=traject.pk)
            form.add_error(None, exc.bericht)
        else:
            messages.success(
                request,
                _("U bent akkoord met de stip aan de horizon.")
                if akkoord
                else _("Uw bezwaar is doorgegeven aan het initiatief en de gemeente."),
            )
            return redirect("coalities:coalitie", pk=traject.pk)
    return _coalitiepagina(request, traject, oordeel_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def uitnodigen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, *BEHEER)
    terug = reverse("coalities:coalitie", kwargs={"pk": traject.pk})
    if traject.status != TrajectStatus.COALITIE:
        return _niet_nu(request, traject, _("Uitnodigen kan alleen in de fase Vitale coalities."))

    def bewaren(form):
        limiet_bewaken(
            request, soort="uitnodiging", adres=form.cleaned_data["email"], traject=traject.pk
        )
        uitnodiging = services.uitnodiging_versturen(
            traject=traject, door=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            _("De uitnodiging is verstuurd naar %(email)s.") % {"email": uitnodiging.email},
        )
        return terug

    return _formulier(
        request,
        traject,
        UitnodigingForm(request.POST or None),
        bewaren=bewaren,
        titel=_("Partner uitnodigen"),
        knop=_("Uitnodiging versturen"),
        terug=terug,
        uitleg=_(
            "De partner krijgt een e-mail met een link die één keer werkt en na %(dagen)s "
            "dagen verloopt."
        )
        % {"dagen": services.uitnodiging_geldigheid().days},
    )


@login_required
@require_POST
def uitnodiging_opnieuw(request: HttpRequest, pk: int, uitnodiging: int) -> HttpResponse:
    traject = _traject(request, pk, *BEHEER)
    obj = selectors.uitnodiging_get(traject=traject, pk=uitnodiging)
    limiet_bewaken(request, soort="uitnodiging", adres=obj.email, traject=traject.pk)
    try:
        services.uitnodiging_opnieuw_versturen(uitnodiging=obj, door=request.user)
    except CoalitieFout as exc:
        messages.error(request, exc.bericht)
    else:
        messages.success(
            request,
            _("Er is een nieuwe link verstuurd naar %(email)s. De oude link werkt niet meer.")
            % {"email": obj.email},
        )
    return redirect("coalities:coalitie", pk=traject.pk)


@login_required
@require_POST
def uitnodiging_intrekken(request: HttpRequest, pk: int, uitnodiging: int) -> HttpResponse:
    traject = _traject(request, pk, *BEHEER)
    obj = selectors.uitnodiging_get(traject=traject, pk=uitnodiging)
    try:
        services.uitnodiging_intrekken(uitnodiging=obj, door=request.user)
    except CoalitieFout as exc:
        messages.error(request, exc.bericht)
    else:
        messages.success(
            request, _("De uitnodiging aan %(email)s is ingetrokken.") % {"email": obj.email}
        )
    return redirect("coalities:coalitie", pk=traject.pk)


@require_http_methods(["GET", "POST"])
def uitnodiging(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: who invites for what, the traject's horizon and the role asked.
    GET only shows (mail scanners open links); POST answers: accept, ask a question first,
    or decline (with a reason if they give one). Three forms on one page, chosen by ``actie``, and
    a used link answered with 410: too unusual for ``formulier_afhandelen``."""
    from initiatieven.selectors import horizon_van

    obj = services.uitnodiging_bij_token(token)
    reden = services.uitnodiging_bruikbaar(obj)
    if reden:
        return render(request, "coalities/uitnodiging_ongeldig.html", {"reden": reden}, status=410)
    actie = request.POST.get("actie") if request.method == "POST" else None
    form = AccepterenForm(
        request.POST if actie == "accepteren" else None,
        initial={"organisatie": obj.organisatie, "contactpersoon": obj.naam, "rol": obj.rol},
    )
    vraag_form = VraagForm(request.POST if actie == "vraag" else None, prefix="vraag")
    afwijzen_form = AfwijzenForm(request.POST if actie == "afwijzen" else None, prefix="nee")

    def pagina(status: int = 200, **extra) -> HttpResponse:
        return render(
            request,
            "coalities/uitnodiging.html",
            {
                "uitnodiging": obj,
                "wie": services.uitnodiger(obj),
                "horizon": horizon_van(traject=obj.traject),
                "form": form,
                "vraag_form": vraag_form,
                "afwijzen_form": afwijzen_form,
                **extra,
            },
            status=status,
        )

    if request.method != "POST":
        return pagina()
    try:
        if actie == "afwijzen":
            if not afwijzen_form.is_valid():
                return pagina(400)
            services.uitnodiging_afwijzen(token=token, reden=afwijzen_form.cleaned_data["reden"])
            return render(request, "coalities/uitnodiging_afgewezen.html", {"uitnodiging": obj})
        if actie == "vraag":
            if not vraag_form.is_valid():
                return pagina(400)
            limiet_bewaken(request, soort="uitnodiging_vraag", adres=obj.email)
            services.uitnodiging_vraag_stellen(token=token, vraag=vraag_form.cleaned_data["vraag"])
            return pagina(vraag_verstuurd=True, vraag_form=VraagForm(prefix="vraag"))
        if actie != "accepteren":
            return pagina(400, fout=_("Kies: meedoen of niet."))
        if form.is_valid():
            partner = services.uitnodiging_accepteren(
                token=token, taal=get_language(), **form.cleaned_data
            )
            messages.success(
                request,
                _("Welkom in de coalitie van “%(titel)s”.") % {"titel": obj.traject.titel},
            )
            if not mag_inloglink_gebruiken(partner.gebruiker):
                # An official's or administrator's account: the link is no log-in; they
                # log in with password and second factor.
                if request.user != partner.gebruiker:
                    return redirect_to_login(obj.traject.get_absolute_url())
                return HttpResponseRedirect(obj.traject.get_absolute_url())
            login(
                request,
                partner.gebruiker,
                backend="django.contrib.auth.backends.ModelBackend",
            )
            return HttpResponseRedirect(obj.traject.get_absolute_url())
    except CoalitieFout as exc:
        if exc.status == 410:
            return render(
                request,
                "coalities/uitnodiging_ongeldig.html",
                {"reden": "gebruikt"},
                status=410,
            )
        (vraag_form if actie == "vraag" else form).add_error(None, exc.bericht)
    return pagina(400)


@login_required
@require_http_methods(["GET", "POST"])
def vertrekken(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, PARTNER)
    partner = selectors.bevestigde_partner_van(traject=traject, gebruiker=request.user)
    if partner is None:
        raise PermissionDenied(_("U bent geen partner in deze coalitie."))

    def bewaren(form):
        services.partner_vertrekken(partner=partner, door=request.user)
        messages.success(
            request,
            _("U hebt de coalitie van “%(titel)s” verlaten.") % {"titel": traject.titel},
        )
        # To the person's own start page (for a partner: my page).
        return settings.LOGIN_REDIRECT_URL

    return _formulier(
        request,
        traject,
        VertrekkenForm(request.POST or None),
        bewaren=bewaren,
        titel=_("De coalitie verlaten"),
        knop=_("Coalitie verlaten"),
        terug=reverse("coalities:coalitie", kwargs={"pk": traject.pk}),
        uitleg=_(
            "Als u de coalitie verlaat, kunt u dit traject direct niet meer zien. Uw inzet "
            "telt dan niet meer mee en de route moet opnieuw worden goedgekeurd."
        ),
    )


# --- route ------------------------------------------------------------------------------------


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
