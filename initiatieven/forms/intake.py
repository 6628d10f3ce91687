"""Forms of the intake: the assessment, the decision, and the gemeente's criteria."""

from __future__ import annotations

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import Formulier, ModelFormulier

from ..constants import Besluit, OpgaveStatus, Score
from ..models import Beoordelingscriterium
from ._gedeeld import EigenCriteriaFormSet


# --- intake ---------------------------------------------------------------------------------
class BeoordelingForm(Formulier):
    samenvatting = forms.CharField(
        label=_("Samenvatting van de beoordeling"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        scores = scores or {}
        self.criteria = list(criteria)
        for c in self.criteria:
            bestaand = scores.get(c.pk)
            self.fields[f"score_{c.pk}"] = forms.ChoiceField(
                label=_("Score"),
                required=False,
                choices=[("", _("Nog niet beoordeeld"))] + list(Score.choices),
                initial=bestaand.score if bestaand else "",
            )
            self.fields[f"toelichting_{c.pk}"] = forms.CharField(
                label=_("Toelichting"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=bestaand.toelichting if bestaand else "",
            )
        # NL Design classes for the fields added above.
        for field in self.fields.values():
            if "class" not in field.widget.attrs:
                klasse = (
                    "utrecht-select"
                    if isinstance(field.widget, forms.Select)
                    else (
                        "utrecht-textarea"
                        if isinstance(field.widget, forms.Textarea)
                        else "utrecht-textbox utrecht-textbox--html-input"
                    )
                )
                field.widget.attrs["class"] = klasse

    def regels(self):
        for c in self.criteria:
            yield {
                "criterium": c,
                "score": self[f"score_{c.pk}"],
                "toelichting": self[f"toelichting_{c.pk}"],
            }

    def scores(self) -> dict[int, tuple[str, str]]:
        return {
            c.pk: (
                self.cleaned_data[f"score_{c.pk}"],
                self.cleaned_data[f"toelichting_{c.pk}"],
            )
            for c in self.criteria
        }


class BesluitForm(Formulier):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("toelaten", Besluit.TOEGELATEN.label), ("afwijzen", Besluit.AFGEWEZEN.label)],
        widget=forms.RadioSelect,
    )
    motivatie = forms.CharField(
        label=_("Motivatie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Deze motivatie staat in de besluitbrief aan het initiatief."),
        error_messages={"required": _("Geef een motivatie voor het besluit.")},
    )
    status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, opgave=None, **kwargs):
        super().__init__(*args, **kwargs)
        if opgave is not None and opgave.status == OpgaveStatus.GEPUBLICEERD:
            # Deciding is the moment to close the call too; never ticked beforehand.
            self.fields["opgave_sluiten"] = forms.BooleanField(
                label=_(
                    "Sluit ook de opgave “%(titel)s”: er kunnen dan geen nieuwe voorstellen bij komen."  # noqa: E501
                )
                % {"titel": opgave.titel},
                required=False,
                help_text=_(
                    "De initiatieven met een ander voorstel op deze opgave krijgen dan één bericht "
                    "waarin dat staat."
                ),
            )
            self.stijl_geven()


class CriteriumForm(ModelFormulier):
    class Meta:
        model = Beoordelingscriterium
        fields = ["titel", "toelichting", "volgorde", "actief"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}


CriteriumFormSet = modelformset_factory(
    Beoordelingscriterium,
    form=CriteriumForm,
    formset=EigenCriteriaFormSet,
    extra=1,
    max_num=50,
    validate_max=True,
)
