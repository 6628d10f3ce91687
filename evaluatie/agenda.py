"""The iCalendar feed of a user's evaluation moments (RFC 5545, through ``icalendar``)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from aanbesteden.models import User

from . import selectors
from .constants import MomentStatus


def agenda_ics(*, user: User) -> bytes:
    """A VCALENDAR with one all-day VEVENT per moment that concerns ``user``."""
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"
    nu = timezone.now()
    with translation.override(user.taal or settings.LANGUAGE_CODE):
        agenda = Calendar()
        agenda.add("prodid", "-//Maatschappelijk aanbesteden//Evaluatiemomenten//NL")
        agenda.add("version", "2.0")
        agenda.add("calscale", "GREGORIAN")
        agenda.add("x-wr-calname", _("Evaluatiemomenten"))
        for moment in selectors.momenten_voor_gebruiker(user=user):
            traject = moment.traject
            event = Event()
            event.add("uid", f"evaluatiemoment-{moment.pk}@{host}")
            event.add("dtstamp", nu)
            event.add("dtstart", moment.gepland_op)
            event.add("summary", _("Evaluatie: %(titel)s") % {"titel": traject.titel})
            event.add(
                "description",
                _("Evaluatiemoment van het traject %(titel)s (gemeente %(gemeente)s).")
                % {"titel": traject.titel, "gemeente": traject.gemeente.naam},
            )
            event.add(
                "url",
                settings.SITE_URL
                + reverse("evaluatie:moment", kwargs={"pk": traject.pk, "moment": moment.pk}),
            )
            if moment.status == MomentStatus.AFGEROND:
                event.add("status", "CONFIRMED")
            agenda.add_component(event)
    return agenda.to_ical()
