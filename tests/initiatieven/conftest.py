"""Fixtures of the intake and phase 1: calls, complete proposals, files of every kind."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from aanbesteden.constants import LidmaatschapRol
from initiatieven.constants import OpgaveStatus, Rechtsvorm, VoorstelSoort
from initiatieven.models import (
    Contactpersoon,
    Initiatief,
    Opgave,
    Steunbetuiging,
    Voorstel,
)
from tests.factories import TrajectFactory, UserFactory, ambtenaar_van

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


@pytest.fixture
def opgave(gemeente):
    return opgave_maken(gemeente)


@pytest.fixture
def voorstel(traject):
    return voorstel_compleet(traject)


@pytest.fixture
def ander_voorstel(ander_traject):
    return voorstel_compleet(ander_traject)


@pytest.fixture
def voorstel_b(traject_b):
    return voorstel_compleet(traject_b)


@pytest.fixture
def beheerder(gemeente):
    return ambtenaar_van(gemeente, rol=LidmaatschapRol.BEHEERDER, email="beheerder@a.example.org")


@pytest.fixture
def ingediend(traject, voorstel, initiatiefnemer, django_capture_on_commit_callbacks):
    """``traject`` with its complete proposal, submitted through the service."""
    from aanbesteden.services import traject_transitie

    with django_capture_on_commit_callbacks(execute=True):
        traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    traject.refresh_from_db()
    return traject


def link_uit_mail(bericht) -> str:
    """The first platform URL in a mail, as a path with query."""
    gevonden = re.search(r"https?://[^/\s]+(/\S+)", bericht.body)
    assert gevonden, bericht.body
    return gevonden.group(1)


def laatste_mail_aan(adres: str):
    berichten = [m for m in mail.outbox if adres in m.to]
    assert berichten, [m.to for m in mail.outbox]
    return berichten[-1]


@pytest.fixture
def maak_traject():
    def maak(gemeente, **kwargs):
        return TrajectFactory(gemeente=gemeente, initiatiefnemer=UserFactory(), **kwargs)

    return maak
