"""Forms of phase 1's horizon and its indicators."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory

from aanbesteden.forms import ModelFormulier, getal_velden

from ..models import Horizon, Indicator
from ._gedeeld import EigenRegelsFormSet


# --- horizon --------------------------------------------------------------------------------
class HorizonForm(ModelFormulier):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Horizon
        fields = ["ambitie", "beoogde_resultaten"]
        widgets = {
            "ambitie": forms.Textarea(attrs={"rows": 4}),
            "beoogde_resultaten": forms.Textarea(attrs={"rows": 4}),
        }


class IndicatorForm(ModelFormulier):
    class Meta:
        formfield_callback = getal_velden
        model = Indicator
        fields = [
            "naam",
            "eenheid",
            "nulwaarde",
            "streefwaarde",
            "hoger_is_beter",
            "meetmethode",
            "meetfrequentie",
        ]
        widgets = {"meetmethode": forms.Textarea(attrs={"rows": 2})}


IndicatorFormSet = inlineformset_factory(
    Horizon,
    Indicator,
    form=IndicatorForm,
    formset=EigenRegelsFormSet,
    extra=2,
    max_num=20,
    validate_max=True,
    can_delete=True,
)
