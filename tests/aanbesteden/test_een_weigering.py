"""One way to refuse: every app's refusal is an ``aanbesteden.fouten.Geweigerd`` (message,
reasons, status), and one middleware answers those that leave a view: 403 and 404 as the
site's own pages, any other status with the error page and the message, never a 500."""

from __future__ import annotations

import pytest

from aanbesteden.fouten import Geweigerd
from aanbesteden.services import TransitieGeweigerd
from coalities.services import CoalitieFout
from evaluatie.services import EvaluatieFout
from initiatieven.bestandscontrole import BestandGeweigerd
from initiatieven.services import IntakeFout
from overdracht.services import OvereenkomstFout


def test_elke_weigering_heeft_een_basis():
    for soort in (
        TransitieGeweigerd,
        IntakeFout,
        CoalitieFout,
        OvereenkomstFout,
        EvaluatieFout,
        BestandGeweigerd,
    ):
        exc = soort("Dit kan nu niet.")
        assert isinstance(exc, Geweigerd)
        assert str(exc) == exc.bericht == "Dit kan nu niet."
        assert exc.redenen == []
    assert isinstance(BestandGeweigerd("x"), ValueError)  # the validators still catch it
    assert TransitieGeweigerd("x").status == 409
    assert TransitieGeweigerd("x", verboden=True).status == 403
    assert TransitieGeweigerd("x", verboden=True).verboden
    assert EvaluatieFout("x", redenen=["a"]).redenen == ["a"]
    assert CoalitieFout("x", status=410).status == 410
    assert IntakeFout("x").status == 400


@pytest.mark.urls("tests.aanbesteden.urls_fouten")
@pytest.mark.parametrize(
    ("status", "bericht_zichtbaar"), [(403, True), (404, False), (409, True), (410, True)]
)
def test_niet_opgevangen_weigering(client, db, status, bericht_zichtbaar):
    client.raise_request_exception = False
    response = client.get(f"/test/geweigerd/{status}/")
    assert response.status_code == status
    html = response.content.decode()
    assert ("de route is al vastgesteld" in html) is bericht_zichtbaar
