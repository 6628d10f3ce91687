"""A resident supports and responds to a published proposal from a phone (320 CSS px),
confirming both with the links from the mails; every page passes axe-core, the 320px reflow,
the Nu HTML checker and the Content-Security-Policy (``paginacontrole``)."""

from __future__ import annotations

from django.utils import timezone

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from initiatieven.models import Reactie, Steunbetuiging, Voorstel
from tests.e2e.stappen import Bezoeker, Kern
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory
from tests.initiatieven.factories import voorstel_compleet


def test_bewoner_steunt_en_reageert_met_de_telefoon(e2e_db, live_server, nieuwe_context, axe_bron):
    gemeente = GemeenteFactory(naam="Gemeente A", slug="gemeente-a", cbs_code="GM0001")
    traject = TrajectFactory(
        gemeente=gemeente, initiatiefnemer=UserFactory(), titel="Buurtpark De Linde"
    )
    voorstel = voorstel_compleet(traject)
    Voorstel.objects.filter(pk=voorstel.pk).update(
        openbaar=True, openbaar_sinds=timezone.now(), ingediend_op=timezone.now()
    )
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.INGEDIEND)
    voorstel.refresh_from_db()

    bewoner = Bezoeker(nieuwe_context(venster=(320, 640)), live_server.url, axe_bron)
    kern = Kern(bewoner)
    bewoner.ga_naar(voorstel.openbare_url())
    assert bewoner.h1() == "Buurtpark De Linde"

    # Support: e-mail, name with the (unticked) consent to show it.
    bewoner.page.get_by_label("Uw e-mailadres", exact=True).first.fill("fatima@example.org")
    bewoner.page.locator("#id_naam").fill("Fatima")
    bewoner.page.get_by_label("Mijn naam mag op deze pagina staan").check()
    bewoner.klik("button", "Ik steun dit voorstel")
    assert "Kijk in uw e-mail" in bewoner.melding()
    bewoner.ga_naar(kern.link_uit_mail("fatima@example.org"))
    bewoner.klik("button", "Ja, ik steun dit voorstel")
    assert Steunbetuiging.objects.get(email="fatima@example.org").bevestigd_op is not None

    # Respond: plain text, confirmed with the link from the next mail.
    bewoner.ga_naar(voorstel.openbare_url())
    assert "Fatima" in bewoner.page.content()
    bewoner.page.locator("#reactie_tekst").fill("Wat fijn, ik help graag mee met maaien.")
    bewoner.page.locator("#reactie_email").fill("fatima@example.org")
    bewoner.klik("button", "Reactie plaatsen")
    bewoner.ga_naar(kern.link_uit_mail("fatima@example.org"))
    bewoner.klik("button", "Ja, plaats mijn reactie")
    assert Reactie.objects.get().bevestigd_op is not None
    bewoner.klik("link", "Naar de pagina met uw reactie")
    assert "ik help graag mee met maaien" in bewoner.page.content()
    bewoner.geen_toegankelijkheidsfouten()
