"""The journey of phase 4: the official fixes the agreement, every signatory logs in with a
link from the mail and signs in the browser, and the sealed PDF comes out."""

from __future__ import annotations

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from tests.e2e.stappen import Bezoeker, Kern, Overdracht
from tests.factories import GemeenteFactory, TrajectFactory, UserFactory, ambtenaar_van, partner_van
from tests.overdracht.conftest import traject_in_overdracht


def test_iedereen_tekent_en_de_verzegelde_pdf_komt_eruit(
    e2e_db, live_server, nieuwe_context, axe_bron
):
    from overdracht.models import OvereenkomstVersie
    from overdracht.services import versie_opstellen

    gemeente = GemeenteFactory(naam="Utrechtse Heuvelrug", slug="heuvelrug", cbs_code="GM0339")
    ambtenaar = ambtenaar_van(gemeente, email="ambtenaar@heuvelrug.example.org", naam="Anne Ambt")
    ini = UserFactory(email="bewoners@buurtpark.example.org", naam="Ilse Bakker")
    traject = TrajectFactory(gemeente=gemeente, initiatiefnemer=ini, titel="Buurtpark De Linde")
    partner = partner_van(traject, email="sportclub@example.org", naam="Sanne de Vries")
    traject = traject_in_overdracht(traject, partner_gebruikers=[partner])
    Traject.objects.filter(pk=traject.pk).update(status=TrajectStatus.OVERDRACHT)
    versie_opstellen(traject=traject, door=ambtenaar)

    amb = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
    Kern(amb).inloggen_met_wachtwoord(ambtenaar.email, "geheim-wachtwoord-123")
    amb.ga_naar(traject.get_absolute_url())
    Overdracht(amb).vaststellen()
    versie = OvereenkomstVersie.objects.get(traject=traject, nummer=1)
    assert versie.status == "vastgesteld" and versie.pdf_status == "klaar"

    bezoekers = [amb]
    for o in versie.ondertekeningen.select_related("ondertekenaar"):
        if o.ondertekenaar == ambtenaar:
            b = amb
        else:
            b = Bezoeker(nieuwe_context(), live_server.url, axe_bron)
            Kern(b).inloggen_met_link(o.ondertekenaar.email)
            bezoekers.append(b)
        b.ga_naar(traject.get_absolute_url())
        Overdracht(b).tekenen(o.ondertekenaar.naam or o.ondertekenaar.email)

    versie.refresh_from_db()
    assert versie.status == "verzegeld", versie.status
    amb.ga_naar(traject.get_absolute_url())
    link = amb.page.get_by_role("link", name=amb.t("Verzegelde PDF"), exact=True)
    pdf = amb.page.request.get(live_server.url + link.get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF-")
    for b in bezoekers:
        b.geen_toegankelijkheidsfouten()
