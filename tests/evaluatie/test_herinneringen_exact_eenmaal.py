"""Reminders: each one exactly once per moment and kind, whatever happens to the scan."""

import datetime
import threading

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluatie import selectors, services
from evaluatie.models import Evaluatiemoment, Herinnering
from meldingen.models import Notificatie

from .factories import NU, VANDAAG, in_status

D = datetime.date


def _te_herinneren_momenten(traject):
    """Moments 14 days ahead, tomorrow, today, and overdue beyond the escalation days."""
    dagen = {"14d": 14, "1d": 1, "0d": 0, "escalatie": -(selectors.escalatie_dagen() + 1)}
    return {
        soort: Evaluatiemoment.objects.create(
            traject=traject, gepland_op=VANDAAG + datetime.timedelta(days=d), extra=True
        )
        for soort, d in dagen.items()
    }


def _mails_per_moment_en_soort():
    """(recipient, subject) pairs: each must appear exactly once."""
    return sorted((m.to[0], m.subject) for m in mail.outbox)


#: Reminders go to the initiative and the partner (2), the escalation to the official (1).
VERWACHT_AANTAL = 2 + 2 + 2 + 1


def test_scan_twee_keer_verstuurt_eenmaal(eval_traject, django_capture_on_commit_callbacks):
    momenten = _te_herinneren_momenten(eval_traject)
    with django_capture_on_commit_callbacks(execute=True):
        eerste = services.herinneringen_versturen()
    with django_capture_on_commit_callbacks(execute=True):
        tweede = services.herinneringen_versturen()
    assert {(v.moment_id, v.soort) for v in eerste} == {(m.pk, s) for s, m in momenten.items()}
    assert tweede == []
    assert len(mail.outbox) == VERWACHT_AANTAL
    paren = _mails_per_moment_en_soort()
    assert len(paren) == len(set(paren))
    assert Herinnering.objects.filter(verzonden_op__isnull=False).count() == 4
    escalatie = [m for m in mail.outbox if m.to == ["ambtenaar@a.example.org"]]
    assert len(escalatie) == 1 and "Te laat" in escalatie[0].subject


def test_kapotte_taak_na_versturen_voor_vastleggen(
    eval_traject, monkeypatch, django_capture_on_commit_callbacks
):
    """The worker dies after the notifications and mail were handed over but before the
    reminder is recorded: nothing reaches anyone, and the rerun sends each one once."""
    _te_herinneren_momenten(eval_traject)
    echte = services._herinnering_vastleggen
    aanroepen = []

    def sterft(**kwargs):
        aanroepen.append(Notificatie.objects.count())  # the mail call already happened
        raise SystemExit("worker killed")

    monkeypatch.setattr(services, "_herinnering_vastleggen", sterft)
    with pytest.raises(SystemExit), django_capture_on_commit_callbacks(execute=True):
        services.herinneringen_versturen()
    assert aanroepen and aanroepen[0] > 0
    assert mail.outbox == []
    assert not Herinnering.objects.exists()
    assert not Notificatie.objects.filter(soort="evaluatie").exists()

    monkeypatch.setattr(services, "_herinnering_vastleggen", echte)
    with django_capture_on_commit_callbacks(execute=True):
        services.herinneringen_versturen()
    with django_capture_on_commit_callbacks(execute=True):
        services.herinneringen_versturen()
    assert len(mail.outbox) == VERWACHT_AANTAL
    assert len(set(_mails_per_moment_en_soort())) == VERWACHT_AANTAL


def test_taak_opnieuw_afgeleverd_na_commit_verstuurt_niets_dubbel(
    eval_traject, django_capture_on_commit_callbacks
):
    """acks_late: the task ran and committed but was not acknowledged, so it runs again."""
    from evaluatie.tasks import herinneringen_scannen

    _te_herinneren_momenten(eval_traject)
    with django_capture_on_commit_callbacks(execute=True):
        assert herinneringen_scannen.delay().get() == 4
    with django_capture_on_commit_callbacks(execute=True):
        assert herinneringen_scannen.delay().get() == 0
    assert len(mail.outbox) == VERWACHT_AANTAL
    assert herinneringen_scannen.acks_late is True


@pytest.mark.django_db(transaction=True)
def test_twee_scans_tegelijk_op_postgresql(
    klok, traject, ambtenaar, initiatiefnemer, bevestigde_partner, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: SQLite serialises all writers, so two scans cannot race there."
        )
    momenten = _te_herinneren_momenten(in_status(traject, "evaluatie"))
    origineel = selectors.te_herinneren
    barriere = threading.Barrier(2, timeout=20)

    def gelijk_op(**kwargs):
        paren = origineel(**kwargs)
        barriere.wait()  # both scans have read the same due list before either claims
        return paren

    monkeypatch.setattr(selectors, "te_herinneren", gelijk_op)
    resultaten, fouten = [], []

    def scan():
        try:
            resultaten.append(services.herinneringen_versturen())
        except Exception as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=scan) for _ in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(30)
    assert not fouten
    verstuurd = sorted((v.moment_id, v.soort) for r in resultaten for v in r)
    assert verstuurd == sorted((m.pk, s) for s, m in momenten.items())
    assert len(mail.outbox) == VERWACHT_AANTAL
    assert len(set(_mails_per_moment_en_soort())) == VERWACHT_AANTAL
    assert Herinnering.objects.filter(verzonden_op__isnull=False).count() == 4


def test_datum_volgens_amsterdam(eval_traject, django_capture_on_commit_callbacks):
    """At 23:30 UTC on 28 February it is already 1 March in Amsterdam."""
    moment = Evaluatiemoment.objects.create(traject=eval_traject, gepland_op=VANDAAG, extra=True)
    with time_machine.travel(
        datetime.datetime(2027, 2, 28, 23, 30, tzinfo=datetime.UTC), tick=False
    ):
        assert services.vandaag() == VANDAAG
        verzonden = services.herinneringen_versturen()
    assert [(v.moment_id, v.soort) for v in verzonden] == [(moment.pk, "0d")]


def test_geen_herinneringen_na_einde_traject(eval_traject, django_capture_on_commit_callbacks):
    _te_herinneren_momenten(eval_traject)
    services.momenten_laten_vervallen(traject=eval_traject)
    in_status(eval_traject, "beeindigd")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.herinneringen_versturen() == []
    assert mail.outbox == []


def test_geen_herinneringen_terwijl_bijgestuurd(eval_traject, django_capture_on_commit_callbacks):
    _te_herinneren_momenten(eval_traject)
    in_status(eval_traject, "route")
    assert services.herinneringen_versturen() == []


def test_verplaatst_moment_krijgt_nieuwe_herinnering(
    eval_traject, ambtenaar, klok, django_capture_on_commit_callbacks
):
    moment = Evaluatiemoment.objects.create(
        traject=eval_traject, gepland_op=VANDAAG + datetime.timedelta(days=10), extra=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert [v.soort for v in services.herinneringen_versturen()] == ["14d"]
    services.moment_verplaatsen(
        moment=moment, datum=VANDAAG + datetime.timedelta(days=30), reden="Zomer", door=ambtenaar
    )
    assert services.herinneringen_versturen() == []  # 30 days ahead: nothing yet
    klok.move_to(NU + datetime.timedelta(days=16))
    with django_capture_on_commit_callbacks(execute=True):
        assert [v.soort for v in services.herinneringen_versturen()] == ["14d"]
    assert len(mail.outbox) == 4


@pytest.mark.parametrize(
    "dagen,soort",
    [
        (15, None),
        (14, "14d"),
        (2, "14d"),
        (1, "1d"),
        (0, "0d"),
        (-1, None),
        (-6, None),
        (-7, "escalatie"),
        (-37, "escalatie"),
        (-38, None),
    ],
)
def test_welke_herinnering_wanneer(settings, dagen, soort):
    settings.HERINNERING_ESCALATIE_DAGEN = 7
    assert (
        selectors.herinnering_soort(
            gepland_op=VANDAAG + datetime.timedelta(days=dagen), dag=VANDAAG
        )
        == soort
    )


def test_escalatie_dagen_instelbaar(eval_traject, settings):
    settings.HERINNERING_ESCALATIE_DAGEN = 3
    Evaluatiemoment.objects.create(
        traject=eval_traject, gepland_op=VANDAAG - datetime.timedelta(days=3), extra=True
    )
    assert [s for _m, s in selectors.te_herinneren(dag=VANDAAG)] == ["escalatie"]


def test_scan_leest_een_begrensd_aantal_queries(eval_traject):
    _te_herinneren_momenten(eval_traject)
    with CaptureQueriesContext(connection) as q:
        assert len(selectors.te_herinneren(dag=VANDAAG)) == 4
    assert len(q.captured_queries) == 2


def test_scan_kan_de_partiele_index_gebruiken(eval_traject):
    """The scan's own query matches the partial index's condition (status = gepland) and reads
    a date range, so PostgreSQL can read only the moments in the window."""
    if connection.vendor != "postgresql":
        pytest.skip("Query plans are checked on PostgreSQL, the production database.")
    with CaptureQueriesContext(connection) as q:
        selectors.te_herinneren(dag=VANDAAG)
    sql = q.captured_queries[0]["sql"]  # with its parameters filled in
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")
        cur.execute("EXPLAIN " + sql)
        plan = " ".join(r[0] for r in cur.fetchall())
    assert "moment_gepland_op" in plan


def test_beheercommando_zegt_wat_het_verstuurde(eval_traject, capsys):
    _te_herinneren_momenten(eval_traject)
    call_command("evaluatie_herinneringen")
    uit = capsys.readouterr().out
    assert "4 herinnering(en) verzonden." in uit
    assert "14 dagen vooraf: Buurtpark" in uit
    call_command("evaluatie_herinneringen")
    assert "0 herinnering(en) verzonden." in capsys.readouterr().out


def test_beat_planning_bevat_de_scan(settings):
    from celery import current_app

    taak = settings.CELERY_BEAT_SCHEDULE["evaluatie-herinneringen"]["task"]
    assert taak == "evaluatie.tasks.herinneringen_scannen"
    import evaluatie.tasks  # noqa: F401

    assert taak in current_app.tasks


def test_mail_in_taal_van_ontvanger(eval_traject, partner, django_capture_on_commit_callbacks):
    partner.taal = "en"
    partner.save()
    Evaluatiemoment.objects.create(traject=eval_traject, gepland_op=VANDAAG, extra=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.herinneringen_versturen()
    engels = next(m for m in mail.outbox if m.to == [partner.email])
    nederlands = next(m for m in mail.outbox if m.to != [partner.email])
    assert "Today" in engels.subject and "evaluation" in engels.body
    assert "Vandaag" in nederlands.subject
