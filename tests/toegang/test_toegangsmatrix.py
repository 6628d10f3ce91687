"""Every URL of the project × every role: the answer must be the one the table declares.

The URL patterns come from the resolver, so a new page without a row in ``tabel.TABEL`` fails
``test_elke_url_staat_in_de_tabel``. Each request runs inside a savepoint that is rolled back,
so one role's successful POST does not change what the next role sees.

Three cases follow from the table rather than standing in it. An account without any role
(``buitenstaander``) gets on every row what somebody with a role on another traject only gets
(``initiatiefnemer_ander_traject``). And because officials' access follows from their
membership of the traject's gemeente:

- a former official of gemeente A (membership deleted with the admin's bulk action) gets on
  every row what an official of another gemeente gets;
- when ``traject`` is moved to gemeente B at the database level (past the guards, as a
  database operator could), A's official gets the outsider's answer on the traject's pages
  and B's official the official's answer.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from aanbesteden.models import Lidmaatschap, Traject
from tests import beheer
from tests.factories import ambtenaar_van, status_zetten
from tests.toegang.basis import maak_beheerder, maak_buitenstaander
from tests.toegang.tabel import DOOR, INLOG, ROLLEN, TABEL, Pagina, Wereld
from tests.tweestaps import Client

#: URL prefixes that are not part of the matrix: Django's admin has its own log-in and staff
#: check, and the static-file handler exists only with DEBUG on.
UITGEZONDERD_PREFIX = ("beheer/",)


def url_namen(patronen=None, namespace: str = "", prefix: str = "") -> list[tuple[str, str]]:
    """(name with namespaces, route) of every URL pattern, walked recursively."""
    if patronen is None:
        patronen = get_resolver().url_patterns
    gevonden = []
    for patroon in patronen:
        route = prefix + str(patroon.pattern)
        if route.startswith(UITGEZONDERD_PREFIX):
            continue
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}{patroon.namespace}:"
            gevonden += url_namen(patroon.url_patterns, ns, route)
        elif isinstance(patroon, URLPattern):
            if getattr(patroon.callback, "__module__", "").startswith("django.contrib.staticfiles"):
                continue
            naam = f"{namespace}{patroon.name}" if patroon.name else f"<zonder naam> {route}"
            gevonden.append((naam, route))
    return gevonden


def test_elke_url_staat_in_de_tabel():
    in_tabel = {p.naam for p in TABEL}
    ontbrekend = sorted(f"{naam}  ({route})" for naam, route in url_namen() if naam not in in_tabel)
    assert not ontbrekend, (
        "URL patterns without a row in tests/toegang/tabel.py (add them to the table):\n  "
        + "\n  ".join(ontbrekend)
    )


def test_tabel_noemt_alleen_bestaande_urls():
    bestaand = {naam for naam, _route in url_namen()}
    onbekend = sorted({p.naam for p in TABEL} - bestaand)
    assert not onbekend, f"rows for URL names that do not exist: {onbekend}"


def test_tabel_sleutels_uniek():
    sleutels = [p.sleutel for p in TABEL]
    dubbel = sorted({s for s in sleutels if sleutels.count(s) > 1})
    assert not dubbel, f"rows with the same name and method; give them a variant: {dubbel}"


def _antwoord(response, inlog_pad: str) -> str:
    if response.status_code in (301, 302, 303, 307, 308):
        doel = response.headers.get("Location", "")
        return INLOG if doel.split("?")[0].endswith(inlog_pad) else DOOR
    return str(response.status_code)


@pytest.fixture
def wereld(rollen, traject, ander_traject, traject_b, gemeente, andere_gemeente, geen_vereisten):
    return Wereld(
        rollen=rollen,
        traject=traject,
        ander_traject=ander_traject,
        traject_b=traject_b,
        gemeente=gemeente,
        andere_gemeente=andere_gemeente,
        **{k: v for k, v in rollen.items() if v is not None},
    )


@pytest.fixture
def oud_ambtenaar(gemeente):
    """An official of gemeente A whose membership a platform manager deleted with the admin's
    bulk action "delete selected"."""
    oud = ambtenaar_van(gemeente, email="oud-ambtenaar@a.example.org")
    beheer.bulk_verwijderen(beheer.beheerclient(), Lidmaatschap.objects.get(gebruiker=oud))
    return oud


def _url(pagina: Pagina, wereld: Wereld) -> str:
    url = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    if pagina.status:
        status_zetten(wereld.traject, pagina.status)
    if pagina.query:
        url += "?" + urlencode(pagina.query(wereld))
    return url


def _vraag(pagina: Pagina, wereld: Wereld, url: str, gebruiker) -> str:
    """The answer to ``gebruiker`` (``None``: anonymous), in a savepoint that is rolled back."""
    client = Client(raise_request_exception=False)
    if gebruiker is not None:
        client.force_login(gebruiker)
    data = pagina.data(wereld) if pagina.data else {}
    with transaction.atomic():
        if pagina.methode == "POST":
            response = client.post(url, data)
        else:
            response = client.generic(pagina.methode, url)
        transaction.set_rollback(True)
    return _antwoord(response, reverse("accounts:inloggen"))


def _vergelijk(pagina: Pagina, url: str, vragen) -> None:
    """``vragen``: (label, answer received, answer expected)."""
    afwijkingen = [
        f"{rol}: expected {verwacht}, got {kreeg}"
        for rol, kreeg, verwacht in vragen
        if kreeg != str(verwacht)
    ]
    assert not afwijkingen, f"{pagina.methode} {url} ({pagina.omschrijving}):\n  " + "\n  ".join(
        afwijkingen
    )


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", TABEL, ids=[p.sleutel for p in TABEL])
def test_toegang_per_rol(pagina: Pagina, wereld: Wereld, oud_ambtenaar):
    url = _url(pagina, wereld)
    vragen = [
        (rol, _vraag(pagina, wereld, url, wereld.rollen[rol]), pagina.verwacht[rol])
        for rol in ROLLEN
    ]
    # A former official is an outsider to gemeente A, like an official of another gemeente;
    # on the pages of the second factor, which are for staff of any gemeente, the former
    # official (no membership anywhere) is an ordinary account.
    als = "ambtenaar_andere_gemeente"
    if pagina.naam.startswith("two_factor:"):
        als = "initiatiefnemer_ander_traject"
    vragen.append(
        (
            f"oud_ambtenaar (as {als})",
            _vraag(pagina, wereld, url, oud_ambtenaar),
            pagina.verwacht[als],
        )
    )
    # An account without any role is as much an outsider as one with a role elsewhere.
    vragen.append(
        (
            "buitenstaander (as initiatiefnemer_ander_traject)",
            _vraag(pagina, wereld, url, wereld.maak(maak_buitenstaander)),
            pagina.verwacht["initiatiefnemer_ander_traject"],
        )
    )
    if pagina.beheerder is not None:
        vragen.append(
            (
                "beheerder",
                _vraag(pagina, wereld, url, wereld.maak(maak_beheerder)),
                pagina.beheerder,
            )
        )
    _vergelijk(pagina, url, vragen)


def _route(naam: str) -> str:
    return dict(url_namen()).get(naam, "")


#: The rows of a page of ``traject`` itself (its address starts with the traject).
TRAJECT_RIJEN = [p for p in TABEL if _route(p.naam).startswith("trajecten/<int:pk>/")]


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", TRAJECT_RIJEN, ids=[p.sleutel for p in TRAJECT_RIJEN])
def test_toegang_volgt_verplaatst_traject(pagina: Pagina, wereld: Wereld):
    url = _url(pagina, wereld)  # the row's objects are made while the traject is still in A
    Traject.objects.filter(pk=wereld.traject.pk).update(gemeente=wereld.andere_gemeente)
    _vergelijk(
        pagina,
        url,
        [
            (
                "ambtenaar of A (as ambtenaar_andere_gemeente)",
                _vraag(pagina, wereld, url, wereld.ambtenaar),
                pagina.verwacht["ambtenaar_andere_gemeente"],
            ),
            (
                "ambtenaar of B (as ambtenaar)",
                _vraag(pagina, wereld, url, wereld.ambtenaar_andere_gemeente),
                pagina.verwacht["ambtenaar"],
            ),
        ],
    )
