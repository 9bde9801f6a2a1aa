"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in this thread, which trips Django's guard against
async-unsafe calls from a loop; the ORM calls here are ordinary synchronous ones.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import fresh_review_cache  # noqa: F401 - autouse here too

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"desktop": 1280, "phone": 390}
ROOT = Path(__file__).resolve().parents[2]


def output_dir() -> Path:
    """Where screenshots go: $ABA_TEST_OUTPUT/screenshots (test-output/ in the repo by default)."""
    base = Path(os.environ.get("ABA_TEST_OUTPUT") or ROOT / "test-output")
    folder = base / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    """A fresh desktop-width page; JavaScript errors fail the test."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    context.set_default_timeout(10_000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.base = live_server.url  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def login(page, username: str) -> None:
    from tests.conftest import PASSWORD

    page.goto(page.base + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/(pipeline|review)/"))


def screenshot(page, name: str) -> None:
    """Save the page at desktop and phone widths (full length), then restore the desktop size."""
    folder = output_dir()
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(folder / f"{name}-{label}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
