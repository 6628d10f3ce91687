"""Checking a sealed PDF (the public verification page and ``overeenkomst_verifieer``).

The seal itself, a PAdES signature (pyHanko) with the platform's certificate, is made by the
core (``aanbesteden.zegel``): the agreement and the decision letter are sealed alike, and both
are checked here.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from io import BytesIO

from django.utils.translation import gettext as _

from aanbesteden.zegel import (  # noqa: F401 (the sealing functions, by their old names)
    ONTWIKKEL_WACHTWOORD,
    ZEGEL_VELD,
    ontwikkelcertificaat_maken,
    pdf_verzegelen,
    platform_vingerafdruk,
)
from aanbesteden.zegel import ondertekenaar as _signer

MAX_GROOTTE = 20 * 1024 * 1024


@dataclass
class Uitslag:
    """The outcome of checking a PDF: ``echt`` or not, and why."""

    echt: bool
    reden: str
    sha256: str = ""
    traject_id: int | None = None
    versie_nummer: int | None = None
    getekend_op: datetime.datetime | None = None
    details: list[str] = field(default_factory=list)


def _beschadigd(sha: str) -> Uitslag:
    return Uitslag(
        False,
        _(
            "Het zegel is beschadigd of ongeldig: de handtekening in de PDF klopt niet met "
            "zichzelf. Het bestand is na het verzegelen veranderd of kapotgegaan."
        ),
        sha,
    )


def _cms_gaaf(inhoud: bytes) -> bool:
    """Whether the signature container (CMS) is whole: every part parses, the signer's digest
    algorithm is among those the container lists, the versions are ones RFC 5652 allows, and
    the space the PDF reserved after it holds only zeros, as when the seal was made. Parts
    that no signature covers are checked too: a damaged seal is reported as damaged,
    whatever byte was hit."""
    from asn1crypto import cms

    container = cms.ContentInfo.load(inhoud)
    container.native  # noqa: B018 - parse every part; a damaged part raises
    getekend = container["content"]
    algoritmen = {a["algorithm"].native for a in getekend["digest_algorithms"]}
    if len(getekend["signer_infos"]) != 1:
        return False
    ondertekenaar = getekend["signer_infos"][0]
    # RFC 5652: the versions a SignedData and a SignerInfo may carry.
    if getekend["version"].native not in ("v1", "v3", "v4", "v5"):
        return False
    if ondertekenaar["version"].native not in ("v1", "v3"):
        return False
    if ondertekenaar["digest_algorithm"]["algorithm"].native not in algoritmen:
        return False
    return not inhoud[len(container.dump()) :].strip(b"\x00")


def _handtekening_velden(lezer) -> int:
    """The number of filled signature fields; reading them needs no parse of the signature."""
    from pyhanko.sign.fields import enumerate_sig_fields

    return sum(1 for _veld in enumerate_sig_fields(lezer, filled_status=True))


def pdf_controleren(data: bytes) -> Uitslag:
    """Check that ``data`` is a PDF sealed by this platform and unchanged since.

    Never raises for bad input and logs nothing about it: every failure is an ``Uitslag``
    with a reason. The reasons tell apart a document changed after sealing, a seal whose own
    bytes are damaged (corrupted or forged), and a sound seal made with another certificate.

    The integrity of the signature is checked with pyHanko's ``validate_sig_integrity``
    before any certificate validation, and without its difference analysis of later
    revisions (any later revision is refused anyway): those steps log warnings with
    tracebacks for hostile input, and this check runs on files anybody may upload."""
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return Uitslag(False, _("Het bestand is leeg."), sha)
    if len(data) > MAX_GROOTTE:
        return Uitslag(False, _("Het bestand is te groot (hoogstens 20 MB)."), sha)
    if b"%PDF-" not in data[:1024]:
        return Uitslag(False, _("Dit is geen PDF-bestand."), sha)
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.generic_cms import validate_sig_integrity
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        lezer = PdfFileReader(BytesIO(data), strict=False)
        velden = _handtekening_velden(lezer)
    except Exception:  # noqa: BLE001 - any parse error means: not a readable PDF
        return Uitslag(False, _("Het bestand is geen leesbare PDF."), sha)
    if not velden:
        return Uitslag(False, _("Deze PDF heeft geen zegel van het platform."), sha)
    if velden > 1:
        return Uitslag(
            False, _("Deze PDF heeft meer dan één handtekening: er is iets toegevoegd."), sha
        )
    try:
        handtekeningen = lezer.embedded_signatures
        handtekening = handtekeningen[0]
        ondertekenaar = handtekening.signer_cert
        gaaf, geldig = validate_sig_integrity(
            handtekening.signer_info, ondertekenaar, "data", handtekening.compute_digest()
        )
        heel = _cms_gaaf(handtekening.pkcs7_content)
    except Exception:  # noqa: BLE001 - a signature that cannot be read or checked is damaged
        return _beschadigd(sha)
    if not heel or not geldig:
        # The signature container is damaged, or the signature does not match its own signed
        # attributes and certificate: the seal's bytes were changed (a change to the
        # document alone leaves the signature itself valid).
        return _beschadigd(sha)
    eigen = _signer().signing_cert
    if ondertekenaar.sha256 != eigen.sha256:
        if ondertekenaar.public_key.dump() == eigen.public_key.dump():
            return _beschadigd(sha)  # our key, but the certificate in the seal was altered
        return Uitslag(
            False, _("Het zegel is niet gezet met het certificaat van dit platform."), sha
        )
    if not gaaf:
        return Uitslag(
            False,
            _("Het zegel klopt niet: het document is na het verzegelen gewijzigd."),
            sha,
        )
    try:
        dekking = handtekening.evaluate_signature_coverage()
    except Exception:  # noqa: BLE001 - a byte range that cannot be read is a damaged seal
        return _beschadigd(sha)
    if dekking != SignatureCoverageLevel.ENTIRE_FILE:
        return Uitslag(
            False,
            _(
                "Na het verzegelen is er iets aan de PDF toegevoegd of veranderd "
                "(het zegel dekt niet het hele bestand)."
            ),
            sha,
        )
    try:
        context = ValidationContext(trust_roots=[eigen], allow_fetching=False)
        status = validate_pdf_signature(handtekening, context, skip_diff=True)
    except Exception as exc:  # noqa: BLE001 - a broken signature must not crash the check
        return Uitslag(False, _("Het zegel kan niet worden gecontroleerd: %s") % exc, sha)
    if not status.intact or not status.valid:
        return _beschadigd(sha)
    uitslag = Uitslag(True, _("Het zegel is echt en het document is niet gewijzigd."), sha)
    uitslag.getekend_op = status.signer_reported_dt
    uitslag.traject_id, uitslag.versie_nummer = _kenmerken(data)
    return uitslag


def _kenmerken(data: bytes) -> tuple[int | None, int | None]:
    """Traject id and version number from the PDF's metadata (written when rendered)."""
    try:
        from pypdf import PdfReader

        info = PdfReader(BytesIO(data)).metadata or {}
        return int(info.get("/traject")), int(info.get("/overeenkomstversie"))
    except Exception:  # noqa: BLE001 - metadata is a hint; the database lookup decides
        return None, None
