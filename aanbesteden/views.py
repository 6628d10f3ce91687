from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import selectors
from .constants import TrajectStatus
from .fasen import fasen
from .forms import TrajectFilterForm, TransitieForm
from .formulieren import formulier_afhandelen
from .models import Gemeente
from .permissions import traject_rollen, vereis
from .services import TransitieGeweigerd, traject_transitie
from .transities import TRANSITIES


@require_POST
def taal_kiezen(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a logged-in user's mail follows the choice too."""
    taal = request.POST.get("language", "")
    if request.user.is_authenticated and taal in {"nl", "en"} and request.user.taal != taal:
        request.user.taal = taal
        request.user.save(update_fields=["taal"])
    volgende = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
        request.POST = request.POST.copy()
        request.POST["next"] = "/"
    return set_language(request)


@login_required
def gemeente_trajecten(request: HttpRequest, gemeente: str) -> HttpResponse:
    """The officials' list of their gemeente's trajecten, filterable by phase."""
    gemeente_obj = get_object_or_404(Gemeente, slug=gemeente)
    vereis(request.user, "gemeente.medewerker", gemeente_obj)
    form = TrajectFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else None
    trajecten = selectors.gemeente_trajecten(gemeente=gemeente_obj, status=status)
    pagina = Paginator(trajecten, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "aanbesteden/gemeente_trajecten.html",
        {"gemeente": gemeente_obj, "pagina": pagina, "form": form, "query": query.urlencode()},
    )


def traject_context(request: HttpRequest, traject) -> dict:
    rollen = traject_rollen(request.user, traject)
    stappen = selectors.traject_stappen(traject=traject, user=request.user)
    panelen = []
    for paneel in fasen.panelen():
        ctx = paneel.context(request, traject, rollen)
        if ctx is not None:
            panelen.append({"template": paneel.template, "context": ctx, "code": paneel.code})
    return {
        "traject": traject,
        "rollen": rollen,
        "fasen": selectors.fase_voortgang(traject=traject),
        "stappen": stappen,
        "volgende": [s for s in stappen if s.vooruit],
        "nu_mogelijk": [s for s in stappen if s.kan_nu],
        "tijdlijn": selectors.traject_tijdlijn(traject=traject),
        "panelen": panelen,
    }


@login_required
def traject_detail(request: HttpRequest, pk: int) -> HttpResponse:
    traject = selectors.traject_get(user=request.user, pk=pk)
    return render(request, "aanbesteden/traject.html", traject_context(request, traject))


class TransitieView(LoginRequiredMixin, View):
    """Confirm and fire one transition. GET shows the form, POST fires it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.traject = selectors.traject_get(user=request.user, pk=kwargs["pk"])
        self.transitie = kwargs["transitie"]
        if self.transitie not in TRANSITIES:
            raise PermissionDenied(_("Deze stap bestaat niet."))
        self.rij = TRANSITIES[self.transitie]
        self.stap = next(
            (
                s
                for s in selectors.traject_stappen(traject=self.traject, user=request.user)
                if s.naam == self.transitie
            ),
            None,
        )
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None) -> TransitieForm:
        return TransitieForm(
            data,
            initial={"status": self.traject.status},
            motivatie_verplicht=self.rij.motivatie_verplicht,
        )

    def context(self) -> dict:
        return {
            "traject": self.traject,
            "transitie": self.transitie,
            "stap": self.stap,
            "label": self.rij.label,
        }

    def get(self, request, pk, transitie):
        if self.stap is None or not self.stap.mag:
            raise PermissionDenied(_("U kunt deze stap nu niet zetten."))
        return render(
            request, "aanbesteden/transitie.html", {**self.context(), "form": self.form()}
        )

    def post(self, request, pk, transitie):
        def bewaren(form):
            if form.cleaned_data["status"] != self.traject.status:
                # A form from before someone else's step: refused like a step that may not happen.
                raise TransitieGeweigerd(
                    _("Het traject is intussen gewijzigd. Bekijk het opnieuw.")
                )
            traject_transitie(
                traject=self.traject,
                transitie=self.transitie,
                door=request.user,
                motivatie=form.cleaned_data["motivatie"],
            )
            messages.success(
                request,
                _("Gelukt: het traject staat nu in de fase “%(status)s”.")
                % {"status": TrajectStatus(self.traject.status).label},
            )
            return HttpResponseRedirect(self.traject.get_absolute_url())

        return formulier_afhandelen(
            request,
            self.form(request.POST),
            template="aanbesteden/transitie.html",
            context=self.context(),
            bewaren=bewaren,
            weigering=TransitieGeweigerd,
            status_weigering=409,
        )


def fout_403(request, exception=None):
    reden = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"reden": reden}, status=403)


def fout_404(request, exception=None):
    return render(request, "404.html", status=404)


def fout_500(request):
    return render(request, "500.html", status=500)


def fout_400(request, exception=None):
    return render(request, "400.html", status=400)


def limiet_bereikt(request, exception=None):
    """Too many requests (``RATELIMIT_VIEW``): a page that says when to try again."""
    seconden = max(getattr(exception, "wacht_seconden", 60), 1)
    minuten = -(-seconden // 60)
    antwoord = render(request, "429.html", {"minuten": minuten}, status=429)
    antwoord["Retry-After"] = str(seconden)
    return antwoord


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers that ask for /favicon.ico without reading the page's <link rel="icon">."""
    return redirect(static("favicon.ico"))
