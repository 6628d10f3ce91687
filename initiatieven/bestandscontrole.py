"""Which uploaded files are accepted as attachments: decided by their content, not their name."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from typing import IO

import filetype

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


@dataclass(frozen=True)
class Bestandsinfo:
    mime: str
    grootte: int
    sha256: str


def _office_soort(bestand: IO[bytes]) -> str | None:
    """The kind of a zip-based office file, from the parts the zip holds."""
    try:
        with zipfile.ZipFile(bestand) as archief:
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
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError):
        return None
    return None


def bestand_soort(bestand: IO[bytes]) -> str | None:
    """The MIME type of ``bestand`` when it is an accepted kind, else ``None``."""
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
