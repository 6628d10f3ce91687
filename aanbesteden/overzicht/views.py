"""Pages of the overviews. Thin: access checks, a selector or service, a template."""

from __future__ import annotations

import csv
import json
from datetime import date

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from aanbesteden import selectors as kern
from aanbesteden.constants import Rol
from aanbesteden.models import Dossier, Gemeente, Notificatie, Traject
from aanbesteden.pdf import template_naar_pdf
from aanbesteden.permissions import vereis_rol

from . import selectors, services
from .constants import DossierStatus
from .forms import RapportForm, TrajectZoekForm, VoorkeurenForm, WissenForm

PER_PAGINA = 25


def _gemeente_voor_ambtenaar(request: HttpRequest, slug: str) -> Gemeente:
    """The gemeente ``slug`` if the user is one of its officials; 404 if it does not exist,
    403 for anybody else."""
    gemeente = get_object_or_404(Gemeente, slug=slug)
    if kern.lidmaatschap_get(user=request.user, gemeente=gemeente) is None:
        raise PermissionDenied(_("Deze pagina is alleen voor medewerkers van deze gemeente."))
    return gemeente


def _zoekform(request: HttpRequest, gemeente: Gemeente) -> tuple[TrajectZoekForm, dict]:
    form = TrajectZoekForm(
        request.GET or None,
        gemeente=gemeente,
        keuzes=selectors.filter_keuzes(gemeente=gemeente),
    )
    filters = form.filters() if request.GET else {"sortering": "-gewijzigd"}
    return form, filters


# --- the officials' dashboard ---------------------------------------------------------------


@login_required
@require_GET
def dashboard(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    form, filters = _zoekform(request, gemeente_obj)
    trajecten = selectors.trajecten_lijst(gemeente=gemeente_obj, **filters)
    pagina = Paginator(trajecten, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    tellingen = selectors.fase_tellingen(gemeente=gemeente_obj)
    return render(
        request,
        "overzicht/dashboard.html",
        {
            "gemeente": gemeente_obj,
            "tellingen": tellingen,
            "totaal": sum(t["aantal"] for t in tellingen),
            "taken": selectors.takenlijst(gemeente=gemeente_obj),
            "vandaag": selectors.vandaag(),
            "form": form,
            "pagina": pagina,
            "query": query.urlencode(),
        },
    )


EXPORT_KOPPEN = [
    "id",
    "titel",
    "status",
    "thema",
    "wijk",
    "opgave",
    "initiatief",
    "beslissen_voor",
    "volgende_evaluatie",
    "gewijzigd_op",
    "adres",
]


def _cel(waarde: object) -> str:
    """A cell value; text that a spreadsheet would run as a formula is made harmless."""
    if waarde is None:
        return ""
    tekst = waarde.isoformat() if isinstance(waarde, date) else str(waarde)
    if tekst[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + tekst
    return tekst


def _export_rij(traject: Traject) -> list[str]:
    from aanbesteden.berichten import absolute_url

    voorstel = getattr(traject, "voorstel", None)
    return [
        _cel(traject.pk),
        _cel(traject.titel),
        _cel(traject.get_status_display()),
        _cel(traject.thema),
        _cel(traject.wijk),
        _cel(voorstel.opgave.titel if voorstel and voorstel.opgave else ""),
        _cel(voorstel.initiatief.naam if voorstel else ""),
        _cel(traject.beslissen_voor),
        _cel(traject.volgende_evaluatie),
        _cel(timezone.localtime(traject.updated_at).strftime("%Y-%m-%d %H:%M")),
        _cel(absolute_url(traject.get_absolute_url())),
    ]


@login_required
@require_GET
def trajecten_export(request: HttpRequest, gemeente: str, formaat: str) -> HttpResponse:
    """The filtered list as CSV (UTF-8, comma) or for Dutch Excel (UTF-8 with BOM, semicolon)."""
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    _form, filters = _zoekform(request, gemeente_obj)
    trajecten = selectors.trajecten_lijst(gemeente=gemeente_obj, **filters)
    excel = formaat == "excel"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    naam = f"trajecten-{gemeente_obj.slug}-{timezone.localdate():%Y%m%d}"
    naam += "-excel.csv" if excel else ".csv"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    if excel:
        response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if excel else ",")
    writer.writerow(EXPORT_KOPPEN)
    for traject in trajecten.iterator(chunk_size=500):
        writer.writerow(_export_rij(traject))
    return response


# --- my page --------------------------------------------------------------------------------


@login_required
@require_GET
def mijn_pagina(request: HttpRequest) -> HttpResponse:
    """Initiative members and partners: their trajecten, what is asked of them, invitations."""
    trajecten = kern.trajecten_van_gebruiker(user=request.user).order_by("-updated_at", "-pk")
    pagina = Paginator(trajecten, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "overzicht/mijn.html",
        {
            "pagina": pagina,
            "gevraagd": selectors.mijn_gegevens(user=request.user),
            "gemeenten": kern.gemeenten_van_ambtenaar(user=request.user),
        },
    )


# --- notifications ----------------------------------------------------------------------------


@login_required
@require_GET
def meldingen(request: HttpRequest) -> HttpResponse:
    """The in-app list of everything the platform sent the user, all or only unread."""
    alleen_ongelezen = request.GET.get("filter") == "ongelezen"
    lijst = Notificatie.objects.filter(ontvanger=request.user).select_related("traject")
    if alleen_ongelezen:
        lijst = lijst.filter(gelezen_op__isnull=True)
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "overzicht/meldingen.html",
        {
            "pagina": pagina,
            "alleen_ongelezen": alleen_ongelezen,
            "query": "filter=ongelezen" if alleen_ongelezen else "",
        },
    )


@login_required
@require_http_methods(["POST"])
def alles_gelezen(request: HttpRequest) -> HttpResponse:
    aantal = Notificatie.objects.filter(ontvanger=request.user, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )
    messages.success(
        request,
        ngettext(
            "%(aantal)s melding staat nu op gelezen.",
            "%(aantal)s meldingen staan nu op gelezen.",
            aantal,
        )
        % {"aantal": aantal},
    )
    return redirect("aanbesteden:notificaties")


# --- notification preferences ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def voorkeuren(request: HttpRequest) -> HttpResponse:
    huidig = selectors.voorkeuren_van(user=request.user)
    form = VoorkeurenForm(request.POST or None, huidig=huidig)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "overzicht/voorkeuren.html", {"form": form}, status=400)
        services.voorkeuren_opslaan(gebruiker=request.user, keuzes=form.cleaned_data)
        messages.success(request, _("Uw keuzes voor e-mail zijn bewaard."))
        return redirect("overzicht:voorkeuren")
    return render(request, "overzicht/voorkeuren.html", {"form": form})


# --- the public register --------------------------------------------------------------------


@require_GET
def register_index(request: HttpRequest) -> HttpResponse:
    """The public register's entry: every gemeente on the platform."""
    return render(
        request, "overzicht/register_index.html", {"gemeenten": Gemeente.objects.order_by("naam")}
    )


@require_GET
def register(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    trajecten = selectors.register_trajecten(gemeente=gemeente_obj)
    pagina = Paginator(trajecten, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "overzicht/register.html",
        {
            "gemeente": gemeente_obj,
            "opgaven": selectors.open_opgaven(gemeente=gemeente_obj),
            "pagina": pagina,
            "rijen": [selectors.register_rij(t) for t in pagina.object_list],
        },
    )


def _open_data(gemeente: Gemeente) -> dict:
    return {
        "gemeente": {"naam": gemeente.naam, "cbs_code": gemeente.cbs_code, "slug": gemeente.slug},
        "licentie": "CC0-1.0",
        "gemaakt_op": timezone.now().isoformat(),
        "open_opgaven": [
            selectors.opgave_rij(o) for o in selectors.open_opgaven(gemeente=gemeente)
        ],
        "overgedragen_taken": [
            selectors.register_rij(t) for t in selectors.register_trajecten(gemeente=gemeente)
        ],
    }


@require_GET
def register_json(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    response = JsonResponse(
        _open_data(gemeente_obj), encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


REGISTER_KOPPEN = [
    "id",
    "taak",
    "opgave",
    "thema",
    "wijk",
    "status",
    "initiatief",
    "partners",
    "sinds",
    "budget_gemeente",
    "indicatoren",
    "laatste_evaluatie_besluit",
    "laatste_evaluatie_datum",
    "volgende_evaluatie",
]


@require_GET
def register_csv(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The handed-over tasks as CSV (one row per task; lists joined with " | ")."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="register-{gemeente_obj.slug}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    writer = csv.writer(response)
    writer.writerow(REGISTER_KOPPEN)
    for traject in selectors.register_trajecten(gemeente=gemeente_obj):
        r = selectors.register_rij(traject)
        writer.writerow(
            [
                _cel(r["id"]),
                _cel(r["taak"]),
                _cel(r["opgave"]),
                _cel(r["thema"]),
                _cel(r["wijk"]),
                _cel(r["status"]),
                _cel(r["initiatief"]),
                _cel(" | ".join(r["partners"])),
                _cel(r["sinds"]),
                _cel(r["budget_gemeente"]),
                _cel(
                    " | ".join(
                        f"{i['naam']} ({i['eenheid']}): {i['beginwaarde']} -> "
                        f"{i['streefwaarde'] or ''}"
                        for i in r["indicatoren"]
                    )
                ),
                _cel(r["laatste_evaluatie"]["besluit"]),
                _cel(r["laatste_evaluatie"]["datum"]),
                _cel(r["volgende_evaluatie"]),
            ]
        )
    return response


# --- the archive dossier --------------------------------------------------------------------


def _traject_voor_ambtenaar(request: HttpRequest, pk: int) -> Traject:
    traject = kern.traject_get(user=request.user, pk=pk)
    vereis_rol(request.user, traject, Rol.AMBTENAAR)
    return traject


@login_required
@require_http_methods(["GET", "POST"])
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the dossiers made so far. POST: ask for a new one (built in the background)."""
    traject = _traject_voor_ambtenaar(request, pk)
    if request.method == "POST":
        services.dossier_aanvragen(traject=traject, door=request.user)
        messages.success(
            request,
            _(
                "Het dossier wordt gemaakt. Dat kan even duren; ververs deze pagina om het te "
                "downloaden."
            ),
        )
        return redirect("overzicht:dossier", pk=traject.pk)
    dossiers = Dossier.objects.filter(traject=traject).select_related("aangevraagd_door")[:20]
    return render(
        request,
        "overzicht/dossier.html",
        {"traject": traject, "dossiers": dossiers, "wachten": DossierStatus.WACHTEN},
    )


@login_required
@require_GET
def dossier_download(request: HttpRequest, pk: int, dossier: int) -> FileResponse:
    traject = _traject_voor_ambtenaar(request, pk)
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


# --- the participation report ---------------------------------------------------------------


def _jaar(request: HttpRequest) -> tuple[RapportForm, int | None]:
    data = request.GET if "jaar" in request.GET else {"jaar": timezone.localdate().year}
    form = RapportForm(data)
    return form, (form.cleaned_data["jaar"] if form.is_valid() else None)


@login_required
@require_GET
def rapport(request: HttpRequest, gemeente: str) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    form, jaar = _jaar(request)
    cijfers = selectors.jaarcijfers(gemeente=gemeente_obj, jaar=jaar) if jaar else None
    return render(
        request,
        "overzicht/rapport.html",
        {"gemeente": gemeente_obj, "form": form, "cijfers": cijfers},
        status=200 if jaar else 400,
    )


@login_required
@require_GET
def rapport_pdf(request: HttpRequest, gemeente: str, jaar: int) -> HttpResponse:
    gemeente_obj = _gemeente_voor_ambtenaar(request, gemeente)
    form = RapportForm({"jaar": jaar})
    if not form.is_valid():
        raise Http404
    cijfers = selectors.jaarcijfers(gemeente=gemeente_obj, jaar=jaar)
    pdf = template_naar_pdf(
        "overzicht/rapport_pdf.html",
        {"cijfers": cijfers, "LANGUAGE_CODE": request.LANGUAGE_CODE},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="participatie-{gemeente_obj.slug}-{jaar}.pdf"'
    )
    return response


# --- privacy (AVG) --------------------------------------------------------------------------


@login_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "overzicht/privacy.html", {"form": WissenForm()})


@login_required
@require_GET
def privacy_export(request: HttpRequest) -> HttpResponse:
    gegevens = services.persoonsgegevens(gebruiker=request.user)
    response = HttpResponse(
        json.dumps(gegevens, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def privacy_export_zip(request: HttpRequest) -> HttpResponse:
    """The same data as the JSON, with the files themselves (uploads, letters, agreements)."""
    response = HttpResponse(
        services.persoonsgegevens_zip(gebruiker=request.user), content_type="application/zip"
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["POST"])
def privacy_wissen(request: HttpRequest) -> HttpResponse:
    form = WissenForm(request.POST)
    if not form.is_valid():
        return render(request, "overzicht/privacy.html", {"form": form}, status=400)
    verslag = services.gebruiker_wissen(gebruiker=request.user)
    logout(request)
    return render(request, "overzicht/gewist.html", {"verslag": verslag})
