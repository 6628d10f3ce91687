"""The sealing certificate is checked at start-up (``manage.py check``, which the systemd unit
and ``migrate`` run before the processes start): a missing, unreadable or foreign file, a
wrong password or an expired certificate is an error then, not at the first signature."""

from __future__ import annotations

import datetime

import pytest
from django.core.checks import run_checks

from .hulp import manage, productie_env, zegelcertificaat


def _fouten() -> list[str]:
    return [f.msg for f in run_checks(tags=["zegel"]) if f.id == "bedrijfsvoering.E001"]


def _verlopen(pad, wachtwoord: bytes):
    """A PKCS#12 whose certificate expired yesterday."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    sleutel = ec.generate_private_key(ec.SECP256R1())
    naam = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Verlopen")])
    nu = datetime.datetime.now(datetime.UTC)
    certificaat = (
        x509.CertificateBuilder()
        .subject_name(naam)
        .issuer_name(naam)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=400))
        .not_valid_after(nu - datetime.timedelta(days=1))
        .sign(sleutel, hashes.SHA256())
    )
    pad.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"v", sleutel, certificaat, None, serialization.BestAvailableEncryption(wachtwoord)
        )
    )
    return pad


def test_goed_certificaat_geeft_geen_fout(settings, tmp_path):
    settings.ZEGEL_PKCS12_PAD = str(zegelcertificaat(tmp_path / "zegel.p12", "geheim"))
    settings.ZEGEL_PKCS12_WACHTWOORD = "geheim"
    assert _fouten() == []


def test_zonder_certificaat_niets_te_controleren(settings):
    """Embedded mode and tests: a development certificate is made when needed."""
    settings.ZEGEL_PKCS12_PAD = ""
    assert _fouten() == []


@pytest.mark.parametrize(
    ("maken", "wachtwoord", "melding"),
    [
        (lambda map_: map_ / "bestaat-niet.p12", "geheim", "does not exist"),
        (lambda map_: map_, "geheim", "cannot be read"),  # a directory
        (
            lambda map_: (map_ / "kapot.p12").write_bytes(b"geen pkcs12") and map_ / "kapot.p12",
            "geheim",
            "is not a PKCS#12 file",
        ),
        (lambda map_: zegelcertificaat(map_ / "z.p12", "geheim"), "verkeerd", "does not open"),
        (lambda map_: zegelcertificaat(map_ / "z.p12", "geheim"), "", "does not open"),
        (lambda map_: _verlopen(map_ / "oud.p12", b"geheim"), "geheim", "expired on"),
    ],
    ids=[
        "ontbreekt",
        "onleesbaar",
        "geen_pkcs12",
        "verkeerd_wachtwoord",
        "leeg_wachtwoord",
        "verlopen",
    ],
)
def test_onbruikbaar_certificaat_is_een_fout(settings, tmp_path, maken, wachtwoord, melding):
    settings.ZEGEL_PKCS12_PAD = str(maken(tmp_path))
    settings.ZEGEL_PKCS12_WACHTWOORD = wachtwoord
    (fout,) = _fouten()
    assert melding in fout


def test_check_faalt_bij_het_starten_met_productie_instellingen(tmp_path):
    zegel = zegelcertificaat(tmp_path / "zegel.p12", "geheim")
    goed = manage("check", env=productie_env(ZEGEL_PKCS12_PAD=str(zegel)))
    assert goed.returncode == 0, goed.stderr
    fout = manage(
        "check", env=productie_env(ZEGEL_PKCS12_PAD=str(zegel), ZEGEL_PKCS12_WACHTWOORD="fout")
    )
    assert fout.returncode == 1
    assert "bedrijfsvoering.E001" in fout.stderr
    assert "ZEGEL_PKCS12_WACHTWOORD" in fout.stderr
    # The password itself is never printed.
    assert "fout" not in fout.stderr.replace("ZEGEL_PKCS12_WACHTWOORD", "")
