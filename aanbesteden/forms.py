from django import forms
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


def wanneer_verplicht(veld: forms.Field, tekst) -> forms.Field:
    """Mark a field the form accepts empty on its own but that is needed in one case, named
    in ``tekst`` (e.g. "nodig om in te dienen"): its label says that case instead of
    "(niet verplicht)", so that a form never calls optional what turns out to be required."""
    veld.wanneer_verplicht = tekst  # type: ignore[attr-defined]
    return veld


class NLDesignMixin:
    """Gives every widget its NL Design System class, and links errors to their field for
    screen readers (``aria-invalid`` and ``aria-describedby``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stijl_geven()

    def stijl_geven(self) -> None:
        """Give every field's widget its class; again for fields a form adds later."""
        for field in self.fields.values():
            soort = type(field.widget).__name__.lower().replace("input", "").replace("widget", "")
            klasse = WIDGET_KLASSEN.get(soort, "utrecht-textbox utrecht-textbox--html-input")
            bestaand = field.widget.attrs.get("class", "")
            if not set(klasse.split()) <= set(bestaand.split()):
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
