"""The mail outbox: a mail is recorded in the transaction that owes it and sent after the
commit; a mail server that is away (a closed port: the connection is refused) makes it wait
for its next try, minutes and then hours later, until it is given up after the last one; the
sweep sends what is due, once; sent mails are forgotten after 30 days."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from meldingen.berichten import MAIL_BEWAREN_DAGEN, mail_vastleggen, mails_nalopen
from meldingen.constants import MailStatus
from meldingen.models import Uitgaandemail
from tests.storingen import vrije_poort


@pytest.mark.django_db(transaction=True)
def test_vastgelegd_in_de_transactie_en_verzonden_na_de_commit():
    with transaction.atomic():
        m = mail_vastleggen(adres="a@example.org", onderwerp="Hallo", tekst="Tekst")
        assert mail.outbox == []
    m.refresh_from_db()
    assert m.status == MailStatus.VERZONDEN and m.pogingen == 1
    assert [b.to for b in mail.outbox] == [["a@example.org"]]

    with pytest.raises(RuntimeError), transaction.atomic():
        mail_vastleggen(adres="b@example.org", onderwerp="Nooit", tekst="Teruggedraaid")
        raise RuntimeError
    assert not Uitgaandemail.objects.filter(adres="b@example.org").exists()
    assert mails_nalopen() == 0 and len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_server_weg_wachttijden_en_opgeven(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", vrije_poort()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
    m = mail_vastleggen(adres="a@example.org", onderwerp="Hallo", tekst="Tekst")
    m.refresh_from_db()
    assert m.status == MailStatus.WACHTEN and m.pogingen == 1
    assert "Connection refused" in m.laatste_fout or "ConnectionRefused" in m.laatste_fout
    verwacht = [60, 300, 1800, 7200, 21600, 43200, 86400, 86400]
    assert verwacht == settings.MAIL_WACHTTIJDEN
    wacht = m.volgende_poging - timezone.now()
    assert timedelta(seconds=55) < wacht <= timedelta(seconds=60)
    assert mails_nalopen() == 0  # not due yet
    m.refresh_from_db()
    assert m.pogingen == 1
    for poging, wacht in enumerate(verwacht, start=1):
        m.refresh_from_db()
        assert m.volgende_poging - m.created_at >= timedelta(seconds=wacht - 5)
        with time_machine.travel(m.volgende_poging + timedelta(seconds=1), tick=False):
            assert mails_nalopen() == 0
        m.refresh_from_db()
        assert m.pogingen == poging + 1
    assert m.status == MailStatus.OPGEGEVEN
    assert mail.outbox == []


@pytest.mark.django_db
def test_verzonden_mails_na_30_dagen_weg():
    oud = Uitgaandemail.objects.create(
        adres="a@example.org",
        onderwerp="o",
        tekst="t",
        status=MailStatus.VERZONDEN,
        verzonden_op=timezone.now() - timedelta(days=MAIL_BEWAREN_DAGEN + 1),
    )
    nieuw = Uitgaandemail.objects.create(
        adres="a@example.org",
        onderwerp="o",
        tekst="t",
        status=MailStatus.VERZONDEN,
        verzonden_op=timezone.now(),
    )
    mails_nalopen()
    assert list(Uitgaandemail.objects.values_list("pk", flat=True)) == [nieuw.pk]
    assert not Uitgaandemail.objects.filter(pk=oud.pk).exists()
