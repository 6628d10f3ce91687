"""Filtering the lists by gemeente, phase and date (django-filter: a wrong value is a 400
with the reason, and the filters appear in the schema)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from aanbesteden.constants import FASEN, OVERGEDRAGEN, TrajectStatus
from aanbesteden.models import Traject
from initiatieven.constants import OpgaveStatus
from initiatieven.models import Opgave

FASE_KEUZES = [(n, str(n)) for n in range(1, 6)]


class OpgaveFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(
        field_name="gemeente__slug", help_text=_("De korte naam van de gemeente.")
    )
    status = django_filters.ChoiceFilter(
        choices=[c for c in OpgaveStatus.choices if c[0] != OpgaveStatus.CONCEPT]
    )
    gepubliceerd_vanaf = django_filters.IsoDateTimeFilter(
        field_name="gepubliceerd_op", lookup_expr="gte"
    )
    gepubliceerd_tot = django_filters.IsoDateTimeFilter(
        field_name="gepubliceerd_op", lookup_expr="lt"
    )
    deadline_vanaf = django_filters.IsoDateTimeFilter(field_name="deadline", lookup_expr="gte")

    class Meta:
        model = Opgave
        fields: list[str] = []


class RegisterFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(
        field_name="gemeente__slug", help_text=_("De korte naam van de gemeente.")
    )
    status = django_filters.MultipleChoiceFilter(
        choices=[(s, TrajectStatus(s).label) for s in OVERGEDRAGEN]
    )
    gewijzigd_vanaf = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Traject
        fields: list[str] = []


class TrajectFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=TrajectStatus.choices, help_text=_("Eén of meer statussen.")
    )
    fase = django_filters.TypedChoiceFilter(
        choices=FASE_KEUZES, coerce=int, method="filter_fase", help_text=_("Fase 1 tot en met 5.")
    )
    status_sinds_vanaf = django_filters.IsoDateTimeFilter(
        field_name="status_sinds",
        lookup_expr="gte",
        help_text=_("In deze status sinds ten minste."),
    )
    status_sinds_tot = django_filters.IsoDateTimeFilter(field_name="status_sinds", lookup_expr="lt")
    gewijzigd_vanaf = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    gewijzigd_tot = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="lt")

    class Meta:
        model = Traject
        fields: list[str] = []

    def filter_fase(self, queryset, name, value: int):
        statussen = next((s for n, _l, s in FASEN if n == value), ())
        return queryset.filter(status__in=statussen)
