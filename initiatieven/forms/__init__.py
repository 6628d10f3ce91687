"""Forms of the intake and phase 1, one module per concern: ``opgaven`` (calls),
``voorstellen`` (proposals, contact persons, attachments, support), ``reacties``, ``intake``
(assessment, decision, criteria) and ``horizon``; ``_gedeeld`` holds the formsets with the
own rules. The package re-exports their names, so ``from initiatieven.forms import X`` works."""

from ._gedeeld import EigenCriteriaFormSet, EigenRegelsFormSet, EigenRegelsMixin
from .horizon import HorizonForm, IndicatorForm, IndicatorFormSet
from .intake import BeoordelingForm, BesluitForm, CriteriumForm, CriteriumFormSet
from .opgaven import DatumInput, OpgaveForm
from .reacties import ReactieForm, ReactieMeldenForm, ReactieVerbergenForm
from .voorstellen import (
    NODIG_OM_IN_TE_DIENEN,
    BijlageForm,
    ContactpersonenBasis,
    ContactpersoonForm,
    ContactpersoonFormSet,
    InitiatiefForm,
    OpenbareSteunForm,
    SteunForm,
    VoorstelForm,
    VoorstelStartForm,
)

__all__ = [
    "BeoordelingForm",
    "BesluitForm",
    "BijlageForm",
    "ContactpersonenBasis",
    "ContactpersoonForm",
    "ContactpersoonFormSet",
    "CriteriumForm",
    "CriteriumFormSet",
    "DatumInput",
    "EigenCriteriaFormSet",
    "EigenRegelsFormSet",
    "EigenRegelsMixin",
    "HorizonForm",
    "IndicatorForm",
    "IndicatorFormSet",
    "InitiatiefForm",
    "NODIG_OM_IN_TE_DIENEN",
    "OpenbareSteunForm",
    "OpgaveForm",
    "ReactieForm",
    "ReactieMeldenForm",
    "ReactieVerbergenForm",
    "SteunForm",
    "VoorstelForm",
    "VoorstelStartForm",
]
