from django.conf import settings
from django.db import migrations
from django.utils import translation


def standaardcriteria_aanmaken(apps, schema_editor):
    """A gemeente without any criterium gets the usual list now (made from now on when the
    gemeente is made, no longer by the first visit of an intake page)."""
    from initiatieven.constants import STANDAARD_CRITERIA

    Gemeente = apps.get_model("aanbesteden", "Gemeente")
    Beoordelingscriterium = apps.get_model("initiatieven", "Beoordelingscriterium")
    with translation.override(settings.LANGUAGE_CODE):
        Beoordelingscriterium.objects.bulk_create(
            Beoordelingscriterium(
                gemeente_id=pk, code=code, titel=str(titel), volgorde=(i + 1) * 10
            )
            for pk in Gemeente.objects.filter(criteria__isnull=True).values_list(
                "pk", flat=True
            )
            for i, (code, titel) in enumerate(STANDAARD_CRITERIA)
        )


class Migration(migrations.Migration):
    """Every gemeente has its assessment criteria, so that the intake pages only read them."""

    dependencies = [
        ("aanbesteden", "0009_trajectrechten_met_sleutel"),
        ("initiatieven", "0006_tijdstempels_uit_basismodel"),
    ]

    operations = [migrations.RunPython(standaardcriteria_aanmaken, migrations.RunPython.noop)]
