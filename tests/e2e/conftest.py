"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's
live server. One browser per session; a fresh context (cookies, language, JavaScript on or
off, window size) per test, with the site's Content-Security-Policy enforced.

Every context reports to the test's ``paginacontrole`` (``tests/e2e/paginacontrole.py``):
console errors, failed requests, pages wider than 320 px and HTML the Nu checker rejects fail
the test when its body has passed (``pytest_runtest_call`` below).

Without /usr/bin/chromium (or Java and the Nu HTML checker) the tests skip locally, with the
reason, and FAIL in CI (CI=true).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.paginacontrole import NuChecker, Paginacontrole

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run
# next to it without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PAD", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
HIER = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HIER):
            item.add_marker(pytest.mark.e2e)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _niet_beschikbaar(reden: str):
    if _in_ci():
        pytest.fail(f"{reden} (required in CI)", pytrace=False)
    pytest.skip(reden)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _niet_beschikbaar(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    if not AXE.exists():
        _niet_beschikbaar(f"axe-core not found at {AXE}: run npm ci")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_bron() -> str:
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nu_checker() -> NuChecker:
    return NuChecker()


@pytest.fixture
def werkende_nu_checker(nu_checker) -> NuChecker:
    """The checker for a test that cannot do without it."""
    reden = nu_checker.ontbreekt()
    if reden:
        _niet_beschikbaar(reden)
    return nu_checker


@pytest.fixture
def paginacontrole(nu_checker, tmp_path) -> Paginacontrole:
    """This test's console, network, width and HTML checks; the HTML goes to ``tmp_path``."""
    return Paginacontrole(nu=nu_checker, map=tmp_path)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After a browser test's body has passed: fail it on what its ``paginacontrole`` found.
    Without Java or the Nu checker the test is skipped (failed in CI) once everything else
    has passed, since one of its checks could not run."""
    uitkomst = yield
    controle = getattr(item, "funcargs", {}).get("paginacontrole")
    if controle is not None:
        problemen = controle.problemen()
        if problemen:
            pytest.fail("\n\n".join(problemen), pytrace=False)
        reden = controle.nu.ontbreekt()
        if controle.documenten and reden:
            _niet_beschikbaar(reden)
    return uitkomst


@pytest.fixture
def nieuwe_context(browser, paginacontrole):
    """Make browser contexts; all closed after the test. The CSP is not bypassed: axe-core
    is evaluated through the DevTools protocol, which the page's CSP does not govern, and
    anything the CSP blocks must show up as a console error."""
    contexten = []

    def maak(
        *,
        taal: str = "nl",
        javascript: bool = True,
        venster: tuple[int, int] = (1280, 720),
    ):
        context = browser.new_context(
            locale="en-GB" if taal == "en" else "nl-NL",
            java_script_enabled=javascript,
            viewport={"width": venster[0], "height": venster[1]},
        )
        context.set_default_timeout(10_000)
        paginacontrole.volg(context)
        contexten.append(context)
        return context

    yield maak
    for context in contexten:
        context.close()


@pytest.fixture
def e2e_db(transactional_db, settings):
    """The live server needs committed data; sessions and mail as in production."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return transactional_db
