"""Values that Python's Decimal cannot compare ("sNaN") in a formset: a form error, not a 500.
(Found by the fuzz test on the horizon's indicators.)"""

import pytest
from django.urls import reverse

from aanbesteden.models import Traject
from initiatieven.models import Horizon
from tests.initiatieven.factories import voorstel_compleet


@pytest.mark.django_db
@pytest.mark.parametrize("waarde", ["sNaN", "-sNaN", "NaN", "Infinity"])
def test_onvergelijkbaar_getal_in_formset(client, traject, ambtenaar, waarde):
    voorstel_compleet(traject)
    Horizon.objects.create(traject=traject)
    Traject.objects.filter(pk=traject.pk).update(status="horizon")
    client.force_login(ambtenaar)
    client.raise_request_exception = False
    antwoord = client.post(
        reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk}),
        {
            "indicatoren-TOTAL_FORMS": "1",
            "indicatoren-INITIAL_FORMS": "0",
            "indicatoren-MIN_NUM_FORMS": "0",
            "indicatoren-MAX_NUM_FORMS": "1000",
            "indicatoren-0-nulwaarde": waarde,
        },
    )
    assert antwoord.status_code == 400
