"""Officials' access to trajecten now follows from their membership (Lidmaatschap) itself.

The gemeente groups and their object permissions on trajecten are deleted: a former official
left in a group would otherwise keep the access. The permission ``ambtenaar_traject`` goes
too, with every object permission that still names it. Reversing this rebuilds the groups
from the memberships.
"""

import django.db.models.deletion
from django.db import migrations, models


def _traject_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label="aanbesteden", model="traject").first()


def groepen_opheffen(apps, schema_editor):
    Gemeente = apps.get_model("aanbesteden", "Gemeente")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")

    groep_ids = list(
        Gemeente.objects.filter(ambtenaren__isnull=False).values_list("ambtenaren_id", flat=True)
    )
    ct = _traject_type(apps)
    if ct is not None:
        GroupObjectPermission.objects.filter(group_id__in=groep_ids, content_type=ct).delete()
    Gemeente.objects.update(ambtenaren=None)
    # The groups' memberships and any other permission rows of them go with the groups.
    Group.objects.filter(pk__in=groep_ids).delete()
    if ct is not None:
        Permission.objects.filter(content_type=ct, codename="ambtenaar_traject").delete()


def groepen_herstellen(apps, schema_editor):
    Gemeente = apps.get_model("aanbesteden", "Gemeente")
    Traject = apps.get_model("aanbesteden", "Traject")
    Lidmaatschap = apps.get_model("aanbesteden", "Lidmaatschap")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
    User = apps.get_model("aanbesteden", "User")

    ContentType = apps.get_model("contenttypes", "ContentType")
    ct, _ = ContentType.objects.get_or_create(app_label="aanbesteden", model="traject")
    perms = [
        Permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": naam}
        )[0]
        for codename, naam in (
            ("ambtenaar_traject", "Mag handelen namens de gemeente"),
            ("view_traject", "Can view traject"),
        )
    ]
    for gemeente in Gemeente.objects.all():
        groep, _ = Group.objects.get_or_create(name=f"gemeente:{gemeente.slug}")
        gemeente.ambtenaren = groep
        gemeente.save(update_fields=["ambtenaren"])
        leden = Lidmaatschap.objects.filter(gemeente=gemeente).values_list("gebruiker_id", flat=True)
        for user in User.objects.filter(pk__in=leden):
            user.groups.add(groep)
        GroupObjectPermission.objects.bulk_create(
            [
                GroupObjectPermission(
                    group=groep, permission=perm, content_type=ct, object_pk=str(pk)
                )
                for pk in Traject.objects.filter(gemeente=gemeente).values_list("pk", flat=True)
                for perm in perms
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("aanbesteden", "0002_dossier_dagoverzicht_notificatievoorkeur"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guardian", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="gemeente",
            name="ambtenaren",
            field=models.OneToOneField(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="gemeente",
                to="auth.group",
                verbose_name="groep ambtenaren",
            ),
        ),
        migrations.RunPython(groepen_opheffen, groepen_herstellen),
    ]
