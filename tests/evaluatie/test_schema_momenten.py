"""The schedule: frequencies and durations, replanning, moved and extra moments, endings."""

import datetime

import pytest

from aanbesteden.constants import TrajectStatus
from aanbesteden.services import traject_transitie
from evaluatie import services
from evaluatie.constants import MomentStatus
from evaluatie.models import Evaluatiemoment, Herinnering

from .factories import in_status, versie_maken

D = datetime.date


@pytest.mark.parametrize(
    "frequentie,maanden,eerste,verwacht",
    [
        ("kwartaal", 12, None, [D(2027, 4, 1), D(2027, 7, 1), D(2027, 10, 1), D(2028, 1, 1)]),
        ("halfjaar", 24, None, [D(2027, 7, 1), D(2028, 1, 1), D(2028, 7, 1), D(2029, 1, 1)]),
        ("jaar", 36, None, [D(2028, 1, 1), D(2029, 1, 1), D(2030, 1, 1)]),
        ("jaar", 6, None, []),
        ("halfjaar", 12, D(2027, 3, 15), [D(2027, 3, 15), D(2027, 9, 15)]),
    ],
)
def test_schema_per_frequentie_en_looptijd(frequentie, maanden, eerste, verwacht):
    assert (
        services.schema_datums(
            startdatum=D(2027, 1, 1),
            looptijd_maanden=maanden,
            frequentie=frequentie,
            eerste_evaluatie=eerste,
        )
        == verwacht
    )


def test_einde_van_de_maand_blijft_staan():
    datums = services.schema_datums(
        startdatum=D(2026, 10, 31),
        looptijd_maanden=12,
        frequentie="kwartaal",
        eerste_evaluatie=D(2027, 1, 31),
    )
    assert datums == [D(2027, 1, 31), D(2027, 4, 30), D(2027, 7, 31), D(2027, 10, 31)]


def test_naar_evaluatie_plant_momenten(klok, traject, ambtenaar, geen_vereisten):
    from evaluatie.fasen import evaluatiemomenten_plannen

    geen_vereisten.na_transitie("naar_evaluatie")(evaluatiemomenten_plannen)
    versie_maken(
        traject, start=D(2027, 1, 1), maanden=12, frequentie="kwartaal", eerste=D(2027, 4, 1)
    )
    traject = in_status(traject, TrajectStatus.OVERDRACHT)
    traject_transitie(traject=traject, transitie="naar_evaluatie", door=ambtenaar)
    datums = list(traject.evaluatiemomenten.values_list("gepland_op", flat=True))
    assert datums == [D(2027, 4, 1), D(2027, 7, 1), D(2027, 10, 1), D(2028, 1, 1)]


def test_plannen_is_idempotent(eval_traject):
    voor = list(eval_traject.evaluatiemomenten.values_list("pk", "gepland_op"))
    assert len(voor) == 8
    services.momenten_plannen(traject=eval_traject)
    assert list(eval_traject.evaluatiemomenten.values_list("pk", "gepland_op")) == voor


def test_geen_momenten_in_het_verleden(klok, traject):
    versie_maken(traject, start=D(2026, 1, 1), maanden=24, frequentie="halfjaar")
    traject = in_status(traject, TrajectStatus.EVALUATIE)
    services.momenten_plannen(traject=traject)
    assert list(traject.evaluatiemomenten.values_list("gepland_op", flat=True)) == [
        D(2027, 7, 1),
        D(2028, 1, 1),
    ]


def test_zonder_verzegelde_versie_geen_momenten(klok, traject):
    versie_maken(traject, start=D(2027, 1, 1), maanden=12, frequentie="kwartaal", status="concept")
    assert services.momenten_plannen(traject=traject) == []
    assert not traject.evaluatiemomenten.exists()


def test_herplannen_na_bijsturen(eval_traject, ambtenaar, klok):
    """Back from bijsturen with a new sealed version (half-yearly): only future, unfinished
    scheduled moments change; finished, moved-and-kept and extra moments stay."""
    momenten = list(eval_traject.evaluatiemomenten.order_by("gepland_op"))
    eerste = momenten[0]
    eerste.status = MomentStatus.AFGEROND
    eerste.save()
    extra = services.moment_toevoegen(traject=eval_traject, datum=D(2027, 5, 5), door=ambtenaar)
    verplaatst = services.moment_verplaatsen(
        moment=momenten[3], datum=D(2028, 1, 10), reden="Vakantie", door=ambtenaar
    )  # 2028-01-01 -> 2028-01-10, also in the new half-yearly schedule
    eval_traject.overeenkomstversies.update(status="vervangen")
    versie_maken(
        eval_traject,
        nummer=2,
        start=D(2027, 1, 1),
        maanden=24,
        frequentie="halfjaar",
        eerste=D(2027, 7, 1),
    )
    services.momenten_plannen(traject=eval_traject)
    gepland = set(
        eval_traject.evaluatiemomenten.filter(status="gepland").values_list("gepland_op", flat=True)
    )
    assert gepland == {D(2027, 7, 1), D(2028, 1, 10), D(2028, 7, 1), D(2029, 1, 1), D(2027, 5, 5)}
    eerste.refresh_from_db()
    assert eerste.status == MomentStatus.AFGEROND
    assert Evaluatiemoment.objects.get(pk=extra.pk).status == MomentStatus.GEPLAND
    assert Evaluatiemoment.objects.get(pk=verplaatst.pk).status == MomentStatus.GEPLAND
    assert eval_traject.evaluatiemomenten.filter(status="vervallen").count() == 3


def test_verplaatsen_bewaart_oorspronkelijke_datum(eval_traject, ambtenaar):
    moment = eval_traject.evaluatiemomenten.first()
    Herinnering.objects.create(moment=moment, soort="14d")
    services.moment_verplaatsen(moment=moment, datum=D(2027, 4, 20), reden="Zomer", door=ambtenaar)
    services.moment_verplaatsen(
        moment=moment, datum=D(2027, 4, 25), reden="Nog later", door=ambtenaar
    )
    moment.refresh_from_db()
    assert moment.gepland_op == D(2027, 4, 25)
    assert moment.oorspronkelijk_op == D(2027, 4, 1)
    assert moment.verplaatst_reden == "Nog later"
    assert not moment.herinneringen.exists()  # reminders start over for the new date


@pytest.mark.parametrize(
    "datum,reden,melding",
    [
        (D(2027, 2, 1), "x", "vanaf vandaag"),
        (D(2099, 1, 1), "x", "vijftien jaar"),
        (D(2027, 5, 1), "   ", "reden"),
    ],
)
def test_verplaatsen_slechte_invoer(eval_traject, ambtenaar, datum, reden, melding):
    moment = eval_traject.evaluatiemomenten.first()
    with pytest.raises(services.EvaluatieFout, match=melding):
        services.moment_verplaatsen(moment=moment, datum=datum, reden=reden, door=ambtenaar)
    moment.refresh_from_db()
    assert moment.gepland_op == D(2027, 4, 1)


@pytest.mark.parametrize(
    "transitie,eind", [("verankeren", "verankerd"), ("beeindigen", "beeindigd")]
)
def test_einde_laat_momenten_vervallen(eval_traject, ambtenaar, geen_vereisten, transitie, eind):
    from evaluatie.fasen import evaluatiemomenten_laten_vervallen

    geen_vereisten.na_transitie(transitie)(evaluatiemomenten_laten_vervallen)
    traject_transitie(traject=eval_traject, transitie=transitie, door=ambtenaar, motivatie="Klaar")
    assert eval_traject.status == eind
    assert not eval_traject.evaluatiemomenten.filter(status="gepland").exists()
    assert eval_traject.evaluatiemomenten.filter(status="vervallen").count() == 8


def test_gevolgen_zijn_geregistreerd():
    from aanbesteden.fasen import fasen
    from evaluatie.fasen import evaluatiemomenten_laten_vervallen, evaluatiemomenten_plannen

    assert evaluatiemomenten_plannen in fasen.gevolgen("naar_evaluatie")
    for t in ("verankeren", "beeindigen", "intrekken"):
        assert evaluatiemomenten_laten_vervallen in fasen.gevolgen(t)
