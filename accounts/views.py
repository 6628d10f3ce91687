"""The log-in pages: the officials' password and second factor, one-time links for
initiative members and partners, and the password reset."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView
from two_factor.views import LoginView as TweestapsLoginView

from aanbesteden.limieten import limiet_bewaken
from aanbesteden.werk import werk_inplannen

from . import selectors, tasks
from .constants import SESSIE_AANBIEDER, SESSIE_IDENTITEIT, InlogMiddel
from .forms import CodeForm, HerstelcodeForm, InloggenForm, InloglinkForm, WachtwoordVergetenForm
from .models import OidcAanbieder
from .oidc import AanbiederOnbereikbaar, eindpunten
from .tweestaps import tweede_factor_verplicht


class InloggenView(TweestapsLoginView):
    """The officials' and administrators' log-in: e-mail and password (django-axes counts the
    failures), then the code of their authenticator app or a recovery code
    (django-two-factor-auth's wizard; django-otp slows down repeated wrong codes). Without an
    app yet, the password logs in and the set-up follows (``TweedeFactorMiddleware``)."""

    template_name = "accounts/login.html"
    form_list = (
        (TweestapsLoginView.AUTH_STEP, InloggenForm),
        (TweestapsLoginView.TOKEN_STEP, CodeForm),
        (TweestapsLoginView.BACKUP_STEP, HerstelcodeForm),
    )

    def dispatch(self, request, *args, **kwargs):
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
        return {
            **super().get_context_data(form, **kwargs),
            "next": self.get_redirect_url(),
            "sso_aanbieders": selectors.sso_aanbieders(),
        }


def inloglink_aanvragen(request: HttpRequest) -> HttpResponse:
    """Not through ``formulier_afhandelen``: an invalid address shows the page again with 200,
    not 400, and there is no service refusal (the task looks the address up later)."""
    form = InloglinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        limiet_bewaken(request, soort="inloglink", adres=email)
        # Whether the address has an account is looked up by the task, after the response.
        werk_inplannen(tasks.inloglink_mailen, email=email, volgende=request.GET.get("next", ""))
        return redirect("accounts:inloglink_verzonden")
    return render(
        request,
        "accounts/inloglink.html",
        {
            "form": form,
            "identiteit_aanbieders": selectors.identiteit_aanbieders(),
        },
    )


def inloglink_verzonden(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/inloglink_verzonden.html")


@never_cache
def inloglink_gebruiken(request: HttpRequest) -> HttpResponse:
    """GET: a page with one button. POST: log in with the token and go on."""
    token = request.POST.get("sleutel") or request.GET.get(settings.SESAME_TOKEN_NAME, "")
    volgende = request.POST.get("next") or request.GET.get("next", "")
    if request.method == "POST":
        user = authenticate(request, sesame=token) if token else None
        if user is None:
            return render(request, "accounts/inloglink_ongeldig.html", status=403)
        login(request, user)
        if not url_has_allowed_host_and_scheme(
            volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            volgende = reverse(settings.LOGIN_REDIRECT_URL)
        return HttpResponseRedirect(volgende)
    if not token:
        return render(request, "accounts/inloglink_ongeldig.html", status=403)
    return render(
        request, "accounts/inloglink_gebruiken.html", {"sleutel": token, "next": volgende}
    )


class WachtwoordVergetenView(auth_views.PasswordResetView):
    form_class = WachtwoordVergetenForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:wachtwoord_verzonden")

    def form_valid(self, form: WachtwoordVergetenForm) -> HttpResponse:
        limiet_bewaken(self.request, soort="wachtwoord", adres=form.cleaned_data["email"])
        return super().form_valid(form)


# --- logging in through an OpenID Connect provider (SSO, DigiD, eHerkenning) -------------------
class OidcStartView(OIDCAuthenticationRequestView):
    """Send the browser to the provider named in the address (mozilla-django-oidc: state,
    nonce and PKCE kept in the session), to come back at ``OidcTerugView``."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the settings are the provider's, read in get()
        self.aanbieder: OidcAanbieder | None = None

    def get_settings(self, attr, *args):  # type: ignore[override]
        if attr == "OIDC_RP_SCOPES" and self.aanbieder is not None:
            return self.aanbieder.scopes
        return import_from_settings(attr, *args)

    def get(self, request, code: str):
        self.aanbieder = get_object_or_404(OidcAanbieder, code=code, actief=True)
        try:
            punten = eindpunten(self.aanbieder)
        except AanbiederOnbereikbaar as exc:
            return render(request, "accounts/oidc_fout.html", {"reden": str(exc)}, status=503)
        self.OIDC_OP_AUTH_ENDPOINT = punten["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = self.aanbieder.client_id
        request.session[SESSIE_AANBIEDER] = self.aanbieder.pk
        return super().get(request)


class OidcTerugView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back: mozilla-django-oidc checks state, nonce and
    PKCE and our backend the tokens and claims; then the session records what was proved."""

    @property
    def failure_url(self) -> str:
        if self.request.user.is_authenticated:
            return self.request.session.get("oidc_login_next") or reverse(
                settings.LOGIN_REDIRECT_URL
            )
        return reverse("accounts:inloggen")

    def login_failure(self):
        messages.error(
            self.request,
            getattr(self.request, "oidc_fout", "")
            or _("Het inloggen is niet gelukt of is afgebroken. Probeer het opnieuw."),
        )
        return HttpResponseRedirect(self.failure_url)

    def login_success(self):
        identiteit = getattr(self.request, "oidc_identiteit", None) or {}
        if not self.request.user.is_authenticated or self.request.user.pk != self.user.pk:
            login(self.request, self.user)
        self.request.session[SESSIE_IDENTITEIT] = identiteit
        self.request.session.pop(SESSIE_AANBIEDER, None)
        if identiteit.get("middel") == InlogMiddel.DIGID:
            messages.success(self.request, _("Uw identiteit is gecontroleerd met DigiD."))
        elif identiteit.get("middel") == InlogMiddel.EHERKENNING:
            messages.success(
                self.request,
                _("Uw identiteit is gecontroleerd met eHerkenning, namens %(organisatie)s.")
                % {"organisatie": identiteit.get("organisatie") or identiteit.get("kvk")},
            )
        return HttpResponseRedirect(self.success_url)
