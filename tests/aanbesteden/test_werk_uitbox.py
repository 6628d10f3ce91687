"""The outbox of background work: recorded in the caller's transaction, done and marked done
after the commit (in-process here), nothing when the transaction rolls back; the sweep offers
open work again after WERK_OPNIEUW_NA, at most WERK_MAX_POGINGEN times, and forgets done work
after a week. A broker that refuses (a closed port) is logged, not raised."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from aanbesteden.models import Werk
from aanbesteden.tasks import werk_nalopen as nalopen_taak
from aanbesteden.werk import _sleutel, taak_aanbieden, werk_inplannen, werk_nalopen
from tests.storingen import celery_op, vrije_poort


@pytest.mark.django_db(transaction=True)
def test_werk_na_de_commit_gedaan_en_afgevinkt():
    with transaction.atomic():
        werk = werk_inplannen(nalopen_taak)
        werk.refresh_from_db()
        assert werk.klaar_op is None and werk.pogingen == 0
    werk.refresh_from_db()
    assert werk.klaar_op is not None and werk.pogingen == 1

    with pytest.raises(RuntimeError), transaction.atomic():
        werk_inplannen(nalopen_taak)
        raise RuntimeError
    assert Werk.objects.count() == 1


@pytest.mark.django_db
def test_veger_biedt_opnieuw_aan_tot_het_maximum_en_ruimt_op(settings):
    settings.WERK_OPNIEUW_NA = 60
    settings.WERK_MAX_POGINGEN = 2
    open_werk = Werk.objects.create(taak=nalopen_taak.name, sleutel=_sleutel(nalopen_taak.name, {}))
    assert werk_nalopen() == 0  # just asked for: not yet
    Werk.objects.filter(pk=open_werk.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    oud_klaar = Werk.objects.create(taak="t", sleutel="y")
    Werk.objects.filter(pk=oud_klaar.pk).update(klaar_op=timezone.now() - timedelta(days=8))

    assert werk_nalopen() == 1
    open_werk.refresh_from_db()
    assert open_werk.pogingen == 1 and open_werk.klaar_op is not None  # done, in-process
    assert not Werk.objects.filter(pk=oud_klaar.pk).exists()

    vast = Werk.objects.create(taak="onbekende.taak", sleutel="z", pogingen=2)
    Werk.objects.filter(pk=vast.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert werk_nalopen() == 0  # offered the maximum number of times already


def test_broker_weg_wordt_gelogd_niet_opgegooid(caplog):
    with celery_op(f"redis://127.0.0.1:{vrije_poort()}/0"):
        assert taak_aanbieden(nalopen_taak) is False
        assert taak_aanbieden(nalopen_taak) is False  # the second does not wait on it again
    assert "Broker did not take task aanbesteden.tasks.werk_nalopen" in caplog.text


def test_beide_vegers_staan_in_het_beat_schema(settings):
    from aanbesteden.celery import app

    taken = {regel["task"]: regel["schedule"] for regel in settings.CELERY_BEAT_SCHEDULE.values()}
    assert taken["aanbesteden.tasks.werk_nalopen"] == 60.0
    assert taken["meldingen.tasks.mails_nalopen"] == 60.0
    app.loader.import_default_modules()
    assert {"aanbesteden.tasks.werk_nalopen", "meldingen.tasks.mails_nalopen"} <= set(app.tasks)
