"""The coalition (phase 2): its page, inviting and the invitations, the invitee's page,
leaving, and a partner's answer to the horizon."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.constants import TrajectStatus
from aanbesteden.fouten import toegang_doorgeven
from aanbesteden.limieten import limiet_bewaken
from aanbesteden.models import Traject
from aanbesteden.permissions import traject_rollen
from accounts.services import mag_inloglink_gebruiken

from .. import selectors, services
from ..constants import PartnerStatus
from ..forms import (
    AccepterenForm,
    AfwijzenForm,
    HorizonOordeelForm,
    UitnodigingForm,
    VertrekkenForm,
    VraagForm,
)
from ..services import CoalitieFout
from .gedeeld import BEHEER, PARTNER, _formulier, _niet_nu, _traject


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
