"""The systemd units of docs/systemd/: one per process, as the service user, hardened; the web
checks the settings and the sealing certificate before it starts and writes an access log
(through the project's gunicorn configuration); beat takes its scheduler from the settings;
and systemd itself accepts them."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from .hulp import BASE

MAP = BASE / "docs" / "systemd"
EENHEDEN = ("aanbesteden-web", "aanbesteden-worker", "aanbesteden-beat")


def _lees(naam: str) -> configparser.ConfigParser:
    eenheid = configparser.ConfigParser(strict=False, interpolation=None)
    eenheid.optionxform = str
    eenheid.read(MAP / f"{naam}.service")
    return eenheid


@pytest.mark.parametrize("naam", EENHEDEN)
def test_dienstgebruiker_en_afscherming(naam):
    dienst = _lees(naam)["Service"]
    assert dienst["User"] == "aanbesteden" and dienst["Group"] == "aanbesteden"
    for optie, waarde in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
    }.items():
        assert dienst[optie] == waarde, optie
    assert dienst["Restart"] in {"on-failure", "always"}
    assert dienst["EnvironmentFile"] == "/etc/aanbesteden/omgeving"


def test_web_controleert_voor_de_start_en_schrijft_een_toegangslog():
    dienst = _lees("aanbesteden-web")["Service"]
    assert "manage.py check --deploy" in dienst["ExecStartPre"]
    assert "-c python:bedrijfsvoering.gunicorn" in dienst["ExecStart"]
    assert dienst["Environment"].startswith("PROMETHEUS_MULTIPROC_DIR=/run/aanbesteden-web/")
    from bedrijfsvoering import gunicorn

    assert gunicorn.accesslog == "-"
    assert "%(U)s" in gunicorn.access_log_format and "%(r)s" not in gunicorn.access_log_format


def test_beat_zonder_eigen_scheduler():
    assert "--scheduler" not in _lees("aanbesteden-beat")["Service"]["ExecStart"]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_aanvaardt_de_eenheden(tmp_path):
    """systemd-analyze verify, with the paths of this machine (the virtualenv of the tests,
    root as user: the service user does not exist here)."""
    venv = BASE / ".venv"
    for naam in EENHEDEN:
        tekst = (MAP / f"{naam}.service").read_text()
        tekst = (
            tekst.replace("/opt/aanbesteden/.venv", str(venv))
            .replace("EnvironmentFile=/etc", "EnvironmentFile=-/etc")
            .replace("User=aanbesteden", "User=root")
            .replace("Group=aanbesteden", "Group=root")
        )
        (tmp_path / f"{naam}.service").write_text(tekst)
    uit = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.glob("*.service"))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stderr.strip() == "", uit.stderr
