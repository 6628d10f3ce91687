"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's
live server. One browser per session; a fresh context (cookies, language, JavaScript on or
off) per test.

Without /usr/bin/chromium the tests skip locally, with the reason, and FAIL in CI (CI=true).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


@pytest.fixture
def nieuwe_context(browser):
    """Make browser contexts; all closed after the test."""
    contexten = []

    def maak(*, taal: str = "nl", javascript: bool = True):
        context = browser.new_context(
            locale="en-GB" if taal == "en" else "nl-NL",
            java_script_enabled=javascript,
            bypass_csp=True,  # lets the accessibility check inject axe-core
        )
        context.set_default_timeout(10_000)
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
