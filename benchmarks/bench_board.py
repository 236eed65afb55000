"""The board under load, and a member's first page (issue 15).

``board.tap_p50`` and ``board.tap_p99``: 50 meetings of six members each on one
``intervision board`` server (SQLite in WAL mode, every command durable), every
member's page connected to its event stream and every member tapping "send" about
once every 10 seconds (uniformly 5 to 15 s apart). A tap's figure is the time from
sending it to the moment the update is in **every other** member's page of that
meeting (the last of the five streams to deliver it). The baseline is the same load
on a bare relay (``board_server.py relay``): the same server stack and streams with
no engine, store or page. The server and the load run in separate processes; the
load is plain ``asyncio`` sockets, as many streams as there are members.

``board.first_load``: the bytes a member's phone receives to show their page the
first time (the HTML, the style sheet, the script, the icon; headers included; the
live stream left out), from Chromium's network log, against the page's HTML alone.

``board.join``: from opening a join link in a new browser (nothing cached) to a
working member view: the page shown, its form ready, its live stream connected;
against the same browser opening the board's plain index page.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

from common import Config, Figure

HERE = Path(__file__).parent
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``board_server.py`` in a process of its own."""

    def __init__(self, side: str, meetings: int, folder: Path) -> None:
        self.port = _free_port()
        links = folder / f"{side}-links.json"
        command = [
            sys.executable,
            str(HERE / "board_server.py"),
            side,
            "--meetings",
            str(meetings),
            "--port",
            str(self.port),
            "--out",
            str(links),
            "--store",
            str(folder / f"{side}.sqlite3"),
        ]
        env = {**os.environ, "INTERVISION_BOARD_DIR": str(folder / "board")}
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True)
        assert self.process.stdout is not None
        self.process.stdout.readline()  # "ready": the meetings are made
        self.links: dict[str, dict[str, str]] = json.loads(links.read_text())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the board server did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


# -- the load -------------------------------------------------------------------------


class Page:
    """One member's page: its event stream, and when each version reached it."""

    VERSION = re.compile(rb'data: \{"v": ?(\d+)')

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self.arrived: list[tuple[int, float]] = []
        self.changed = asyncio.Event()
        self.csrf = ""
        self.kind = ""

    async def open(self) -> None:
        html = await _request(self.port, "GET", f"/b/{self.token}")
        self.csrf = re.search(rb'name="csrf" value="([^"]+)"', html).group(1).decode()  # type: ignore[union-attr]
        kind = re.search(rb'name="kind" value="([^"]+)"', html)
        self.kind = kind.group(1).decode() if kind else "question"
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(
            f"GET /b/{self.token}/events HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        await self.writer.drain()
        while (await self.reader.readline()) not in (b"\r\n", b""):
            pass  # the status line and headers
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        """The chunked body: each chunk's time is when its events arrived."""
        buffer = b""
        while True:
            size_line = await self.reader.readline()
            if not size_line:
                return
            size = int(size_line.strip() or b"0", 16)
            chunk = await self.reader.readexactly(size + 2)
            now = time.perf_counter()
            buffer += chunk[:-2]
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                found = self.VERSION.search(event)
                if found and event.startswith(b"event: view"):
                    self.arrived.append((int(found.group(1)), now))
                    self.changed.set()
                    self.changed = asyncio.Event()

    async def reached(self, version: int, timeout: float) -> float | None:
        deadline = time.perf_counter() + timeout
        while True:
            for seen, at in self.arrived:
                if seen >= version:
                    return at
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            waiter = self.changed
            try:
                await asyncio.wait_for(waiter.wait(), remaining)
            except TimeoutError:
                return None

    def close(self) -> None:
        self.task.cancel()
        self.writer.close()


async def _request(port: int, method: str, path: str, body: bytes = b"") -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
        f"Origin: http://127.0.0.1:{port}\r\nAccept: application/json\r\n"
    )
    if method == "POST":
        head += (
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        )
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    answer = await reader.read()
    writer.close()
    return answer.split(b"\r\n\r\n", 1)[1]


async def _load(
    port: int, links: dict[str, dict[str, str]], seconds: float, every: float
) -> list[tuple[float, float]]:
    """Every member taps about once every ``every`` seconds for ``seconds``: when each
    tap was made (seconds into the run) and the milliseconds from it to the last of
    the other pages showing it."""
    pages = {
        m: {p: Page(port, token) for p, token in people.items()} for m, people in links.items()
    }
    for people in pages.values():
        await asyncio.gather(*(page.open() for page in people.values()))
    await asyncio.sleep(1.0)  # every stream has its first view
    results: list[tuple[float, float]] = []
    lost = 0
    start = time.perf_counter()
    end = start + seconds

    async def member(meeting: dict[str, Page], person: str) -> None:
        nonlocal lost
        page = meeting[person]
        others = [p for name, p in meeting.items() if name != person]
        await asyncio.sleep(random.uniform(0, every))
        taps = 0
        while time.perf_counter() < end:
            taps += 1
            body = urllib.parse.urlencode(
                {
                    "csrf": page.csrf,
                    "action": "contribute",
                    "kind": page.kind,
                    "text": f"Vraag {taps} van {person}: wat gebeurde er toen precies?",
                    "request_id": f"{page.token}-{taps}",
                }
            ).encode()
            t0 = time.perf_counter()
            answer = json.loads(await _request(port, "POST", f"/b/{page.token}/do", body))
            version = int(answer["version"])
            arrivals = await asyncio.gather(*(o.reached(version, 10.0) for o in others))
            if any(a is None for a in arrivals):
                lost += 1
            else:
                latest = max(a for a in arrivals if a is not None)
                results.append((t0 - start, (latest - t0) * 1000))
            await asyncio.sleep(every * random.uniform(0.5, 1.5))

    await asyncio.gather(*(member(meeting, p) for meeting in pages.values() for p in meeting))
    for people in pages.values():
        for page in people.values():
            page.close()
    if lost:
        raise RuntimeError(f"{lost} taps never reached every other page within 10 s")
    return results


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


#: Windows of the run, each giving its own p50 and p99: the spread of the figures.
WINDOWS = 6


def _taps(config: Config, folder: Path) -> dict[str, list[list[float]]]:
    """Per side, the taps' milliseconds in each window of the run."""
    meetings = config.pick(50, 2)
    seconds = config.pick(60, 4)
    every = config.pick(10, 1)
    windows = config.pick(WINDOWS, 2)
    found: dict[str, list[list[float]]] = {}
    for side in ("ours", "relay"):
        server = Server(side, meetings, folder)
        try:
            taps = asyncio.run(_load(server.port, server.links, seconds, every))
        finally:
            server.stop()
        found[side] = [
            [ms for at, ms in taps if i * seconds / windows <= at < (i + 1) * seconds / windows]
            for i in range(windows)
        ]
    return found


# -- a member's first page ------------------------------------------------------------


def _browser_figures(
    config: Config, folder: Path
) -> tuple[list[float], float, list[float], list[float]]:
    """Bytes of a first load (and of the HTML alone), and join times against plain pages."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # the test extras bring it
        raise RuntimeError("board.join needs playwright: pip install -e '.[test]'") from exc
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"board.join needs Chromium at {CHROMIUM} (apt-get install chromium)")
    runs = config.pick(10, 2)
    server = Server("ours", runs + 1, folder)
    members = [people["carla"] for people in server.links.values()]
    base = f"http://127.0.0.1:{server.port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            loads, html_only = _first_load(browser, f"{base}/b/{members[0]}")
            joins: list[float] = []
            plain: list[float] = []
            for token in members[1:]:
                joins.append(_join(browser, f"{base}/b/{token}"))
                plain.append(_plain(browser, f"{base}/"))
            browser.close()
    finally:
        server.stop()
    return loads, html_only, joins, plain


def _first_load(browser: Any, url: str) -> tuple[list[float], float]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    sizes: dict[str, float] = {}
    urls: dict[str, str] = {}
    session.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    session.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], float(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="load")
    page.locator("body[data-connected=yes]").wait_for()
    page.wait_for_timeout(300)
    context.close()
    loaded = {urls[r]: size for r, size in sizes.items() if not urls[r].endswith("/events")}
    html = next(size for u, size in loaded.items() if u == url)
    return [sum(loaded.values()) / 1024], html / 1024


def _join(browser: Any, url: str) -> float:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    # The page's own script marks the body once its live stream delivered the view.
    page.locator("body[data-connected=yes] form.contribute textarea:enabled").wait_for()
    elapsed = (time.perf_counter() - t0) * 1000
    context.close()
    return elapsed


def _plain(browser: Any, url: str) -> float:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url, wait_until="load")
    elapsed = (time.perf_counter() - t0) * 1000
    context.close()
    return elapsed


def run(config: Config) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="intervision-bench-board-") as name:
        folder = Path(name)
        taps = _taps(config, folder)
        loads, html_only, joins, plain = _browser_figures(config, folder)
    ours = [ms for window in taps["ours"] for ms in window]
    relay = [ms for window in taps["relay"] for ms in window]

    def per_window(side: str, share: float) -> list[float]:
        return [_percentile(window, share) for window in taps[side] if window]

    p50 = Figure(
        "board.tap_p50",
        "ms",
        per_window("ours", 0.5),
        per_window("relay", 0.5),
        target=150,
        absolute=True,
        notes=[
            f"{len(ours)} taps on the board, {len(relay)} on the relay, in "
            f"{len(taps['ours'])} windows (the spread); over the whole run ours p50 "
            f"{_percentile(ours, 0.5):.1f} ms, p99 {_percentile(ours, 0.99):.1f} ms, "
            f"max {max(ours):.0f} ms; relay p99 {_percentile(relay, 0.99):.1f} ms"
        ],
    )
    p99 = Figure(
        "board.tap_p99",
        "ms",
        per_window("ours", 0.99),
        per_window("relay", 0.99),
        target=150,
        absolute=True,
    )
    first = Figure(
        "board.first_load",
        "KiB",
        loads,
        [html_only],
        target=100,
        absolute=True,
        notes=["baseline: the member page's HTML alone; ours: everything the page loads"],
    )
    join = Figure("board.join", "ms", joins, plain, target=2000, absolute=True)
    return [p50, p99, first, join]
