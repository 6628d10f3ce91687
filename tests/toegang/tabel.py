"""The declared roles × pages table: the core's rows (``basis.KERN``), the phase apps'
(``fasen_tabel.FASEN``), the operations endpoints' (``bedrijfsvoering_tabel``) and the REST
API's (``api_tabel``). See
``basis.py`` for how a row reads."""

from tests.toegang.api_tabel import API
from tests.toegang.basis import (  # noqa: F401 (re-exported for the tests)
    DOOR,
    INLOG,
    KERN,
    ROL_KOPPEN,
    ROLLEN,
    Pagina,
    Wereld,
)
from tests.toegang.bedrijfsvoering_tabel import BEDRIJFSVOERING
from tests.toegang.fasen_tabel import FASEN

TABEL: list[Pagina] = [*KERN, *FASEN, *BEDRIJFSVOERING, *API]
