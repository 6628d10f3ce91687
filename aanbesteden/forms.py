from functools import partial

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .constants import TrajectStatus

WIDGET_KLASSEN = {
    "textarea": "utrecht-textarea",
    "select": "utrecht-select",
    "selectmultiple": "utrecht-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "utrecht-radio-button",
    "checkboxselectmultiple": "utrecht-checkbox",
    "clearablefile": "utrecht-textbox",
    "file": "utrecht-textbox",
}


class NLDesignMixin:
    """Gives every widget its NL Design System class, and links errors to their field for
    screen readers (``aria-invalid`` and ``aria-describedby``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            soort = type(field.widget).__name__.lower().replace("input", "").replace("widget", "")
            klasse = WIDGET_KLASSEN.get(soort, "utrecht-textbox utrecht-textbox--html-input")
            bestaand = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{bestaand} {klasse}".strip()

    @cached_property
    def changed_data(self):
        # Django compares each value with its initial one; a decimal like "sNaN" raises on
        # comparison (a 500 in formsets). Such a value counts as changed; cleaning rejects it.
        gewijzigd = []
        for naam, bf in self._bound_items():
            try:
                if bf._has_changed():
                    gewijzigd.append(naam)
            except ArithmeticError:
                gewijzigd.append(naam)
        return gewijzigd

    def full_clean(self):
        super().full_clean()
        for naam in getattr(self, "_errors", None) or {}:
            if naam in self.fields:
                attrs = self.fields[naam].widget.attrs
                attrs["aria-invalid"] = "true"
                veld_id = self[naam].auto_id
                beschreven = attrs.get("aria-describedby", "")
                attrs["aria-describedby"] = f"{beschreven} {veld_id}_fout".strip()


class Formulier(NLDesignMixin, forms.Form):
    """Base of the project's plain forms."""


class ModelFormulier(NLDesignMixin, forms.ModelForm):
    """Base of the project's model forms."""


class InloggenForm(NLDesignMixin, AuthenticationForm):
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
    }


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

        transaction.on_commit(
            partial(
                wachtwoord_herstel_mailen.delay,
                self.cleaned_data["email"],
                translation.get_language() or "",
            )
        )


class TransitieForm(NLDesignMixin, forms.Form):
    motivatie = forms.CharField(
        label=_("Motivatie"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    status = forms.ChoiceField(choices=TrajectStatus.choices, widget=forms.HiddenInput)

    def __init__(self, *args, motivatie_verplicht: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if motivatie_verplicht:
            self.fields["motivatie"].required = True
            self.fields["motivatie"].help_text = _("Verplicht: leg kort uit waarom.")
            self.fields["motivatie"].error_messages["required"] = _(
                "Geef een motivatie voor deze stap."
            )


class TrajectFilterForm(NLDesignMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Fase of status"),
        required=False,
        choices=[("", _("Alle"))] + list(TrajectStatus.choices),
    )
