"""Fixtures for the browser tests: Chromium, a running board, and devices on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from board_browser import CHROMIUM, FLAGS, WAIT_MS, BoardProcess, Devices
from playwright.sync_api import expect

# This machine is shared: give a page as long to show what a test waits for as an action.
expect.set_options(timeout=WAIT_MS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module. Not for the whole session: Playwright's sync API
    keeps an event loop running on the main thread while it is started, and later
    tests of other folders run ``asyncio.run`` themselves."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"the board's browser tests need Chromium at {CHROMIUM}: install Debian's "
            "package (apt-get install chromium; .ci/run does this) or name another "
            "Chromium in INTERVISION_CHROMIUM",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Callable[..., BoardProcess]]:
    started: list[BoardProcess] = []

    def start(
        *args: str, env: dict[str, str] | None = None, before: list[str] | None = None
    ) -> BoardProcess:
        process = BoardProcess(tmp_path, list(args), env, before)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture
def devices(browser: Any) -> Iterator[Devices]:
    opened = Devices(browser)
    yield opened
    opened.close()
    assert opened.elsewhere == [], "a page asked for something outside the board's origin"
