"""The migration to access from the membership: the gemeente groups (through which a former
official could keep access) and their object permissions on trajecten are gone; the
initiative's own permissions stay. And back again: the groups are rebuilt from the
memberships."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("aanbesteden", "0002_dossier_dagoverzicht_notificatievoorkeur")]
NA = [("aanbesteden", "0004_gemeente_groep_weg")]


def _migreren(doel):
    """Migrate to ``doel`` and return the models as the database then stands (every applied
    migration; the apps whose models moved out of the core are unapplied with it)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    executor.loader.build_graph()
    graaf = executor.loader.graph
    toegepast = [n for n in executor.loader.applied_migrations if n in graaf.nodes]
    return executor.loader.project_state(toegepast).apps


def _alles():
    """Every app back at its latest migration."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_gemeentegroepen_en_hun_rechten_verdwijnen():
    apps = _migreren(VOOR)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("aanbesteden", "User")
    Gemeente = apps.get_model("aanbesteden", "Gemeente")
    Lidmaatschap = apps.get_model("aanbesteden", "Lidmaatschap")
    Traject = apps.get_model("aanbesteden", "Traject")
    GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
    UserObjectPermission = apps.get_model("guardian", "UserObjectPermission")

    ct, _ = ContentType.objects.get_or_create(app_label="aanbesteden", model="traject")
    perm = {
        codename: Permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": codename}
        )[0]
        for codename in ("ambtenaar_traject", "view_traject", "initiatiefnemer_traject")
    }
    groep = Group.objects.create(name="gemeente:a")
    gemeente = Gemeente.objects.create(naam="A", slug="a", cbs_code="GM0001", ambtenaren=groep)
    oud = User.objects.create(email="oud@a.example.org")
    oud.groups.add(groep)  # a former official, left in the group
    lid = User.objects.create(email="lid@a.example.org")
    lid.groups.add(groep)
    Lidmaatschap.objects.create(gebruiker=lid, gemeente=gemeente)
    ini = User.objects.create(email="ini@example.org")
    traject = Traject.objects.create(gemeente=gemeente, titel="Park")
    for codename in ("ambtenaar_traject", "view_traject"):
        GroupObjectPermission.objects.create(
            group=groep, permission=perm[codename], content_type=ct, object_pk=str(traject.pk)
        )
    UserObjectPermission.objects.create(
        user=oud, permission=perm["ambtenaar_traject"], content_type=ct, object_pk=str(traject.pk)
    )
    for codename in ("initiatiefnemer_traject", "view_traject"):
        UserObjectPermission.objects.create(
            user=ini, permission=perm[codename], content_type=ct, object_pk=str(traject.pk)
        )

    try:
        apps = _migreren(NA)
        Group = apps.get_model("auth", "Group")
        GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
        UserObjectPermission = apps.get_model("guardian", "UserObjectPermission")
        Permission = apps.get_model("auth", "Permission")
        assert not Group.objects.filter(name="gemeente:a").exists()
        assert not GroupObjectPermission.objects.exists()
        assert not Permission.objects.filter(codename="ambtenaar_traject").exists()
        assert sorted(
            UserObjectPermission.objects.values_list("user__email", "permission__codename")
        ) == [("ini@example.org", "initiatiefnemer_traject"), ("ini@example.org", "view_traject")]

        # Back: a group per gemeente again, with the members and the traject's permissions.
        apps = _migreren(VOOR)
        Gemeente = apps.get_model("aanbesteden", "Gemeente")
        GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
        groep = Gemeente.objects.get(slug="a").ambtenaren
        assert list(groep.user_set.values_list("email", flat=True)) == ["lid@a.example.org"]
        assert sorted(
            GroupObjectPermission.objects.filter(group=groep).values_list(
                "permission__codename", flat=True
            )
        ) == ["ambtenaar_traject", "view_traject"]
    finally:
        _alles()
