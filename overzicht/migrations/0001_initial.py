# The archive dossiers come from the core (``aanbesteden``) with their rows: the model is
# taken over in the migration state on its existing table, which is then renamed to this
# app's name. Its content type moves along (so permissions and log rows stay attached).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELLEN = ("dossier",)


def _inhoudstypen(apps, van, naar):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELLEN:
        oud = ContentType.objects.filter(app_label=van, model=model).first()
        if oud is None:
            continue
        # A content type made under the new name in the meantime holds nothing of value.
        ContentType.objects.filter(app_label=naar, model=model).delete()
        oud.app_label = naar
        oud.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def inhoudstypen_verhuizen(apps, schema_editor):
    _inhoudstypen(apps, "aanbesteden", "overzicht")


def inhoudstypen_terug(apps, schema_editor):
    _inhoudstypen(apps, "overzicht", "aanbesteden")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("aanbesteden", "0006_meldingen_en_dossiers_naar_eigen_apps"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Dossier",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("status", models.CharField(choices=[("wachten", "Wordt gemaakt"), ("klaar", "Klaar"), ("mislukt", "Mislukt")], default="wachten", max_length=10, verbose_name="status")),
                        ("bestand", models.FileField(blank=True, upload_to="prive/dossiers/", verbose_name="bestand")),
                        ("sha256", models.CharField(blank=True, max_length=64)),
                        ("grootte", models.PositiveBigIntegerField(default=0, verbose_name="grootte (bytes)")),
                        ("fout", models.TextField(blank=True, verbose_name="foutmelding")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="aangevraagd op")),
                        ("klaar_op", models.DateTimeField(blank=True, null=True, verbose_name="klaar op")),
                        ("aangevraagd_door", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="aangevraagd door")),
                        ("traject", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="dossiers", to="aanbesteden.traject", verbose_name="traject")),
                    ],
                    options={
                        "verbose_name": "archiefdossier",
                        "verbose_name_plural": "archiefdossiers",
                        "ordering": ["-created_at", "-pk"],
                        "db_table": "aanbesteden_dossier",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="dossier", table=None),
        migrations.RunPython(inhoudstypen_verhuizen, inhoudstypen_terug),
    ]
