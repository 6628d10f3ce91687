"""The public page of a handed-over task: goal and indicators with the latest measurements
(the same charts as inside), milestones, the signed agreement and the evaluation decisions,
and nothing of anyone's personal data (every field the personal-data register declares)."""

from __future__ import annotations

import datetime
import html as html_lib
from decimal import Decimal

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from aanbesteden.persoonsgegevens import register
from tests.overdracht.factories import alles_tekenen, traject_in_overdracht


@pytest.fixture
def overgedragen(traject, partner, ambtenaar, initiatiefnemer, django_capture_on_commit_callbacks):
    """``traject`` through a real signature round into evaluatie, with one decided evaluation
    with measurements."""
    from evaluatie.models import Evaluatie, EvaluatieBijdrage, Evaluatiemoment, Meting
    from initiatieven.models import Indicator
    from overdracht.selectors import huidige_versie
    from overdracht.services import versie_opstellen, versie_vaststellen

    t = traject_in_overdracht(traject, partner_gebruikers=[partner])
    versie_opstellen(traject=t, door=ambtenaar)
    versie = huidige_versie(traject=t)
    versie.clausules.create(
        titel="Onderhoud", tekst="Het gras wordt wekelijks gemaaid.", volgorde=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        versie_vaststellen(versie=versie, door=ambtenaar, gemeente_ondertekenaar=ambtenaar)
    versie.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        alles_tekenen(versie)
    Traject.objects.filter(pk=t.pk).update(status=TrajectStatus.EVALUATIE)
    moment = Evaluatiemoment.objects.create(
        traject=t, gepland_op=datetime.date.today(), status="afgerond"
    )
    evaluatie = Evaluatie.objects.create(
        moment=moment,
        visie_gemeente="Interne visie van de gemeente.",
        conclusie="doorgaan",
        toelichting="Het park wordt goed gebruikt; wij gaan door.",
        besloten_op=timezone.now(),
        besloten_door=ambtenaar,
    )
    bijdrage = EvaluatieBijdrage.objects.create(
        evaluatie=evaluatie,
        partij_soort="initiatief",
        ingevuld_door=initiatiefnemer,
        wat_ging_goed="Veel vrijwilligers.",
        ingediend_op=timezone.now(),
    )
    for indicator in Indicator.objects.filter(horizon__traject=t):
        Meting.objects.create(
            bijdrage=bijdrage,
            indicator=indicator,
            waarde=Decimal("123.45"),
            bron="Telling bij de ingang",
            gemeten_op=datetime.date.today(),
        )
    return Traject.objects.get(pk=t.pk)


def _url(traject):
    return reverse(
        "overzicht:register_traject", kwargs={"gemeente": traject.gemeente.slug, "pk": traject.pk}
    )


def _persoonlijke_waarden() -> dict[str, set[str]]:
    """Every value in the database of every field the personal-data register says holds a
    person's data (what an erasure wipes), by ``model.field``."""
    waarden: dict[str, set[str]] = {}
    for onderdeel in register.onderdelen():
        model = onderdeel.model
        namen = set(onderdeel.wissen) | set(onderdeel.bewaard_wissen)
        if onderdeel.verwijderen:
            namen |= {n for n in onderdeel.export if "__" not in n}
        for naam in namen:
            veld = next((f for f in model._meta.get_fields() if f.name == naam), None)
            if not isinstance(veld, (models.CharField, models.TextField)):
                continue
            for waarde in model._default_manager.values_list(naam, flat=True):
                if isinstance(waarde, str) and len(waarde.strip()) >= 4:
                    waarden.setdefault(f"{model._meta.label}.{naam}", set()).add(waarde.strip())
    return waarden


def test_openbare_takenpagina_zonder_persoonsgegevens(client, overgedragen, partner):
    antwoord = client.get(_url(overgedragen))
    assert antwoord.status_code == 200
    pagina = html_lib.unescape(antwoord.content.decode())
    # What the page is for.
    assert "Het gras wordt wekelijks gemaaid." in pagina  # the signed agreement
    assert "<svg" in pagina and "123,45" in pagina  # the chart and the latest value
    assert "Het park wordt goed gebruikt; wij gaan door." in pagina  # decision and motivation
    assert "Doorgaan" in pagina
    assert "Mijlpalen" in pagina
    assert "Interne visie van de gemeente." not in pagina
    # And nothing personal: every declared personal field, every value. Only the names the
    # register publishes with consent may appear: the initiative (when it allows it) and the
    # partner organisations.
    from overzicht.selectors.register import register_rij, register_traject_get

    rij = register_rij(register_traject_get(gemeente=overgedragen.gemeente, pk=overgedragen.pk))
    met_toestemming = {rij["initiatief"], *rij["partners"]} - {None}
    gevonden = {
        veld: sorted(w for w in waarden if w in pagina and w not in met_toestemming)
        for veld, waarden in _persoonlijke_waarden().items()
    }
    gevonden = {veld: w for veld, w in gevonden.items() if w}
    assert not gevonden, gevonden
    # The searched fields include the people of this traject (the test can fail).
    alle = set().union(*_persoonlijke_waarden().values())
    assert partner.email in alle and partner.naam in alle


def test_alleen_overgedragen_taken(client, traject):
    assert client.get(_url(traject)).status_code == 404  # a concept is not in the register


def test_register_linkt_en_begrensd(client, overgedragen, django_assert_max_num_queries):
    register_url = reverse("overzicht:register", kwargs={"gemeente": overgedragen.gemeente.slug})
    assert _url(overgedragen) in client.get(register_url).content.decode()
    with django_assert_max_num_queries(25):
        assert client.get(_url(overgedragen)).status_code == 200


def test_reageren_op_de_openbare_takenpagina(
    client, overgedragen, initiatiefnemer, django_capture_on_commit_callbacks
):
    from initiatieven.models import Reactie
    from meldingen.models import Notificatie
    from tests.initiatieven.factories import laatste_mail_aan, link_uit_mail

    url = reverse(
        "overzicht:register_reageren",
        kwargs={"gemeente": overgedragen.gemeente.slug, "pk": overgedragen.pk},
    )
    assert client.post(url, {"tekst": "", "email": "a@example.org"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            url, {"tekst": "Fijn dat het park zo goed loopt.", "email": "buur@example.org"}
        )
    assert antwoord.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_uit_mail(laatste_mail_aan("buur@example.org")))
    assert Reactie.objects.get().plek == "traject"
    assert "Fijn dat het park zo goed loopt." in client.get(_url(overgedragen)).content.decode()
    assert Notificatie.objects.filter(ontvanger=initiatiefnemer, soort="reactie").exists()
