"""Plain-text mail is not HTML-escaped: links and names arrive as written."""

import pytest
from django.core import mail

from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort
from tests.factories import TrajectFactory, UserFactory


@pytest.mark.django_db(transaction=True)
def test_mailtekst_zonder_html_escapes(gemeente):
    ontvanger = UserFactory(email="o.brien@example.org", naam="Sinéad O'Brien")
    traject = TrajectFactory(gemeente=gemeente, titel="Park & Plein <Noord>")
    bericht_versturen(
        ontvangers=[ontvanger],
        soort=NotificatieSoort.TRANSITIE,
        sjabloon="meldingen/mail/transitie",
        context={"traject": traject, "van": "concept", "naar": "ingediend", "door": ontvanger},
        traject=traject,
        url="/trajecten/1/?a=1&b=2",
    )
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert "Park & Plein <Noord>" in bericht.subject
    assert "Park & Plein <Noord>" in bericht.body
    assert "Sinéad O'Brien" in bericht.body
    assert "?a=1&b=2" in bericht.body
    assert "&amp;" not in bericht.body and "&#x27;" not in bericht.body
