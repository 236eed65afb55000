"""Hidden means absent, in the browser: not in another member's DOM, not in their traffic.

Carla writes her question in the Socratic writing phase. Until the facilitator
reveals, Dirk's page (its DOM) and everything Dirk's browser received (documents,
answers to its actions, every message of its event stream, read from Chromium's own
network log) hold nothing of it; after the reveal all of them do. Nothing is sent
while Carla types.
"""

from __future__ import annotations

import contextlib
from typing import Any

from board_browser import LAPTOP, BoardProcess, Devices, to_questions
from playwright.sync_api import Page, expect

SECRET = "Wat maakt dat je toen bleef staan, Bram?"


class Traffic:
    """Everything one page received over the network, from Chromium's own log."""

    def __init__(self, page: Page) -> None:
        self.received: list[str] = []
        self.sent: list[str] = []
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.eventSourceMessageReceived", self._message)
        page.on("response", self._response)
        page.on(
            "request", lambda request: self.sent.append(request.url + (request.post_data or ""))
        )

    def _request(self, request: Any) -> None:
        self.sent.append(request.url + (request.post_data or ""))

    def _message(self, event: dict[str, Any]) -> None:
        self.received.append(str(event.get("data", "")))

    def _response(self, response: Any) -> None:
        if "/events" in response.url:
            return  # the stream is read message by message above
        with contextlib.suppress(Exception):  # a response without a body (a redirect)
            self.received.append(response.text())

    def holds(self, text: str) -> bool:
        return any(text in part for part in self.received)


def test_a_written_question_reaches_nobody_before_the_reveal(board: Any, devices: Devices) -> None:
    running: BoardProcess = board(
        "--members",
        "Bram,Carla,Dirk,Eva",
        "--facilitator",
        "Anna",
        "--external-facilitator",
        "--lang",
        "nl",
    )
    console = devices.open(running.url("console"), viewport=LAPTOP)
    carla = devices.open(running.url("Carla"))
    dirk = devices.open(running.url("Dirk"))
    dirk_traffic = Traffic(dirk)
    carla_traffic = Traffic(carla)
    eva = devices.open(running.url("Eva"))
    display = devices.open(running.url("display"), viewport=LAPTOP)
    bram = devices.open(running.url("Bram"))
    to_questions(console, {"Bram": bram, "Carla": carla, "Dirk": dirk, "Eva": eva}, "socratic")
    expect(carla.locator("#where-title")).to_have_text("Vragen schrijven")

    box = carla.locator("form.contribute textarea[name=text]")
    sent_before = len(carla_traffic.sent)
    box.type(SECRET, delay=5)
    carla.wait_for_timeout(300)
    assert carla_traffic.sent[sent_before:] == []  # no keystrokes, no typing signal
    carla.locator("form.contribute button.primary").click()
    expect(carla.locator("#feed")).to_contain_text(SECRET)
    expect(carla.locator("#feed .private")).to_contain_text("Alleen jij ziet dit")
    expect(dirk.locator(".written")).to_contain_text("Carla")  # who wrote may show
    for page in (dirk, eva, display, console, bram):
        expect(page.locator(".written")).to_contain_text("Carla")
        assert SECRET not in page.content()
    assert not dirk_traffic.holds(SECRET)
    assert dirk_traffic.received  # the log did see Dirk's page and stream
    for page, name in ((dirk, "Dirk"), (eva, "Eva")):  # the floor: a question from everyone
        page.locator("form.contribute textarea[name=text]").fill(f"Vraag van {name}?")
        page.locator("form.contribute button.primary").click()
        expect(page.locator("#feed")).to_contain_text(f"Vraag van {name}?")

    console.locator("button[value=reveal]").click()
    for page in (dirk, eva, display, console, bram):
        expect(page.locator("#feed")).to_contain_text(SECRET)
    assert dirk_traffic.holds(SECRET)
