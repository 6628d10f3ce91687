"""Which uploaded files are accepted as attachments: decided by their content, not their name.

A file is stored and downloaded under the extension of the kind its content shows, whatever
name the person typed. Office files are zip archives: one that would inflate beyond
``settings.BIJLAGE_MAX_UITGEPAKT_BYTES``, holds a part whose name climbs out of the archive
(``../x``, ``/etc/x``, ``C:\\x``) or cannot be read whole is refused with its own message."""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from typing import IO

import filetype
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from aanbesteden.fouten import Geweigerd

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

#: Accepted kinds of file, with the extension a download gets.
TOEGESTAAN = {PDF: "pdf", PNG: "png", JPEG: "jpg", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}

#: Parts inside an office file that carry macros or embedded programs.
VERBODEN_ONDERDELEN = ("vbaproject.bin", ".exe", ".dll", ".js", ".vbs", ".bat", ".cmd")


class BestandGeweigerd(Geweigerd, ValueError):
    """An office file refused for a reason of its own; ``str(exc)`` is the message."""


#: A part's name that leaves the archive: absolute, a drive letter, or a ".." step.
_ONVEILIGE_NAAM = re.compile(r"^(?:[/\\]|[A-Za-z]:)|(?:^|[/\\])\.\.(?:[/\\]|$)")


def _archief_controleren(archief: zipfile.ZipFile) -> None:
    """Refuse an archive that would inflate too far or whose part names leave the archive.
    Every part is read to its end (zipfile checks its size and CRC against the header), so a
    header that lies about the size does not get past the bound either."""
    grens = settings.BIJLAGE_MAX_UITGEPAKT_BYTES
    onderdelen = archief.infolist()
    if any(_ONVEILIGE_NAAM.search(info.filename) or "\x00" in info.filename for info in onderdelen):
        raise BestandGeweigerd(
            _("Dit bestand bevat onderdelen met een ongeldige naam. Wij nemen het niet aan.")
        )
    te_groot = BestandGeweigerd(
        _("Dit Office-bestand wordt uitgepakt te groot (meer dan %(max)s). Wij nemen het niet aan.")
        % {"max": filesizeformat(grens)}
    )
    if sum(info.file_size for info in onderdelen) > grens:
        raise te_groot
    gelezen = 0
    for info in onderdelen:
        with archief.open(info) as onderdeel:
            while blok := onderdeel.read(1024 * 1024):
                gelezen += len(blok)
                if gelezen > grens:
                    raise te_groot


def _beschadigd() -> BestandGeweigerd:
    return BestandGeweigerd(
        _(
            "Dit bestand is beschadigd en kan niet worden gelezen. Sla het opnieuw op en probeer "
            "het nog eens."
        )
    )


@dataclass(frozen=True)
class Bestandsinfo:
    mime: str
    grootte: int
    sha256: str


def _office_soort(bestand: IO[bytes]) -> str | None:
    """The kind of a zip-based office file, from the parts the zip holds. Raises
    ``BestandGeweigerd`` for an archive that is unsafe or cannot be read."""
    try:
        with zipfile.ZipFile(bestand) as archief:
            _archief_controleren(archief)
            namen = archief.namelist()
            laag = [n.lower() for n in namen]
            if any(n.endswith(VERBODEN_ONDERDELEN) for n in laag):
                return None
            if "mimetype" in namen:
                info = archief.getinfo("mimetype")
                if info.file_size > 100:
                    return None
                if archief.read("mimetype").strip() == ODT.encode():
                    return ODT
                return None
            if "[content_types].xml" not in laag:
                return None
            if "word/document.xml" in laag:
                return DOCX
            if "xl/workbook.xml" in laag:
                return XLSX
    except BestandGeweigerd:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        KeyError,
        RuntimeError,
        EOFError,
        NotImplementedError,
    ):
        raise _beschadigd() from None
    return None


def bestand_soort(bestand: IO[bytes]) -> str | None:
    """The MIME type of ``bestand`` when it is an accepted kind, else ``None``. Raises
    ``BestandGeweigerd`` for an office file that is unsafe or damaged."""
    bestand.seek(0)
    kop = bestand.read(8192)
    bestand.seek(0)
    if kop.startswith(b"PK\x03\x04"):
        soort = _office_soort(bestand)
        bestand.seek(0)
        return soort
    gevonden = filetype.guess(kop)
    if gevonden is not None and gevonden.mime in (PDF, PNG, JPEG):
        return gevonden.mime
    return None


def download_naam(naam: str, mime: str) -> str:
    """The name a file is stored and downloaded under: the name the person gave, without its
    own extension, with the extension of the kind its content shows (``x.html`` holding a
    PDF becomes ``x.pdf``)."""
    naam = (naam or "").replace("\\", "/").rsplit("/", 1)[-1]
    naam = "".join(ch for ch in naam if ch.isprintable() and ch not in '"<>:|?*')
    stam = naam.rsplit(".", 1)[0] if "." in naam.lstrip(".") else naam.lstrip(".")
    stam = stam.strip(" .")[:140] or "bijlage"
    return f"{stam}.{TOEGESTAAN.get(mime, 'bin')}"


def bestand_info(bestand: IO[bytes], mime: str) -> Bestandsinfo:
    """Size and SHA-256 of ``bestand``, read in chunks."""
    bestand.seek(0)
    digest = hashlib.sha256()
    grootte = 0
    while blok := bestand.read(1024 * 1024):
        digest.update(blok)
        grootte += len(blok)
    bestand.seek(0)
    return Bestandsinfo(mime=mime, grootte=grootte, sha256=digest.hexdigest())
