from django.db import migrations, models


class Migration(migrations.Migration):
    """Consent to publish the initiative's name is never ticked before the initiative ticks
    it. Existing initiatives keep what they have."""

    dependencies = [
        ("initiatieven", "0004_reacties"),
    ]

    operations = [
        migrations.AlterField(
            model_name="initiatief",
            name="publiceren",
            field=models.BooleanField(
                default=False,
                help_text="De naam van het initiatief mag in het openbare register staan.",
                verbose_name="naam mag in het openbare register",
            ),
        ),
    ]
