"""The second factor on every page: officials and administrators pass it before anything."""

from django.contrib.auth.views import redirect_to_login
from two_factor.utils import default_device

from .constants import SESSIE_IDENTITEIT, InlogMiddel
from .tweestaps import naar_instellen, tweede_factor_verplicht


def sso_sessie(request) -> bool:
    """Whether this session logged in through the gemeente's SSO (its provider checks the
    factors: the platform asks no second one)."""
    identiteit = request.session.get(SESSIE_IDENTITEIT) or {}
    return (
        identiteit.get("middel") == InlogMiddel.SSO
        and identiteit.get("gebruiker") == request.user.pk
    )


class TweedeFactorMiddleware:
    """Officials and platform administrators reach no page with a session that has not passed
    the second factor (django-otp's ``is_verified``): without an authenticator app they are
    sent to set one up, with one to the log-in (password and code). Initiative members and
    partners pass untouched. Must come after django-otp's ``OTPMiddleware``."""

    #: What a session without an app may still open: the set-up, log-out, language.
    VRIJ_ZONDER_APP = frozenset(
        {"two_factor:setup", "two_factor:qr", "accounts:uitloggen", "aanbesteden:taal"}
    )
    #: What a session that has an app but did not pass it may still open.
    VRIJ_MET_APP = frozenset({"accounts:inloggen", "accounts:uitloggen", "aanbesteden:taal"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not tweede_factor_verplicht(user):
            return None
        if sso_sessie(request):
            return None  # the gemeente's own identity provider checked this log-in
        naam = request.resolver_match.view_name if request.resolver_match else ""
        if default_device(user) is None:
            return None if naam in self.VRIJ_ZONDER_APP else naar_instellen(request)
        if naam in self.VRIJ_MET_APP:
            return None
        return redirect_to_login(request.get_full_path())
