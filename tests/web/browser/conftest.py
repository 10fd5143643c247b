"""Browser tests: Playwright (sync API) driving Debian's Chromium (/usr/bin/chromium, installed by
.ci/run; no browser download) against pytest-django's live server.

The live server needs a database its thread can see, so these tests use ``transactional_db`` and
seed the demo themselves. Screenshots of key pages go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
PASSWORD = "browser-flow-passphrase-7319"
DEMO_USERNAMES = ("admin@demo.example", "assessor@demo.example", "committee@demo.example", "chair@demo.example",
                  "compliance@demo.example", "auditor@demo.example", "provider@demo.example",
                  "provider2@demo.example")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium through the web workspace (Playwright)")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: install Debian's chromium (make browser-deps; "
                                   ".ci/run installs it)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def seeded(transactional_db):
    """The demo institution with every demo user's password set to PASSWORD."""
    from fincloud.web.workspace.demo_data import seed_demo

    inst, _users = seed_demo(passwords=dict.fromkeys(DEMO_USERNAMES, PASSWORD))
    return inst


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are still
    # plain synchronous calls, so Django's async-safety guard is relaxed for this test only.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def shot():
    """``shot(page, "name")`` saves test-artifacts/screenshots/<name>.png (full page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / (re.sub(r"[^a-z0-9_-]+", "-", name.lower()) + ".png")
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def artifacts_dir() -> Path:
    path = SCREENSHOTS.parent / "downloads"
    path.mkdir(parents=True, exist_ok=True)
    return path

