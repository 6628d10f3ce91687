"""Pages of phase 4: the agreement version, its clauses and texts, fixing, the PDFs, signing,
refusing, the clause library and the public verification page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden.constants import Rol, TrajectStatus
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.models import Gemeente
from aanbesteden.permissions import traject_rollen, vereis, vereis_rol
from aanbesteden.selectors import traject_get
from accounts.constants import InlogMiddel
from accounts.oidc import identiteit_vers, sessie_identiteit

from . import selectors, services, zegel
from .constants import PdfStatus, VersieStatus
from .forms import (
    ClausuleForm,
    TekenenForm,
    VaststellenForm,
    VerifierenForm,
    VersieClausuleForm,
    VersieForm,
    WeigerenForm,
)
from .models import Clausule, Ondertekening, VersieClausule


def _versie(request: HttpRequest, pk, nummer):
    traject = traject_get(user=request.user, pk=pk)
    rollen = traject_rollen(request.user, traject)
    versie = selectors.versie_get(traject=traject, nummer=nummer)
    if not selectors.mag_versie_zien(request.user, versie, rollen):
        raise PermissionDenied
    return traject, versie, rollen


def _concept_voor_ambtenaar(request: HttpRequest, pk, nummer):
    traject, versie, rollen = _versie(request, pk, nummer)
    vereis_rol(request.user, traject, Rol.AMBTENAAR)
    return traject, versie


def _terug(versie):
    return redirect("overdracht:versie", pk=versie.traject_id, nummer=versie.nummer)


def _formulier(request, traject, versie, form, *, bewaren, titel, knop, uitleg=""):
    """A form page on a version of the agreement, handled the one way
    (``formulier_afhandelen``)."""
    return formulier_afhandelen(
        request,
        form,
        template="formulier.html",
        context={
            "traject": traject,
            "versie": versie,
            "titel": titel,
            "inleiding": _("Overeenkomst voor “%(titel)s”, versie %(nummer)s.")
            % {"titel": traject.titel, "nummer": versie.nummer},
            "uitleg": uitleg,
            "knop": knop,
            "terug": reverse(
                "overdracht:versie", kwargs={"pk": traject.pk, "nummer": versie.nummer}
            ),
            "terug_tekst": _("Terug naar de overeenkomst"),
        },
        bewaren=bewaren,
        weigering=services.OvereenkomstFout,
    )


def _buiten_overdracht(request: HttpRequest, traject, versie) -> HttpResponse | None:
    """Back to the version, with the reason, when a page of the agreement is opened or sent
    after the traject left the phase formele overdracht (an old tab, a back button)."""
    if traject.status == TrajectStatus.OVERDRACHT:
        return None
    messages.error(request, _("Het traject is niet in de fase formele overdracht."))
    return _terug(versie)


@login_required
def versie_detail(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie, rollen = _versie(request, pk, nummer)
    in_overdracht = traject.status == TrajectStatus.OVERDRACHT
    vorige = selectors.vorige_versie(versie)
    clausules = list(versie.clausules.all())
    verschillen = (
        selectors.versie_verschillen(
            selectors.volledige_inhoud(vorige), selectors.volledige_inhoud(versie, clausules)
        )
        if vorige is not None
        else []
    )
    return render(
        request,
        "overdracht/versie.html",
        {
            "traject": traject,
            "versie": versie,
            "i": versie.inhoud,
            "teksten": selectors.versie_teksten(versie),
            "clausules": clausules,
            "ondertekeningen": list(versie.ondertekeningen.all()),
            "eigen": selectors.eigen_ondertekeningen(request.user, versie) if in_overdracht else [],
            "ambtenaar": Rol.AMBTENAAR in rollen,
            "vorige": vorige,
            "verschillen": verschillen,
            "concept": in_overdracht and versie.status == VersieStatus.CONCEPT,
            "opnieuw": in_overdracht
            and Rol.AMBTENAAR in rollen
            and versie.status != VersieStatus.VERVANGEN
            and (
                PdfStatus.MISLUKT in (versie.pdf_status, versie.verzegeld_status)
                or versie.werk_te_laat
            ),
        },
    )


@login_required
@require_POST
def opstellen(request: HttpRequest, pk: int) -> HttpResponse:
    """Draw up the agreement of a traject in overdracht that has no open version (for
    trajecten that entered the phase before it drew agreements up by itself)."""
    traject = traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, Rol.AMBTENAAR)
    if traject.status != TrajectStatus.OVERDRACHT:
        messages.error(request, _("Het traject is niet in de fase formele overdracht."))
        return redirect(traject.get_absolute_url())
    versie = services.versie_opstellen(traject=traject, door=request.user)
    return _terug(versie)


@login_required
@require_http_methods(["GET", "POST"])
def versie_bewerken(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie = _concept_voor_ambtenaar(request, pk, nummer)
    if niet_nu := _buiten_overdracht(request, traject, versie):
        return niet_nu
    if versie.status != VersieStatus.CONCEPT:
        messages.error(
            request, _("Deze versie is al vastgesteld en kan niet meer worden gewijzigd.")
        )
        return _terug(versie)

    def bewaren(form):
        services.versie_wijzigen(versie=versie, door=request.user, **form.cleaned_data)
        messages.success(request, _("De teksten van de overeenkomst zijn opgeslagen."))
        return _terug(versie)

    return _formulier(
        request,
        traject,
        versie,
        VersieForm(request.POST or None, instance=versie),
        bewaren=bewaren,
        titel=_("Teksten en looptijd wijzigen"),
        knop=_("Opslaan"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def clausule_toevoegen(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie = _concept_voor_ambtenaar(request, pk, nummer)
    if niet_nu := _buiten_overdracht(request, traject, versie):
        return niet_nu
    form = VersieClausuleForm(request.POST or None, gemeente=traject.gemeente)
    return _clausule_opslaan(request, traject, versie, form, None, _("Clausule toevoegen"))


@login_required
@require_http_methods(["GET", "POST"])
def clausule_bewerken(request: HttpRequest, pk: int, nummer: int, id: int) -> HttpResponse:
    traject, versie = _concept_voor_ambtenaar(request, pk, nummer)
    if niet_nu := _buiten_overdracht(request, traject, versie):
        return niet_nu
    clausule = get_object_or_404(VersieClausule, pk=id, versie=versie)
    form = VersieClausuleForm(
        request.POST or None,
        initial={"titel": clausule.titel, "tekst": clausule.tekst},
        met_bron=False,
    )
    return _clausule_opslaan(request, traject, versie, form, clausule, _("Clausule wijzigen"))


def _clausule_opslaan(request, traject, versie, form, clausule, titel):
    def bewaren(form):
        services.versie_clausule_opslaan(
            versie=versie,
            door=request.user,
            titel=form.cleaned_data["titel"],
            tekst=form.cleaned_data["tekst"],
            bron=form.cleaned_data.get("bron"),
            clausule=clausule,
        )
        messages.success(request, _("De clausule is opgeslagen."))
        return _terug(versie)

    return _formulier(
        request, traject, versie, form, bewaren=bewaren, titel=titel, knop=_("Opslaan")
    )


@login_required
@require_POST
def clausule_verwijderen(request: HttpRequest, pk: int, nummer: int, id: int) -> HttpResponse:
    traject, versie = _concept_voor_ambtenaar(request, pk, nummer)
    clausule = get_object_or_404(VersieClausule, pk=id, versie=versie)
    try:
        services.versie_clausule_verwijderen(clausule=clausule, door=request.user)
    except services.OvereenkomstFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De clausule is verwijderd."))
    return _terug(versie)


@login_required
@require_http_methods(["GET", "POST"])
def vaststellen(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie = _concept_voor_ambtenaar(request, pk, nummer)
    if niet_nu := _buiten_overdracht(request, traject, versie):
        return niet_nu
    if versie.status != VersieStatus.CONCEPT:
        messages.info(request, _("Deze versie is al vastgesteld."))
        return _terug(versie)
    form = VaststellenForm(
        request.POST or None, ambtenaren=selectors.tekenbevoegde_ambtenaren(traject=traject)
    )

    def bewaren(form):
        services.versie_vaststellen(
            versie=versie,
            door=request.user,
            gemeente_ondertekenaar=form.cleaned_data["ondertekenaar"],
        )
        messages.success(
            request,
            _("De versie is vastgesteld. De PDF wordt gemaakt; daarna kan iedereen tekenen."),
        )
        return _terug(versie)

    return _formulier(
        request,
        traject,
        versie,
        form,
        bewaren=bewaren,
        titel=_("Versie vaststellen"),
        knop=_("Vaststellen"),
        uitleg=_(
            "Na het vaststellen kan de tekst niet meer veranderen. Van de vastgestelde "
            "versie wordt een PDF gemaakt die alle partijen ondertekenen."
        ),
    )


@login_required
@require_POST
def pdf_opnieuw(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie = _concept_voor_ambtenaar(request, pk, nummer)
    try:
        services.versie_pdf_opnieuw(versie=versie, door=request.user)
    except services.OvereenkomstFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("We proberen het opnieuw."))
    return _terug(versie)


def _bestand(veld, naam: str) -> FileResponse:
    try:
        bestand = veld.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(bestand, as_attachment=False, filename=naam, content_type="application/pdf")


@login_required
def pdf(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie, rollen = _versie(request, pk, nummer)
    if versie.pdf_status != PdfStatus.KLAAR or not versie.pdf:
        raise Http404
    return _bestand(versie.pdf, f"overeenkomst-{traject.pk}-versie-{versie.nummer}.pdf")


@login_required
def verzegeld_pdf(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    traject, versie, rollen = _versie(request, pk, nummer)
    if versie.status != VersieStatus.VERZEGELD or not versie.verzegeld_pdf:
        raise Http404
    return _bestand(
        versie.verzegeld_pdf, f"overeenkomst-{traject.pk}-versie-{versie.nummer}-verzegeld.pdf"
    )


def _eigen_ondertekening(request, pk, nummer, id) -> tuple:
    traject, versie, rollen = _versie(request, pk, nummer)
    ondertekening = get_object_or_404(Ondertekening, pk=id, versie=versie)
    if ondertekening.ondertekenaar_id != request.user.pk:
        raise PermissionDenied
    return traject, versie, ondertekening


def _identiteit_context(request, traject, ondertekening) -> dict:
    """What the signing page says about the identity the gemeente asks: which means, whether
    this session has it, and where to log in with it (back to this page)."""
    vereist = selectors.vereist_middel(ondertekening, traject)
    if vereist is None:
        return {"vereist_middel": None}
    middel, kvk = vereist
    identiteit = sessie_identiteit(request)
    aanbieder = selectors.aanbieder_voor(middel, traject)
    return {
        "vereist_middel": InlogMiddel(middel),
        "vereist_kvk": kvk,
        "identiteit": identiteit,
        "identiteit_past": identiteit.get("middel") == middel
        and identiteit_vers(identiteit)
        and (not kvk or identiteit.get("kvk") == kvk),
        "aanbieder_url": (
            reverse("accounts:oidc_start", kwargs={"code": aanbieder.code})
            + "?"
            + urlencode({"next": request.get_full_path()})
        )
        if aanbieder
        else "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def tekenen(request: HttpRequest, pk: int, nummer: int, id: int) -> HttpResponse:
    traject, versie, ondertekening = _eigen_ondertekening(request, pk, nummer, id)
    if ondertekening.getekend_op is not None:
        messages.info(request, _("U hebt deze versie al ondertekend."))
        return _terug(versie)
    kan_tekenen = (
        traject.status == TrajectStatus.OVERDRACHT
        and versie.status == VersieStatus.VASTGESTELD
        and versie.pdf_status == PdfStatus.KLAAR
        and ondertekening.geweigerd_op is None
    )
    form = TekenenForm(
        request.POST or None,
        initial={"pdf_sha256": versie.pdf_sha256},
        naam_bekend=bool(ondertekening.naam),
    )

    def bewaren(form):
        _rij, nieuw = services.ondertekening_tekenen(
            ondertekening_id=ondertekening.pk,
            door=request.user,
            ip_adres=request.META.get("REMOTE_ADDR"),
            getypte_naam=form.cleaned_data["naam"],
            pdf_sha256=form.cleaned_data["pdf_sha256"],
            identiteit=sessie_identiteit(request),
        )
        if nieuw:
            messages.success(request, _("Dank u wel. Uw handtekening is vastgelegd."))
        else:
            messages.info(request, _("U hebt deze versie al ondertekend."))
        return _terug(versie)

    return formulier_afhandelen(
        request,
        form,
        template="overdracht/tekenen.html",
        context=lambda: {
            "traject": traject,
            "versie": versie,
            "ondertekening": ondertekening,
            "kan_tekenen": kan_tekenen,
            "instemmingstekst": services.instemmingstekst(ondertekening, versie),
            **_identiteit_context(request, traject, ondertekening),
        },
        bewaren=bewaren,
        weigering=services.OvereenkomstFout,
    )


@login_required
@require_http_methods(["GET", "POST"])
def weigeren(request: HttpRequest, pk: int, nummer: int, id: int) -> HttpResponse:
    traject, versie, ondertekening = _eigen_ondertekening(request, pk, nummer, id)

    def bewaren(form):
        services.ondertekening_weigeren(
            ondertekening_id=ondertekening.pk,
            door=request.user,
            reden=form.cleaned_data["reden"],
        )
        messages.success(
            request,
            _("U hebt niet getekend. Het traject gaat terug naar de route voor een nieuwe versie."),
        )
        return traject.get_absolute_url()

    return _formulier(
        request,
        traject,
        versie,
        WeigerenForm(request.POST or None),
        bewaren=bewaren,
        titel=_("Niet tekenen"),
        knop=_("Niet tekenen"),
        uitleg=_(
            "Als u niet tekent, vervalt deze versie en gaat het traject terug naar de route. "
            "Daarna volgt een nieuwe versie die iedereen opnieuw tekent."
        ),
    )


# --- the clause library of a gemeente ---------------------------------------------------------
def _bibliotheek_van(request, slug):
    gemeente = get_object_or_404(Gemeente, slug=slug)
    vereis(request.user, "overdracht.bibliotheek", gemeente)
    return gemeente


@login_required
def bibliotheek(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = _bibliotheek_van(request, gemeente)
    return render(
        request,
        "overdracht/bibliotheek.html",
        {
            "gemeente": gemeente_obj,
            "clausules": selectors.clausules_van_gemeente(gemeente=gemeente_obj),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def bibliotheek_clausule(
    request: HttpRequest, gemeente: str, id: int | None = None
) -> HttpResponse:
    gemeente_obj = _bibliotheek_van(request, gemeente)
    vereis(request.user, "gemeente.beheerder", gemeente_obj)
    clausule = get_object_or_404(Clausule, pk=id, gemeente=gemeente_obj) if id else None

    def bewaren(form):
        services.clausule_opslaan(
            gemeente=gemeente_obj, door=request.user, clausule=clausule, **form.cleaned_data
        )
        messages.success(request, _("De clausule is opgeslagen."))
        return redirect("overdracht:bibliotheek", gemeente=gemeente_obj.slug)

    return formulier_afhandelen(
        request,
        ClausuleForm(request.POST or None, instance=clausule),
        template="overdracht/bibliotheek_clausule.html",
        context={"gemeente": gemeente_obj, "clausule": clausule},
        bewaren=bewaren,
        weigering=services.OvereenkomstFout,
    )


# --- public verification ------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def verifieren(request: HttpRequest) -> HttpResponse:
    """Anyone may check a PDF the platform sealed: an agreement or a decision letter. A check,
    not a save (no service refusal; a forged PDF answers 422): left out of
    ``formulier_afhandelen``."""
    from initiatieven.selectors import besluitbrief_voor_sha256

    form = VerifierenForm(request.POST or None, request.FILES or None)
    uitslag = versie = besluitbrief = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            uitslag = zegel.pdf_controleren(form.cleaned_data["data"])
            if uitslag.echt:
                versie = selectors.versie_voor_sha256(uitslag.sha256)
                if versie is None:
                    besluitbrief = besluitbrief_voor_sha256(uitslag.sha256)
            else:
                status = 422
        else:
            status = 400
    return render(
        request,
        "overdracht/verifieren.html",
        {
            "form": form,
            "uitslag": uitslag,
            "versie": versie,
            "besluitbrief": besluitbrief,
            "ondertekeningen": list(
                versie.ondertekeningen.filter(getekend_op__isnull=False).order_by("pk")
            )
            if versie is not None
            else [],
        },
        status=status,
    )
