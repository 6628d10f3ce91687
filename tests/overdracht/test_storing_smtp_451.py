"""Fault test: a real SMTP server on 127.0.0.1 (aiosmtpd) answers 451 (a temporary refusal,
as greylisting gives) while the last signatory signs and somebody asks for a log-in link.
The pages answer as usual; every mail owed is kept, and once the server takes mail again
each arrives exactly once, the sealed agreement attached to its mails."""

from __future__ import annotations

import hashlib
import time
from collections import Counter

import pytest

from bedrijfsvoering.metrieken import mails_verschuldigd
from meldingen.berichten import mails_nalopen
from meldingen.constants import MailStatus
from meldingen.models import Uitgaandemail
from overdracht.constants import VersieStatus
from tests.overdracht.factories import alles_tekenen
from tests.storingen import smtp_server, wacht_tot


def _pdf_bijlagen(bericht) -> list[bytes]:
    return [
        deel.get_content()
        for deel in bericht.iter_attachments()
        if deel.get_content_type() == "application/pdf"
    ]


pytestmark = [pytest.mark.storing]


@pytest.mark.django_db(transaction=True)
def test_smtp_weigert_even_daarna_elke_mail_een_keer_met_bijlage(
    settings, client, vastgesteld, ambtenaar, initiatiefnemer
):
    versie = vastgesteld
    laatste = versie.ondertekeningen.select_related("ondertekenaar").order_by("-pk").first()
    alles_tekenen(versie, behalve=[laatste.ondertekenaar])
    Uitgaandemail.objects.all().delete()  # what was owed before the outage went out already

    with smtp_server() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.poort
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
        settings.MAIL_WACHTTIJDEN = [1, 1, 1, 1, 1, 3600]

        # The outage: the last signature (seal, notifications, the new phase) and a log-in link.
        client.force_login(laatste.ondertekenaar)
        antwoord = client.post(
            f"/trajecten/{versie.traject_id}/overeenkomst/{versie.nummer}"
            f"/ondertekeningen/{laatste.pk}/tekenen/",
            {"instemming": "on", "naam": laatste.naam, "pdf_sha256": versie.pdf_sha256},
        )
        assert antwoord.status_code == 302
        client.logout()
        antwoord = client.post("/inloglink/", {"email": initiatiefnemer.email})
        assert antwoord.status_code == 302

        versie.refresh_from_db()
        assert versie.status == VersieStatus.VERZEGELD
        assert smtp.geweigerd > 0 and smtp.ontvangen == []
        owed = list(Uitgaandemail.objects.all())
        assert owed and all(m.status == MailStatus.WACHTEN and m.pogingen == 1 for m in owed)
        assert all("451" in m.laatste_fout for m in owed)
        assert mails_verschuldigd() == len(owed)  # what the metrics show the operator
        met_pdf = [m for m in owed if m.bijlagen]
        assert met_pdf, "the sealed agreement is owed to everybody involved"
        assert any(initiatiefnemer.email == m.adres and not m.bijlagen for m in owed)

        # Still refusing at the next try: the mails stay owed, with a later next try.
        time.sleep(1.1)
        mails_nalopen()
        assert smtp.ontvangen == []
        assert Uitgaandemail.objects.filter(status=MailStatus.WACHTEN).count() == len(owed)

        smtp.weigeren = False  # the server takes mail again
        wacht_tot(
            lambda: (
                (mails_nalopen() or True)
                and not Uitgaandemail.objects.filter(status=MailStatus.WACHTEN).exists()
            ),
            seconden=30,
            stap=0.5,
            wat="every owed mail is sent",
        )
        mails_nalopen()  # a later sweep sends nothing again
        time.sleep(1.1)
        mails_nalopen()
        ontvangen = list(smtp.ontvangen)

    assert len(ontvangen) == len(owed)
    assert Counter((b["To"], " ".join(b["Subject"].split())) for b in ontvangen) == Counter(
        (m.adres, " ".join(m.onderwerp.split())) for m in owed
    ), "every owed mail exactly once"
    verzegeld = hashlib.sha256(versie.verzegeld_pdf.open("rb").read()).hexdigest()
    pdf_mails = [b for b in ontvangen if _pdf_bijlagen(b)]
    assert len(pdf_mails) == len(met_pdf)
    for bericht in pdf_mails:
        (pdf,) = _pdf_bijlagen(bericht)
        assert hashlib.sha256(pdf).hexdigest() == verzegeld
    assert Uitgaandemail.objects.filter(status=MailStatus.VERZONDEN).count() == len(owed)
