# The notifications (Notificatie, NotificatieVoorkeur, Dagoverzicht) moved to the app
# ``meldingen``, the archive dossiers (Dossier) to the app ``overzicht``. Only the migration
# state changes here; the tables stay and are renamed by those apps' first migrations, which
# also move their content types (with permissions and log rows attached).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("aanbesteden", "0005_gemeente_contact_toegankelijkheid_en_privacy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Notificatie"),
                migrations.DeleteModel(name="NotificatieVoorkeur"),
                migrations.DeleteModel(name="Dagoverzicht"),
                migrations.DeleteModel(name="Dossier"),
            ],
            database_operations=[],
        ),
    ]
