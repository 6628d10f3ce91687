from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import Formulier, GetalVeld, ModelFormulier, wanneer_verplicht

from .constants import Conclusie
from .models import Exitplan, Verankering

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _getal_veld(label, *, max_digits=14, minimum=None) -> GetalVeld:
    return GetalVeld(
        label=label,
        required=False,
        max_digits=max_digits,
        minimum=minimum,
        help_text=_("Een getal, bijvoorbeeld 1250 of 12,5."),
    )


class MomentToevoegenForm(Formulier):
    datum = forms.DateField(label=_("Datum van het extra evaluatiemoment"), widget=DATUM)


class MomentVerplaatsenForm(Formulier):
    datum = forms.DateField(label=_("Nieuwe datum"), widget=DATUM)
    reden = forms.CharField(
        label=_("Reden van verplaatsen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Geef een reden voor het verplaatsen.")},
    )


class BijdrageForm(Formulier):
    """One party's part: a value (with source and date) per indicator, spending per tranche,
    and what went well and what not."""

    wat_ging_goed = forms.CharField(
        label=_("Wat ging goed?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    wat_kan_beter = forms.CharField(
        label=_("Wat ging niet goed, of kan beter?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, indicatoren=(), tranches=(), vandaag=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicatoren = list(indicatoren)
        self.tranches = list(tranches)
        self.vandaag = vandaag
        for ind in self.indicatoren:
            self.fields[f"meting_{ind.pk}_waarde"] = _getal_veld(
                _("Gemeten waarde (%(eenheid)s)") % {"eenheid": ind.eenheid}
            )
            # Not needed on their own, but with a measured value: the form says so.
            self.fields[f"meting_{ind.pk}_bron"] = wanneer_verplicht(
                forms.CharField(label=_("Bron van de meting"), max_length=300, required=False),
                _("nodig als u een waarde invult"),
            )
            self.fields[f"meting_{ind.pk}_datum"] = wanneer_verplicht(
                forms.DateField(label=_("Gemeten op"), required=False, widget=DATUM),
                _("nodig als u een waarde invult"),
            )
        for tr in self.tranches:
            self.fields[f"besteding_{tr.pk}_bedrag"] = _getal_veld(
                _("Besteed (euro)"), max_digits=12, minimum=Decimal("0")
            )
            self.fields[f"besteding_{tr.pk}_toelichting"] = forms.CharField(
                label=_("Toelichting op de besteding"), max_length=500, required=False
            )
        # The design-system class for the fields added after NLDesignMixin ran.
        for naam, veld in self.fields.items():
            if naam.startswith(("meting_", "besteding_")):
                veld.widget.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")

    def groepen(self):
        """Fields per indicator and per tranche, for fieldsets in the template."""
        return {
            "metingen": [
                (ind, [self[f"meting_{ind.pk}_{d}"] for d in ("waarde", "bron", "datum")])
                for ind in self.indicatoren
            ],
            "bestedingen": [
                (tr, [self[f"besteding_{tr.pk}_{d}"] for d in ("bedrag", "toelichting")])
                for tr in self.tranches
            ],
        }

    def clean(self):
        data = super().clean()
        for ind in self.indicatoren:
            waarde = data.get(f"meting_{ind.pk}_waarde")
            bron = (data.get(f"meting_{ind.pk}_bron") or "").strip()
            datum = data.get(f"meting_{ind.pk}_datum")
            if f"meting_{ind.pk}_waarde" in self.errors:
                continue
            if waarde is None:
                if bron or datum:
                    self.add_error(
                        f"meting_{ind.pk}_waarde",
                        _("Vul de gemeten waarde in, of laat alles leeg."),
                    )
                continue
            if not bron:
                self.add_error(f"meting_{ind.pk}_bron", _("Geef de bron van de meting."))
            if datum is None and f"meting_{ind.pk}_datum" not in self.errors:
                self.add_error(f"meting_{ind.pk}_datum", _("Geef de datum van de meting."))
            elif datum and self.vandaag and datum > self.vandaag:
                self.add_error(
                    f"meting_{ind.pk}_datum", _("Een meting kan niet in de toekomst liggen.")
                )
        return data

    def metingen(self):
        uit = {}
        for ind in self.indicatoren:
            waarde = self.cleaned_data.get(f"meting_{ind.pk}_waarde")
            if waarde is not None:
                uit[ind.pk] = (
                    waarde,
                    self.cleaned_data[f"meting_{ind.pk}_bron"].strip(),
                    self.cleaned_data[f"meting_{ind.pk}_datum"],
                )
        return uit

    def bestedingen(self):
        uit = {}
        for tr in self.tranches:
            bedrag = self.cleaned_data.get(f"besteding_{tr.pk}_bedrag")
            if bedrag is not None:
                uit[tr.pk] = (bedrag, self.cleaned_data.get(f"besteding_{tr.pk}_toelichting", ""))
        return uit


class VisieForm(Formulier):
    visie = forms.CharField(
        label=_("Visie van de gemeente"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class BesluitForm(Formulier):
    conclusie = forms.ChoiceField(
        label=_("Besluit"),
        choices=Conclusie.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een besluit."),
            "invalid_choice": _("Kies een besluit."),
        },
    )
    toelichting = forms.CharField(
        label=_("Toelichting op het besluit"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Licht het besluit toe.")},
    )
    ontbrekend_reden = forms.CharField(
        label=_("Waarom besluit u zonder alle bijdragen?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _(
                "Nog niet alle partijen hebben hun deel ingediend. Leg uit waarom u toch besluit."
            )
        },
    )

    def __init__(self, *args, ontbrekend: bool = False, **kwargs):
        """``ontbrekend``: not every party has submitted its part. Only then is the reason
        asked for, and then it is required; otherwise the field is not on the form."""
        super().__init__(*args, **kwargs)
        if not ontbrekend:
            del self.fields["ontbrekend_reden"]


class VerankeringForm(ModelFormulier):
    class Meta:
        model = Verankering
        fields = ["wijze", "omschrijving", "ingangsdatum"]
        widgets = {"ingangsdatum": DATUM, "omschrijving": forms.Textarea(attrs={"rows": 5})}


class ExitplanForm(ModelFormulier):
    class Meta:
        model = Exitplan
        fields = [
            "sleutels_terug",
            "bezittingen_terug",
            "gegevens_terug",
            "afrekening_gedaan",
            "afrekening_toelichting",
            "overdracht_taak",
        ]
        widgets = {
            "afrekening_toelichting": forms.Textarea(attrs={"rows": 3}),
            "overdracht_taak": forms.Textarea(attrs={"rows": 3}),
        }
