"""The second factor of officials and platform administrators (two-step verification).

They log in with their password and a time-based code (TOTP) from an authenticator app, with
one-time recovery codes for when the phone is not at hand. The work is django-two-factor-auth's
and django-otp's (devices, codes, throttling of wrong codes); this module gives their views our
pages and our rule of who needs it: every account that may not log in with a one-time link
(``services.mag_inloglink_gebruiken``). ``middleware.TweedeFactorMiddleware`` keeps such a
session away from every page until it passed the second factor; ``BeheerSite`` does the same for
the Django admin at ``/beheer/``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from django_otp.plugins.otp_static.models import StaticToken
from two_factor.admin import AdminSiteOTPRequiredMixin
from two_factor.forms import MethodForm
from two_factor.utils import default_device, get_otpauth_url
from two_factor.views import (
    BackupTokensView,
    DisableView,
    ProfileView,
    QRGeneratorView,
    SetupView,
)

from .forms import AppKoppelenForm, VervangenForm
from .services import mag_inloglink_gebruiken

#: How many recovery codes a person gets at a time.
AANTAL_HERSTELCODES = 10


def tweede_factor_verplicht(user) -> bool:
    """Whether ``user`` logs in with password and second factor (officials, administrators)."""
    return bool(user.is_authenticated) and not mag_inloglink_gebruiken(user)


def herstelcodes_maken(user) -> list[str]:
    """New recovery codes for ``user``; the old ones stop working."""
    apparaat, _nieuw = user.staticdevice_set.get_or_create(name="backup")
    apparaat.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    apparaat.token_set.bulk_create([StaticToken(device=apparaat, token=c) for c in codes])
    return codes


def herstelcodes(user) -> list[str]:
    """The recovery codes of ``user`` that still work."""
    return list(
        StaticToken.objects.filter(device__user=user, device__name="backup")
        .order_by("pk")
        .values_list("token", flat=True)
    )


def veilige_volgende(request: HttpRequest) -> str:
    """The ``next`` address of the request if it stays on this site, else the landing page."""
    volgende = request.POST.get("next") or request.GET.get("next", "")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class AlleenMedewerkers:
    """Pages for officials and administrators only; others log in with a link and get 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not tweede_factor_verplicht(request.user):
            raise PermissionDenied(
                _(
                    "Tweestapsverificatie is er voor medewerkers van de gemeente en"
                    " platformbeheerders. U logt in met een link per e-mail."
                )
            )
        return super().dispatch(request, *args, **kwargs)


class InstellenView(AlleenMedewerkers, SetupView):
    """Set up the authenticator app: a QR code and the key as text, then its first code."""

    template_name = "accounts/tweestaps/instellen.html"
    # One method (an authenticator app): django-two-factor-auth skips the choice and goes
    # straight to the QR code; no welcome step either.
    form_list = (("method", MethodForm),)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and default_device(request.user):
            # Already set up: replacing the app goes through "vervangen", which asks first.
            return redirect("two_factor:profile")
        return super().dispatch(request, *args, **kwargs)

    def get_form_list(self):
        formulieren = super().get_form_list()
        if "generator" in formulieren:
            formulieren["generator"] = AppKoppelenForm
        return formulieren

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        if "secret_key" in context:
            sleutel = context["secret_key"]
            context["otpauth_url"] = get_otpauth_url(
                self.request.user.get_username(), sleutel, settings.OTP_TOTP_ISSUER
            )
            context["sleutel_in_groepen"] = " ".join(
                sleutel[i : i + 4] for i in range(0, len(sleutel), 4)
            )
        context["next"] = self.get_redirect_url()
        return context

    def get_success_url(self) -> str:
        # First the recovery codes, then on to where the person was going.
        url = reverse("two_factor:setup_complete")
        volgende = self.get_redirect_url()
        return f"{url}?{urlencode({'next': volgende})}" if volgende else url

    def done(self, form_list, **kwargs):
        antwoord = super().done(form_list, **kwargs)
        herstelcodes_maken(self.request.user)
        return antwoord


class QRCodeView(AlleenMedewerkers, QRGeneratorView):
    """The QR code of the key being set up (an SVG image from this site)."""

    def get_issuer(self) -> str:
        return settings.OTP_TOTP_ISSUER


class KlaarView(AlleenMedewerkers, TemplateView):
    """Set up: the recovery codes to keep, and on to where the person was going."""

    template_name = "accounts/tweestaps/klaar.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "codes": herstelcodes(self.request.user),
            "volgende": veilige_volgende(self.request),
        }


class OverzichtView(AlleenMedewerkers, ProfileView):
    """The person's own two-step verification: recovery codes, replacing the app."""

    template_name = "accounts/tweestaps/overzicht.html"


class HerstelcodesView(AlleenMedewerkers, BackupTokensView):
    """Show the recovery codes that still work, or make new ones."""

    template_name = "accounts/tweestaps/herstelcodes.html"
    number_of_tokens = AANTAL_HERSTELCODES

    def get_device(self):
        # A read (django-two-factor-auth's own makes the device on a GET): the device is made
        # with the first codes, when the app is set up (``herstelcodes_maken``).
        return self.request.user.staticdevice_set.filter(name="backup").first()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "codes": herstelcodes(self.request.user)}

    def form_valid(self, form):
        herstelcodes_maken(self.request.user)
        messages.success(self.request, _("Er zijn nieuwe herstelcodes. De oude werken niet meer."))
        return redirect("two_factor:backup_tokens")


class VervangenView(AlleenMedewerkers, DisableView):
    """Another phone or app: the current one and the recovery codes stop working, and the
    person sets up the new one straight away."""

    template_name = "accounts/tweestaps/vervangen.html"
    form_class = VervangenForm
    success_url = reverse_lazy("two_factor:setup")

    def form_valid(self, form):
        antwoord = super().form_valid(form)
        messages.info(self.request, _("Koppel nu uw nieuwe app."))
        return antwoord


class BeheerSite(AdminSiteOTPRequiredMixin, admin.AdminSite):
    """The Django admin (``/beheer/``): staff with a verified second factor only. Its log-in
    is ours (password and code); a logged-in person without access gets 403."""

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise PermissionDenied(_("U hebt geen toegang tot het platformbeheer."))
        return super().login(request, extra_context)


def naar_instellen(request: HttpRequest) -> HttpResponseRedirect:
    """To the set-up, coming back to the requested page afterwards."""
    volgende = request.get_full_path()
    return HttpResponseRedirect(f"{reverse('two_factor:setup')}?{urlencode({'next': volgende})}")
