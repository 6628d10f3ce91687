"""The permission rules in templates, by the same names as in views and services:

{% load rechten %}
{% mag "gemeente.beheerder" gemeente as beheerder %}
{% if beheerder %}…{% endif %}
"""

from __future__ import annotations

from typing import Any

from django import template

from aanbesteden import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def mag(context: template.Context, naam: str, obj: Any) -> bool:
    """Whether the page's user may do ``naam`` on ``obj`` (``permissions.mag``)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and permissions.mag(user, naam, obj)
