"""Check a PDF: sealed by this platform, unchanged since, and which agreement version or
decision letter it is."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from initiatieven.selectors import besluitbrief_voor_sha256
from overdracht import selectors, zegel


class Command(BaseCommand):
    help = (
        "Controleert of een PDF een echte, ongewijzigde verzegelde overeenkomst of besluitbrief is."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Pad naar de PDF")

    def handle(self, *args, **options):
        pad = Path(options["bestand"])
        try:
            if pad.stat().st_size > zegel.MAX_GROOTTE:
                raise CommandError("NIET ECHT: het bestand is te groot (hoogstens 20 MB).")
            data = pad.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan het bestand niet lezen: {exc}") from exc
        uitslag = zegel.pdf_controleren(data)
        if not uitslag.echt:
            raise CommandError(f"NIET ECHT: {uitslag.reden}", returncode=2)
        self.stdout.write(f"ECHT: {uitslag.reden}")
        self.stdout.write(f"SHA-256: {uitslag.sha256}")
        versie = selectors.versie_voor_sha256(uitslag.sha256)
        if versie is not None:
            self.stdout.write(
                f"Traject {versie.traject_id} ({versie.traject.titel}), "
                f"gemeente {versie.traject.gemeente.naam}, versie {versie.nummer}"
            )
            for o in versie.ondertekeningen.all():
                self.stdout.write(f"  getekend door {o.naam} namens {o.namens} op {o.getekend_op}")
        elif (brief := besluitbrief_voor_sha256(uitslag.sha256)) is not None:
            traject = brief.voorstel.traject
            self.stdout.write(
                f"Besluitbrief over traject {traject.pk} ({traject.titel}), "
                f"gemeente {traject.gemeente.naam}"
            )
        elif uitslag.traject_id:
            self.stdout.write(
                f"Volgens het document: traject {uitslag.traject_id}, "
                f"versie {uitslag.versie_nummer} (niet gevonden in deze database)"
            )
