"""The draft proposal may be saved half-way, but it does not call optional what submitting
needs: those fields say "(nodig om in te dienen)", never "(niet verplicht)"."""

import re

import pytest
from django.urls import reverse

from initiatieven.forms import InitiatiefForm, VoorstelForm

pytestmark = pytest.mark.django_db


def test_velden_die_indienen_nodig_heeft_zeggen_dat(client, voorstel, initiatiefnemer):
    client.force_login(initiatiefnemer)
    html = client.get(
        reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": voorstel.traject_id})
    ).content.decode()
    # The signatures collected on paper are truly optional (none counts as 0).
    nodig = [
        f"voorstel-{n}" for n in VoorstelForm(instance=voorstel).fields if n != "handtekeningen"
    ] + [f"initiatief-{n}" for n in ("rechtsvorm", "straat", "postcode", "plaats")]
    for naam in nodig:
        label = re.search(rf'<label[^>]*for="id_{naam}"[^>]*>(.*?)</label>', html, re.S)
        assert label, naam
        assert "niet verplicht" not in label.group(1), naam
        assert "nodig om in te dienen" in label.group(1), naam
    # What submitting does not need stays "(niet verplicht)".
    for naam in ("initiatief-email", "initiatief-website", "voorstel-handtekeningen"):
        label = re.search(rf'<label[^>]*for="id_{naam}"[^>]*>(.*?)</label>', html, re.S)
        assert "niet verplicht" in label.group(1), naam
    assert "nodig bij een stichting" in html
    assert InitiatiefForm().fields["publiceren"].initial in (None, False)
