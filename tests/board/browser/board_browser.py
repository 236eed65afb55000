"""Real browsers on a real board: the helpers (the fixtures are in ``conftest.py``).

Debian's Chromium driven by Playwright.

Every test starts ``intervision board`` as a facilitator would (a process of its own,
on a SQLite store in a temporary folder) and opens its pages in separate browser
contexts: separate cookies, storage and connections, as separate devices have.

Every context refuses any request to another origin than the board's and records
it; a test fails if a page asked for anything elsewhere (the pages must work on a
room's network without internet). Chromium is Debian's package (``.ci/run`` installs
it); without it these tests fail saying what to install, they never skip.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("INTERVISION_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: How long a page may take to show what a test waits for, in milliseconds.
WAIT_MS = 15_000
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
INTERVISION = str(Path(sys.executable).with_name("intervision"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BoardProcess:
    """``intervision board`` in a process of its own, and its links."""

    def __init__(
        self,
        tmp: Path,
        args: list[str],
        env: dict[str, str] | None = None,
        before: list[str] | None = None,
    ) -> None:
        self.tmp = tmp
        #: Options of ``intervision`` itself, before ``board`` (``--method-file``).
        self.before = before or []
        self.port = free_port()
        self.env = {
            **os.environ,
            "INTERVISION_STORE": str(tmp / "store.sqlite3"),
            "INTERVISION_BOARD_DIR": str(tmp / "board"),
            **(env or {}),
        }
        self.links: dict[str, Any] = {}
        self.process: subprocess.Popen[str] | None = None
        self.start(args)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, args: list[str]) -> None:
        command = [INTERVISION, *self.before, "board", "--port", str(self.port), "--json", *args]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.env,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"intervision board did not start: {self.process.stderr.read()}")  # type: ignore[union-attr]
        printed = json.loads(line)
        if printed.get("console"):
            self.links = printed
        self.meeting_id = printed["meeting_id"]
        self._wait_until_it_answers()

    def _wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.origin}/", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the board did not answer within 20 s")

    def url(self, who: str) -> str:
        if who in ("console", "display"):
            return str(self.links[who])
        return str(self.links["members"][who])

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would do it."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Devices:
    """Browser contexts that may talk to the board's origin only."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.contexts: list[Any] = []
        self.elsewhere: list[str] = []

    def open(
        self,
        url: str,
        *,
        viewport: dict[str, int] = PHONE,
        clock_offset_s: float = 0.0,
        locale: str = "nl-NL",
    ) -> Any:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        context = self.browser.new_context(viewport=viewport, locale=locale)
        context.set_default_timeout(WAIT_MS)

        def only_the_board(route: Any) -> None:
            target = "{0.scheme}://{0.netloc}".format(urlsplit(route.request.url))
            if target == origin:
                route.continue_()
            else:
                self.elsewhere.append(route.request.url)
                route.abort()

        context.route("**/*", only_the_board)
        if clock_offset_s:
            # The device's own clock is wrong: every Date the page makes is off by this much.
            context.add_init_script(_shifted_clock(clock_offset_s))
        self.contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _shifted_clock(offset_s: float) -> str:
    offset_ms = round(offset_s * 1000)
    return (
        "(() => { const offset = "
        + str(offset_ms)
        + """;
      const RealDate = Date;
      class ShiftedDate extends RealDate {
        constructor(...args) { super(...(args.length ? args : [RealDate.now() + offset])); }
        static now() { return RealDate.now() + offset; }
      }
      window.Date = ShiftedDate;
    })();
    """
    )


def start_case(
    console: Any, members: dict[str, Any], method: str, leervraag: str = "Hoe blijf ik rustig?"
) -> None:
    """Through the pages into the method's first phase: Bram brings ``leervraag`` from
    his own page, the others pass, the console chooses his case and ``method``."""
    from playwright.sync_api import expect

    if console.locator("#where-title").text_content() == "Opening":
        console.locator("button[value=advance]").click()
    members["Bram"].locator("#leervraag-text").fill(leervraag)
    members["Bram"].locator("button[value=submit_leervraag]").click()
    for name in members:
        if name != "Bram":
            members[name].locator("button[value=pass_leervraag]").click()
    for name in members:
        expect(console.locator("#feed")).to_contain_text(name)
    console.locator("button[value=advance]").click()
    console.locator("form:has(input[value=choose_case]) button.primary").click()
    console.locator("#method").select_option(method)
    console.locator("form:has(input[value=choose_method]) button.primary").click()
    expect(console.locator("button[value=advance]")).to_be_visible()


def advance(console: Any, pages: Iterable[Any] = ()) -> None:
    """The console moves the meeting on; returns once the console and every page in
    ``pages`` show the next step, so what a member types next belongs to it (a click on
    a page the live update has not reached yet would answer the step before)."""
    from playwright.sync_api import expect

    before = console.locator("#where-title").text_content() or ""
    console.locator("button[value=advance]").click()
    expect(console.locator("#where-title")).not_to_have_text(before)
    now = console.locator("#where-title").text_content() or ""
    for page in pages:
        expect(page.locator("#where-title")).to_have_text(now)


def to_questions(console: Any, members: dict[str, Any], method: str = "incident") -> None:
    """:func:`start_case`, and on to the method's second phase."""
    from playwright.sync_api import expect

    start_case(console, members, method)
    first = console.locator("#where-title").text_content()
    console.locator("button[value=advance]").click()
    expect(console.locator("#where-title")).not_to_have_text(first or "")
