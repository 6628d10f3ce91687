"""The calendar feed at a secret address: valid iCalendar, only the user's moments, 404 else."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from evaluatie.models import Evaluatiemoment

D = datetime.date


def _sleutel(client, user):
    client.force_login(user)
    assert client.post(reverse("evaluatie:agenda_vernieuwen")).status_code == 302
    user.refresh_from_db()
    client.logout()
    return user.ical_sleutel


def test_feed_is_geldige_icalendar(client, eval_traject, initiatiefnemer, ander_traject):
    Evaluatiemoment.objects.create(traject=ander_traject, gepland_op=D(2027, 5, 1))
    vervallen = Evaluatiemoment.objects.create(
        traject=eval_traject, gepland_op=D(2027, 5, 2), status="vervallen"
    )
    sleutel = _sleutel(client, initiatiefnemer)
    antwoord = client.get(reverse("evaluatie:ical", kwargs={"sleutel": sleutel}))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/calendar")
    agenda = Calendar.from_ical(antwoord.content)
    assert agenda.name == "VCALENDAR"
    assert agenda["VERSION"] == "2.0" and "PRODID" in agenda
    events = list(agenda.walk("VEVENT"))
    datums = sorted(e["DTSTART"].dt for e in events)
    assert datums == sorted(
        eval_traject.evaluatiemomenten.exclude(pk=vervallen.pk).values_list("gepland_op", flat=True)
    )
    for e in events:
        assert type(e["DTSTART"].dt) is datetime.date  # DTSTART;VALUE=DATE
        assert e["UID"] and e["DTSTAMP"] and "Buurtpark" in str(e["SUMMARY"])
    assert b"DTSTART;VALUE=DATE:20270401" in antwoord.content
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_ambtenaar_ziet_momenten_van_de_gemeente(client, eval_traject, ambtenaar, ambtenaar_b):
    agenda = Calendar.from_ical(
        client.get(
            reverse("evaluatie:ical", kwargs={"sleutel": _sleutel(client, ambtenaar)})
        ).content
    )
    assert len(list(agenda.walk("VEVENT"))) == 8
    agenda_b = Calendar.from_ical(
        client.get(
            reverse("evaluatie:ical", kwargs={"sleutel": _sleutel(client, ambtenaar_b)})
        ).content
    )
    assert list(agenda_b.walk("VEVENT")) == []


@pytest.mark.parametrize("sleutel", ["fout", "x" * 43, "", "%00"])
def test_verkeerde_sleutel_geeft_404(client, eval_traject, initiatiefnemer, sleutel):
    _sleutel(client, initiatiefnemer)
    url = reverse("evaluatie:ical", kwargs={"sleutel": "a"}).replace("a.ics", f"{sleutel}.ics")
    assert client.get(url).status_code == 404


def test_vernieuwen_maakt_oude_link_ongeldig(client, eval_traject, initiatiefnemer):
    oud = _sleutel(client, initiatiefnemer)
    nieuw = _sleutel(client, initiatiefnemer)
    assert oud != nieuw and len(nieuw) >= 40
    assert client.get(reverse("evaluatie:ical", kwargs={"sleutel": oud})).status_code == 404
    assert client.get(reverse("evaluatie:ical", kwargs={"sleutel": nieuw})).status_code == 200


def test_agendapagina(client, initiatiefnemer):
    assert client.get(reverse("evaluatie:agenda")).status_code == 302
    client.force_login(initiatiefnemer)
    antwoord = client.get(reverse("evaluatie:agenda"))
    assert antwoord.status_code == 200 and "nog geen agendalink" in antwoord.content.decode()
    assert initiatiefnemer.ical_sleutel == ""  # GET does not create one
    assert client.get(reverse("evaluatie:agenda_vernieuwen")).status_code == 405
    client.post(reverse("evaluatie:agenda_vernieuwen"))
    initiatiefnemer.refresh_from_db()
    assert initiatiefnemer.ical_sleutel in client.get(reverse("evaluatie:agenda")).content.decode()


def test_oud_ambtenaar_ziet_geen_momenten_meer(client, eval_traject, ambtenaar):
    """The secret feed address outlives the membership; what it shows does not."""
    from aanbesteden.models import Lidmaatschap
    from tests import beheer

    url = reverse("evaluatie:ical", kwargs={"sleutel": _sleutel(client, ambtenaar)})
    assert len(list(Calendar.from_ical(client.get(url).content).walk("VEVENT"))) == 8
    beheer.bulk_verwijderen(beheer.beheerclient(), Lidmaatschap.objects.get(gebruiker=ambtenaar))
    assert list(Calendar.from_ical(client.get(url).content).walk("VEVENT")) == []
