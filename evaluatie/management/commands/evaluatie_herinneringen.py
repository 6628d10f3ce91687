from django.core.management.base import BaseCommand

from evaluatie.constants import HerinneringSoort
from evaluatie.services import herinneringen_versturen


class Command(BaseCommand):
    help = "Send the evaluation reminders that are due now (the same scan Celery beat runs)."

    def handle(self, *args, **options):
        verzonden = herinneringen_versturen()
        for v in verzonden:
            self.stdout.write(
                f"{HerinneringSoort(v.soort).label}: {v.traject} "
                f"(moment {v.gepland_op:%Y-%m-%d}) -> {v.ontvangers} ontvanger(s)"
            )
        self.stdout.write(f"{len(verzonden)} herinnering(en) verzonden.")
