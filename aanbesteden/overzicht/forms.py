from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import TrajectStatus
from aanbesteden.forms import Formulier
from aanbesteden.models import NotificatieSoort

from .constants import Bezorging

SORTEER_KEUZES = [
    ("-gewijzigd", _("Laatst gewijzigd eerst")),
    ("gewijzigd", _("Langst niet gewijzigd eerst")),
    ("titel", _("Titel (A-Z)")),
    ("-titel", _("Titel (Z-A)")),
    ("status", _("Fase")),
    ("beslistermijn", _("Beslistermijn (eerst afloopt eerst)")),
    ("evaluatie", _("Volgende evaluatie (eerst)")),
]

TERMIJN_KEUZES = [
    ("", _("Alle")),
    ("beslissen_binnenkort", _("Beslistermijn binnen 14 dagen of verlopen")),
    ("beslissen_verlopen", _("Beslistermijn verlopen")),
    ("evaluatie_binnenkort", _("Evaluatie binnen 14 dagen of te laat")),
    ("evaluatie_verlopen", _("Evaluatie te laat")),
]


class TrajectZoekForm(Formulier):
    """Search, filters and sorting of the officials' list. Invalid input is ignored per field."""

    zoek = forms.CharField(label=_("Zoek op naam"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Fase of status"),
        required=False,
        choices=[("", _("Alle"))] + list(TrajectStatus.choices),
    )
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    wijk = forms.ChoiceField(label=_("Wijk of buurt"), required=False)
    opgave = forms.ModelChoiceField(
        label=_("Opgave"), required=False, queryset=None, empty_label=_("Alle")
    )
    termijn = forms.ChoiceField(label=_("Termijnen"), required=False, choices=TERMIJN_KEUZES)
    sortering = forms.ChoiceField(
        label=_("Sorteren op"), required=False, choices=SORTEER_KEUZES, initial="-gewijzigd"
    )

    def __init__(self, *args, gemeente, keuzes: dict[str, list[str]], **kwargs):
        from initiatieven.models import Opgave

        super().__init__(*args, **kwargs)
        alle = [("", _("Alle"))]
        self.fields["thema"].choices = alle + [(t, t) for t in keuzes["thema"]]
        self.fields["wijk"].choices = alle + [(w, w) for w in keuzes["wijk"]]
        self.fields["opgave"].queryset = Opgave.objects.filter(gemeente=gemeente).order_by(
            "titel", "pk"
        )

    def filters(self) -> dict:
        """The valid filters; a tampered field falls back to "all" instead of an error page."""
        self.is_valid()
        schoon = getattr(self, "cleaned_data", {})
        return {
            "zoek": (schoon.get("zoek") or "").strip(),
            "status": schoon.get("status") or "",
            "thema": schoon.get("thema") or "",
            "wijk": schoon.get("wijk") or "",
            "opgave": schoon.get("opgave"),
            "termijn": schoon.get("termijn") or "",
            "sortering": schoon.get("sortering") or "-gewijzigd",
        }


class VoorkeurenForm(Formulier):
    """Per kind of notification: mail at once, a daily digest, or no mail."""

    def __init__(self, *args, huidig: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for soort, label in NotificatieSoort.choices:
            if soort == NotificatieSoort.INLOGLINK:
                continue
            self.fields[soort] = forms.ChoiceField(
                label=label,
                choices=Bezorging.choices,
                initial=huidig.get(soort, Bezorging.DIRECT),
                widget=forms.RadioSelect,
            )


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
