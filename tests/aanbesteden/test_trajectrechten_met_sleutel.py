"""The roles on trajecten moved from guardian's generic tables (object id as text) to tables
with a foreign key to the traject: every existing row moves along, a row on a traject that no
longer exists is dropped, rows on other objects stay where they are. And back again."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("aanbesteden", "0008_gemeente_steun_postcodes")]
NA = [("aanbesteden", "0009_trajectrechten_met_sleutel")]


def _migreren(doel):
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


@pytest.mark.django_db(transaction=True)
def test_rechten_verhuizen_naar_de_tabel_met_sleutel_en_terug():
    try:
        apps = _migreren(VOOR)
        ContentType_ = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        Group = apps.get_model("auth", "Group")
        User = apps.get_model("aanbesteden", "User")
        Gemeente = apps.get_model("aanbesteden", "Gemeente")
        Traject = apps.get_model("aanbesteden", "Traject")
        UserObjectPermission = apps.get_model("guardian", "UserObjectPermission")
        GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")

        ct, _ = ContentType_.objects.get_or_create(app_label="aanbesteden", model="traject")
        ander_ct, _ = ContentType_.objects.get_or_create(app_label="aanbesteden", model="gemeente")
        perm = {
            codename: Permission.objects.get_or_create(
                content_type=ct, codename=codename, defaults={"name": codename}
            )[0]
            for codename in ("initiatiefnemer_traject", "partner_traject", "view_traject")
        }
        gemeente_perm, _ = Permission.objects.get_or_create(
            content_type=ander_ct, codename="view_gemeente", defaults={"name": "view"}
        )
        gemeente = Gemeente.objects.create(naam="A", slug="a", cbs_code="GM0001")
        park = Traject.objects.create(gemeente=gemeente, titel="Park")
        plein = Traject.objects.create(gemeente=gemeente, titel="Plein")
        ini = User.objects.create(email="ini@example.org")
        partner = User.objects.create(email="partner@example.org")
        groep = Group.objects.create(name="redactie")

        def recht(user, codename, traject_pk):
            UserObjectPermission.objects.create(
                user=user, permission=perm[codename], content_type=ct, object_pk=str(traject_pk)
            )

        for codename in ("initiatiefnemer_traject", "view_traject"):
            recht(ini, codename, park.pk)
        for codename in ("partner_traject", "view_traject"):
            recht(partner, codename, plein.pk)
        recht(partner, "partner_traject", 999_999)  # a traject that is gone
        GroupObjectPermission.objects.create(
            group=groep, permission=perm["view_traject"], content_type=ct, object_pk=str(park.pk)
        )
        UserObjectPermission.objects.create(  # not a traject: stays generic
            user=ini, permission=gemeente_perm, content_type=ander_ct, object_pk=str(gemeente.pk)
        )

        apps = _migreren(NA)
        Direct = apps.get_model("aanbesteden", "TrajectUserObjectPermission")
        DirectGroep = apps.get_model("aanbesteden", "TrajectGroupObjectPermission")
        UserObjectPermission = apps.get_model("guardian", "UserObjectPermission")
        GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
        assert sorted(
            Direct.objects.values_list("user__email", "permission__codename", "content_object_id")
        ) == [
            ("ini@example.org", "initiatiefnemer_traject", park.pk),
            ("ini@example.org", "view_traject", park.pk),
            ("partner@example.org", "partner_traject", plein.pk),
            ("partner@example.org", "view_traject", plein.pk),
        ]
        groepsrechten = DirectGroep.objects.values_list(
            "group__name", "permission__codename", "content_object_id"
        )
        assert list(groepsrechten) == [("redactie", "view_traject", park.pk)]
        generiek = UserObjectPermission.objects.values_list("permission__codename", flat=True)
        assert list(generiek) == ["view_gemeente"]
        assert not GroupObjectPermission.objects.exists()

        # Back: the generic rows again (without the one on the traject that was gone).
        apps = _migreren(VOOR)
        UserObjectPermission = apps.get_model("guardian", "UserObjectPermission")
        GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
        assert sorted(
            UserObjectPermission.objects.filter(content_type__model="traject").values_list(
                "user__email", "permission__codename", "object_pk"
            )
        ) == [
            ("ini@example.org", "initiatiefnemer_traject", str(park.pk)),
            ("ini@example.org", "view_traject", str(park.pk)),
            ("partner@example.org", "partner_traject", str(plein.pk)),
            ("partner@example.org", "view_traject", str(plein.pk)),
        ]
        assert GroupObjectPermission.objects.count() == 1
    finally:
        _alles()


@pytest.mark.django_db
def test_guardian_leest_en_schrijft_de_tabel_met_sleutel(traject, initiatiefnemer):
    """``assign_perm`` and the checks land in the direct table, not in the generic one."""
    from guardian.models import UserObjectPermission
    from guardian.shortcuts import get_perms
    from guardian.utils import get_user_obj_perms_model

    from aanbesteden.models import TrajectUserObjectPermission

    assert get_user_obj_perms_model(traject) is TrajectUserObjectPermission
    assert set(get_perms(initiatiefnemer, traject)) >= {"initiatiefnemer_traject", "view_traject"}
    assert TrajectUserObjectPermission.objects.filter(
        user=initiatiefnemer, content_object=traject
    ).exists()
    assert not UserObjectPermission.objects.filter(object_pk=str(traject.pk)).exists()
