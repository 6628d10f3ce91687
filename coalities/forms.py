from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import PartijSoort
from aanbesteden.forms import Formulier, GetalVeld, ModelFormulier, wanneer_verplicht
from initiatieven.models import Indicator, kvk_validator

from .constants import (
    Betaalvorm,
    DekkingBron,
    InzetSoort,
    PartnerRol,
    PartnerSoort,
    PostSoort,
)
from .models import Begrotingspost, Inzet, Mijlpaal, Partner, Tranche


def bedrag_veld(label) -> GetalVeld:
    """An amount of the route: more than zero, at most two decimals."""
    return GetalVeld(
        label=label,
        max_digits=12,
        positief=True,
        help_text=_("Bijvoorbeeld 1.250,50 of 1250,50 (een komma voor de centen)."),
    )


class UitnodigingForm(Formulier):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    naam = forms.CharField(label=_("Naam"), max_length=200, required=False)
    organisatie = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    bericht = forms.CharField(
        label=_("Persoonlijk bericht"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Komt in de e-mail met de uitnodiging."),
    )
    rol = forms.ChoiceField(
        label=_("Welke rol vraagt u?"),
        choices=[("", _("(geen bepaalde rol)")), *PartnerRol.choices],
        required=False,
        help_text=_("Staat in de uitnodiging. De partner kiest zelf bij het accepteren."),
    )


class VraagForm(Formulier):
    """The invitee asks a question before answering."""

    vraag = forms.CharField(
        label=_("Uw vraag"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Typ uw vraag.")},
    )


class AfwijzenForm(Formulier):
    reden = forms.CharField(
        label=_("Waarom doet u niet mee?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dat helpt het initiatief. U hoeft het niet te zeggen."),
    )


class AccepterenForm(ModelFormulier):
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer"),
        max_length=20,
        required=False,
        help_text=_("8 cijfers. Laat leeg als uw organisatie niet in de KvK staat."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Partner
        fields = [
            "organisatie",
            "soort",
            "rechtsvorm",
            "kvk_nummer",
            "contactpersoon",
            "telefoon",
            "rol",
            "publiceren",
        ]
        help_texts = {
            "rechtsvorm": _("Bijvoorbeeld stichting, vereniging, bv. Laat leeg voor bewoners."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].required = True
        self.fields["rol"].choices = [("", _("(kies een rol)"))] + list(PartnerRol.choices)
        self.fields["rol"].error_messages["required"] = _("Kies uw rol in de coalitie.")
        self.fields["soort"].choices = PartnerSoort.choices
        self.fields["organisatie"].error_messages["required"] = _(
            "Vul de naam van uw organisatie in (of uw eigen naam als bewoner)."
        )
        self.fields["contactpersoon"].error_messages["required"] = _(
            "Vul de naam van de contactpersoon in."
        )

    def clean_kvk_nummer(self):
        waarde = re.sub(r"[\s.-]", "", self.cleaned_data.get("kvk_nummer") or "")
        if waarde:
            kvk_validator(waarde)
        return waarde


class PartijKeuzeMixin:
    """A choice of the parties the user speaks for (value ``gemeente``, ``initiatief`` or
    ``partner-<id>``), checked against that list: tampered values are refused."""

    def partij_keuze(self, eigen: list[tuple[str, Partner | None]]) -> None:
        self._eigen = {(f"partner-{p.pk}" if p else s): (s, p) for s, p in eigen}
        keuzes = [
            (k, p.organisatie if p else str(PartijSoort(s).label))
            for k, (s, p) in self._eigen.items()
        ]
        self.fields["partij"] = forms.ChoiceField(
            label=_("Namens"),
            choices=keuzes,
            widget=forms.Select(attrs={"class": "utrecht-select"}),
            error_messages={"invalid_choice": _("U kunt alleen namens uw eigen partij handelen.")},
        )
        if len(keuzes) == 1:
            self.fields["partij"].initial = keuzes[0][0]
            self.fields["partij"].widget = forms.HiddenInput()

    def gekozen_partij(self) -> tuple[str, Partner | None]:
        return self._eigen[self.cleaned_data["partij"]]


class RouteFormulier(ModelFormulier):
    """Forms of route parts: the service validates the model (with its party and traject)."""

    def _post_clean(self):
        pass


class MijlpaalForm(RouteFormulier):
    verantwoordelijke = forms.ChoiceField(label=_("Verantwoordelijke partij"))

    class Meta:
        model = Mijlpaal
        fields = ["titel", "omschrijving", "datum", "indicator"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, traject, route, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.route = route
        self.fields["indicator"].queryset = Indicator.objects.filter(horizon__traject=traject)
        self.fields["indicator"].empty_label = _("(geen)")
        keuzes = [
            (PartijSoort.INITIATIEF.value, str(PartijSoort.INITIATIEF.label)),
            (PartijSoort.GEMEENTE.value, str(PartijSoort.GEMEENTE.label)),
        ] + [(f"partner-{p.pk}", p.organisatie) for p in partners]
        self.partners = {f"partner-{p.pk}": p for p in partners}
        self.fields["verantwoordelijke"].choices = keuzes
        if self.instance.pk:
            self.initial["verantwoordelijke"] = (
                f"partner-{self.instance.verantwoordelijke_partner_id}"
                if self.instance.verantwoordelijke_partner_id
                else self.instance.verantwoordelijke_soort
            )
        self.fields["datum"].input_formats = ["%Y-%m-%d", "%d-%m-%Y"]

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if self.route and self.route.startdatum:
            if datum < self.route.startdatum:
                raise ValidationError(_("Deze datum ligt vóór de start van de route."))
            if self.route.einddatum and datum > self.route.einddatum:
                raise ValidationError(
                    _("Deze datum ligt na het einde van de route (%(einde)s).")
                    % {"einde": self.route.einddatum.strftime("%d-%m-%Y")}
                )
        return datum

    def gegevens(self) -> dict:
        keuze = self.cleaned_data["verantwoordelijke"]
        partner = self.partners.get(keuze)
        return {
            "titel": self.cleaned_data["titel"],
            "omschrijving": self.cleaned_data["omschrijving"],
            "datum": self.cleaned_data["datum"],
            "indicator": self.cleaned_data["indicator"],
            "verantwoordelijke_soort": PartijSoort.PARTNER if partner else keuze,
            "verantwoordelijke_partner": partner,
        }


class InzetForm(PartijKeuzeMixin, RouteFormulier):
    hoeveelheid = bedrag_veld(_("Hoeveelheid"))

    class Meta:
        model = Inzet
        fields = ["soort", "omschrijving", "hoeveelheid", "eenheid", "mijlpaal"]
        help_texts = {"eenheid": _("Bijvoorbeeld: uur, euro, stuks, dagdelen.")}

    def __init__(self, *args, traject, eigen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = InzetSoort.choices
        self.fields["mijlpaal"].queryset = Mijlpaal.objects.filter(traject=traject)
        self.fields["mijlpaal"].empty_label = _("(de hele route)")
        self.fields["mijlpaal"].label = _("Voor mijlpaal")
        if self.instance.pk:
            # An existing contribution keeps its party.
            eigen = [
                (s, p)
                for s, p in eigen
                if s == self.instance.partij_soort and (p and p.pk) == self.instance.partner_id
            ]
        self.partij_keuze(eigen)
        if self.instance.pk:
            self.initial["partij"] = next(iter(self._eigen), None)

    def gegevens(self) -> dict:
        soort, partner = self.gekozen_partij()
        return {
            "partij_soort": soort,
            "partner": partner,
            **{v: self.cleaned_data[v] for v in self.Meta.fields},
        }


class PartijForm(PartijKeuzeMixin, Formulier):
    """Choose a party (for confirming contributions and agreeing)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, eigen, **kwargs):
        super().__init__(*args, **kwargs)
        self.partij_keuze(eigen)


class AkkoordVragenForm(Formulier):
    """The draft is ready: ask the other parties to agree."""

    toelichting = forms.CharField(
        label=_("Bericht aan de andere partijen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BegrotingspostForm(RouteFormulier):
    bedrag = bedrag_veld(_("Bedrag (euro)"))

    class Meta:
        model = Begrotingspost
        fields = ["soort", "omschrijving", "bedrag", "bron", "mijlpaal"]

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = PostSoort.choices
        self.fields["bron"].choices = [("", _("(niet van toepassing: kosten)"))] + list(
            DekkingBron.choices
        )
        self.fields["mijlpaal"].queryset = Mijlpaal.objects.filter(traject=traject)
        self.fields["mijlpaal"].empty_label = _("(geen)")
        self.fields["mijlpaal"].label = _("Bij mijlpaal")

    def clean(self):
        data = super().clean()
        if data.get("soort") == PostSoort.DEKKING and not data.get("bron"):
            self.add_error("bron", _("Kies bij dekking waar het geld vandaan komt."))
        if data.get("soort") == PostSoort.KOSTEN:
            data["bron"] = ""
        return data

    def gegevens(self) -> dict:
        return {
            v: self.cleaned_data.get(v) or ("" if v == "bron" else None) for v in self.Meta.fields
        }


class TrancheForm(RouteFormulier):
    bedrag = bedrag_veld(_("Bedrag (euro)"))

    class Meta:
        model = Tranche
        fields = ["omschrijving", "bedrag", "vorm", "mijlpaal", "datum"]
        widgets = {"datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, traject, route, **kwargs):
        super().__init__(*args, **kwargs)
        self.route = route
        self.fields["vorm"].choices = Betaalvorm.choices
        self.fields["mijlpaal"].queryset = Mijlpaal.objects.filter(traject=traject)
        self.fields["mijlpaal"].required = True
        self.fields["mijlpaal"].empty_label = _("(kies een mijlpaal)")
        self.fields["mijlpaal"].label = _("Bij mijlpaal")
        self.fields["mijlpaal"].error_messages["required"] = _(
            "Een tranche hoort bij een mijlpaal: kies er een."
        )
        self.fields["datum"].input_formats = ["%Y-%m-%d", "%d-%m-%Y"]

    clean_datum = MijlpaalForm.clean_datum

    def gegevens(self) -> dict:
        return {v: self.cleaned_data[v] for v in self.Meta.fields}


class RouteKaderForm(Formulier):
    startdatum = forms.DateField(
        label=_("Startdatum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
    )
    looptijd_maanden = forms.IntegerField(
        label=_("Looptijd (maanden)"),
        min_value=1,
        max_value=240,
        help_text=_("Tussen 1 en 240 maanden."),
    )

    def clean_startdatum(self):
        datum = self.cleaned_data["startdatum"]
        if not 2000 <= datum.year <= 2100:
            raise ValidationError(_("Kies een startdatum tussen 2000 en 2100."))
        return datum


class VertrekkenForm(Formulier):
    bevestig = forms.BooleanField(
        label=_("Ja, wij verlaten deze coalitie"),
        error_messages={"required": _("Vink aan dat u de coalitie wilt verlaten.")},
    )


class HorizonOordeelForm(Formulier):
    """A partner's answer to the horizon: agreed, or not with a reason. Nothing is chosen
    beforehand."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    oordeel = forms.ChoiceField(
        label=_("Bent u akkoord met deze stip aan de horizon?"),
        choices=[("ja", _("Ja, ik ben akkoord")), ("nee", _("Nee, ik ben niet akkoord"))],
        widget=forms.RadioSelect,
    )
    toelichting = wanneer_verplicht(
        forms.CharField(
            label=_("Waarom niet?"),
            max_length=2000,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Schrijf wat er anders moet. Het initiatief en de gemeente lezen dit."),
        ),
        _("nodig als u niet akkoord bent"),
    )

    def clean(self):
        data = super().clean()
        if data.get("oordeel") == "nee" and not (data.get("toelichting") or "").strip():
            self.add_error("toelichting", _("Schrijf waarom u niet akkoord bent."))
        return data
