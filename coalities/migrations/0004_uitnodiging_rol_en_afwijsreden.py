from django.db import migrations, models


class Migration(migrations.Migration):
    """An invitation names the role asked, and a partner who declines can say why."""

    dependencies = [
        ("coalities", "0003_route_concept"),
    ]

    operations = [
        migrations.AddField(
            model_name="uitnodiging",
            name="rol",
            field=models.CharField(
                blank=True,
                choices=[
                    ("uitvoerder", "Uitvoerder"),
                    ("financier", "Financier"),
                    ("adviseur", "Adviseur"),
                    ("ondersteuner", "Ondersteuner"),
                ],
                max_length=15,
                verbose_name="gevraagde rol",
            ),
        ),
        migrations.AddField(
            model_name="uitnodiging",
            name="afwijsreden",
            field=models.TextField(blank=True, max_length=2000, verbose_name="reden van afwijzen"),
        ),
    ]
