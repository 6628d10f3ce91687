from decimal import Decimal, InvalidOperation

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .constants import TrajectStatus
from .opmaak import getal, getal_invoer, getal_lezen

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


class GetalInvoer(forms.TextInput):
    """A text box (a number box refuses the comma in some browsers and hides what was
    typed) that shows a stored number in the language's notation."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            return getal_invoer(value)
        return super().format_value(value)


class GetalVeld(forms.DecimalField):
    """Every number or amount a person types, everywhere: read in the notation of the active
    language (``opmaak.getal_lezen``: "19.500", "60.000,00", "1.234,5" in Dutch; "19,500",
    "1,234.5" in English) and shown back in it. ``positief``: more than zero; ``minimum``:
    at least that; the number of digits is the model field's."""

    widget = GetalInvoer
    default_error_messages = {
        "invalid": _(
            "Vul een getal in zoals 1.250,50 of 1250,50: een komma voor de centen, "
            "punten alleen tussen duizendtallen."
        ),
        "max_digits": _("Dit getal is te groot (hoogstens %(max)s cijfers)."),
        "max_whole_digits": _("Dit getal is te groot (hoogstens %(max)s cijfers voor de komma)."),
        "max_decimal_places": _("Gebruik hoogstens twee cijfers na de komma."),
        "niet_positief": _("Vul een getal groter dan nul in."),
        "te_klein": _("Vul een getal van minstens %(minimum)s in."),
    }

    def __init__(
        self,
        *,
        max_digits: int | None = 14,
        decimal_places: int | None = 2,
        positief: bool = False,
        minimum: Decimal | None = None,
        **kwargs,
    ):
        self.positief = positief
        self.minimum = minimum
        kwargs.pop("localize", None)
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            return getal_lezen(str(value))
        except (ValueError, InvalidOperation):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.positief and value <= 0:
            raise forms.ValidationError(self.error_messages["niet_positief"], code="niet_positief")
        if self.minimum is not None and value < self.minimum:
            raise forms.ValidationError(
                self.error_messages["te_klein"],
                code="te_klein",
                params={"minimum": getal(self.minimum)},
            )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        return attrs


def getal_velden(db_field, **kwargs):
    """``formfield_callback`` of model forms: a decimal model field becomes a ``GetalVeld``."""
    if isinstance(db_field, models.DecimalField):
        kwargs.setdefault("widget", GetalInvoer)
        return db_field.formfield(form_class=GetalVeld, **kwargs)
    return db_field.formfield(**kwargs)


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
