"""The forms of logging in: the officials' password and second factor, one-time links and the
password reset; django-two-factor-auth's forms in our words and style."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp.forms import OTPAuthenticationFormMixin
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm, DisableForm, TOTPDeviceForm

from aanbesteden.forms import NLDesignMixin
from aanbesteden.werk import werk_inplannen


class InloggenForm(NLDesignMixin, AuthenticationForm):
    """The first step of the officials' log-in: e-mail address and password."""

    def __init__(self, request=None, *args, **kwargs):
        # Named, so that the log-in wizard passes the request on (django-axes needs it).
        super().__init__(request, *args, **kwargs)

    username = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw."
        ),
        "inactive": _("Dit account is niet actief."),
        "alleen_sso": _(
            "Uw gemeente laat medewerkers alleen inloggen via de eigen inlogdienst (SSO). "
            "Gebruik de knop van uw organisatie hierboven."
        ),
    }

    def confirm_login_allowed(self, user) -> None:
        """An official whose every gemeente switched the password off logs in through SSO."""
        from aanbesteden.models import Lidmaatschap

        super().confirm_login_allowed(user)
        gemeenten = Lidmaatschap.objects.filter(gebruiker=user).values_list(
            "gemeente__inlogbeleid__wachtwoord_toegestaan", flat=True
        )
        if gemeenten and all(toegestaan is False for toegestaan in gemeenten):
            raise forms.ValidationError(self.error_messages["alleen_sso"], code="alleen_sso")


class InloglinkForm(NLDesignMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Wij sturen u een link waarmee u één keer kunt inloggen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class WachtwoordVergetenForm(PasswordResetForm):
    """Django's password reset, with the lookup and the mail in a background task after the
    response: the answer takes as long for an unknown address as for a known one."""

    def save(self, **kwargs) -> None:
        from .tasks import wachtwoord_herstel_mailen

        werk_inplannen(
            wachtwoord_herstel_mailen,
            email=self.cleaned_data["email"],
            taal=translation.get_language() or "",
        )


# --- the second factor (django-two-factor-auth's forms in our words and style) -------------
#: django-otp's messages, in Dutch and English; throttling after failed codes is django-otp's.
OTP_FOUTMELDINGEN = dict(
    OTPAuthenticationFormMixin.otp_error_messages,
    token_required=_("Vul de code in."),
    invalid_token=_(
        "Deze code klopt niet. Kijk of u de nieuwste code uit de app hebt overgenomen."
    ),
    n_failed_attempts=ngettext_lazy(
        "Na %(failure_count)d verkeerde code kunt u het even niet opnieuw proberen. Wacht even"
        " en probeer het dan opnieuw.",
        "Na %(failure_count)d verkeerde codes kunt u het even niet opnieuw proberen. Wacht even"
        " en probeer het dan opnieuw.",
        "failure_count",
    ),
    verification_not_allowed=_("U kunt nu even geen code invullen. Probeer het later opnieuw."),
    device_required=_("Stel eerst de tweestapsverificatie in."),
)


def _codeveld(**extra) -> forms.RegexField:
    return forms.RegexField(
        regex=r"^[0-9]{6}$",
        max_length=6,
        error_messages={
            "required": _("Vul de code in."),
            "invalid": _("De code bestaat uit zes cijfers."),
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
        **extra,
    )


class CodeForm(NLDesignMixin, AuthenticationTokenForm):
    """The second step of logging in: the code of the authenticator app."""

    otp_token = _codeveld(
        label=_("Code uit uw app"),
        help_text=_("Zes cijfers. De app maakt elke 30 seconden een nieuwe code."),
    )
    otp_error_messages = OTP_FOUTMELDINGEN

    def __init__(self, user, initial_device, **kwargs):
        # Named, so that the log-in wizard passes the user and the device on.
        super().__init__(user=user, initial_device=initial_device, **kwargs)


class HerstelcodeForm(NLDesignMixin, BackupTokenForm):
    """Logging in with one of the recovery codes, when the phone is not at hand."""

    otp_token = forms.CharField(
        label=_("Herstelcode"),
        max_length=16,
        help_text=_("Elke herstelcode werkt één keer."),
        error_messages={"required": _("Vul een herstelcode in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )
    otp_error_messages = dict(
        OTP_FOUTMELDINGEN,
        invalid_token=_("Deze herstelcode klopt niet of is al gebruikt."),
        token_required=_("Vul een herstelcode in."),
    )

    def __init__(self, user, initial_device, **kwargs):
        super().__init__(user=user, initial_device=initial_device, **kwargs)

    def clean_otp_token(self) -> str:
        return self.cleaned_data["otp_token"].strip().lower()


class AppKoppelenForm(NLDesignMixin, TOTPDeviceForm):
    """Setting up: the first code of the newly added authenticator app proves it works."""

    token = _codeveld(
        label=_("Code uit uw app"),
        help_text=_("Zes cijfers, zoals de app ze nu toont."),
    )
    error_messages = {
        "invalid_token": _(
            "Deze code klopt niet. Kijk of de app de sleutel goed heeft overgenomen en of de"
            " tijd op uw telefoon klopt, en vul de nieuwste code in."
        )
    }

    def __init__(self, key, user, metadata=None, **kwargs):
        # Named, so that the set-up wizard passes the key and the user on.
        super().__init__(key=key, user=user, metadata=metadata, **kwargs)

    def clean_token(self) -> int:
        # django-two-factor-auth compares numbers; the field keeps leading zeros until here.
        self.cleaned_data["token"] = int(self.cleaned_data["token"])
        return super().clean_token()


class VervangenForm(NLDesignMixin, DisableForm):
    """Replacing the authenticator app (a new phone): the current one stops working."""

    understand = forms.BooleanField(
        label=_("Ja, ik wil een andere app of telefoon instellen."),
        error_messages={"required": _("Vink aan dat u de tweestapsverificatie opnieuw instelt.")},
    )
