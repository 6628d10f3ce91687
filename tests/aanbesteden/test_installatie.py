"""The production set-up as files: docker-compose.yml is valid, and every environment variable
the settings read is documented in the README and in .env.example."""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def _gelezen_variabelen() -> dict[str, set[str]]:
    """Every variable read through ``env.<type>("NAAM", ...)`` in aanbesteden/settings, with the
    settings modules that read it."""
    gevonden: dict[str, set[str]] = {}
    for pad in sorted((BASE / "aanbesteden" / "settings").glob("*.py")):
        for node in ast.walk(ast.parse(pad.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "env"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                gevonden.setdefault(node.args[0].value, set()).add(pad.stem)
    return gevonden


def test_elke_omgevingsvariabele_staat_in_de_readme():
    readme = (BASE / "README.md").read_text()
    tabel = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", readme, flags=re.MULTILINE))
    gelezen = _gelezen_variabelen()
    assert len(gelezen) > 20
    assert set(gelezen) - tabel == set(), "missing in README's table of variables"


def test_productievariabelen_staan_in_env_example():
    voorbeeld = (BASE / ".env.example").read_text()
    genoemd = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", voorbeeld, flags=re.MULTILINE))
    # Variables only the embedded mode and the tests read (DEBUG, the dev port) are no
    # production settings.
    nodig = {n for n, modules in _gelezen_variabelen().items() if not modules <= {"test", "dev"}}
    nodig -= {"DEBUG"}  # development only
    assert nodig - genoemd == set()


@pytest.fixture
def compose_map(tmp_path):
    shutil.copy(BASE / "docker-compose.yml", tmp_path / "docker-compose.yml")
    shutil.copy(BASE / ".env.example", tmp_path / ".env")
    with (tmp_path / ".env").open("a") as f:
        f.write("\nPOSTGRES_PASSWORD=alleen-voor-de-controle\n")
    return tmp_path


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="docker-compose not installed")
def test_docker_compose_config_is_geldig(compose_map):
    def compose(*args):
        return subprocess.run(
            ["docker-compose", "-f", "docker-compose.yml", *args],
            cwd=compose_map,
            capture_output=True,
            text=True,
            timeout=60,
        )

    uit = compose("config")
    assert uit.returncode == 0, uit.stderr
    diensten = compose("config", "--services").stdout.split()
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(diensten)
    assert "gunicorn" in uit.stdout
    assert "python:bedrijfsvoering.gunicorn" in uit.stdout  # access log, JSON, workers
    # Beat's scheduler comes from the settings (the one with the lock): no --scheduler here.
    assert "--scheduler" not in uit.stdout
    assert "aanbesteden.settings.production" in uit.stdout
    assert "/gezond/klaar/" in uit.stdout  # the web's health check, over plain HTTP
    assert "PROMETHEUS_MULTIPROC_DIR" in uit.stdout


def test_dockerfile_bevat_wat_weasyprint_nodig_heeft():
    dockerfile = (BASE / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile
    for pakket in (
        "libpango-1.0-0",
        "libpangoft2-1.0-0",
        "libharfbuzz-subset0",
        "fonts-dejavu-core",
    ):
        assert pakket in dockerfile
    assert "npm ci" in dockerfile
    assert "collectstatic" in dockerfile


def test_elke_app_gaat_mee_in_het_image_en_het_pakket():
    """A new app is copied into the image and installed with the package."""
    import tomllib

    from tests.test_importrichting import LAGEN

    dockerfile = (BASE / "Dockerfile").read_text()
    pakketten = tomllib.loads((BASE / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
    for app in LAGEN:
        assert f"COPY {app} ./{app}" in dockerfile, app
        assert f"{app}*" in pakketten, app
