"""Forms of calls."""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import ModelFormulier, getal_velden

from ..models import Opgave


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


# --- opgaven --------------------------------------------------------------------------------
class OpgaveForm(ModelFormulier):
    deadline = forms.DateField(
        label=_("Uiterste datum voor voorstellen"),
        widget=DatumInput,
        help_text=_("Voorstellen kunnen tot en met deze dag worden ingediend."),
    )

    class Meta:
        formfield_callback = getal_velden
        model = Opgave
        fields = [
            "titel",
            "omschrijving",
            "huidige_kosten",
            "kwaliteitsniveau",
            "voorwaarden",
            "beoordelingscriteria",
            "thema",
            "wijk",
            "deadline",
            "contactpersoon_naam",
            "contactpersoon_email",
        ]
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 6}),
            "kwaliteitsniveau": forms.Textarea(attrs={"rows": 3}),
            "voorwaarden": forms.Textarea(attrs={"rows": 4}),
            "beoordelingscriteria": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.deadline and not self.is_bound:
            self.initial["deadline"] = timezone.localtime(self.instance.deadline).date()

    def clean_deadline(self):
        datum = self.cleaned_data["deadline"]
        if datum < timezone.localdate():
            raise forms.ValidationError(
                _("Deze datum ligt in het verleden. Kies een latere datum.")
            )
        return timezone.make_aware(datetime.combine(datum, time(23, 59)))

    def clean_huidige_kosten(self):
        waarde = self.cleaned_data["huidige_kosten"]
        if waarde is not None and waarde < 0:
            raise forms.ValidationError(_("Een bedrag kan niet negatief zijn."))
        return waarde
