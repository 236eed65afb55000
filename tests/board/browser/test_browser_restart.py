"""The board is killed mid-meeting and started again: nothing acknowledged is lost,
nothing counts twice, and every page finds its way back by itself.

The server dies by SIGKILL (no shutdown of any kind). One tap is caught in the worst
moment: its command was committed, but the answer never reached the page; the page
sends it again, with the same request id, to the restarted board, which answers
with what the first one did. Another member taps while the board is down; the page
keeps trying until the board is back.
"""

from __future__ import annotations

from typing import Any

from board_browser import LAPTOP, BoardProcess, Devices, to_questions
from playwright.sync_api import Page, expect

from intervision.engine.storage import open_engine

ASKED = {
    "Carla": "Wat zei de vader als eerste?",
    "Dirk": "Was je collega erbij?",
    "Eva": "Wat deed je daarna?",
}


def ask(page: Page, text: str) -> None:
    page.locator("form.contribute textarea[name=text]").fill(text)
    page.locator("form.contribute button.primary").click()


def test_a_killed_board_restarts_and_every_page_catches_up(board: Any, devices: Devices) -> None:
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
    display = devices.open(running.url("display"), viewport=LAPTOP)
    members = {name: devices.open(running.url(name)) for name in ("Bram", "Carla", "Dirk", "Eva")}
    pages = [console, display, *members.values()]
    to_questions(console, members)
    for page in pages:
        expect(page.locator("#where-title")).to_have_text("Informatieve vragen")

    ask(members["Carla"], ASKED["Carla"])
    for page in pages:
        expect(page.locator("#feed")).to_contain_text(ASKED["Carla"])

    # Dirk's tap reaches the board and is committed; then the board dies before the
    # answer reaches Dirk's page.
    caught: list[str] = []

    def commit_then_die(route: Any) -> None:
        if caught:
            route.continue_()
            return
        answer = route.fetch()
        caught.append(answer.text())
        running.kill()
        route.abort("connectionreset")

    dirk = members["Dirk"]
    dirk.route("**/do", commit_then_die)
    ask(dirk, ASKED["Dirk"])
    expect(dirk.locator("form.contribute .status")).to_contain_text("Nog niet verstuurd")
    assert '"ok":true' in caught[0].replace(" ", "")
    for page in pages:
        expect(page.locator("#conn")).to_contain_text("Verbinding kwijt")

    ask(members["Eva"], ASKED["Eva"])  # while the board is down
    expect(members["Eva"].locator("form.contribute .status")).to_contain_text("Nog niet verstuurd")

    running.start(["--resume", running.meeting_id])
    for page in pages:
        for text in ASKED.values():
            expect(page.locator("#feed")).to_contain_text(text)
        expect(page.locator("#conn")).not_to_contain_text("Verbinding kwijt")
    for page in pages:
        feed = page.locator("#feed").inner_text()
        for text in ASKED.values():
            assert feed.count(text) == 1, (page.url, text)

    running.stop()
    with open_engine(running.env["INTERVISION_STORE"]) as engine:
        state = engine.state(running.meeting_id)
    said = [c.text for c in state.contributions]
    for text in ASKED.values():
        assert said.count(text) == 1, text
