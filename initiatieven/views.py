"""Pages of the intake and phase 1. Thin: forms validate, services write, selectors read."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden import selectors as kern
from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.fasen import fasen
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.limieten import limiet_bewaken
from aanbesteden.models import Gemeente
from aanbesteden.permissions import traject_rollen, vereis, vereis_rol
from aanbesteden.services import TransitieGeweigerd
from aanbesteden.transities import TRANSITIES
from accounts.selectors import identiteit_aanbieders_voor_gemeente

from . import selectors, services
from .bestandscontrole import TOEGESTAAN, download_naam
from .constants import DocumentStatus, ReactiePlek
from .forms import (
    BeoordelingForm,
    BesluitForm,
    BijlageForm,
    ContactpersoonFormSet,
    CriteriumFormSet,
    HorizonForm,
    IndicatorFormSet,
    InitiatiefForm,
    OpenbareSteunForm,
    OpgaveForm,
    ReactieForm,
    ReactieMeldenForm,
    ReactieVerbergenForm,
    SteunForm,
    VoorstelForm,
    VoorstelStartForm,
)
from .services import IntakeFout

A, INI = Rol.AMBTENAAR, Rol.INITIATIEFNEMER

#: Published proposals on a gemeente's public page (the rest through the register and search).
OPENBAAR_OP_PAGINA = 20


def _gemeente_voor_ambtenaar(request: HttpRequest, slug: str, beheerder: bool = False) -> Gemeente:
    gemeente = get_object_or_404(Gemeente, slug=slug)
    vereis(request.user, "gemeente.beheerder" if beheerder else "gemeente.medewerker", gemeente)
    return gemeente


def _post(request: HttpRequest):
    """The POST data of a POST (also when empty, so that an empty form shows its errors)."""
    return request.POST if request.method == "POST" else None


def _traject(request: HttpRequest, pk: int, *rollen: str):
    traject = kern.traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, *rollen)
    return traject


def _bestand(veld, naam: str, mime: str) -> FileResponse:
    """A download: always as an attachment, with the type its content showed on upload and a
    name with that type's extension (never the extension someone typed)."""
    try:
        bestand = veld.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    if mime not in TOEGESTAAN:
        mime = "application/octet-stream"
    antwoord = FileResponse(
        bestand, as_attachment=True, filename=download_naam(naam, mime), content_type=mime
    )
    antwoord["X-Content-Type-Options"] = "nosniff"
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord


# --- public: calls --------------------------------------------------------------------------
def gemeente(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The public page of one gemeente, with its open calls."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    opgaven = selectors.open_opgaven(gemeente=gemeente_obj)
    voorstellen = list(selectors.openbare_voorstellen(gemeente=gemeente_obj)[:OPENBAAR_OP_PAGINA])
    return render(
        request,
        "initiatieven/gemeente.html",
        {"gemeente": gemeente_obj, "opgaven": opgaven, "voorstellen": voorstellen},
    )


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


# --- reactions on public pages ----------------------------------------------------------------
def reacties_context(request: HttpRequest, *, traject, plek: str, actie: str, form=None) -> dict:
    """What a public page shows of its reactions (``initiatieven/_reacties.html``): the
    reactions, the form, and whether the visitor answers for the initiative or moderates for
    the gemeente."""
    rollen = traject_rollen(request.user, traject) if request.user.is_authenticated else set()
    reacties = selectors.reacties_op_pagina(traject=traject, plek=plek)
    if form is None:
        form = ReactieForm(
            ingelogd=request.user.is_authenticated,
            antwoorden=_te_beantwoorden(reacties) if INI in rollen else None,
        )
    return {
        "reacties": reacties,
        "reactie_form": form,
        "reactie_actie": actie,
        "reactie_initiatief": INI in rollen,
        "reactie_ambtenaar": A in rollen,
    }


def _te_beantwoorden(reacties) -> list[tuple[int, str]]:
    return [
        (r.pk, f"{r.naam or _('Een bewoner')}: {r.tekst[:60]}")
        for r in reacties
        if r.verborgen_op is None and not r.van_initiatief
    ]


def reactie_verwerken(request: HttpRequest, *, traject, plek: str, pagina: str):
    """Handle a reaction sent from a public page: ``(None, redirect)`` when placed, else
    ``(form, None)`` for the page to show again with the form's messages (status 400). Not
    through ``formulier_afhandelen``: the form belongs to whichever public page sent it, and
    that page (proposal or register) shows it again with its own context."""
    reacties = selectors.reacties_op_pagina(traject=traject, plek=plek)
    initiatief = request.user.is_authenticated and INI in traject_rollen(request.user, traject)
    form = ReactieForm(
        request.POST,
        ingelogd=request.user.is_authenticated,
        antwoorden=_te_beantwoorden(reacties) if initiatief else None,
    )
    if not form.is_valid():
        return form, None
    email = form.cleaned_data.get("email") or getattr(request.user, "email", "")
    limiet_bewaken(request, soort="reactie", adres=email)
    antwoord_op = None
    if form.cleaned_data.get("antwoord_op"):
        antwoord_op = next((r for r in reacties if r.pk == form.cleaned_data["antwoord_op"]), None)
    try:
        services.reactie_plaatsen(
            traject=traject,
            plek=plek,
            tekst=form.cleaned_data["tekst"],
            pagina=pagina,
            door=request.user if request.user.is_authenticated else None,
            naam=form.cleaned_data["naam"],
            email=form.cleaned_data.get("email", ""),
            antwoord_op=antwoord_op,
        )
    except IntakeFout as exc:
        form.add_error(None, str(exc))
        return form, None
    if request.user.is_authenticated:
        messages.success(request, _("Uw reactie staat op de pagina."))
    else:
        messages.success(
            request,
            _("Kijk in uw e-mail. Klik op de link in de e-mail, dan is uw reactie te zien."),
        )
    return None, redirect(pagina)


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
def reactie_bevestigen(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the link from the mail shows a button; pressing it confirms the reaction."""
    if request.method == "POST":
        reactie = services.reactie_bevestigen(token=token)
        if reactie is None:
            return render(
                request, "initiatieven/reactie_bevestigen.html", {"ongeldig": True}, status=404
            )
        return render(request, "initiatieven/reactie_bevestigen.html", {"reactie": reactie})
    return render(request, "initiatieven/reactie_bevestigen.html", {"token": token})


@require_http_methods(["GET", "POST"])
def reactie_melden(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: report a reaction to the gemeente, with a reason."""
    reactie = selectors.reactie_get(pk=pk)

    def bewaren(form):
        limiet_bewaken(request, soort="reactie_melden")
        services.reactie_melden(reactie=reactie, reden=form.cleaned_data["reden"])
        messages.success(request, _("Dank u wel. De gemeente kijkt naar uw melding."))
        return reactie.pagina or "/"

    return formulier_afhandelen(
        request,
        ReactieMeldenForm(_post(request)),
        template="initiatieven/reactie_actie.html",
        context={"reactie": reactie, "verbergen": False},
        bewaren=bewaren,
        weigering=None,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reactie_verbergen(request: HttpRequest, pk: int) -> HttpResponse:
    """The gemeente's officials hide a reaction, with a reason everyone reads."""
    reactie = selectors.reactie_get(pk=pk)
    kern.traject_get(user=request.user, pk=reactie.traject_id)  # 404 outside one's gemeente
    vereis_rol(request.user, reactie.traject, A)

    def bewaren(form):
        services.reactie_verbergen(
            reactie=reactie, door=request.user, reden=form.cleaned_data["reden"]
        )
        messages.success(request, _("De reactie is verborgen. Het initiatief krijgt bericht."))
        return redirect("initiatieven:reacties_beheer", gemeente=reactie.traject.gemeente.slug)

    return formulier_afhandelen(
        request,
        ReactieVerbergenForm(_post(request)),
        template="initiatieven/reactie_actie.html",
        context={"reactie": reactie, "verbergen": True},
        bewaren=bewaren,
        weigering=None,
    )


@login_required
@require_http_methods(["GET"])
def reacties_beheer(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The gemeente's officials: reactions on its public pages, reported ones first."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    return render(
        request,
        "initiatieven/reacties_beheer.html",
        {"gemeente": gemeente_obj, "reacties": selectors.gemeente_reacties(gemeente=gemeente_obj)},
    )


def opgave(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    opgave_obj = selectors.opgave_publiek_get(gemeente=gemeente_obj, pk=pk)
    return render(
        request, "initiatieven/opgave.html", {"gemeente": gemeente_obj, "opgave": opgave_obj}
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


# --- officials: calls -----------------------------------------------------------------------
@login_required
def opgaven_beheer(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    pagina = Paginator(selectors.gemeente_opgaven(gemeente=gemeente_obj), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request, "initiatieven/opgaven_beheer.html", {"gemeente": gemeente_obj, "pagina": pagina}
    )


@login_required
@require_http_methods(["GET", "POST"])
def opgave_bewerken(request: HttpRequest, gemeente: str, pk: int | None = None) -> HttpResponse:
    """Not through ``formulier_afhandelen``: the service's ``ValidationError`` (the model's own
    checks) also goes on the form, besides its refusal."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    opgave_obj = selectors.opgave_get(gemeente=gemeente_obj, pk=pk) if pk else None
    form = OpgaveForm(_post(request), instance=opgave_obj)
    if request.method == "POST" and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in form.Meta.fields}
        try:
            opgave_obj = services.opgave_opslaan(
                gemeente=gemeente_obj, door=request.user, velden=velden, opgave=opgave_obj
            )
        except IntakeFout as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De opgave is opgeslagen."))
            return redirect("initiatieven:opgaven_beheer", gemeente=gemeente_obj.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatieven/opgave_bewerken.html",
        {"gemeente": gemeente_obj, "opgave": opgave_obj, "form": form},
        status=status,
    )


@login_required
@require_POST
def opgave_status(request: HttpRequest, gemeente: str, pk: int, actie: str) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    opgave_obj = selectors.opgave_get(gemeente=gemeente_obj, pk=pk)
    service = {"publiceren": services.opgave_publiceren, "sluiten": services.opgave_sluiten}.get(
        actie
    )
    if service is None:
        raise Http404
    try:
        service(opgave=opgave_obj, door=request.user)
    except IntakeFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("De opgave is gepubliceerd.")
            if actie == "publiceren"
            else _("De opgave is gesloten."),
        )
    return redirect("initiatieven:opgaven_beheer", gemeente=gemeente_obj.slug)


@login_required
def vergelijken(request: HttpRequest, gemeente: str, pk: int) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    opgave_obj = selectors.opgave_get(gemeente=gemeente_obj, pk=pk)
    return render(
        request,
        "initiatieven/vergelijken.html",
        {
            "gemeente": gemeente_obj,
            "opgave": opgave_obj,
            **selectors.vergelijking(opgave=opgave_obj),
        },
    )


@login_required
def voorstellen(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The officials' list of submitted proposals with their decision terms."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    alleen_open = request.GET.get("open") == "1"
    lijst = selectors.gemeente_voorstellen(gemeente=gemeente_obj, alleen_open=alleen_open)
    pagina = Paginator(lijst, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "initiatieven/voorstellen.html",
        {"gemeente": gemeente_obj, "pagina": pagina, "alleen_open": alleen_open},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criteria(request: HttpRequest, gemeente: str) -> HttpResponse:
    """Beheerders manage their gemeente's assessment criteria. A formset, not a form: not
    through ``formulier_afhandelen``."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente, beheerder=True)
    qs = selectors.criteria_beheer(gemeente=gemeente_obj)
    formset = CriteriumFormSet(_post(request), queryset=qs, prefix="criteria")
    if request.method == "POST" and formset.is_valid():
        services.criteria_opslaan(gemeente=gemeente_obj, door=request.user, formset=formset)
        messages.success(request, _("De beoordelingscriteria zijn opgeslagen."))
        return redirect("initiatieven:criteria", gemeente=gemeente_obj.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatieven/criteria.html",
        {"gemeente": gemeente_obj, "formset": formset},
        status=status,
    )


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
