"""The assessment criteria of a gemeente: its administrator manages them (switch off, add one,
a too long title refused) and cannot change another gemeente's."""

from __future__ import annotations

from django.urls import reverse


def test_beheerder_beheert_criteria(client, gemeente, beheerder):
    from initiatieven.models import Beoordelingscriterium

    client.force_login(beheerder)
    url = reverse("initiatieven:criteria", kwargs={"gemeente": gemeente.slug})
    client.get(url)
    criteria = list(
        Beoordelingscriterium.objects.filter(gemeente=gemeente).order_by("volgorde", "pk")
    )
    assert len(criteria) == 9
    data = {
        "criteria-TOTAL_FORMS": "10",
        "criteria-INITIAL_FORMS": "9",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "50",
    }
    for i, c in enumerate(criteria):
        data |= {
            f"criteria-{i}-id": str(c.pk),
            f"criteria-{i}-titel": c.titel,
            f"criteria-{i}-volgorde": str(c.volgorde),
            f"criteria-{i}-actief": "on",
        }
    data["criteria-0-actief"] = ""
    data |= {
        "criteria-9-titel": "Duurzaam",
        "criteria-9-volgorde": "100",
        "criteria-9-actief": "on",
    }
    assert client.post(url, data).status_code == 302
    assert Beoordelingscriterium.objects.filter(gemeente=gemeente, actief=True).count() == 9
    assert Beoordelingscriterium.objects.get(gemeente=gemeente, titel="Duurzaam").code == "duurzaam"
    data["criteria-9-titel"] = "x" * 201
    assert client.post(url, data).status_code == 400


def test_criterium_van_andere_gemeente_niet_te_wijzigen(
    client, gemeente, andere_gemeente, beheerder
):
    from initiatieven.models import Beoordelingscriterium
    from initiatieven.selectors import criteria_voor_gemeente

    vreemd = criteria_voor_gemeente(gemeente=andere_gemeente).first()
    client.force_login(beheerder)
    url = reverse("initiatieven:criteria", kwargs={"gemeente": gemeente.slug})
    data = {
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "1",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "50",
    }
    data |= {
        "criteria-0-id": str(vreemd.pk),
        "criteria-0-titel": "Gekaapt",
        "criteria-0-volgorde": "1",
    }
    assert client.post(url, data).status_code == 400
    vreemd.refresh_from_db()
    assert vreemd.titel != "Gekaapt" and vreemd.actief and vreemd.gemeente == andere_gemeente
    assert not Beoordelingscriterium.objects.filter(titel="Gekaapt").exists()
