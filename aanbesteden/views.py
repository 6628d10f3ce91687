from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from two_factor.views import LoginView as TweestapsLoginView

from . import selectors, tasks
from .constants import TrajectStatus
from .fasen import fasen
from .forms import (
    CodeForm,
    HerstelcodeForm,
    InloggenForm,
    InloglinkForm,
    TrajectFilterForm,
    TransitieForm,
    WachtwoordVergetenForm,
)
from .limieten import limiet_bewaken
from .models import Gemeente, Notificatie
from .permissions import traject_rollen
from .services import TransitieGeweigerd, traject_transitie
from .transities import TRANSITIES


def home(request: HttpRequest) -> HttpResponse:
    gemeenten = Gemeente.objects.order_by("naam")
    return render(request, "aanbesteden/home.html", {"gemeenten": gemeenten})


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """Where a user lands after logging in: officials at their gemeente, others at their page."""
    gemeente = selectors.gemeenten_van_ambtenaar(user=request.user).first()
    if gemeente is not None:
        return redirect("overzicht:dashboard", gemeente=gemeente.slug)
    return redirect("aanbesteden:mijn_trajecten")


class InloggenView(TweestapsLoginView):
    """The officials' and administrators' log-in: e-mail and password (django-axes counts the
    failures), then the code of their authenticator app or a recovery code
    (django-two-factor-auth's wizard; django-otp slows down repeated wrong codes). Without an
    app yet, the password logs in and the set-up follows (``TweedeFactorMiddleware``)."""

    template_name = "registration/login.html"
    form_list = (
        (TweestapsLoginView.AUTH_STEP, InloggenForm),
        (TweestapsLoginView.TOKEN_STEP, CodeForm),
        (TweestapsLoginView.BACKUP_STEP, HerstelcodeForm),
    )

    def dispatch(self, request, *args, **kwargs):
        from .tweestaps import tweede_factor_verplicht

        user = request.user
        if user.is_authenticated and (user.is_verified() or not tweede_factor_verplicht(user)):
            return HttpResponseRedirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs) -> str:
        return "inloggen"

    def post(self, request, *args, **kwargs):
        # A post without the wizard's step (a plain e-mail and password form, as before the
        # second factor) is the first step, not a tampered form.
        veld = f"{self.prefix}-current_step"
        if veld not in request.POST and "wizard_goto_step" not in request.POST:
            request.POST = request.POST.copy()
            request.POST[veld] = self.AUTH_STEP
        return super().post(request, *args, **kwargs)

    def get_form_prefix(self, step=None, form=None) -> str:
        # The first step's fields keep their plain names ("username", "password"), as
        # django-axes and password managers expect them.
        if (step or self.steps.current) == self.AUTH_STEP:
            return ""
        return super().get_form_prefix(step, form)

    def get_form_list(self):
        formulieren = super().get_form_list()
        if self.TOKEN_STEP in formulieren:
            # django-two-factor-auth puts its own form there; ours has our words and style.
            formulieren[self.TOKEN_STEP] = CodeForm
        return formulieren

    def get_context_data(self, form, **kwargs):
        return {**super().get_context_data(form, **kwargs), "next": self.get_redirect_url()}


def inloglink_aanvragen(request: HttpRequest) -> HttpResponse:
    form = InloglinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        limiet_bewaken(request, soort="inloglink", adres=email)
        # Whether the address has an account is looked up by the task, after the response.
        transaction.on_commit(
            partial(tasks.inloglink_mailen.delay, email, request.GET.get("next", ""))
        )
        return redirect("aanbesteden:inloglink_verzonden")
    return render(request, "registration/inloglink.html", {"form": form})


class WachtwoordVergetenView(auth_views.PasswordResetView):
    form_class = WachtwoordVergetenForm
    success_url = reverse_lazy("aanbesteden:wachtwoord_verzonden")

    def form_valid(self, form: WachtwoordVergetenForm) -> HttpResponse:
        limiet_bewaken(self.request, soort="wachtwoord", adres=form.cleaned_data["email"])
        return super().form_valid(form)


def inloglink_verzonden(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/inloglink_verzonden.html")


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
    if selectors.lidmaatschap_get(user=request.user, gemeente=gemeente_obj) is None:
        raise PermissionDenied
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
        "fasen": selectors.fase_stappen(traject=traject),
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

    def render(self, form, status=200):
        return render(
            self.request,
            "aanbesteden/transitie.html",
            {
                "traject": self.traject,
                "transitie": self.transitie,
                "stap": self.stap,
                "label": self.rij.label,
                "form": form,
            },
            status=status,
        )

    def get(self, request, pk, transitie):
        if self.stap is None or not self.stap.mag:
            raise PermissionDenied(_("U kunt deze stap nu niet zetten."))
        return self.render(self.form())

    def post(self, request, pk, transitie):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        if form.cleaned_data["status"] != self.traject.status:
            form.add_error(None, _("Het traject is intussen gewijzigd. Bekijk het opnieuw."))
            return self.render(form, status=409)
        try:
            traject_transitie(
                traject=self.traject,
                transitie=self.transitie,
                door=request.user,
                motivatie=form.cleaned_data["motivatie"],
            )
        except TransitieGeweigerd as exc:
            if exc.verboden:
                raise PermissionDenied(exc.bericht) from exc
            form.add_error(None, exc.bericht)
            for reden in exc.redenen:
                form.add_error(None, reden)
            return self.render(form, status=409)
        messages.success(
            request,
            _("Gelukt: het traject staat nu in de fase “%(status)s”.")
            % {"status": TrajectStatus(self.traject.status).label},
        )
        return HttpResponseRedirect(self.traject.get_absolute_url())


@login_required
@require_POST
def notificatie_gelezen(request: HttpRequest, pk: int) -> HttpResponse:
    from django.utils import timezone

    notificatie = get_object_or_404(Notificatie, pk=pk, ontvanger=request.user)
    if notificatie.gelezen_op is None:
        notificatie.gelezen_op = timezone.now()
        notificatie.save(update_fields=["gelezen_op"])
    if notificatie.url and url_has_allowed_host_and_scheme(notificatie.url, allowed_hosts=None):
        return redirect(notificatie.url)
    return redirect(reverse("aanbesteden:notificaties"))


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
