"""The declared roles × pages table: the core's rows (``basis.KERN``) and the phase apps'
(``fasen_tabel.FASEN``). See ``basis.py`` for how a row reads."""

from tests.toegang.basis import (  # noqa: F401 (re-exported for the tests)
    DOOR,
    INLOG,
    KERN,
    ROL_KOPPEN,
    ROLLEN,
    Pagina,
    Wereld,
)
from tests.toegang.fasen_tabel import FASEN

TABEL: list[Pagina] = [*KERN, *FASEN]
