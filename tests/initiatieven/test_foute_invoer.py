"""Every form with bad input: a clear message, a 4xx, and nothing saved (not even half)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import Traject, User
from initiatieven.constants import OpgaveStatus
from initiatieven.models import (
    Contactpersoon,
    Criteriumscore,
    Horizon,
    Indicator,
    Opgave,
    Steunbetuiging,
    Voorstel,
)

from .factories import opgave_maken
from .test_intake_flow import contact_data, voorstel_data


def opgave_data(**extra):
    data = {
        "titel": "Groenonderhoud",
        "omschrijving": "Plantsoenen onderhouden.",
        "huidige_kosten": "42.000",
        "kwaliteitsniveau": "Niveau B",
        "beoordelingscriteria": "Kosten en kwaliteit",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "contactpersoon_naam": "Anne",
        "contactpersoon_email": "anne@a.example.org",
    }
    data.update(extra)
    return data


class TestOpgaveFormulier:
    @pytest.mark.parametrize(
        ("extra", "melding"),
        [
            ({"titel": ""}, "Dit veld is verplicht"),
            ({"titel": "x" * 201}, "200"),
            ({"huidige_kosten": "veel"}, "Vul een getal in"),
            ({"huidige_kosten": "-5"}, "negatief"),
            ({"huidige_kosten": "1" * 20}, "cijfers"),
            (
                {"deadline": (timezone.localdate() - timedelta(days=1)).isoformat()},
                "in het verleden",
            ),
            ({"deadline": "31-02-2026"}, "datum"),
            ({"contactpersoon_email": "geen-adres"}, "e-mailadres"),
        ],
    )
    def test_foute_invoer(self, client, gemeente, ambtenaar, extra, melding):
        client.force_login(ambtenaar)
        antwoord = client.post(
            reverse("initiatieven:opgave_nieuw", kwargs={"gemeente": gemeente.slug}),
            opgave_data(**extra),
        )
        assert antwoord.status_code == 400
        assert melding in antwoord.content.decode()
        assert not Opgave.objects.exists()

    def test_goed_en_bedrag_op_zijn_nederlands(self, client, gemeente, ambtenaar):
        client.force_login(ambtenaar)
        antwoord = client.post(
            reverse("initiatieven:opgave_nieuw", kwargs={"gemeente": gemeente.slug}),
            opgave_data(huidige_kosten="42.000,50"),
        )
        assert antwoord.status_code == 302
        opgave = Opgave.objects.get()
        assert str(opgave.huidige_kosten) == "42000.50" and opgave.status == OpgaveStatus.CONCEPT
        assert opgave.gemeente == gemeente and opgave.aangemaakt_door == ambtenaar

    def test_publiceren_sluiten_en_verkeerde_methode(self, client, gemeente, ambtenaar):
        opgave = opgave_maken(gemeente, status=OpgaveStatus.CONCEPT)
        client.force_login(ambtenaar)
        publiek = reverse(
            "initiatieven:opgave", kwargs={"gemeente": gemeente.slug, "pk": opgave.pk}
        )
        assert client.get(publiek).status_code == 404  # a draft is not public
        url = reverse(
            "initiatieven:opgave_status",
            kwargs={"gemeente": gemeente.slug, "pk": opgave.pk, "actie": "publiceren"},
        )
        assert client.get(url).status_code == 405
        client.post(url)
        assert Opgave.objects.get().status == OpgaveStatus.GEPUBLICEERD
        assert client.get(publiek).status_code == 200
        client.post(url)  # twice: a clear message, nothing changes
        assert Opgave.objects.get().status == OpgaveStatus.GEPUBLICEERD
        onbekend = reverse(
            "initiatieven:opgave_status",
            kwargs={"gemeente": gemeente.slug, "pk": opgave.pk, "actie": "wissen"},
        )
        assert client.post(onbekend).status_code == 404
        client.post(
            reverse(
                "initiatieven:opgave_status",
                kwargs={"gemeente": gemeente.slug, "pk": opgave.pk, "actie": "sluiten"},
            )
        )
        assert Opgave.objects.get().status == OpgaveStatus.GESLOTEN
        wijzigen = reverse(
            "initiatieven:opgave_wijzigen", kwargs={"gemeente": gemeente.slug, "pk": opgave.pk}
        )
        antwoord = client.post(wijzigen, opgave_data(titel="Nieuw"))
        assert antwoord.status_code == 400 and "gesloten" in antwoord.content.decode()
        assert Opgave.objects.get().titel != "Nieuw"


class TestVoorstelStarten:
    def test_na_de_deadline_geen_voorstellen(self, client, gemeente):
        opgave = opgave_maken(gemeente, dagen=-1)
        url = reverse(
            "initiatieven:opgave_voorstel_starten",
            kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
        )
        antwoord = client.post(
            url, {"email": "a@example.org", "initiatief_naam": "X", "titel": "Y"}
        )
        assert antwoord.status_code == 410
        assert "gesloten" in antwoord.content.decode()
        assert (
            not Traject.objects.exists() and not User.objects.filter(email="a@example.org").exists()
        )
        assert (
            "geen open opgaven"
            in client.get(
                reverse("initiatieven:gemeente", kwargs={"gemeente": gemeente.slug})
            ).content.decode()
        )

    @pytest.mark.parametrize(
        "data",
        [
            {},
            {"email": "geen-adres", "initiatief_naam": "X", "titel": "Y", "taak": "Z"},
            {"email": "a@example.org", "initiatief_naam": "X" * 201, "titel": "Y", "taak": "Z"},
            {"email": "a@example.org", "initiatief_naam": "X", "titel": "Y", "taak": ""},
        ],
    )
    def test_foute_invoer(self, client, gemeente, data):
        url = reverse("initiatieven:uitdaagrecht_starten", kwargs={"gemeente": gemeente.slug})
        antwoord = client.post(url, data)
        assert antwoord.status_code == 400
        assert "utrecht-form-field-error-message" in antwoord.content.decode()
        assert not Traject.objects.exists() and not Voorstel.objects.exists()

    def test_opgave_van_andere_gemeente(self, client, gemeente, andere_gemeente):
        opgave = opgave_maken(andere_gemeente)
        url = reverse(
            "initiatieven:opgave_voorstel_starten",
            kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
        )
        assert client.get(url).status_code == 404


class TestVoorstelWijzigen:
    @pytest.mark.parametrize(
        ("extra", "melding"),
        [
            ({"voorstel-kostenraming": "-100"}, "negatief"),
            ({"voorstel-kostenraming": "duur"}, "Vul een getal in"),
            ({"voorstel-bereik": "-3"}, "0"),
            ({"voorstel-looptijd_maanden": "999"}, "240"),
            ({"initiatief-kvk_nummer": "1234"}, "8 cijfers"),
            ({"initiatief-postcode": "ABCD 12"}, "1234 AB"),
            ({"initiatief-rechtsvorm": "koninkrijk"}, "geen beschikbare keuze"),
            ({"voorstel-omschrijving": "x" * 10001}, "10000"),
            ({"contact-0-email": "fout"}, "e-mailadres"),
        ],
    )
    def test_niets_half_opgeslagen(
        self, client, traject, voorstel, initiatiefnemer, extra, melding
    ):
        client.force_login(initiatiefnemer)
        voor = (
            Voorstel.objects.filter(pk=voorstel.pk).values().get(),
            voorstel.initiatief.contactpersonen.count(),
        )
        data = voorstel_data(**contact_data(("Nieuw", "nieuw@example.org")))
        data.update(extra)
        antwoord = client.post(
            reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk}), data
        )
        assert antwoord.status_code == 400
        import re

        fouten = re.findall(
            r'_fout"><p class="utrecht-paragraph">([^<]*)<', antwoord.content.decode()
        )
        assert any(melding in f for f in fouten), fouten
        na = (
            Voorstel.objects.filter(pk=voorstel.pk).values().get(),
            voorstel.initiatief.contactpersonen.count(),
        )
        assert na == voor
        assert (
            voorstel.initiatief.__class__.objects.get(pk=voorstel.initiatief_id).naam
            == "Stichting Buurtkracht"
        )

    def test_dubbele_contactpersoon(self, client, traject, voorstel, initiatiefnemer):
        client.force_login(initiatiefnemer)
        data = voorstel_data(
            **contact_data(("A", "zelfde@example.org"), ("B", "Zelfde@example.org"))
        )
        antwoord = client.post(
            reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk}), data
        )
        assert antwoord.status_code == 400
        assert not Contactpersoon.objects.filter(email__iexact="zelfde@example.org").exists()

    def test_tweede_indiening_van_hetzelfde_concept(
        self, client, traject, voorstel, initiatiefnemer, django_capture_on_commit_callbacks
    ):
        client.force_login(initiatiefnemer)
        url = reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": "indienen"})
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"status": "concept"}).status_code == 302
        eerste = Voorstel.objects.get(pk=voorstel.pk).ingediend_op
        antwoord = client.post(url, {"status": "concept"})
        assert antwoord.status_code in (403, 409)
        assert Voorstel.objects.get(pk=voorstel.pk).ingediend_op == eerste
        # and the draft can no longer be edited
        wijzigen = reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk})
        assert client.post(wijzigen, voorstel_data()).status_code == 403

    def test_onvolledig_indienen_zegt_wat_ontbreekt(
        self, client, traject, voorstel, initiatiefnemer
    ):
        Voorstel.objects.filter(pk=voorstel.pk).update(omschrijving="", looptijd_maanden=None)
        Steunbetuiging.objects.all().delete()
        client.force_login(initiatiefnemer)
        antwoord = client.post(
            reverse("aanbesteden:transitie", kwargs={"pk": traject.pk, "transitie": "indienen"}),
            {"status": "concept"},
        )
        assert antwoord.status_code == 409
        tekst = antwoord.content.decode()
        assert "Het voorstel is beschreven." in tekst and "De looptijd is ingevuld." in tekst
        assert "draagvlak" in tekst
        assert Traject.objects.get(pk=traject.pk).status == "concept"

    def test_min_contactpersonen_en_kvk(self, traject, voorstel, vereisten_register):
        from aanbesteden.fasen import fasen

        assert not fasen.onvervuld(traject, "indienen")
        traject.gemeente.min_contactpersonen = 3
        traject.gemeente.save()
        voorstel.initiatief.kvk_nummer = ""
        voorstel.initiatief.save()
        codes = {v.code for v in fasen.onvervuld(Traject.objects.get(pk=traject.pk), "indienen")}
        assert codes == {"contactpersonen", "kvk"}
        voorstel.initiatief.rechtsvorm = "informeel"
        voorstel.initiatief.save()
        codes = {v.code for v in fasen.onvervuld(Traject.objects.get(pk=traject.pk), "indienen")}
        assert codes == {"contactpersonen"}

    def test_deadline_voorbij_voor_indienen(self, traject, gemeente):
        from aanbesteden.fasen import fasen

        from .factories import voorstel_compleet

        opgave = opgave_maken(gemeente, dagen=-2)
        voorstel_compleet(traject, opgave=opgave)
        assert [v.code for v in fasen.onvervuld(traject, "indienen")] == ["opgave_open"]


class TestIntakeFormulieren:
    def test_besluit_zonder_motivatie_of_met_vervalste_status(self, client, ingediend, ambtenaar):
        client.force_login(ambtenaar)
        url = reverse("initiatieven:besluiten", kwargs={"pk": ingediend.pk})
        antwoord = client.post(url, {"besluit": "toelaten", "motivatie": "", "status": "ingediend"})
        assert antwoord.status_code == 400 and "Geef een motivatie" in antwoord.content.decode()
        antwoord = client.post(
            url, {"besluit": "verankeren", "motivatie": "x", "status": "ingediend"}
        )
        assert antwoord.status_code == 400
        antwoord = client.post(url, {"besluit": "toelaten", "motivatie": "x", "status": "concept"})
        assert antwoord.status_code == 409
        antwoord = client.post(
            url, {"besluit": "toelaten", "motivatie": "x" * 5001, "status": "ingediend"}
        )
        assert antwoord.status_code == 400
        # the assessment is not complete: the decision waits, with the reason
        antwoord = client.post(
            url, {"besluit": "toelaten", "motivatie": "Goed.", "status": "ingediend"}
        )
        assert antwoord.status_code == 409
        assert "beoordeeld op alle criteria" in antwoord.content.decode()
        assert Traject.objects.get(pk=ingediend.pk).status == "ingediend"
        assert not Voorstel.objects.get(traject=ingediend).besluit

    def test_beoordeling_met_foute_score(self, client, ingediend, ambtenaar):
        from initiatieven.selectors import criteria_voor_gemeente

        client.force_login(ambtenaar)
        criterium = criteria_voor_gemeente(gemeente=ingediend.gemeente).first()
        url = reverse("initiatieven:beoordelen", kwargs={"pk": ingediend.pk})
        antwoord = client.post(
            url, {f"score_{criterium.pk}": "uitstekend", f"toelichting_{criterium.pk}": "x"}
        )
        assert antwoord.status_code == 400
        antwoord = client.post(
            url, {f"score_{criterium.pk}": "voldoet", f"toelichting_{criterium.pk}": "x" * 5001}
        )
        assert antwoord.status_code == 400
        assert not Criteriumscore.objects.exists()

    def test_beoordelen_kan_alleen_als_ingediend(self, client, traject, voorstel, ambtenaar):
        client.force_login(ambtenaar)
        assert (
            client.get(reverse("initiatieven:beoordelen", kwargs={"pk": traject.pk})).status_code
            == 403
        )
        assert (
            client.get(reverse("initiatieven:besluiten", kwargs={"pk": traject.pk})).status_code
            == 403
        )

    def test_steun_foute_invoer_en_eenmaal_per_adres(
        self, client, traject, voorstel, initiatiefnemer, django_capture_on_commit_callbacks
    ):
        from django.core import mail

        from .factories import link_uit_mail

        Steunbetuiging.objects.all().delete()
        client.force_login(initiatiefnemer)
        url = reverse("initiatieven:steun", kwargs={"pk": traject.pk})
        assert client.post(url, {"naam": "", "email": "x"}).status_code == 400
        assert not Steunbetuiging.objects.exists()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"naam": "Buur", "email": "Buur@example.org"})
            client.post(url, {"naam": "Buur", "email": "buur@example.org"})
        assert Steunbetuiging.objects.count() == 1
        link = link_uit_mail(mail.outbox[-1])
        client.logout()
        assert client.get(link).status_code == 200
        assert Steunbetuiging.objects.get().bevestigd_op is None  # opening is not confirming
        assert client.post(link).status_code == 200
        assert client.post(link).status_code == 200  # twice: still one
        assert Steunbetuiging.objects.filter(bevestigd_op__isnull=False).count() == 1
        oude = link_uit_mail(mail.outbox[0])
        assert client.post(oude).status_code == 404  # the first link was replaced
        assert client.post("/steun/verzonnen/").status_code == 404


class TestHorizonFormulier:
    def data(self, nummer, **extra):
        data = {
            "versie": str(nummer),
            "ambitie": "Groen",
            "beoogde_resultaten": "",
            "indicatoren-TOTAL_FORMS": "1",
            "indicatoren-INITIAL_FORMS": "0",
            "indicatoren-MIN_NUM_FORMS": "0",
            "indicatoren-MAX_NUM_FORMS": "20",
            "indicatoren-0-naam": "Bezoekers",
            "indicatoren-0-eenheid": "aantal",
            "indicatoren-0-nulwaarde": "0",
            "indicatoren-0-streefwaarde": "10",
            "indicatoren-0-meetfrequentie": "kwartaal",
        }
        data.update(extra)
        return data

    @pytest.mark.parametrize(
        "extra",
        [
            {"indicatoren-0-streefwaarde": "veel"},
            {"indicatoren-0-naam": ""},
            {"indicatoren-0-meetfrequentie": "dagelijks"},
            {"ambitie": "x" * 5001},
            {"versie": "abc"},
        ],
    )
    def test_foute_invoer(self, client, traject, ambtenaar, extra):
        Traject.objects.filter(pk=traject.pk).update(status="horizon")
        horizon = Horizon.objects.create(traject=traject)
        client.force_login(ambtenaar)
        antwoord = client.post(
            reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk}),
            self.data(1, **extra),
        )
        assert antwoord.status_code == 400
        horizon.refresh_from_db()
        assert horizon.versie == 1 and horizon.ambitie == "" and not Indicator.objects.exists()

    def test_verouderde_versie(self, client, traject, ambtenaar):
        Traject.objects.filter(pk=traject.pk).update(status="horizon")
        Horizon.objects.create(traject=traject, versie=3)
        client.force_login(ambtenaar)
        antwoord = client.post(
            reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk}), self.data(2)
        )
        assert antwoord.status_code == 409 and "intussen gewijzigd" in antwoord.content.decode()
        assert not Indicator.objects.exists()
        client.post(
            reverse("initiatieven:horizon_akkoord", kwargs={"pk": traject.pk}), {"versie": "2"}
        )
        assert not Horizon.objects.get(traject=traject).akkoord_gemeente_op


class TestDubbelEnVreemd:
    def test_dubbel_verstuurd_startformulier_maakt_een_concept(
        self, client, gemeente, django_capture_on_commit_callbacks
    ):
        from django.core import mail

        url = reverse("initiatieven:uitdaagrecht_starten", kwargs={"gemeente": gemeente.slug})
        data = {"email": "dubbel@example.org", "initiatief_naam": "X", "titel": "Y", "taak": "Z"}
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, data).status_code == 302
            assert client.post(url, data).status_code == 302
        assert Traject.objects.count() == 1 and Voorstel.objects.count() == 1
        assert len([m for m in mail.outbox if "dubbel@example.org" in m.to]) == 2  # a fresh link

    def test_ingelogde_bezoeker_gaat_meteen_verder(self, client, gemeente, opgave, initiatiefnemer):
        client.force_login(initiatiefnemer)
        url = reverse(
            "initiatieven:opgave_voorstel_starten",
            kwargs={"gemeente": gemeente.slug, "opgave": opgave.pk},
        )
        antwoord = client.post(url, {"initiatief_naam": "X", "titel": "Y"})
        voorstel = Voorstel.objects.get(opgave=opgave)
        assert antwoord["Location"] == reverse(
            "initiatieven:voorstel_wijzigen", kwargs={"pk": voorstel.traject_id}
        )
        assert voorstel.initiatief.leden.get() == initiatiefnemer

    def test_contactpersoon_van_ander_initiatief(
        self, client, traject, voorstel, ander_voorstel, initiatiefnemer
    ):
        vreemd = ander_voorstel.initiatief.contactpersonen.first()
        client.force_login(initiatiefnemer)
        data = voorstel_data(**contact_data(("Overgenomen", "x@example.org"), initieel=1))
        data["contact-0-id"] = str(vreemd.pk)
        antwoord = client.post(
            reverse("initiatieven:voorstel_wijzigen", kwargs={"pk": traject.pk}), data
        )
        assert antwoord.status_code == 400
        vreemd.refresh_from_db()
        assert vreemd.naam != "Overgenomen" and vreemd.initiatief_id == ander_voorstel.initiatief_id

    def test_indicator_van_andere_horizon(self, client, traject, ander_traject, ambtenaar):
        Traject.objects.filter(pk__in=[traject.pk, ander_traject.pk]).update(status="horizon")
        Horizon.objects.create(traject=traject)
        andere = Horizon.objects.create(traject=ander_traject)
        vreemd = Indicator.objects.create(horizon=andere, naam="Vreemd", eenheid="x")
        client.force_login(ambtenaar)
        data = TestHorizonFormulier().data(
            1, **{"indicatoren-INITIAL_FORMS": "1", "indicatoren-0-id": str(vreemd.pk)}
        )
        antwoord = client.post(
            reverse("initiatieven:horizon_wijzigen", kwargs={"pk": traject.pk}), data
        )
        assert antwoord.status_code == 400
        vreemd.refresh_from_db()
        assert vreemd.naam == "Vreemd" and vreemd.horizon_id == andere.pk

    def test_mail_in_de_taal_van_de_ontvanger(
        self, traject, voorstel, initiatiefnemer, django_capture_on_commit_callbacks
    ):
        from django.core import mail

        from aanbesteden.services import traject_transitie

        initiatiefnemer.taal = "en"
        initiatiefnemer.save()
        with django_capture_on_commit_callbacks(execute=True):
            traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
        onderwerpen = [m.subject for m in mail.outbox if initiatiefnemer.email in m.to]
        assert onderwerpen == ["Proposal “Buurtpark” has been submitted"]
        nl = [m.subject for m in mail.outbox if "ambtenaar@a.example.org" in m.to]
        assert "Voorstel “Buurtpark” is ingediend" in nl
