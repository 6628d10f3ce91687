"""The overviews speak English to a user who chose English."""

from django.urls import reverse


def test_dashboard_en_mijn_pagina_in_het_engels(gemeente, ambtenaar, client):
    ambtenaar.taal = "en"
    ambtenaar.save(update_fields=["taal"])
    client.force_login(ambtenaar)
    html = client.get(reverse("overzicht:dashboard", kwargs={"gemeente": gemeente.slug})).content
    html = html.decode()
    assert "What needs attention now" in html and "Wat nu aandacht vraagt" not in html
    html = client.get(reverse("overzicht:mijn_trajecten")).content.decode()
    assert "What we ask of you now" in html
    html = client.get(reverse("meldingen:voorkeuren")).content.decode()
    assert "One e-mail a day with everything together" in html
