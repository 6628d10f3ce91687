"""The rows of the operations endpoints (bedrijfsvoering/urls.py): the health pages answer
everybody with only "ok" or "fout" per part; the metrics answer nobody without the token or an
allowed network, whatever the role (tests/bedrijfsvoering/test_metrieken.py)."""

from tests.toegang.basis import Pagina, iedereen

BEDRIJFSVOERING: list[Pagina] = [
    Pagina("bedrijfsvoering:leven", "Gezondheid: het proces leeft (intern)", iedereen(200)),
    Pagina(
        "bedrijfsvoering:klaar",
        "Gezondheid: klaar voor verzoeken (database, cache, opslag; intern)",
        iedereen(200),
    ),
    Pagina(
        "bedrijfsvoering:gezond",
        "Gezondheid van alle onderdelen, ook worker en beat (intern)",
        iedereen(200),
    ),
    Pagina(
        "bedrijfsvoering:metrics",
        "Metrics voor Prometheus (alleen met token of vanaf het interne netwerk)",
        iedereen(403),
    ),
]
