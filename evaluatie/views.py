"""Pages of phase 5. Thin: forms validate, services write, selectors read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aanbesteden import selectors as kern
from aanbesteden.constants import Rol
from aanbesteden.formulieren import formulier_afhandelen
from aanbesteden.opmaak import datum as datum_tekst
from aanbesteden.permissions import traject_rollen, vereis_rol

from . import selectors, services
from .agenda import agenda_ics
from .forms import (
    BesluitForm,
    BijdrageForm,
    ExitplanForm,
    MomentToevoegenForm,
    MomentVerplaatsenForm,
    VerankeringForm,
    VisieForm,
)

A, INI, P = Rol.AMBTENAAR, Rol.INITIATIEFNEMER, Rol.PARTNER


def _formulier(
    request, form, *, bewaren, traject, titel, terug=None, template="formulier.html", **extra
):
    """A form page of this app, handled the one way (``formulier_afhandelen``); a refusal of
    the evaluation answers 409."""
    return formulier_afhandelen(
        request,
        form,
        template=template,
        context={
            "traject": traject,
            "titel": titel,
            "inleiding": _("Traject “%(titel)s”.") % {"titel": traject.titel},
            "knop": _("Opslaan"),
            "terug": terug,
            "terug_tekst": _("Terug"),
            **extra,
        },
        bewaren=bewaren,
        weigering=services.EvaluatieFout,
        status_weigering=409,
    )


def _moment_url(traject, moment) -> str:
    return reverse("evaluatie:moment", kwargs={"pk": traject.pk, "moment": moment.pk})


@login_required
def momenten(request: HttpRequest, pk: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    rollen = traject_rollen(request.user, traject)
    return render(
        request,
        "evaluatie/momenten.html",
        {
            "traject": traject,
            "momenten": selectors.momenten(traject=traject),
            "is_ambtenaar": A in rollen,
            "form": MomentToevoegenForm() if A in rollen else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def moment_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, A)
    terug = reverse("evaluatie:momenten", kwargs={"pk": traject.pk})

    def bewaren(form):
        services.moment_toevoegen(
            traject=traject, datum=form.cleaned_data["datum"], door=request.user
        )
        messages.success(request, _("Het extra evaluatiemoment is gepland."))
        return terug

    return _formulier(
        request,
        MomentToevoegenForm(request.POST or None),
        bewaren=bewaren,
        traject=traject,
        titel=_("Extra evaluatiemoment"),
        terug=terug,
    )


@login_required
@require_http_methods(["GET", "POST"])
def moment_verplaatsen(request: HttpRequest, pk: int, moment: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    moment_obj = selectors.moment_get(traject=traject, pk=moment)
    vereis_rol(request.user, traject, A)
    form = MomentVerplaatsenForm(request.POST or None, initial={"datum": moment_obj.gepland_op})
    titel = _("Evaluatiemoment van %(datum)s verplaatsen") % {
        "datum": datum_tekst(moment_obj.gepland_op)
    }
    terug = reverse("evaluatie:momenten", kwargs={"pk": traject.pk})

    def bewaren(form):
        services.moment_verplaatsen(
            moment=moment_obj,
            datum=form.cleaned_data["datum"],
            reden=form.cleaned_data["reden"],
            door=request.user,
        )
        messages.success(request, _("Het evaluatiemoment is verplaatst."))
        return terug

    return _formulier(request, form, bewaren=bewaren, traject=traject, titel=titel, terug=terug)


@login_required
def moment_detail(request: HttpRequest, pk: int, moment: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    moment_obj = selectors.moment_get(traject=traject, pk=moment)
    rollen = traject_rollen(request.user, traject)
    evaluatie = selectors.evaluatie_van(moment=moment_obj)
    return render(
        request,
        "evaluatie/moment.html",
        {
            "traject": traject,
            "moment": moment_obj,
            "evaluatie": evaluatie,
            "bijdragen": list(evaluatie.bijdragen.all()) if evaluatie else [],
            "ontbrekend": selectors.ontbrekende_partijen(moment=moment_obj),
            "open": moment_obj.status == "gepland"
            and traject.status == "evaluatie"
            and not (evaluatie and evaluatie.besloten_op),
            "is_ambtenaar": A in rollen,
            "is_partij": bool(rollen & {INI, P}),
        },
    )


def _partij(request, traject):
    """The part the user fills in: the initiative's (``None``) or their partner's."""
    rollen = traject_rollen(request.user, traject)
    if INI in rollen:
        return None
    if P in rollen:
        partner = selectors.partner_van(traject=traject, user=request.user)
        if partner is None:
            raise PermissionDenied(_("U staat niet als bevestigde partner bij dit traject."))
        return partner
    raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def bijdrage(request: HttpRequest, pk: int, moment: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    moment_obj = selectors.moment_get(traject=traject, pk=moment)
    partner = _partij(request, traject)
    bestaand = selectors.bijdrage_van(moment=moment_obj, partner=partner)
    initial = {}
    if bestaand is not None:
        initial = {"wat_ging_goed": bestaand.wat_ging_goed, "wat_kan_beter": bestaand.wat_kan_beter}
        for m in bestaand.metingen.all():
            initial.update(
                {
                    f"meting_{m.indicator_id}_waarde": m.waarde,
                    f"meting_{m.indicator_id}_bron": m.bron,
                    f"meting_{m.indicator_id}_datum": m.gemeten_op,
                }
            )
        for b in bestaand.bestedingen.all():
            initial.update(
                {
                    f"besteding_{b.tranche_id}_bedrag": b.bedrag,
                    f"besteding_{b.tranche_id}_toelichting": b.toelichting,
                }
            )
    form = BijdrageForm(
        request.POST or None,
        initial=initial,
        indicatoren=selectors.indicatoren(traject=traject),
        tranches=selectors.tranches(traject=traject),
        vandaag=services.vandaag(),
    )

    def bewaren(form):
        services.bijdrage_indienen(
            moment=moment_obj,
            door=request.user,
            partner=partner,
            metingen=form.metingen(),
            bestedingen=form.bestedingen(),
            wat_ging_goed=form.cleaned_data["wat_ging_goed"],
            wat_kan_beter=form.cleaned_data["wat_kan_beter"],
        )
        messages.success(request, _("Uw deel van de evaluatie is ingediend. Dank u wel."))
        return _moment_url(traject, moment_obj)

    return formulier_afhandelen(
        request,
        form,
        template="evaluatie/bijdrage.html",
        context=lambda: {
            "traject": traject,
            "moment": moment_obj,
            "partner": partner,
            "groepen": form.groepen(),
        },
        bewaren=bewaren,
        weigering=services.EvaluatieFout,
        status_weigering=409,
    )


@login_required
@require_http_methods(["GET", "POST"])
def visie(request: HttpRequest, pk: int, moment: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    moment_obj = selectors.moment_get(traject=traject, pk=moment)
    vereis_rol(request.user, traject, A)
    evaluatie = selectors.evaluatie_van(moment=moment_obj)
    form = VisieForm(
        request.POST or None, initial={"visie": evaluatie.visie_gemeente if evaluatie else ""}
    )
    titel = _("Visie van de gemeente")
    terug = _moment_url(traject, moment_obj)

    def bewaren(form):
        services.visie_opslaan(
            moment=moment_obj, door=request.user, visie=form.cleaned_data["visie"]
        )
        messages.success(request, _("De visie van de gemeente is opgeslagen."))
        return terug

    return _formulier(request, form, bewaren=bewaren, traject=traject, titel=titel, terug=terug)


@login_required
@require_http_methods(["GET", "POST"])
def besluit(request: HttpRequest, pk: int, moment: int) -> HttpResponse:
    traject = kern.traject_get(user=request.user, pk=pk)
    moment_obj = selectors.moment_get(traject=traject, pk=moment)
    vereis_rol(request.user, traject, A)
    ontbrekend = selectors.ontbrekende_partijen(moment=moment_obj)
    form = BesluitForm(request.POST or None, ontbrekend=bool(ontbrekend))
    titel = _("Besluit na de evaluatie")
    terug = _moment_url(traject, moment_obj)

    def bewaren(form):
        services.evaluatie_besluiten(
            moment=moment_obj,
            door=request.user,
            conclusie=form.cleaned_data["conclusie"],
            toelichting=form.cleaned_data["toelichting"],
            ontbrekend_reden=form.cleaned_data.get("ontbrekend_reden", ""),
        )
        messages.success(request, _("Het besluit is vastgelegd."))
        return traject.get_absolute_url()

    return _formulier(
        request,
        form,
        bewaren=bewaren,
        traject=traject,
        titel=titel,
        terug=terug,
        template="evaluatie/besluit.html",
        ontbrekend=ontbrekend,
    )


def _traject_formulier(request, pk, *, lezen, form_class, service, titel, melding):
    traject = kern.traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, A)
    instance = lezen(traject=traject)
    terug = traject.get_absolute_url()

    def bewaren(form):
        service(traject=traject, **{k: form.cleaned_data[k] for k in form_class.Meta.fields})
        messages.success(request, melding)
        return terug

    return _formulier(
        request,
        form_class(request.POST or None, instance=instance),
        bewaren=bewaren,
        traject=traject,
        titel=titel,
        terug=terug,
    )


@login_required
@require_http_methods(["GET", "POST"])
def verankering(request: HttpRequest, pk: int) -> HttpResponse:
    return _traject_formulier(
        request,
        pk,
        lezen=selectors.verankering_van,
        form_class=VerankeringForm,
        service=services.verankering_opslaan,
        titel=_("Hoe wordt de taak verankerd?"),
        melding=_("De verankering is opgeslagen."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def exitplan(request: HttpRequest, pk: int) -> HttpResponse:
    return _traject_formulier(
        request,
        pk,
        lezen=selectors.exitplan_van,
        form_class=ExitplanForm,
        service=services.exitplan_opslaan,
        titel=_("Exitplan"),
        melding=_("Het exitplan is opgeslagen."),
    )


@login_required
def agenda(request: HttpRequest) -> HttpResponse:
    sleutel = request.user.ical_sleutel
    adres = (
        request.build_absolute_uri(reverse("evaluatie:ical", kwargs={"sleutel": sleutel}))
        if sleutel
        else ""
    )
    return render(request, "evaluatie/agenda.html", {"adres": adres})


@login_required
@require_POST
def agenda_vernieuwen(request: HttpRequest) -> HttpResponse:
    services.ical_sleutel_vernieuwen(user=request.user)
    messages.success(request, _("U hebt een nieuwe agendalink. De oude link werkt niet meer."))
    return redirect("evaluatie:agenda")


def ical(request: HttpRequest, sleutel: str) -> HttpResponse:
    """The calendar feed at a secret address (no log-in: calendar programs fetch it)."""
    user = selectors.gebruiker_met_sleutel(sleutel=sleutel)
    response = HttpResponse(agenda_ics(user=user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="evaluatiemomenten.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
