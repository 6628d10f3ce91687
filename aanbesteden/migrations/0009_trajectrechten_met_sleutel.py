# The roles on trajecten move from guardian's generic tables (object id as text) to two tables
# with a real foreign key to the traject; every existing row moves along, and back again.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

PAREN = (
    ("UserObjectPermission", "TrajectUserObjectPermission", "user_id"),
    ("GroupObjectPermission", "TrajectGroupObjectPermission", "group_id"),
)


def _traject_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label="aanbesteden", model="traject").first()


def naar_sleutel(apps, schema_editor):
    """Each generic row on a traject becomes a row with a foreign key; a row on a traject that
    no longer exists (the generic table cannot cascade) is dropped."""
    ct = _traject_type(apps)
    if ct is None:
        return
    Traject = apps.get_model("aanbesteden", "Traject")
    for generiek_naam, direct_naam, wie in PAREN:
        Generiek = apps.get_model("guardian", generiek_naam)
        Direct = apps.get_model("aanbesteden", direct_naam)
        rijen = Generiek.objects.filter(content_type=ct)
        bestaand = set(Traject.objects.values_list("pk", flat=True))
        nieuw = [
            Direct(
                **{wie: getattr(rij, wie)},
                permission_id=rij.permission_id,
                content_object_id=int(rij.object_pk),
            )
            for rij in rijen.iterator()
            if rij.object_pk.isdigit() and int(rij.object_pk) in bestaand
        ]
        Direct.objects.bulk_create(nieuw, batch_size=1000, ignore_conflicts=True)
        rijen.delete()


def naar_generiek(apps, schema_editor):
    ct = _traject_type(apps)
    if ct is None:
        return
    for generiek_naam, direct_naam, wie in PAREN:
        Generiek = apps.get_model("guardian", generiek_naam)
        Direct = apps.get_model("aanbesteden", direct_naam)
        Generiek.objects.bulk_create(
            [
                Generiek(
                    **{wie: getattr(rij, wie)},
                    permission_id=rij.permission_id,
                    content_type=ct,
                    object_pk=str(rij.content_object_id),
                )
                for rij in Direct.objects.iterator()
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
        Direct.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('aanbesteden', '0008_gemeente_steun_postcodes'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('guardian', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='TrajectGroupObjectPermission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='aanbesteden.traject')),
                ('group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='auth.group')),
                ('permission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='auth.permission')),
            ],
            options={
                'verbose_name': 'groepsrecht op een traject',
                'verbose_name_plural': 'groepsrechten op trajecten',
                'abstract': False,
                'unique_together': {('group', 'permission', 'content_object')},
            },
        ),
        migrations.CreateModel(
            name='TrajectUserObjectPermission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='aanbesteden.traject')),
                ('permission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='auth.permission')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'recht op een traject',
                'verbose_name_plural': 'rechten op trajecten',
                'abstract': False,
                'unique_together': {('user', 'permission', 'content_object')},
            },
        ),
        migrations.RunPython(naar_sleutel, naar_generiek),
    ]
