"""One decision, one message per person: inside ``een_bericht_per_persoon`` a later message
about the same traject skips whoever already got one; outside it nothing changes."""

import pytest
from django.core import mail

from meldingen.berichten import bericht_versturen, een_bericht_per_persoon
from meldingen.constants import NotificatieSoort
from meldingen.models import Notificatie
from tests.factories import TrajectFactory, UserFactory

pytestmark = pytest.mark.django_db


def _bericht(ontvangers, traject):
    return bericht_versturen(
        ontvangers=ontvangers,
        soort=NotificatieSoort.TRANSITIE,
        sjabloon="meldingen/mail/transitie",
        context={"traject": traject, "naar": traject.status, "door": ontvangers[0]},
        traject=traject,
    )


def test_binnen_een_besluit_krijgt_ieder_een_bericht(gemeente, django_capture_on_commit_callbacks):
    a, b, c = UserFactory(), UserFactory(), UserFactory()
    traject, ander = TrajectFactory(gemeente=gemeente), TrajectFactory(gemeente=gemeente)
    with django_capture_on_commit_callbacks(execute=True), een_bericht_per_persoon():
        assert len(_bericht([a, b], traject)) == 2
        with een_bericht_per_persoon():  # nested: the outer block counts
            assert len(_bericht([a, b, c], traject)) == 1  # only c is new
        assert len(_bericht([a], ander)) == 1  # another traject: another matter
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email, c.email, a.email])
    assert Notificatie.objects.filter(traject=traject).count() == 3


def test_buiten_een_besluit_verandert_niets(gemeente, django_capture_on_commit_callbacks):
    a = UserFactory()
    traject = TrajectFactory(gemeente=gemeente)
    with django_capture_on_commit_callbacks(execute=True):
        _bericht([a], traject)
        _bericht([a], traject)
    assert len(mail.outbox) == 2
