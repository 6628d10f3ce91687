"""Which proposals the public may see: only submitted ones their initiative chose to publish."""

from __future__ import annotations

from django.utils import timezone

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from initiatieven.models import Voorstel
from initiatieven.selectors import openbare_voorstellen


def _openbaar(voorstel: Voorstel) -> None:
    Voorstel.objects.filter(pk=voorstel.pk).update(openbaar=True, openbaar_sinds=timezone.now())


def test_alleen_ingediend_en_openbaar(ingediend, voorstel, ander_voorstel, andere_gemeente):
    assert list(openbare_voorstellen()) == []  # off by default
    _openbaar(voorstel)
    _openbaar(ander_voorstel)  # published but still a draft: not public
    assert list(openbare_voorstellen()) == [voorstel]
    assert list(openbare_voorstellen(gemeente=ingediend.gemeente)) == [voorstel]
    assert list(openbare_voorstellen(gemeente=andere_gemeente)) == []


def test_ingetrokken_niet_openbaar(ingediend, voorstel):
    _openbaar(voorstel)
    Traject.objects.filter(pk=ingediend.pk).update(status=TrajectStatus.INGETROKKEN)
    assert list(openbare_voorstellen()) == []
