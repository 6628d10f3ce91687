"""Forms of proposals: starting one, the draft and its initiative, contact persons,
attachments, and support."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import Formulier, ModelFormulier, getal_velden, wanneer_verplicht

from ..bestandscontrole import BestandGeweigerd, bestand_soort
from ..constants import BijlageSoort
from ..models import Contactpersoon, Initiatief, Voorstel, postcode_validator
from ._gedeeld import EigenRegelsFormSet


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
