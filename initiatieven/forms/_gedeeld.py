"""What several forms of phase 1 share: formsets whose rows follow the gemeente's and the
initiative's own rules."""

from __future__ import annotations

from django import forms
from django.forms import BaseInlineFormSet, BaseModelFormSet
from django.utils.translation import gettext_lazy as _


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
