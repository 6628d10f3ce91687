"""Tenancy: an official of gemeente B sees and touches nothing of gemeente A.

Every URL of the project that takes a traject (``trajecten/<pk>/…``, from every app) is found
in the URL configuration, so pages added later are covered too."""

import re

import pytest
from django.urls import URLResolver, get_resolver

from aanbesteden.constants import TrajectStatus as S
from aanbesteden.models import Traject
from aanbesteden.transities import TRANSITIES


def _routes(patronen, prefix=""):
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            yield from _routes(patroon.url_patterns, prefix + str(patroon.pattern))
        else:
            yield prefix + str(patroon.pattern)


def _traject_routes() -> list[str]:
    return sorted(
        {r for r in _routes(get_resolver().url_patterns) if r.startswith("trajecten/<int:pk>/")}
    )


def _invullen(route: str, pk: int) -> list[str]:
    """Concrete paths for ``route`` with the traject's pk (every transition for the step page;
    id 1 or "x" for other parameters: the page must refuse before it looks them up)."""
    pad = "/" + route.replace("<int:pk>", str(pk))
    if "<slug:transitie>" in pad:
        return [pad.replace("<slug:transitie>", t) for t in TRANSITIES]
    pad = re.sub(r"<int:[a-z_]+>", "1", pad)
    pad = re.sub(r"<(?:slug|str|uuid|path):[a-z_]+>|<[a-z_]+>", "x", pad)
    return [pad]


ROUTES = _traject_routes()


def test_traject_routes_gevonden():
    assert "trajecten/<int:pk>/" in ROUTES
    assert "trajecten/<int:pk>/stap/<slug:transitie>/" in ROUTES


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_ambtenaar_andere_gemeente_krijgt_niets(client, traject, ambtenaar_b, route):
    client.force_login(ambtenaar_b)
    for status in (S.INGEDIEND, S.ROUTE, S.EVALUATIE):
        Traject.objects.filter(pk=traject.pk).update(status=status)
        for pad in _invullen(route, traject.pk):
            get = client.get(pad)
            # 405: a POST-only page refuses a GET before it looks at anything.
            assert get.status_code in (403, 404, 405), (status, pad, get.status_code)
            assert traject.titel not in get.content.decode()
            post = client.post(pad, {"status": status, "motivatie": "Van een andere gemeente."})
            assert post.status_code in (403, 404, 405), (status, pad, post.status_code)
        assert Traject.objects.get(pk=traject.pk).status == status


@pytest.mark.django_db
def test_ambtenaar_andere_gemeente_ziet_lijst_niet(client, traject, ambtenaar_b):
    client.force_login(ambtenaar_b)
    response = client.get("/gemeenten/gemeente-a/trajecten/")
    assert response.status_code in (403, 404)
    assert traject.titel not in response.content.decode()


@pytest.mark.django_db
def test_eigen_lijst_toont_alleen_eigen_trajecten(client, traject, traject_b, ambtenaar_b):
    client.force_login(ambtenaar_b)
    html = client.get("/gemeenten/gemeente-b/trajecten/").content.decode()
    assert traject_b.titel in html
    assert traject.titel not in html


@pytest.mark.django_db
def test_ambtenaar_ziet_eigen_traject(client, traject, ambtenaar):
    """The control: the same pages do open for the traject's own gemeente."""
    client.force_login(ambtenaar)
    assert client.get(f"/trajecten/{traject.pk}/").status_code == 200
    assert client.get("/gemeenten/gemeente-a/trajecten/").status_code == 200


@pytest.mark.django_db
def test_anoniem_wordt_naar_inloggen_gestuurd(client, traject):
    response = client.get(f"/trajecten/{traject.pk}/")
    assert response.status_code == 302
    assert response.url.startswith("/inloggen/")
    response = client.get("/gemeenten/gemeente-a/trajecten/")
    assert response.status_code == 302
