"""Every table that holds personal data is declared in the register of personal data, so the
export and the erasure cover it. The test walks every installed model stored in the database
(the project's and the third-party ones) and fails for a field that looks personal and is
covered by no declaration, nor declared as not personal with a reason."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from aanbesteden.models import Traject, User
from aanbesteden.persoonsgegevens import LOSKOPPELEN, VERWIJDEREN, Register, register

#: Words in a field's name that say it holds something about a person.
WOORDEN = {
    "naam",
    "voornaam",
    "achternaam",
    "tussenvoegsel",
    "name",
    "username",
    "user",
    "email",
    "mail",
    "telefoon",
    "phone",
    "mobiel",
    "adres",
    "address",
    "straat",
    "postcode",
    "huisnummer",
    "kvk",
    "ip",
    "agent",
    "bsn",
    "iban",
    "contactpersoon",
    "ondertekenaar",
}
#: Beginnings of a word that say the same (geboortedatum, telefoonnummer, emailadres).
BEGIN = ("geboorte", "telefoon", "email", "adres", "voornaam", "achternaam")


def persoonlijk(veld: models.Field) -> str | None:
    """Why ``veld`` looks personal, or ``None``."""
    if veld.is_relation and veld.related_model is not None:
        if veld.related_model._meta.label == settings.AUTH_USER_MODEL:
            return "verwijst naar een gebruiker"
        return None
    if isinstance(veld, models.EmailField):
        return "e-mailadres"
    if isinstance(veld, models.GenericIPAddressField):
        return "IP-adres"
    if isinstance(veld, models.FileField):
        return "bestand"
    woorden = re.split(r"[_\W]+", veld.name.lower())
    if any(w in WOORDEN or w.startswith(BEGIN) for w in woorden):
        return "de naam zegt het"
    return None


def opgeslagen_modellen():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


def ongedekt(reg: Register) -> list[str]:
    fouten = []
    for model in opgeslagen_modellen():
        velden = [*model._meta.concrete_fields, *model._meta.many_to_many]
        gedekt, niet_persoonlijk = reg.dekking(model)
        for veld in velden:
            reden = persoonlijk(veld)
            if reden is None:
                continue
            if gedekt is None or veld.name in gedekt:
                continue
            if str(niet_persoonlijk.get(veld.name, "")).strip():
                continue
            fouten.append(f"{model._meta.label}.{veld.name} ({reden})")
    return fouten


def test_elk_persoonlijk_veld_is_gedeclareerd():
    fouten = ongedekt(register)
    assert not fouten, (
        "Deze velden lijken persoonsgegevens te bevatten, maar staan niet in het register "
        "(aanbesteden/persoonsgegevens.py). Declareer ze in de privacy-module van hun app: "
        "hoe ze gevonden, geëxporteerd en gewist worden, of waarom ze blijven:\n"
        + "\n".join(fouten)
    )


def test_de_controle_vindt_wat_niet_gedeclareerd_is():
    # Against an empty register the same check names the personal fields of every kind.
    fouten = ongedekt(Register())
    for verwacht in [
        "coalities.Partner.kvk_nummer (de naam zegt het)",
        "coalities.Partner.gebruiker (verwijst naar een gebruiker)",
        "axes.AccessLog.ip_address (IP-adres)",
        "axes.AccessLog.user_agent (de naam zegt het)",
        "initiatieven.Bijlage.bestand (bestand)",
        "initiatieven.Initiatief.leden (verwijst naar een gebruiker)",
        "django_fsm_log.StateLog.by (verwijst naar een gebruiker)",
        "aanbesteden.Gemeente.naam (de naam zegt het)",
    ]:
        assert verwacht in fouten


def test_elke_declaratie_noemt_bestaande_velden_en_redenen():
    for onderdeel in register.onderdelen():
        for veld in onderdeel.export:
            # a lookup: its first step is a field of the model
            onderdeel.model._meta.get_field(veld.split("__")[0])
        for veld, reden in onderdeel.blijft.items():
            assert str(reden).strip(), (onderdeel.sleutel, veld)
        if onderdeel.bewaren is not None:
            assert str(onderdeel.bewaard).strip(), onderdeel.sleutel
        if onderdeel.verwijderen or onderdeel.wissen:
            assert str(onderdeel.gewist).strip(), onderdeel.sleutel


def test_het_register_weigert_vergissingen():
    reg = Register()
    reg.gegevens(
        Traject,
        "x",
        titel="x",
        rijen=lambda p: Traject.objects.none(),
        export=(),
        wissen={"aangemaakt_door": LOSKOPPELEN},
        gewist="x",
    )
    with pytest.raises(ValueError, match="al geregistreerd"):
        reg.gegevens(Traject, "x", titel="x", rijen=lambda p: None, export=(), wissen=VERWIJDEREN)
    with pytest.raises(FieldDoesNotExist):
        reg.gegevens(
            Traject, "y", titel="y", rijen=lambda p: None, export=(), wissen={"bestaatniet": None}
        )
    with pytest.raises(ValueError, match="loskoppelen"):
        reg.gegevens(
            Traject,
            "z",
            titel="z",
            rijen=lambda p: None,
            export=(),
            wissen={"gemeente": LOSKOPPELEN},
        )
    with pytest.raises(ValueError, match="zegt waarom"):
        reg.gegevens(
            User, "u", titel="u", rijen=lambda p: None, export=(), wissen={}, bewaren=lambda r, p: r
        )
