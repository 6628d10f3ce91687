"""A GET never creates rows: every GET page of the access table, asked by every role, leaves
the number of rows of every model as it was.

What a page reads must exist before anybody looks (the route is made when the traject enters
the route phase, a gemeente's criteria when the gemeente is made); a page that found nothing
shows that, it does not make it. The traject is put in the row's status with a bare update,
past the follow-ups, and what pages read and is made beforehand is taken away (the route, the
criteria not used yet), so a page that would make what is missing is caught here.

Left out of the count, because a GET may write them for reasons that are not the domain:

- ``sessions.Session``: logging in the test clients makes a session row each, and a page may
  cycle or store its session (the language, a message to show on the next page);
- ``axes.*``: the log-in throttle records attempts and accesses of the log-in pages;
- ``django_fsm_log.StateLog`` and ``admin.LogEntry``: logs only written on a change, listed so
  that a log of the request itself would not count as the page's doing.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from aanbesteden.models import Traject
from tests.toegang.tabel import ROLLEN, TABEL, Pagina, Wereld
from tests.toegang.test_toegangsmatrix import oud_ambtenaar, wereld  # noqa: F401 (fixtures)
from tests.tweestaps import Client

#: Tables a GET may legitimately write (see the module's docstring), as ``app_label``s or
#: ``app_label.ModelName``.
NIET_GETELD = ("sessions", "axes", "django_fsm_log.StateLog", "admin.LogEntry")

GET_PAGINAS = [p for p in TABEL if p.methode == "GET"]


def _geteld(model) -> bool:
    label = model._meta.label
    return model._meta.app_label not in NIET_GETELD and label not in NIET_GETELD


def _tellingen() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if _geteld(m) and m._meta.managed and not m._meta.proxy
    }


def _gelezen_weghalen(w: Wereld) -> None:
    """Take away what the pages read and is made beforehand, as for data from before it was
    (a traject placed in the route phase without its follow-up, a gemeente made before the
    criteria were given to every new one): a page must show it missing, not make it."""
    from coalities.models import Route
    from initiatieven.models import Beoordelingscriterium

    Route.objects.filter(traject=w.traject).delete()
    Beoordelingscriterium.objects.filter(
        gemeente__in=[w.gemeente, w.andere_gemeente], scores__isnull=True
    ).delete()


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", GET_PAGINAS, ids=[p.sleutel for p in GET_PAGINAS])
def test_get_maakt_geen_rijen(pagina: Pagina, wereld: Wereld):  # noqa: F811
    url = reverse(pagina.naam, kwargs=pagina.kwargs(wereld))
    if pagina.status:
        # A bare update, past the follow-ups: what the phase's pages read may be missing.
        Traject.objects.filter(pk=wereld.traject.pk).update(status=pagina.status)
    _gelezen_weghalen(wereld)
    if pagina.query:
        from urllib.parse import urlencode

        url += "?" + urlencode(pagina.query(wereld))
    clients = {}
    for rol in ROLLEN:
        clients[rol] = Client(raise_request_exception=False)
        if wereld.rollen[rol] is not None:
            clients[rol].force_login(wereld.rollen[rol])
    voor = _tellingen()
    for client in clients.values():
        client.get(url)  # the answers themselves are the access matrix's business
    na = _tellingen()
    gegroeid = {m: (voor[m], na[m]) for m in voor if na[m] != voor[m]}
    assert not gegroeid, f"GET {url} ({pagina.omschrijving}) changed rows: {gegroeid}"
