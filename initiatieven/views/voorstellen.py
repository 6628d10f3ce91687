"""Proposals: starting one, the public page with its support and reactions, editing,
attachments, publishing, submitting, and support by invitation."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.constants import TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.limieten import limiet_bewaken
from aanbesteden.models import Gemeente
from aanbesteden.permissions import traject_rollen
from aanbesteden.transities import TRANSITIES
from accounts.selectors import identiteit_aanbieders_voor_gemeente

from .. import selectors, services
from ..constants import ReactiePlek
from ..forms import (
    BijlageForm,
    ContactpersoonFormSet,
    InitiatiefForm,
    OpenbareSteunForm,
    SteunForm,
    VoorstelForm,
    VoorstelStartForm,
)
from ..services import IntakeFout
from ._gedeeld import INI, A, _bestand, _post, _traject
from .reacties import reactie_verwerken, reacties_context


@require_http_methods(["GET", "POST"])
def openbaar_voorstel(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    """Public: a proposal its initiative published, with its support and the decision; anyone
    can support it (confirmed by a link in the mail)."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    voorstel_obj = selectors.openbaar_voorstel_get(gemeente=gemeente_obj, pk=pk)
    postcode_vragen = bool(gemeente_obj.steun_postcodegebieden)

    def bewaren(form):
        limiet_bewaken(request, soort="openbare_steun", adres=form.cleaned_data["email"])
        services.openbare_steun_geven(
            voorstel=voorstel_obj,
            email=form.cleaned_data["email"],
            naam=form.cleaned_data["naam"],
            naam_openbaar=form.cleaned_data["naam_openbaar"],
            postcode=form.cleaned_data.get("postcode", ""),
        )
        messages.success(
            request,
            _(
                "Kijk in uw e-mail. Klik op de link in de e-mail, dan telt uw steun mee. "
                "Met dezelfde link kunt u uw steun later weer intrekken."
            ),
        )
        return voorstel_obj.openbare_url()

    return formulier_afhandelen(
        request,
        OpenbareSteunForm(_post(request), postcode_vragen=postcode_vragen),
        template="initiatieven/openbaar_voorstel.html",
        context=lambda: _openbaar_voorstel_context(request, gemeente_obj, voorstel_obj),
        bewaren=bewaren,
        weigering=IntakeFout,
    )


def _openbaar_voorstel_context(
    request: HttpRequest, gemeente_obj, voorstel_obj, *, reactie_form=None
) -> dict:
    traject = voorstel_obj.traject
    postcode_vragen = bool(gemeente_obj.steun_postcodegebieden)
    return {
        "gemeente": gemeente_obj,
        "voorstel": voorstel_obj,
        "traject": traject,
        "form": OpenbareSteunForm(postcode_vragen=postcode_vragen),
        "postcode_vragen": postcode_vragen,
        "telling": selectors.steun_telling(voorstel=voorstel_obj),
        "steuners": selectors.openbare_steuners(voorstel=voorstel_obj),
        **reacties_context(
            request,
            traject=traject,
            plek=ReactiePlek.VOORSTEL,
            actie=reverse(
                "initiatieven:voorstel_reageren",
                kwargs={"gemeente": gemeente_obj.slug, "pk": voorstel_obj.pk},
            ),
            form=reactie_form,
        ),
    }


@require_POST
def voorstel_reageren(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    """Public: a reaction on a published proposal (or the initiative's answer to one)."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    voorstel_obj = selectors.openbaar_voorstel_get(gemeente=gemeente_obj, pk=pk)
    form, antwoord = reactie_verwerken(
        request,
        traject=voorstel_obj.traject,
        plek=ReactiePlek.VOORSTEL,
        pagina=voorstel_obj.openbare_url(),
    )
    if antwoord is not None:
        return antwoord
    return render(
        request,
        "initiatieven/openbaar_voorstel.html",
        _openbaar_voorstel_context(request, gemeente_obj, voorstel_obj, reactie_form=form),
        status=400,
    )


@require_http_methods(["GET", "POST"])
def voorstel_starten(
    request: HttpRequest, gemeente: str, opgave: int | None = None
) -> HttpResponse:
    """Start a proposal: in answer to a call, or (without a call) as a challenge."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    opgave_obj = None
    if opgave is not None:
        opgave_obj = selectors.opgave_publiek_get(gemeente=gemeente_obj, pk=opgave)
    ingelogd = request.user.is_authenticated
    context = {"gemeente": gemeente_obj, "opgave": opgave_obj}
    if opgave_obj is not None and not opgave_obj.is_open:
        return render(request, "initiatieven/voorstel_starten.html", context, status=410)

    def bewaren(form):
        data = form.cleaned_data
        limiet_bewaken(
            request, soort="voorstel", adres=data["email"] if not ingelogd else request.user.email
        )
        voorstel = services.voorstel_starten(
            gemeente=gemeente_obj,
            opgave=opgave_obj,
            titel=data["titel"],
            initiatief_naam=data["initiatief_naam"],
            taak=data.get("taak", ""),
            email=data.get("email", ""),
            gebruiker=request.user if ingelogd else None,
        )
        # Anonymously the page answers the same, also when nothing was made (the
        # address belongs to an official of this gemeente, who gets a mail instead).
        if ingelogd and voorstel is not None:
            messages.success(request, _("Uw voorstel is aangemaakt. Vul het verder in."))
            return redirect("initiatieven:voorstel_wijzigen", pk=voorstel.traject_id)
        return redirect("initiatieven:voorstel_gestart", gemeente=gemeente_obj.slug)

    return formulier_afhandelen(
        request,
        VoorstelStartForm(_post(request), met_email=not ingelogd, uitdaagrecht=opgave_obj is None),
        template="initiatieven/voorstel_starten.html",
        context=context,
        bewaren=bewaren,
        weigering=IntakeFout,
    )


def voorstel_gestart(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    return render(request, "initiatieven/voorstel_gestart.html", {"gemeente": gemeente_obj})


# --- the proposal of a traject --------------------------------------------------------------
def _identiteit_aanbieders(request: HttpRequest, traject) -> list[tuple[str, str]]:
    """(name, address) of the DigiD and eHerkenning log-ins for this gemeente, coming back to
    this page: for the initiative to show who it is before submitting."""
    terug = urlencode({"next": request.get_full_path()})
    return [
        (a.naam, f"{reverse('accounts:oidc_start', kwargs={'code': a.code})}?{terug}")
        for a in identiteit_aanbieders_voor_gemeente(gemeente_id=traject.gemeente_id)
    ]


@login_required
def voorstel(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, A, INI)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    rollen = traject_rollen(request.user, traject)
    onvervuld = (
        fasen.onvervuld(traject, "indienen") if traject.status == TrajectStatus.CONCEPT else []
    )
    return render(
        request,
        "initiatieven/voorstel.html",
        {
            "traject": traject,
            "voorstel": voorstel_obj,
            "rollen": rollen,
            "ambtenaar": A in rollen,
            "is_initiatief": INI in rollen and traject.status != TrajectStatus.INGETROKKEN,
            "mag_wijzigen": INI in rollen and traject.status == TrajectStatus.CONCEPT,
            "onvervuld": onvervuld,
            "identiteit_aanbieders": _identiteit_aanbieders(request, traject)
            if any(v.code == "identiteit" for v in onvervuld)
            else [],
            "indienen": TRANSITIES["indienen"],
            **selectors.voorstel_details(voorstel=voorstel_obj),
        },
    )


@login_required
@require_POST
def voorstel_openbaar_zetten(request: HttpRequest, pk: int) -> HttpResponse:
    """The initiative publishes its proposal, or takes it off the public pages."""
    traject = _traject(request, pk, INI)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    openbaar = request.POST.get("openbaar") == "1"
    try:
        services.voorstel_openbaar_zetten(
            voorstel=voorstel_obj, door=request.user, openbaar=openbaar
        )
    except IntakeFout as exc:
        messages.error(request, str(exc))
    else:
        if openbaar:
            messages.success(
                request, _("Het voorstel is openbaar. Iedereen kan het zien en steunen.")
            )
        else:
            messages.success(request, _("Het voorstel is niet meer openbaar."))
    return redirect("initiatieven:voorstel", pk=traject.pk)


@login_required
@require_POST
def voorstel_aanmaken(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the proposal of a draft traject that has none yet."""
    traject = _traject(request, pk, INI)
    try:
        services.voorstel_bij_traject(traject=traject, door=request.user)
    except IntakeFout as exc:
        raise PermissionDenied(str(exc)) from exc
    return redirect("initiatieven:voorstel_wijzigen", pk=traject.pk)


def _concept_voor_initiatief(request: HttpRequest, pk: int):
    traject = _traject(request, pk, INI)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    if traject.status != TrajectStatus.CONCEPT:
        raise PermissionDenied(_("Dit voorstel is al ingediend en kan niet meer worden gewijzigd."))
    return traject, voorstel_obj


@login_required
@require_http_methods(["GET", "POST"])
def voorstel_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Two forms and a formset saved together: not through ``formulier_afhandelen``."""
    traject, voorstel_obj = _concept_voor_initiatief(request, pk)
    data = _post(request)
    voorstel_form = VoorstelForm(data, instance=voorstel_obj, prefix="voorstel")
    initiatief_form = InitiatiefForm(data, instance=voorstel_obj.initiatief, prefix="initiatief")
    formset = ContactpersoonFormSet(data, instance=voorstel_obj.initiatief, prefix="contact")
    geldig = voorstel_form.is_valid() & initiatief_form.is_valid() & formset.is_valid()
    if request.method == "POST" and geldig:
        try:
            services.voorstel_opslaan(
                voorstel=voorstel_obj,
                door=request.user,
                voorstel_form=voorstel_form,
                initiatief_form=initiatief_form,
                formset=formset,
            )
        except IntakeFout as exc:
            voorstel_form.add_error(None, str(exc))
        else:
            messages.success(request, _("Uw voorstel is opgeslagen als concept."))
            if "indienen" in request.POST:
                return redirect("aanbesteden:transitie", pk=traject.pk, transitie="indienen")
            return redirect("initiatieven:voorstel", pk=traject.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatieven/voorstel_wijzigen.html",
        {
            "traject": traject,
            "voorstel": voorstel_obj,
            "voorstel_form": voorstel_form,
            "initiatief_form": initiatief_form,
            "formset": formset,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def bijlagen(request: HttpRequest, pk: int) -> HttpResponse:
    traject, voorstel_obj = _concept_voor_initiatief(request, pk)

    def bewaren(form):
        services.bijlage_toevoegen(
            voorstel=voorstel_obj,
            door=request.user,
            bestand=form.cleaned_data["bestand"],
            mime=form.mime,
            soort=form.cleaned_data["soort"],
        )
        messages.success(request, _("De bijlage is toegevoegd."))
        return redirect("initiatieven:bijlagen", pk=traject.pk)

    return formulier_afhandelen(
        request,
        BijlageForm(_post(request), request.FILES if request.method == "POST" else None),
        template="initiatieven/bijlagen.html",
        context=lambda: {
            "traject": traject,
            "voorstel": voorstel_obj,
            "bijlagen": voorstel_obj.bijlagen.all(),
        },
        bewaren=bewaren,
        weigering=IntakeFout,
    )


@login_required
@require_POST
def bijlage_verwijderen(request: HttpRequest, pk: int, bijlage: int) -> HttpResponse:
    traject, voorstel_obj = _concept_voor_initiatief(request, pk)
    bijlage_obj = selectors.bijlage_get(voorstel=voorstel_obj, pk=bijlage)
    try:
        services.bijlage_verwijderen(bijlage=bijlage_obj, door=request.user)
    except IntakeFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De bijlage is verwijderd."))
    return redirect("initiatieven:bijlagen", pk=traject.pk)


@login_required
def bijlage_downloaden(request: HttpRequest, pk: int, bijlage: int) -> FileResponse:
    traject = _traject(request, pk, A, INI)
    voorstel_obj = selectors.voorstel_get(traject=traject)
    bijlage_obj = selectors.bijlage_get(voorstel=voorstel_obj, pk=bijlage)
    return _bestand(bijlage_obj.bestand, bijlage_obj.naam, bijlage_obj.mime)


@login_required
@require_http_methods(["GET", "POST"])
def steun(request: HttpRequest, pk: int) -> HttpResponse:
    traject, voorstel_obj = _concept_voor_initiatief(request, pk)

    def bewaren(form):
        limiet_bewaken(request, soort="steun", adres=form.cleaned_data["email"], traject=traject.pk)
        services.steun_vragen(
            voorstel=voorstel_obj,
            door=request.user,
            naam=form.cleaned_data["naam"],
            email=form.cleaned_data["email"],
        )
        messages.success(request, _("Wij hebben een e-mail met een bevestigingslink gestuurd."))
        return redirect("initiatieven:steun", pk=traject.pk)

    def context():
        steunbetuigingen = list(voorstel_obj.steunbetuigingen.order_by("pk"))
        return {
            "traject": traject,
            "voorstel": voorstel_obj,
            "steunbetuigingen": steunbetuigingen,
            "bevestigd": sum(1 for s in steunbetuigingen if s.bevestigd_op),
        }

    return formulier_afhandelen(
        request,
        SteunForm(_post(request)),
        template="initiatieven/steun.html",
        context=context,
        bewaren=bewaren,
        weigering=IntakeFout,
    )


@require_http_methods(["GET", "POST"])
def steun_bevestigen(request: HttpRequest, token: str) -> HttpResponse:
    """Public: a supporter confirms with the link from the mail (a button, so that mail
    scanners opening the link do not confirm), or withdraws the support with the same link."""
    if request.method == "POST" and "intrekken" in request.POST:
        if not services.steun_intrekken(token=token):
            return render(
                request, "initiatieven/steun_bevestigen.html", {"ongeldig": True}, status=404
            )
        return render(request, "initiatieven/steun_bevestigen.html", {"ingetrokken": True})
    if request.method == "POST":
        steun_obj = services.steun_bevestigen(token=token)
        if steun_obj is None:
            return render(
                request, "initiatieven/steun_bevestigen.html", {"ongeldig": True}, status=404
            )
        return render(
            request,
            "initiatieven/steun_bevestigen.html",
            {"bevestigd": steun_obj, "token": token},
        )
    steun_obj = selectors.steun_bij_token(token=token)
    if steun_obj is None:
        return render(request, "initiatieven/steun_bevestigen.html", {"ongeldig": True}, status=404)
    return render(
        request, "initiatieven/steun_bevestigen.html", {"steun": steun_obj, "token": token}
    )
