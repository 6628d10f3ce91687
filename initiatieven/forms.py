"""Forms of the intake and phase 1."""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.conf import settings
from django.forms import (
    BaseInlineFormSet,
    BaseModelFormSet,
    inlineformset_factory,
    modelformset_factory,
)
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import Formulier, ModelFormulier, getal_velden, wanneer_verplicht

from .bestandscontrole import BestandGeweigerd, bestand_soort
from .constants import Besluit, BijlageSoort, OpgaveStatus, Score
from .models import (
    Beoordelingscriterium,
    Contactpersoon,
    Horizon,
    Indicator,
    Initiatief,
    Opgave,
    Voorstel,
    postcode_validator,
)


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


# --- voorstellen ----------------------------------------------------------------------------
class VoorstelStartForm(Formulier):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_(
            "Wij sturen u een link waarmee u inlogt. U hebt geen wachtwoord nodig. "
            "Met de link kunt u uw voorstel later verder invullen."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    initiatief_naam = forms.CharField(
        label=_("Naam van uw initiatief"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Buurtvereniging De Linde, of Bewoners van de Parkstraat."),
    )
    titel = forms.CharField(
        label=_("Titel van uw voorstel"),
        max_length=200,
        help_text=_("In een paar woorden: wat wilt u doen?"),
    )
    taak = forms.CharField(
        label=_("Welke taak van de gemeente wilt u overnemen?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, met_email: bool = True, uitdaagrecht: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not met_email:
            del self.fields["email"]
        if not uitdaagrecht:
            del self.fields["taak"]


#: How a field of the draft proposal says it is needed to submit (not "(niet verplicht)").
NODIG_OM_IN_TE_DIENEN = _("nodig om in te dienen")


class VoorstelForm(ModelFormulier):
    class Meta:
        formfield_callback = getal_velden
        model = Voorstel
        fields = [
            "taak",
            "omschrijving",
            "bijdrage_gemeentedoelen",
            "doelgroep",
            "bereik",
            "kostenraming",
            "huidige_kosten",
            "eigen_bijdrage",
            "looptijd_maanden",
            "handtekeningen",
        ]
        widgets = {
            "taak": forms.Textarea(attrs={"rows": 2}),
            "omschrijving": forms.Textarea(attrs={"rows": 6}),
            "bijdrage_gemeentedoelen": forms.Textarea(attrs={"rows": 4}),
            "doelgroep": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "kostenraming": _("Wat kost de taak per jaar als u hem uitvoert?"),
            "huidige_kosten": _("Wat kost de taak de gemeente nu per jaar?"),
            "eigen_bijdrage": _("Geld, of de waarde van vrijwillige inzet, per jaar."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.opgave_id:
            # Answering a call: the task and its current cost come from the call.
            del self.fields["taak"]
            del self.fields["huidige_kosten"]
        # A draft may be saved half-way, but every field is needed to submit the proposal;
        # the number of signatures collected on paper is optional (none is 0).
        for naam, veld in self.fields.items():
            if not veld.required and naam != "handtekeningen":
                wanneer_verplicht(veld, NODIG_OM_IN_TE_DIENEN)
        self.fields["handtekeningen"].required = False

    def clean_handtekeningen(self):
        return self.cleaned_data.get("handtekeningen") or 0

    def clean(self):
        data = super().clean()
        for naam in ("kostenraming", "huidige_kosten", "eigen_bijdrage"):
            waarde = data.get(naam)
            if waarde is not None and waarde < 0:
                self.add_error(naam, _("Een bedrag kan niet negatief zijn."))
        return data


class InitiatiefForm(ModelFormulier):
    class Meta:
        model = Initiatief
        fields = [
            "naam",
            "rechtsvorm",
            "kvk_nummer",
            "straat",
            "postcode",
            "plaats",
            "email",
            "website",
            "publiceren",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rechtsvorm"].required = False
        self.fields["rechtsvorm"].choices = [("", _("Kies een rechtsvorm"))] + [
            c for c in self.fields["rechtsvorm"].choices if c[0]
        ]
        self.fields["kvk_nummer"].help_text = _(
            "Verplicht voor een stichting, vereniging, coöperatie of bv."
        )
        # A draft may be saved half-way, but these are needed to submit the proposal.
        for naam in ("rechtsvorm", "straat", "postcode", "plaats"):
            if not self.fields[naam].required:
                wanneer_verplicht(self.fields[naam], NODIG_OM_IN_TE_DIENEN)
        wanneer_verplicht(
            self.fields["kvk_nummer"], _("nodig bij een stichting, vereniging, coöperatie of bv")
        )

    def clean_postcode(self):
        postcode = self.cleaned_data.get("postcode", "").strip().upper()
        if len(postcode) == 6:
            postcode = f"{postcode[:4]} {postcode[4:]}"
        return postcode


class ContactpersoonForm(ModelFormulier):
    class Meta:
        model = Contactpersoon
        fields = ["naam", "email", "telefoon", "functie", "is_vertegenwoordiger"]


class EigenRegelsMixin:
    """Refuses rows that claim to be existing but do not belong to this object (a tampered
    or stale hidden id), instead of silently dropping them."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if form.instance.pk is None:
                raise forms.ValidationError(
                    _("Een regel in dit formulier hoort hier niet (meer). Laad de pagina opnieuw."),
                    code="vreemde_regel",
                )


class EigenRegelsFormSet(EigenRegelsMixin, BaseInlineFormSet):
    pass


class EigenCriteriaFormSet(EigenRegelsMixin, BaseModelFormSet):
    pass


class ContactpersonenBasis(EigenRegelsFormSet):
    def clean(self):
        super().clean()
        adressen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            email = (form.cleaned_data.get("email") or "").lower()
            if email and email in adressen:
                form.add_error(
                    "email", _("Dit e-mailadres staat al bij een andere contactpersoon.")
                )
            adressen.add(email)


ContactpersoonFormSet = inlineformset_factory(
    Initiatief,
    Contactpersoon,
    form=ContactpersoonForm,
    formset=ContactpersonenBasis,
    extra=2,
    max_num=10,
    validate_max=True,
    can_delete=True,
)


class BijlageForm(Formulier):
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, foto (PNG of JPEG), Word (docx), Excel (xlsx) of OpenDocument (odt)."),
    )
    soort = forms.ChoiceField(
        label=_("Wat voor bijlage is dit?"),
        choices=BijlageSoort.choices,
        initial=BijlageSoort.BIJLAGE,
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > settings.BIJLAGE_MAX_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is te groot. Het mag hoogstens %(max)s zijn.")
                % {"max": filesizeformat(settings.BIJLAGE_MAX_BYTES)}
            )
        if bestand.size == 0:
            raise forms.ValidationError(_("Dit bestand is leeg."))
        try:
            self.mime = bestand_soort(bestand)
        except BestandGeweigerd as exc:
            raise forms.ValidationError(str(exc)) from None
        if self.mime is None:
            raise forms.ValidationError(
                _(
                    "Dit soort bestand kunnen wij niet aannemen. Stuur een PDF, een foto (PNG of "
                    "JPEG) of een Word-, Excel- of OpenDocument-bestand."
                )
            )
        return bestand


class SteunForm(Formulier):
    naam = forms.CharField(label=_("Naam van de steunbetuiger"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres van de steunbetuiger"), max_length=254)


class OpenbareSteunForm(Formulier):
    """Support for a published proposal, by anyone; the postcode only when the gemeente asks."""

    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Wij sturen u een link. Uw steun telt als u op die link klikt."),
    )
    naam = forms.CharField(label=_("Uw naam (mag leeg blijven)"), max_length=200, required=False)
    naam_openbaar = forms.BooleanField(
        label=_("Mijn naam mag op deze pagina staan"), required=False
    )
    postcode = forms.CharField(
        label=_("Uw postcode"),
        max_length=7,
        validators=[postcode_validator],
        help_text=_("De gemeente telt hoeveel steun uit de gemeente zelf komt."),
    )

    def __init__(self, *args, postcode_vragen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not postcode_vragen:
            del self.fields["postcode"]

    def clean(self):
        data = super().clean()
        if data.get("naam_openbaar") and not (data.get("naam") or "").strip():
            self.add_error("naam", _("Vul uw naam in, of zet het vinkje uit."))
        return data


class ReactieForm(Formulier):
    """A reaction on a public page: plain text. Without logging in: an e-mail address to
    confirm it (never shown)."""

    tekst = forms.CharField(
        label=_("Uw reactie"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen gewone tekst. Iedereen kan uw reactie lezen."),
    )
    naam = forms.CharField(
        label=_("Uw naam (mag leeg blijven)"),
        max_length=100,
        required=False,
        help_text=_("Deze naam staat bij uw reactie."),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Wij sturen u een link. Uw reactie is te zien als u op die link klikt."),
    )
    antwoord_op = forms.TypedChoiceField(
        label=_("Antwoord op"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, ingelogd: bool = False, antwoorden=None, **kwargs):
        """``antwoorden``: the reactions the initiative may answer, as (pk, label); without
        it the form places a new reaction only. Its ids differ from the support form's on the
        same page (the field names stay plain)."""
        kwargs.setdefault("auto_id", "reactie_%s")
        super().__init__(*args, **kwargs)
        if ingelogd:
            del self.fields["email"]
        if antwoorden is None:
            del self.fields["antwoord_op"]
        else:
            self.fields["antwoord_op"].choices = [
                ("", _("Geen: een nieuwe reactie van het initiatief")),
                *antwoorden,
            ]


class ReactieMeldenForm(Formulier):
    reden = forms.CharField(label=_("Wat is er mis met deze reactie?"), max_length=500)


class ReactieVerbergenForm(Formulier):
    reden = forms.CharField(
        label=_("Reden (iedereen kan deze lezen)"),
        max_length=500,
        help_text=_("Bijvoorbeeld: de reactie noemt iemand bij naam of is beledigend."),
    )


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
