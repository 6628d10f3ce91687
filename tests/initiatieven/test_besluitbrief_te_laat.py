"""A decision letter that is overdue (a worker was killed, the broker lost the task): its
age is shown, and after ``WERK_TE_LAAT_NA`` the official is offered "try again"."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import Werk
from aanbesteden.services import traject_transitie
from initiatieven.constants import DocumentStatus
from initiatieven.models import Besluitbrief
from tests.initiatieven.test_besluitbrief import beoordeeld  # noqa: F401 - a fixture


def test_besluitbrief_te_laat_leeftijd_en_opnieuw(
    client,
    settings,
    beoordeeld,  # noqa: F811 - the fixture imported above
    ambtenaar,
    django_capture_on_commit_callbacks,
):
    traject_transitie(traject=beoordeeld, transitie="toelaten", door=ambtenaar, motivatie="Goed.")
    brief = Besluitbrief.objects.get()
    assert brief.status == DocumentStatus.WACHTEN
    werk = Werk.objects.get(taak="initiatieven.tasks.besluitbrief_maken")
    url = reverse("initiatieven:voorstel", kwargs={"pk": beoordeeld.pk})
    opnieuw = reverse("initiatieven:besluitbrief_opnieuw", kwargs={"pk": beoordeeld.pk})
    client.force_login(ambtenaar)
    assert timezone.now() - werk.created_at < timedelta(minutes=1)
    assert opnieuw not in client.get(url).content.decode()

    settings.WERK_TE_LAAT_NA = 30 * 60
    later = werk.created_at + timedelta(hours=1)
    with time_machine.travel(later, tick=False):
        pagina = client.get(url).content.decode().replace("\xa0", " ")
        assert "Gevraagd 1 uur geleden." in pagina
        assert "Dat duurt langer dan gewoonlijk." in pagina
        assert opnieuw in pagina
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(opnieuw).status_code == 302
    brief.refresh_from_db()
    assert brief.status == DocumentStatus.KLAAR
