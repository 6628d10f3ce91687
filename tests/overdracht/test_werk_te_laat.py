"""An agreement's PDF that is overdue (a worker was killed, the broker lost the task): the
page says how long ago the document was asked for; once it takes longer than ``WERK_TE_LAAT_NA`` an
official may try again, also when nothing is marked failed. Before that, "try again" is
refused (the work is still on its way)."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse

from aanbesteden.models import Werk
from overdracht.constants import PdfStatus

PDF_TAAK = "overdracht.tasks.overeenkomst_pdf_maken"


def test_pdf_te_laat_leeftijd_op_de_pagina_en_opnieuw_proberen(
    client, settings, versie, ambtenaar, django_capture_on_commit_callbacks
):
    from overdracht.services import versie_vaststellen

    # Fixed, and its work recorded, but never done (no commit hook runs: the task is lost).
    versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.BEZIG
    werk = Werk.objects.get(taak=PDF_TAAK)
    url = reverse("overdracht:versie", kwargs={"pk": versie.traject_id, "nummer": 1})
    opnieuw = reverse("overdracht:pdf_opnieuw", kwargs={"pk": versie.traject_id, "nummer": 1})
    client.force_login(ambtenaar)

    with time_machine.travel(werk.created_at + timedelta(minutes=2), tick=False):
        pagina = client.get(url).content.decode().replace("\xa0", " ")
        assert "Gevraagd 2 minuten geleden." in pagina
        assert opnieuw not in pagina  # on its way: no retry offered yet
        client.post(opnieuw)
        assert Werk.objects.filter(taak=PDF_TAAK).count() == 1  # refused

    later = werk.created_at + timedelta(seconds=settings.WERK_TE_LAAT_NA + 60)
    with time_machine.travel(later, tick=False):
        pagina = client.get(url).content.decode()
        assert "Dat duurt langer dan gewoonlijk." in pagina
        assert opnieuw in pagina
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(opnieuw).status_code == 302
    versie.refresh_from_db()
    assert versie.pdf_status == PdfStatus.KLAAR
    assert not Werk.objects.filter(taak=PDF_TAAK, klaar_op__isnull=True).exists()
