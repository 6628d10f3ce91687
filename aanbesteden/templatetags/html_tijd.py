"""``{{ waarde|datetime_attribuut }}``: a date or time as the ``datetime`` attribute of
``<time>`` takes it. Django's ``date:'c'`` writes microseconds, which HTML does not allow (at
most three digits after the seconds); this writes whole seconds in the current time zone."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def datetime_attribuut(waarde: datetime.date | datetime.datetime | None) -> str:
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, datetime.datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        return waarde.replace(microsecond=0).isoformat()
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return ""
