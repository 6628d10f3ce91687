from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import Formulier, ModelFormulier, wanneer_verplicht

from .models import Clausule, OvereenkomstVersie
from .zegel import MAX_GROOTTE

DATUM = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class VersieForm(ModelFormulier):
    looptijd_maanden = forms.IntegerField(
        label=_("Looptijd (maanden)"),
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )

    class Meta:
        model = OvereenkomstVersie
        fields = [
            "startdatum",
            "looptijd_maanden",
            "evaluatie_frequentie",
            "eerste_evaluatie",
            "taak_gemeente",
            "exitplan",
            "wijzigingen",
        ]
        widgets = {
            "startdatum": DATUM,
            "eerste_evaluatie": DATUM,
            "taak_gemeente": forms.Textarea(attrs={"rows": 5, "maxlength": 20000}),
            "exitplan": forms.Textarea(attrs={"rows": 6, "maxlength": 20000}),
            "wijzigingen": forms.Textarea(attrs={"rows": 3, "maxlength": 5000}),
        }

    def clean_taak_gemeente(self):
        return _lengte(self.cleaned_data["taak_gemeente"], 20000)

    def clean_exitplan(self):
        return _lengte(self.cleaned_data["exitplan"], 20000)

    def clean_wijzigingen(self):
        return _lengte(self.cleaned_data["wijzigingen"], 5000)

    def clean(self):
        data = super().clean()
        start, eerste = data.get("startdatum"), data.get("eerste_evaluatie")
        if start and eerste and eerste < start:
            self.add_error(
                "eerste_evaluatie", _("De eerste evaluatie kan niet vóór de startdatum liggen.")
            )
        return data


def _lengte(tekst: str, maximum: int) -> str:
    if len(tekst) > maximum:
        raise forms.ValidationError(
            _("Deze tekst is te lang (hoogstens %(max)s tekens).") % {"max": maximum}
        )
    return tekst


class VersieClausuleForm(Formulier):
    bron = forms.ModelChoiceField(
        label=_("Uit de bibliotheek van de gemeente"),
        queryset=Clausule.objects.none(),
        required=False,
        empty_label=_("Geen: ik schrijf een eigen clausule"),
    )
    titel = forms.CharField(label=_("Titel"), max_length=200, required=False)
    tekst = forms.CharField(
        label=_("Tekst"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Leeg laten om de tekst uit de bibliotheek over te nemen."),
    )

    def __init__(self, *args, gemeente=None, met_bron: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if met_bron and gemeente is not None:
            for naam in ("titel", "tekst"):
                wanneer_verplicht(
                    self.fields[naam], _("nodig als u geen clausule uit de bibliotheek kiest")
                )
            self.fields["bron"].queryset = Clausule.objects.filter(
                gemeente=gemeente, actief=True
            ).order_by("soort", "titel")
        else:
            del self.fields["bron"]
            self.fields["titel"].required = True
            self.fields["tekst"].required = True
            self.fields["tekst"].help_text = ""

    def clean(self):
        data = super().clean()
        bron = data.get("bron")
        if bron is not None:
            data["titel"] = data.get("titel") or bron.titel
            data["tekst"] = data.get("tekst") or bron.tekst
        if not data.get("titel") and "titel" not in self.errors:
            self.add_error("titel", _("Geef een titel of kies een clausule uit de bibliotheek."))
        if not data.get("tekst") and "tekst" not in self.errors:
            self.add_error("tekst", _("Geef een tekst of kies een clausule uit de bibliotheek."))
        return data


class VaststellenForm(Formulier):
    ondertekenaar = forms.ModelChoiceField(
        label=_("Wie tekent namens de gemeente?"),
        queryset=None,
        help_text=_("Alleen ambtenaren die bevoegd zijn om te tekenen."),
    )

    def __init__(self, *args, ambtenaren=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ondertekenaar"].queryset = ambtenaren


class TekenenForm(Formulier):
    instemming = forms.BooleanField(
        label=_("Ik stem in met de tekst hierboven en onderteken deze overeenkomst."),
        error_messages={"required": _("Zet een vinkje om te laten zien dat u instemt.")},
    )
    naam = forms.CharField(
        label=_("Typ uw naam"),
        max_length=200,
        help_text=_("Precies zoals hierboven staat."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Typ uw naam.")},
    )
    pdf_sha256 = forms.CharField(max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, naam_bekend: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not naam_bekend:
            self.fields["naam"].label = _("Uw voor- en achternaam")
            self.fields["naam"].help_text = _(
                "Zo komt uw naam in de overeenkomst. Wij bewaren hem bij uw account."
            )

    def clean_naam(self):
        naam = " ".join(self.cleaned_data["naam"].split())
        if "@" in naam:
            raise forms.ValidationError(_("Typ uw naam, niet uw e-mailadres."))
        return naam


class WeigerenForm(Formulier):
    reden = forms.CharField(
        label=_("Waarom tekent u niet?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("De andere partijen lezen deze reden. Het traject gaat terug naar de route."),
        error_messages={"required": _("Geef een reden waarom u niet tekent.")},
    )


class ClausuleForm(ModelFormulier):
    class Meta:
        model = Clausule
        fields = ["soort", "titel", "tekst", "actief"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 8})}


class VerifierenForm(Formulier):
    bestand = forms.FileField(
        label=_("PDF van de overeenkomst"),
        help_text=_("Een PDF-bestand van hoogstens 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"required": _("Kies een PDF-bestand.")},
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_GROOTTE:
            raise forms.ValidationError(_("Het bestand is te groot (hoogstens 20 MB)."))
        data = bestand.read()
        if b"%PDF-" not in data[:1024]:
            raise forms.ValidationError(_("Dit is geen PDF-bestand. Kies een PDF."))
        self.cleaned_data["data"] = data
        return bestand
