"""The notifications and the archive dossiers left the core for their own apps (``meldingen``
and ``overzicht``). An existing database keeps every row: migrated from the core's last
migration before the move, with data in the old tables, the rows stand in the new apps'
tables with their ids, and their content types moved along, so permissions, object
permissions, the admin's log and scheduled tasks stay attached. And back again."""

from __future__ import annotations

from datetime import date

import pytest
from django.apps import apps as echte_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [
    ("aanbesteden", "0005_gemeente_contact_toegankelijkheid_en_privacy"),
    ("meldingen", None),
    ("overzicht", None),
]


def _migreren(doel):
    """Migrate to ``doel``; the models as the database then stands."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    executor.loader.build_graph()
    graaf = executor.loader.graph
    toegepast = [n for n in executor.loader.applied_migrations if n in graaf.nodes]
    ContentType.objects.clear_cache()
    return executor.loader.project_state(toegepast).apps


def _alles():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def _tabellen() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


@pytest.mark.django_db(transaction=True)
def test_rijen_en_hun_inhoudstypen_verhuizen_mee():
    try:
        oud = _migreren(VOOR)
        assert {"aanbesteden_notificatie", "aanbesteden_dossier"} <= _tabellen()
        assert not {"meldingen_notificatie", "overzicht_dossier"} & _tabellen()

        ContentType = oud.get_model("contenttypes", "ContentType")
        Permission = oud.get_model("auth", "Permission")
        LogEntry = oud.get_model("admin", "LogEntry")
        UserObjectPermission = oud.get_model("guardian", "UserObjectPermission")
        PeriodicTask = oud.get_model("django_celery_beat", "PeriodicTask")
        CrontabSchedule = oud.get_model("django_celery_beat", "CrontabSchedule")
        User = oud.get_model("aanbesteden", "User")
        Gemeente = oud.get_model("aanbesteden", "Gemeente")
        Traject = oud.get_model("aanbesteden", "Traject")

        anne = User.objects.create(email="anne@example.org", naam="Anne")
        gemeente = Gemeente.objects.create(naam="A", slug="a", cbs_code="GM0001")
        traject = Traject.objects.create(gemeente=gemeente, titel="Buurtpark")
        melding = oud.get_model("aanbesteden", "Notificatie").objects.create(
            ontvanger=anne,
            traject=traject,
            soort="voorstel",
            onderwerp="Uw voorstel",
            tekst="Het voorstel is toegelaten.",
        )
        voorkeur = oud.get_model("aanbesteden", "NotificatieVoorkeur").objects.create(
            gebruiker=anne, soort="evaluatie", bezorging="dagoverzicht"
        )
        overzicht = oud.get_model("aanbesteden", "Dagoverzicht").objects.create(
            gebruiker=anne, datum=date(2025, 3, 1), aantal=2
        )
        dossier = oud.get_model("aanbesteden", "Dossier").objects.create(
            traject=traject, aangevraagd_door=anne, status="klaar", sha256="a" * 64
        )

        ct = {
            model: ContentType.objects.get_or_create(app_label="aanbesteden", model=model)[0]
            for model in ("notificatie", "notificatievoorkeur", "dagoverzicht", "dossier")
        }
        bekijken, _ = Permission.objects.get_or_create(
            content_type=ct["dossier"], codename="view_dossier", defaults={"name": "Bekijken"}
        )
        UserObjectPermission.objects.create(
            user=anne, permission=bekijken, content_type=ct["dossier"], object_pk=str(dossier.pk)
        )
        log = LogEntry.objects.create(
            user=anne,
            content_type=ct["notificatie"],
            object_id=str(melding.pk),
            object_repr="Uw voorstel",
            action_flag=2,
            change_message="[]",
            action_time=traject.created_at,
        )
        taak = PeriodicTask.objects.create(
            name="oude-dagoverzichten",
            task="aanbesteden.tasks.dagoverzichten_versturen",
            crontab=CrontabSchedule.objects.create(minute="0", hour="7"),
        )

        _alles()
        assert {"meldingen_notificatie", "meldingen_notificatievoorkeur"} <= _tabellen()
        assert {"meldingen_dagoverzicht", "overzicht_dossier"} <= _tabellen()
        assert not {"aanbesteden_notificatie", "aanbesteden_dossier"} & _tabellen()

        Notificatie = echte_apps.get_model("meldingen", "Notificatie")
        nu = Notificatie.objects.get(pk=melding.pk)
        assert (nu.ontvanger_id, nu.traject_id, nu.onderwerp) == (
            anne.pk,
            traject.pk,
            melding.onderwerp,
        )
        assert (
            echte_apps.get_model("meldingen", "NotificatieVoorkeur").objects.get(pk=voorkeur.pk)
        ).bezorging == "dagoverzicht"
        assert (
            echte_apps.get_model("meldingen", "Dagoverzicht").objects.get(pk=overzicht.pk).aantal
            == 2
        )
        assert (
            echte_apps.get_model("overzicht", "Dossier").objects.get(pk=dossier.pk).sha256
            == "a" * 64
        )

        # The same content type rows, now of the new apps: what hangs on them stays.
        for model, app in (
            ("notificatie", "meldingen"),
            ("notificatievoorkeur", "meldingen"),
            ("dagoverzicht", "meldingen"),
            ("dossier", "overzicht"),
        ):
            rij = ContentType.objects.get(pk=ct[model].pk)
            assert (rij.app_label, rij.model) == (app, model)
            assert not ContentType.objects.filter(app_label="aanbesteden", model=model).exists()
        from django.contrib.admin.models import LogEntry as EchteLogEntry
        from guardian.shortcuts import get_perms

        assert EchteLogEntry.objects.get(pk=log.pk).get_edited_object() == nu
        User = echte_apps.get_model("aanbesteden", "User")
        Dossier = echte_apps.get_model("overzicht", "Dossier")
        assert "view_dossier" in get_perms(
            User.objects.get(pk=anne.pk), Dossier.objects.get(pk=dossier.pk)
        )
        from django_celery_beat.models import PeriodicTask as EchtePeriodicTask

        assert (
            EchtePeriodicTask.objects.get(pk=taak.pk).task
            == "meldingen.tasks.dagoverzichten_versturen"
        )

        # Back: the core's tables and content types again, with the rows.
        oud = _migreren(VOOR)
        assert oud.get_model("aanbesteden", "Notificatie").objects.get(pk=melding.pk).onderwerp
        assert oud.get_model("aanbesteden", "Dossier").objects.filter(pk=dossier.pk).exists()
        ContentType = oud.get_model("contenttypes", "ContentType")
        assert ContentType.objects.get(pk=ct["dossier"].pk).app_label == "aanbesteden"
        PeriodicTask = oud.get_model("django_celery_beat", "PeriodicTask")
        assert (
            PeriodicTask.objects.get(pk=taak.pk).task
            == "aanbesteden.tasks.dagoverzichten_versturen"
        )
    finally:
        _alles()
