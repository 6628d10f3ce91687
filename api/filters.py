"""Filtering the lists by gemeente, phase and date (django-filter: a wrong value is a 400
with the reason, and the filters appear in the schema)."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from aanbesteden.constants import FASEN, OVERGEDRAGEN, TrajectStatus
from aanbesteden.models import Traject
from initiatieven.constants import OpgaveStatus
from initiatieven.models import Opgave, Voorstel

FASE_KEUZES = [(n, str(n)) for n in range(1, 6)]


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 10**18 - 1})
class NummerFilter(django_filters.NumberFilter):
    """An identifier: a whole number from 1 (not any decimal, as ``NumberFilter`` takes)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=10**18 - 1, **kwargs)


class GemeenteFilter(django_filters.CharFilter):
    """A gemeente by its slug (``field_name``: the path to the slug, by default
    ``gemeente__slug``); a value that is no slug is a 400."""

    def __init__(self, *args, field_name: str = "gemeente__slug", **kwargs):
        kwargs.setdefault("help_text", _("De korte naam van de gemeente."))
        super().__init__(*args, field_name=field_name, validators=[validate_slug], **kwargs)


class UtcTijdVeld(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time, in UTC for the database: PostgreSQL refuses offsets past
    ±15:59 that ISO 8601 and Python allow. A moment at the edge of the calendar that falls
    outside it in UTC becomes the calendar's first or last moment."""

    def to_python(self, value):
        waarde = super().to_python(value)
        if waarde is None:
            return None
        try:
            return waarde.astimezone(datetime.UTC)
        except OverflowError:
            rand = datetime.datetime.min if waarde.year == 1 else datetime.datetime.max
            return rand.replace(tzinfo=datetime.UTC)


class TijdFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcTijdVeld


class StrengeFilterSet(django_filters.FilterSet):
    """A filter given without a value is refused (400), not quietly left out: a client that
    sends ``?status=`` gets told instead of getting everything."""

    def is_valid(self) -> bool:
        geldig = super().is_valid()
        for naam in self.filters:
            if naam in self.data and any(v == "" for v in self.data.getlist(naam)):
                self.form.add_error(naam, _("Geef een waarde, of laat deze parameter weg."))
                geldig = False
        return geldig


class OpgaveFilter(StrengeFilterSet):
    gemeente = GemeenteFilter()
    status = django_filters.ChoiceFilter(
        choices=[c for c in OpgaveStatus.choices if c[0] != OpgaveStatus.CONCEPT]
    )
    gepubliceerd_vanaf = TijdFilter(field_name="gepubliceerd_op", lookup_expr="gte")
    gepubliceerd_tot = TijdFilter(field_name="gepubliceerd_op", lookup_expr="lt")
    deadline_vanaf = TijdFilter(field_name="deadline", lookup_expr="gte")

    class Meta:
        model = Opgave
        fields: list[str] = []


class VoorstelFilter(StrengeFilterSet):
    gemeente = GemeenteFilter(field_name="traject__gemeente__slug")
    status = django_filters.MultipleChoiceFilter(
        field_name="traject__status", choices=TrajectStatus.choices
    )
    opgave = NummerFilter(field_name="opgave_id")
    openbaar_vanaf = TijdFilter(field_name="openbaar_sinds", lookup_expr="gte")
    besloten_vanaf = TijdFilter(field_name="besluit_op", lookup_expr="gte")

    class Meta:
        model = Voorstel
        fields: list[str] = []


class RegisterFilter(StrengeFilterSet):
    gemeente = GemeenteFilter()
    status = django_filters.MultipleChoiceFilter(
        choices=[(s, TrajectStatus(s).label) for s in OVERGEDRAGEN]
    )
    gewijzigd_vanaf = TijdFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Traject
        fields: list[str] = []


class TrajectFilter(StrengeFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=TrajectStatus.choices, help_text=_("Eén of meer statussen.")
    )
    fase = django_filters.TypedChoiceFilter(
        choices=FASE_KEUZES, coerce=int, method="filter_fase", help_text=_("Fase 1 tot en met 5.")
    )
    status_sinds_vanaf = TijdFilter(
        field_name="status_sinds",
        lookup_expr="gte",
        help_text=_("In deze status sinds ten minste."),
    )
    status_sinds_tot = TijdFilter(field_name="status_sinds", lookup_expr="lt")
    gewijzigd_vanaf = TijdFilter(field_name="updated_at", lookup_expr="gte")
    gewijzigd_tot = TijdFilter(field_name="updated_at", lookup_expr="lt")

    class Meta:
        model = Traject
        fields: list[str] = []

    def filter_fase(self, queryset, name, value: int):
        statussen = next((s for n, _l, s in FASEN if n == value), ())
        return queryset.filter(status__in=statussen)
