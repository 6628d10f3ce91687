"""How the platform writes and reads numbers, amounts and dates: one rule for every app.

Output is localized in the active language: "€ 45.000", "€ 45.000,50", "1.234,5" and
"1 januari 2027" in Dutch, "€ 45,000", "1,234.5" and "1 January 2027" in English. The
templates use the same functions as filters (``{% load opmaak %}``: ``euro``, ``getal``,
``datum``, ``datumtijd``). CSV and JSON are data and stay machine-readable (dots, ISO dates):
they do not use this module.

Input (``getal_lezen``, used by ``aanbesteden.forms.GetalVeld``) takes a number as a person
types it in the active language: in Dutch "19.500", "60.000,00" and "1.234,5", in English
"19,500", "60,000.00" and "1,234.5". A euro sign and spaces are ignored."""

from __future__ import annotations

import calendar
import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils import formats, timezone, translation

DATUM = "j F Y"
DATUMTIJD = "j F Y H:i"

Getal = Decimal | int | float | str | None


def _decimaal(waarde: Getal) -> Decimal | None:
    if waarde is None or waarde == "":
        return None
    if isinstance(waarde, float):
        waarde = repr(waarde)
    try:
        getal = Decimal(waarde)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return getal if getal.is_finite() else None


def getal(waarde: Getal, decimalen: int | None = None) -> str:
    """A number as a person reads it: thousands grouped, no trailing zeros ("1.234,5";
    "120"), or exactly ``decimalen`` places. Empty for no number."""
    d = _decimaal(waarde)
    if d is None:
        return ""
    if decimalen is None:
        d = d.normalize()
        decimalen = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    return formats.number_format(d, decimalen, force_grouping=True)


def euro(bedrag: Getal) -> str:
    """An amount in euros: "€ 45.000" when whole, else with cents ("€ 45.000,50")."""
    d = _decimaal(bedrag)
    if d is None:
        return ""
    d = d.quantize(Decimal("0.01"))
    tekst = getal(abs(d), 0 if d == d.to_integral_value() else 2)
    return f"{'-' if d < 0 else ''}€ {tekst}"


def _als_datum(waarde: datetime.date | str | None) -> datetime.date | datetime.datetime | None:
    if isinstance(waarde, str):
        try:
            return (
                datetime.datetime.fromisoformat(waarde)
                if "T" in waarde
                else (datetime.date.fromisoformat(waarde))
            )
        except ValueError:
            return None
    return waarde


def datum(waarde: datetime.date | str | None) -> str:
    """A date in words: "1 januari 2027" (a time is shown on its local day)."""
    d = _als_datum(waarde)
    if d is None:
        return ""
    if isinstance(d, datetime.datetime) and timezone.is_aware(d):
        d = timezone.localtime(d)
    return formats.date_format(d, DATUM)


def datumtijd(waarde: datetime.datetime | str | None) -> str:
    """A moment in words in local time: "1 januari 2027 14:05"."""
    d = _als_datum(waarde)
    if d is None:
        return ""
    if not isinstance(d, datetime.datetime):
        return formats.date_format(d, DATUM)
    if timezone.is_aware(d):
        d = timezone.localtime(d)
    return formats.date_format(d, DATUMTIJD)


def in_taal(taal: str, functie, *args, **kwargs) -> str:
    """``functie(*args)`` written in ``taal`` (the agreement is always in Dutch)."""
    with translation.override(taal):
        return functie(*args, **kwargs)


def maanden_later(begin: datetime.date, maanden: int) -> datetime.date:
    """``begin`` plus ``maanden`` calendar months (the 31st becomes the month's last day)."""
    jaar, maand = divmod(begin.month - 1 + maanden, 12)
    jaar += begin.year
    maand += 1
    dag = min(begin.day, calendar.monthrange(jaar, maand)[1])
    return datetime.date(jaar, maand, dag)


# --- reading what people type ---------------------------------------------------------------
def scheidingstekens() -> tuple[str, str]:
    """(decimal sign, thousands sign) of the active language: (",", ".") in Dutch."""
    decimaal = formats.get_format("DECIMAL_SEPARATOR")
    return (",", ".") if decimaal == "," else (".", ",")


def getal_lezen(tekst: str) -> Decimal:
    """The number a person typed, in the notation of the active language: in Dutch
    "19.500", "60.000,00", "1.234,5", "1000,50" or "€ 2.500"; in English "19,500",
    "1,234.5". The thousands sign only between groups of three, the decimal sign once and
    after them; anything else ("1000.50" or "1,5" in Dutch is ambiguous, "1e9", "NaN")
    raises ``ValueError``, for the field to explain the notation."""
    decimaal, duizend = scheidingstekens()
    waarde = re.sub(r"[\s\u00a0\u202f€]", "", tekst or "")
    if not re.fullmatch(r"[+-]?[0-9.,]+", waarde):
        raise ValueError("geen getal")
    teken = ""
    if waarde[0] in "+-":
        teken, waarde = waarde[0], waarde[1:]
    if waarde.count(decimaal) > 1:
        raise ValueError("decimaalteken twee keer")
    heel, _teken, breuk = waarde.partition(decimaal)
    if duizend in breuk:
        raise ValueError("duizendtal na het decimaalteken")
    if duizend in heel:
        groepen = heel.split(duizend)
        if not (1 <= len(groepen[0]) <= 3 and all(len(g) == 3 for g in groepen[1:])):
            raise ValueError("duizendtallen niet per drie")
        heel = "".join(groepen)
    if not heel.isdigit() or (breuk and not breuk.isdigit()):
        raise ValueError("geen cijfers")
    return Decimal(f"{teken}{heel}.{breuk or '0'}")


def getal_invoer(waarde: Getal) -> str:
    """A stored number as it stands in a form's text box, read back by ``getal_lezen``: the
    language's decimal sign, no grouping, no ",00" ("1000,5"; "2500")."""
    d = _decimaal(waarde)
    if d is None:
        return "" if waarde is None else str(waarde)
    tekst = f"{d:f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".") if d == d.to_integral_value() else tekst
    return tekst.replace(".", scheidingstekens()[0])
