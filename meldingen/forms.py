from __future__ import annotations

from django import forms

from aanbesteden.forms import Formulier

from .constants import Bezorging, NotificatieSoort


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
