from django.db import migrations


def routes_aanmaken(apps, schema_editor):
    """A traject that is in the route phase has its route (made from now on when it enters the
    phase, no longer by the first visit of a route page): give one to those that lack it."""
    Traject = apps.get_model("aanbesteden", "Traject")
    Route = apps.get_model("coalities", "Route")
    zonder = Traject.objects.filter(status="route", route__isnull=True).values_list("pk", flat=True)
    Route.objects.bulk_create([Route(traject_id=pk) for pk in zonder])


class Migration(migrations.Migration):
    """Every traject in the route phase has a route, so that the route's pages only read."""

    dependencies = [
        ("aanbesteden", "0009_trajectrechten_met_sleutel"),
        ("coalities", "0006_partner_horizon_oordeel"),
    ]

    operations = [migrations.RunPython(routes_aanmaken, migrations.RunPython.noop)]
