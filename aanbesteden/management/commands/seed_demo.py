from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from aanbesteden.demo import seed_demo


class Command(BaseCommand):
    help = "Zet demogegevens klaar (twee gemeenten, gebruikers, trajecten in elke fase)."

    def handle(self, *args, **options):
        # The demo's own mails (transitions of the seeded trajecten) are not printed.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            inloggen = seed_demo()
        self.stdout.write(self.style.SUCCESS("Demogegevens staan klaar. Inloggen als:"))
        for rol, email, hoe in inloggen:
            self.stdout.write(f"  {rol:32} {email:40} {hoe}")
