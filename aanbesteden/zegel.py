"""The platform's seal: a PAdES signature (pyHanko) with the platform's certificate, for every
formal document it issues (the agreement, the decision letter).

Production reads the PKCS#12 file ``settings.ZEGEL_PKCS12_PAD`` with
``settings.ZEGEL_PKCS12_WACHTWOORD``; ``certificaat_problemen`` says what is wrong with it
(the start-up check of ``bedrijfsvoering`` reports it). Without one (development, tests), a
self-signed certificate and key are generated once into ``MEDIA_ROOT/zegel/``.

Checking a sealed PDF is ``overdracht.zegel.pdf_controleren`` (the public verification page).
"""

from __future__ import annotations

import datetime
import os
import secrets
from io import BytesIO
from pathlib import Path

from django.conf import settings

#: The development key never protects anything real; its password is not a secret.
ONTWIKKEL_WACHTWOORD = b"zegel-alleen-voor-ontwikkeling"
ZEGEL_VELD = "Zegel"


def _pkcs12_pad() -> tuple[Path, bytes]:
    if settings.ZEGEL_PKCS12_PAD:
        return Path(settings.ZEGEL_PKCS12_PAD), settings.ZEGEL_PKCS12_WACHTWOORD.encode()
    pad = Path(settings.MEDIA_ROOT) / "zegel" / "platform.p12"
    if not pad.exists():
        ontwikkelcertificaat_maken(pad, wachtwoord=ONTWIKKEL_WACHTWOORD)
    return pad, ONTWIKKEL_WACHTWOORD


def ontwikkelcertificaat_maken(
    pad: Path, *, wachtwoord: bytes, naam: str = "Maatschappelijk Aanbesteden (ontwikkeling)"
) -> Path:
    """Write a self-signed certificate and EC key as PKCS#12 to ``pad`` unless one is there.

    Written to a temporary file and linked into place, so two processes starting at once end
    up with one and the same certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    pad.parent.mkdir(parents=True, exist_ok=True)
    if pad.exists():
        return pad
    sleutel = ec.generate_private_key(ec.SECP256R1())
    onderwerp = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Maatschappelijk Aanbesteden"),
            x509.NameAttribute(NameOID.COMMON_NAME, naam),
        ]
    )
    nu = datetime.datetime.now(datetime.UTC)
    certificaat = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(sleutel, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        naam.encode(),
        sleutel,
        certificaat,
        None,
        serialization.BestAvailableEncryption(wachtwoord),
    )
    tijdelijk = pad.with_name(f".{pad.name}.{secrets.token_hex(6)}")
    tijdelijk.write_bytes(data)
    os.chmod(tijdelijk, 0o600)
    try:
        os.link(tijdelijk, pad)
    except FileExistsError:
        pass
    finally:
        tijdelijk.unlink(missing_ok=True)
    return pad


def ondertekenaar(pad: Path | None = None, wachtwoord: bytes | None = None):
    """pyHanko's signer with the platform's key (or the given one)."""
    from pyhanko.sign import signers

    if pad is None:
        pad, wachtwoord = _pkcs12_pad()
    signer = signers.SimpleSigner.load_pkcs12(str(pad), passphrase=wachtwoord)
    if signer is None:
        raise RuntimeError("The sealing certificate (PKCS#12) could not be read.")
    return signer


def platform_vingerafdruk() -> str:
    """SHA-256 fingerprint (hex) of the platform's sealing certificate."""
    return ondertekenaar().signing_cert.sha256.hex()


def pdf_verzegelen(
    data: bytes, *, pad: Path | None = None, wachtwoord: bytes | None = None
) -> bytes:
    """Seal ``data`` (a PDF) with a PAdES signature; another key may be given (tests)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = ondertekenaar(pad, wachtwoord)
    schrijver = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=ZEGEL_VELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason="Verzegeld door het platform Maatschappelijk Aanbesteden",
        location="Nederland",
        md_algorithm="sha256",
    )
    uit = signers.sign_pdf(schrijver, meta, signer=signer)
    return uit.getvalue()


def certificaat_problemen(pad: str, wachtwoord: str) -> list[str]:
    """What is wrong with the PKCS#12 file at ``pad`` for sealing, for the operator (empty when
    it can seal): missing, unreadable, not PKCS#12, wrong password, no key or certificate,
    not yet or no longer valid. Reads the file the way sealing does, so a problem shows at
    start-up rather than at the first signature."""
    from asn1crypto import pkcs12 as asn1_pkcs12
    from cryptography.hazmat.primitives.serialization import pkcs12

    bestand = Path(pad)
    if not bestand.exists():
        return [f"{pad} does not exist."]
    try:
        data = bestand.read_bytes()
    except OSError as exc:
        return [f"{pad} cannot be read: {exc.strerror or exc}."]
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parse every part
    except Exception:  # noqa: BLE001 - whatever fails to parse is not a PKCS#12 file
        return [f"{pad} is not a PKCS#12 file (.p12)."]
    try:
        sleutel, certificaat, _keten = pkcs12.load_key_and_certificates(
            data, wachtwoord.encode() or None
        )
    except ValueError:
        return [f"The password (ZEGEL_PKCS12_WACHTWOORD) does not open {pad}."]
    if sleutel is None or certificaat is None:
        return [f"{pad} holds no private key with its certificate."]
    nu = datetime.datetime.now(datetime.UTC)
    if certificaat.not_valid_after_utc < nu:
        return [f"The certificate in {pad} expired on {certificaat.not_valid_after_utc:%Y-%m-%d}."]
    if certificaat.not_valid_before_utc > nu:
        return [
            f"The certificate in {pad} is valid only from "
            f"{certificaat.not_valid_before_utc:%Y-%m-%d}."
        ]
    return []
