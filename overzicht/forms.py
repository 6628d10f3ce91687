from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import TrajectStatus
from aanbesteden.forms import Formulier

from .selectors.dashboard import filters, kolommen

#: The core's sortings; the phase apps' columns add theirs after these.
SORTEER_KEUZES = [
    ("-gewijzigd", _("Laatst gewijzigd eerst")),
    ("gewijzigd", _("Langst niet gewijzigd eerst")),
    ("titel", _("Titel (A-Z)")),
    ("-titel", _("Titel (Z-A)")),
    ("status", _("Fase")),
]


class TrajectZoekForm(Formulier):
    """Search, filters and sorting of the officials' list. Invalid input is ignored per field.
    The phase apps add filter fields, term filters and sortings (``aanbesteden.bijdragen``)."""

    zoek = forms.CharField(label=_("Zoek op naam"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Fase of status"),
        required=False,
        choices=[("", _("Alle"))] + list(TrajectStatus.choices),
    )
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    wijk = forms.ChoiceField(label=_("Wijk of buurt"), required=False)
    termijn = forms.ChoiceField(label=_("Termijnen"), required=False)
    sortering = forms.ChoiceField(label=_("Sorteren op"), required=False, initial="-gewijzigd")

    def __init__(self, *args, gemeente, keuzes: dict[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        alle = [("", _("Alle"))]
        self.fields["thema"].choices = alle + [(t, t) for t in keuzes["thema"]]
        self.fields["wijk"].choices = alle + [(w, w) for w in keuzes["wijk"]]
        self.filtercodes = [f.code for f in filters()]
        velden = list(self.fields.items())
        na_wijk = [n for n, _v in velden].index("wijk") + 1
        nieuw = [(f.code, f.veld(gemeente)) for f in filters()]
        self.fields = dict(velden[:na_wijk] + nieuw + velden[na_wijk:])
        self.stijl_geven()
        self.fields["termijn"].choices = alle + [
            (code, termijn.label) for k in kolommen() for code, termijn in k.termijnen.items()
        ]
        self.fields["sortering"].choices = SORTEER_KEUZES + [
            (code, sortering.label) for k in kolommen() for code, sortering in k.sorteringen.items()
        ]

    def filters(self) -> dict:
        """The valid filters; a tampered field falls back to "all" instead of an error page."""
        self.is_valid()
        schoon = getattr(self, "cleaned_data", {})
        return {
            "zoek": (schoon.get("zoek") or "").strip(),
            "status": schoon.get("status") or "",
            "thema": schoon.get("thema") or "",
            "wijk": schoon.get("wijk") or "",
            **{code: schoon.get(code) for code in self.filtercodes},
            "termijn": schoon.get("termijn") or "",
            "sortering": schoon.get("sortering") or "-gewijzigd",
        }


class RapportForm(Formulier):
    jaar = forms.IntegerField(
        label=_("Jaar"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "min_value": _("Kies een jaar vanaf 2000."),
            "max_value": _("Kies een jaar tot en met 2100."),
            "invalid": _("Vul een jaartal in, zoals 2025."),
        },
    )

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if jaar > timezone.localdate().year:
            raise forms.ValidationError(_("Dat jaar is nog niet begonnen."))
        return jaar


class WissenForm(Formulier):
    bevestiging = forms.BooleanField(
        label=_("Ja, wis mijn gegevens en sluit mijn account"),
        error_messages={"required": _("Vink aan dat u uw gegevens wilt laten wissen.")},
    )


class ZoekForm(Formulier):
    q = forms.CharField(
        label=_("Zoekwoorden"),
        max_length=200,
        help_text=_("Bijvoorbeeld: buurthuis, groen of de naam van een wijk."),
    )

    def clean_q(self):
        from aanbesteden.zoeken import zoekwoorden

        q = self.cleaned_data["q"]
        if not zoekwoorden(q):
            raise forms.ValidationError(_("Vul ten minste één woord in."))
        return q
