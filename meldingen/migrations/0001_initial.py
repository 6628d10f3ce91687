# The notifications come from the core (``aanbesteden``) with their rows: the models are
# taken over in the migration state on their existing tables, which are then renamed to this
# app's names. Their content types move along (so permissions, object permissions and log
# rows stay attached), as do scheduled tasks stored under the old task names.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELLEN = ("notificatie", "notificatievoorkeur", "dagoverzicht")

#: Task names before and after the move, for tasks stored in django-celery-beat's table.
TAKEN = {
    "aanbesteden.tasks.dagoverzichten_versturen": "meldingen.tasks.dagoverzichten_versturen",
    "aanbesteden.tasks.notificatie_mailen": "meldingen.tasks.notificatie_mailen",
}


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
    _inhoudstypen(apps, "aanbesteden", "meldingen")


def inhoudstypen_terug(apps, schema_editor):
    _inhoudstypen(apps, "meldingen", "aanbesteden")


def _taken(apps, namen):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for oud, nieuw in namen.items():
        PeriodicTask.objects.filter(task=oud).update(task=nieuw)


def taken_hernoemen(apps, schema_editor):
    _taken(apps, TAKEN)


def taken_terug(apps, schema_editor):
    _taken(apps, {nieuw: oud for oud, nieuw in TAKEN.items()})


SOORTEN = [
    ("transitie", "Het traject gaat naar een andere fase"),
    ("inloglink", "Inloglink"),
    ("voorstel", "Voorstellen en besluiten"),
    ("horizon", "Stip aan de horizon"),
    ("coalitie", "Uitnodigingen en coalitie"),
    ("route", "Route en begroting"),
    ("overdracht", "Overeenkomst en ondertekening"),
    ("evaluatie", "Evaluaties en herinneringen"),
    ("overig", "Overig"),
]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("aanbesteden", "0006_meldingen_en_dossiers_naar_eigen_apps"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_celery_beat", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notificatie",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("soort", models.CharField(choices=SOORTEN, max_length=20, verbose_name="soort")),
                        ("onderwerp", models.CharField(max_length=250, verbose_name="onderwerp")),
                        ("tekst", models.TextField(verbose_name="tekst")),
                        ("url", models.CharField(blank=True, max_length=500, verbose_name="link")),
                        ("gelezen_op", models.DateTimeField(blank=True, null=True, verbose_name="gelezen op")),
                        ("gemaild_op", models.DateTimeField(blank=True, null=True, verbose_name="gemaild op")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op")),
                        ("ontvanger", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notificaties", to=settings.AUTH_USER_MODEL, verbose_name="ontvanger")),
                        ("traject", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="notificaties", to="aanbesteden.traject", verbose_name="traject")),
                    ],
                    options={
                        "verbose_name": "notificatie",
                        "verbose_name_plural": "notificaties",
                        "ordering": ["-created_at", "-pk"],
                        "db_table": "aanbesteden_notificatie",
                        "indexes": [models.Index(fields=["ontvanger", "gelezen_op"], name="notificatie_ongelezen")],
                    },
                ),
                migrations.CreateModel(
                    name="NotificatieVoorkeur",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("soort", models.CharField(choices=SOORTEN, max_length=20, verbose_name="soort")),
                        ("bezorging", models.CharField(choices=[("direct", "Meteen een e-mail"), ("dagoverzicht", "Eén e-mail per dag met alles bij elkaar"), ("geen", "Geen e-mail, alleen in de lijst met meldingen")], default="direct", max_length=15, verbose_name="e-mail")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("gebruiker", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notificatievoorkeuren", to=settings.AUTH_USER_MODEL, verbose_name="gebruiker")),
                    ],
                    options={
                        "verbose_name": "voorkeur voor meldingen",
                        "verbose_name_plural": "voorkeuren voor meldingen",
                        "db_table": "aanbesteden_notificatievoorkeur",
                        "constraints": [
                            models.UniqueConstraint(fields=("gebruiker", "soort"), name="voorkeur_eenmaal"),
                            models.CheckConstraint(condition=models.Q(("bezorging__in", ["direct", "dagoverzicht", "geen"])), name="voorkeur_bezorging_geldig"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Dagoverzicht",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("datum", models.DateField(verbose_name="datum")),
                        ("aantal", models.PositiveIntegerField(default=0, verbose_name="aantal meldingen")),
                        ("verzonden_op", models.DateTimeField(blank=True, null=True, verbose_name="verzonden op")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("gebruiker", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="dagoverzichten", to=settings.AUTH_USER_MODEL, verbose_name="gebruiker")),
                    ],
                    options={
                        "verbose_name": "dagoverzicht",
                        "verbose_name_plural": "dagoverzichten",
                        "db_table": "aanbesteden_dagoverzicht",
                        "constraints": [models.UniqueConstraint(fields=("gebruiker", "datum"), name="dagoverzicht_eenmaal")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="notificatie", table=None),
        migrations.AlterModelTable(name="notificatievoorkeur", table=None),
        migrations.AlterModelTable(name="dagoverzicht", table=None),
        migrations.RunPython(inhoudstypen_verhuizen, inhoudstypen_terug),
        migrations.RunPython(taken_hernoemen, taken_terug),
    ]
