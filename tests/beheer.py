"""The Django admin as a platform manager uses it: a logged-in staff client and the requests
of its pages (change form, delete view, the changelist's bulk delete), for the tests of what
those pages do to officials' access."""

from __future__ import annotations

from django.forms.models import model_to_dict
from django.urls import reverse

from aanbesteden.models import User
from tests.tweestaps import Client


def beheerclient() -> Client:
    """A client logged in as a platform manager (staff and superuser)."""
    beheerder = User.objects.filter(email="platformbeheer@example.org").first()
    if beheerder is None:
        beheerder = User.objects.create_superuser(email="platformbeheer@example.org")
    client = Client()
    client.force_login(beheerder)
    return client


def _admin_url(obj, pagina: str, *args) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{pagina}", args=args)


def bulk_verwijderen(client: Client, *objecten) -> None:
    """The changelist's action "delete selected", confirmed (the second POST of the admin)."""
    response = client.post(
        _admin_url(objecten[0], "changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [o.pk for o in objecten],
            "post": "yes",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    model = type(objecten[0])
    assert not model.objects.filter(pk__in=[o.pk for o in objecten]).exists()


def verwijderen(client: Client, obj) -> None:
    """The object's delete view, confirmed."""
    response = client.post(_admin_url(obj, "delete", obj.pk), {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def wijzigen(client: Client, obj, **velden):
    """Post the object's change form with its current values and ``velden`` changed; returns
    the response (302 when the admin saved it)."""
    data = {}
    for naam, waarde in model_to_dict(obj).items():
        if isinstance(waarde, list):  # many-to-many: the related objects' keys
            data[naam] = [getattr(w, "pk", w) for w in waarde]
        elif waarde is not None:
            data[naam] = waarde
    data.update(velden)
    return client.post(_admin_url(obj, "change", obj.pk), data)
