"""Test data of initiatieven: the builders and constants its tests import (its conftest.py
holds only the fixtures, which use these too)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta
from decimal import Decimal

from django.core import mail
from django.utils import timezone

from initiatieven.constants import OpgaveStatus, Rechtsvorm, VoorstelSoort
from initiatieven.models import (
    Contactpersoon,
    Initiatief,
    Opgave,
    Steunbetuiging,
    Voorstel,
)

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00"


def zip_bytes(onderdelen: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archief:
        for naam, inhoud in onderdelen.items():
            archief.writestr(naam, inhoud)
    return buf.getvalue()


DOCX_BYTES = zip_bytes(
    {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b"<Relationships/>",
        "word/document.xml": b"<w:document/>",
    }
)


def opgave_maken(gemeente, *, status=OpgaveStatus.GEPUBLICEERD, dagen=30, **velden) -> Opgave:
    nu = timezone.now()
    return Opgave.objects.create(
        gemeente=gemeente,
        titel=velden.pop("titel", "Beheer van het buurthuis"),
        omschrijving="Het buurthuis beheren.",
        huidige_kosten=Decimal("50000"),
        kwaliteitsniveau="Vijf dagen open.",
        beoordelingscriteria="Draagvlak en kosten.",
        deadline=nu + timedelta(days=dagen),
        contactpersoon_naam="Anne",
        contactpersoon_email="anne@a.example.org",
        status=status,
        gepubliceerd_op=nu - timedelta(days=1) if status != OpgaveStatus.CONCEPT else None,
        **velden,
    )


def voorstel_compleet(traject, *, opgave=None, steun=True) -> Voorstel:
    """A proposal on ``traject`` that meets every requirement of ``indienen``."""
    initiatief = Initiatief.objects.create(
        naam="Stichting Buurtkracht",
        rechtsvorm=Rechtsvorm.STICHTING,
        kvk_nummer="12345678",
        straat="Dorpsstraat 1",
        postcode="1234 AB",
        plaats="Ergens",
    )
    for i in range(traject.gemeente.min_contactpersonen):
        Contactpersoon.objects.create(
            initiatief=initiatief, naam=f"Contact {i}", email=f"contact{i}@example.org"
        )
    voorstel = Voorstel.objects.create(
        traject=traject,
        initiatief=initiatief,
        soort=VoorstelSoort.OPGAVE if opgave else VoorstelSoort.UITDAAGRECHT,
        opgave=opgave,
        taak="" if opgave else "Het groenonderhoud",
        omschrijving="Wij doen het zelf.",
        bijdrage_gemeentedoelen="Meer ontmoeting.",
        doelgroep="Bewoners",
        bereik=300,
        kostenraming=Decimal("40000"),
        huidige_kosten=Decimal("50000"),
        eigen_bijdrage=Decimal("5000"),
        looptijd_maanden=24,
    )
    if steun:
        Steunbetuiging.objects.create(
            voorstel=voorstel,
            naam="Buur",
            email=f"buur{traject.pk}@example.org",
            token_hash=f"t{traject.pk}",
            bevestigd_op=timezone.now(),
        )
    return voorstel


def link_uit_mail(bericht) -> str:
    """The first platform URL in a mail, as a path with query."""
    gevonden = re.search(r"https?://[^/\s]+(/\S+)", bericht.body)
    assert gevonden, bericht.body
    return gevonden.group(1)


def laatste_mail_aan(adres: str):
    berichten = [m for m in mail.outbox if adres in m.to]
    assert berichten, [m.to for m in mail.outbox]
    return berichten[-1]
