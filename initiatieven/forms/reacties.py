"""Forms of reactions on public pages: placing, reporting and hiding one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aanbesteden.forms import Formulier


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
