"""The platform's one way to show numbers, amounts and dates on a page, in the language of
the page (``aanbesteden.opmaak``): ``{% load opmaak %}`` then ``{{ bedrag|euro }}``
("€ 45.000", "€ 45.000,50"), ``{{ waarde|getal }}`` ("1.234,5"), ``{{ dag|datum }}``
("1 januari 2027") and ``{{ moment|datumtijd }}`` ("1 januari 2027 14:05"). Each takes the
value itself or its text as stored in data (a decimal string, an ISO date)."""

from __future__ import annotations

from django import template

from aanbesteden import opmaak

register = template.Library()

register.filter("euro", opmaak.euro)
register.filter("datum", opmaak.datum)
register.filter("datumtijd", opmaak.datumtijd)


@register.filter("getal")
def getal(waarde, decimalen=None) -> str:
    return opmaak.getal(waarde, None if decimalen in (None, "") else int(decimalen))
