from django.db import migrations, models


class Migration(migrations.Migration):
    """The route is edited as a draft: an edit marks it changed and notes what changed; a
    version is made only when a party asks the others to agree."""

    dependencies = [
        ("coalities", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="route",
            name="concept_gewijzigd",
            field=models.BooleanField(
                default=False, verbose_name="concept gewijzigd sinds de laatste versie"
            ),
        ),
        migrations.AddField(
            model_name="route",
            name="concept_wijzigingen",
            field=models.JSONField(
                blank=True, default=list, verbose_name="wat er in het concept veranderde"
            ),
        ),
        migrations.AlterField(
            model_name="route",
            name="versie",
            field=models.PositiveIntegerField(
                default=0,
                help_text="De laatste versie waarop akkoord is gevraagd.",
                verbose_name="versie",
            ),
        ),
    ]
