"""A gemeente's system reads its trajecten with its token: list (paged, filtered by phase and
date), one traject with its history; never another gemeente's, never without a valid token;
conditional GET answers 304."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbesteden.models import Traject
from aanbesteden.services import traject_transitie
from api.models import Applicatie
from tests.factories import TrajectFactory


def lijst(gemeente) -> str:
    return reverse("api:traject-list", kwargs={"gemeente": gemeente.slug})


def detail(traject) -> str:
    return reverse(
        "api:traject-detail", kwargs={"gemeente": traject.gemeente.slug, "pk": traject.pk}
    )


@pytest.mark.django_db
def test_lijst_alleen_eigen_gemeente(api, token_a, gemeente, traject, ander_traject, traject_b):
    response = api(token_a).get(lijst(gemeente))
    assert response.status_code == 200
    ids = {t["id"] for t in response.json()["results"]}
    assert ids == {traject.pk, ander_traject.pk}
    rij = next(t for t in response.json()["results"] if t["id"] == traject.pk)
    assert rij["status"] == "concept" and rij["gemeente"] == gemeente.slug
    assert rij["url"].endswith(detail(traject))


@pytest.mark.django_db
@pytest.mark.parametrize("soort", ["geen", "fout", "ingetrokken", "andere_gemeente"])
def test_zonder_geldig_token_van_de_gemeente_geweigerd(
    api, soort, token_a, token_b, gemeente, traject
):
    token = {
        "geen": None,
        "fout": "ma_verzonnen",
        "ingetrokken": token_a,
        "andere_gemeente": token_b,
    }[soort]
    if soort == "ingetrokken":
        Applicatie.objects.filter(gemeente=gemeente).update(is_active=False)
    for url in (lijst(gemeente), detail(traject)):
        response = api(token).get(url)
        verwacht = 403 if soort == "andere_gemeente" else 401
        assert response.status_code == verwacht, url
        assert traject.titel not in response.content.decode()
        if verwacht == 401:
            assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_traject_van_andere_gemeente_onder_eigen_adres_404(api, token_a, gemeente, traject_b):
    url = reverse("api:traject-detail", kwargs={"gemeente": gemeente.slug, "pk": traject_b.pk})
    assert api(token_a).get(url).status_code == 404


@pytest.mark.django_db
def test_detail_met_geschiedenis(api, token_a, traject, initiatiefnemer, geen_vereisten):
    traject_transitie(traject=traject, transitie="indienen", door=initiatiefnemer)
    response = api(token_a).get(detail(traject))
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ingediend"
    assert [(s["transitie"], s["van"], s["naar"]) for s in data["geschiedenis"]] == [
        ("indienen", "concept", "ingediend")
    ]
    # Who took the step is no part of the API.
    assert initiatiefnemer.email not in response.content.decode()
    assert "Last-Modified" in response


@pytest.mark.django_db
def test_filter_op_fase_status_en_datum(api, token_a, gemeente):
    horizon = TrajectFactory(gemeente=gemeente, status="horizon", titel="H")
    evaluatie = TrajectFactory(gemeente=gemeente, status="evaluatie", titel="E")
    verankerd = TrajectFactory(gemeente=gemeente, status="verankerd", titel="V")
    Traject.objects.filter(pk=horizon.pk).update(status_sinds=timezone.now() - timedelta(days=30))
    client = api(token_a)

    def ids(**query):
        response = client.get(lijst(gemeente), query)
        assert response.status_code == 200, response.content
        return {t["id"] for t in response.json()["results"]}

    assert ids(fase=1) == {horizon.pk}
    assert ids(fase=5) == {evaluatie.pk, verankerd.pk}
    assert ids(status=["evaluatie", "horizon"]) == {evaluatie.pk, horizon.pk}
    week_geleden = (timezone.now() - timedelta(days=7)).isoformat()
    assert ids(status_sinds_tot=week_geleden) == {horizon.pk}
    assert horizon.pk not in ids(status_sinds_vanaf=week_geleden)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", [{"fase": "9"}, {"status": "vliegen"}, {"gewijzigd_vanaf": "gisteren"}]
)
def test_ongeldig_filter_400_met_reden(api, token_a, gemeente, query):
    response = api(token_a).get(lijst(gemeente), query)
    assert response.status_code == 400
    data = response.json()
    assert data["code"] == "invalid" and set(data["velden"]) == set(query)


@pytest.mark.django_db
def test_paginering_en_begrensde_queries(api, token_a, gemeente, django_assert_max_num_queries):
    for n in range(7):
        TrajectFactory(gemeente=gemeente, titel=f"T{n}")
    client = api(token_a)
    with django_assert_max_num_queries(6):
        response = client.get(lijst(gemeente), {"page_size": 3})
    data = response.json()
    assert data["count"] == 7 and len(data["results"]) == 3 and data["next"]
    for n in range(20):
        TrajectFactory(gemeente=gemeente, titel=f"U{n}")
    with django_assert_max_num_queries(6):
        client.get(lijst(gemeente), {"page_size": 100})
    assert client.get(lijst(gemeente), {"page": 99}).status_code == 404


@pytest.mark.django_db
def test_etag_en_last_modified_geven_304(api, token_a, gemeente, traject):
    client = api(token_a)
    eerste = client.get(lijst(gemeente))
    etag = eerste["ETag"]
    assert client.get(lijst(gemeente), HTTP_IF_NONE_MATCH=etag).status_code == 304
    eén = client.get(detail(traject))
    assert client.get(detail(traject), HTTP_IF_NONE_MATCH=eén["ETag"]).status_code == 304
    assert (
        client.get(detail(traject), HTTP_IF_MODIFIED_SINCE=eén["Last-Modified"]).status_code == 304
    )
    # A change gives a new answer.
    Traject.objects.filter(pk=traject.pk).update(titel="Nieuw", updated_at=timezone.now())
    assert client.get(lijst(gemeente), HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tijd",
    [
        "5984-03-09T14:48:08.2-19:07",  # an offset PostgreSQL refuses
        "0001-01-01T00:00:00+05:00",  # before the calendar in UTC
        "9999-12-31T23:59:59-05:00",  # after it
    ],
)
def test_datum_met_vreemde_tijdzone_geen_500(api, token_a, gemeente, traject, tijd):
    response = api(token_a).get(
        lijst(gemeente), {"gewijzigd_vanaf": tijd, "status_sinds_tot": tijd}
    )
    assert response.status_code == 200, response.content
