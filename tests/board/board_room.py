"""A meeting on a board, reached over HTTP as a browser would (see ``conftest.py``).

``Room`` holds one meeting and a link for the console, the room display and every
member; its helpers post the same forms the pages post (with the link's CSRF value
and the browser's ``Origin``) and read a page's live view from its event stream.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx2
from starlette.testclient import TestClient

from intervision.cli.board.passes import PassBook
from intervision.engine import Engine, Meeting

#: Anna facilitates (a member too); Bram brings the case; Carla, Dirk and Eva take part.
NAMES = ["Anna", "Bram", "Carla", "Dirk", "Eva"]
ORIGIN = "http://testserver"


class Room:
    """A board on one meeting, with a link for the console, the display and each member."""

    def __init__(self, client: TestClient, engine: Engine, meeting: Meeting, book: PassBook):
        self.client = client
        self.engine = engine
        self.meeting = meeting
        self.book = book
        self.links: dict[str, str] = {
            "console": book.issue(meeting.id, "console"),
            "display": book.issue(meeting.id, "display"),
        }
        for person in meeting.state.present:
            self.links[person] = book.issue(meeting.id, "member", person)

    def url(self, who: str) -> str:
        return f"/b/{self.links[who]}"

    def page(self, who: str) -> str:
        response = self.client.get(self.url(who))
        assert response.status_code == 200, response.text
        return response.text

    def csrf(self, who: str) -> str:
        found = re.search(r'name="csrf" value="([^"]+)"', self.page(who))
        assert found is not None
        return found.group(1)

    def post(self, who: str, action: str, *, path: str = "do", **fields: Any) -> httpx2.Response:
        body = {"csrf": self.csrf(who), "action": action, **fields}
        return self.client.post(
            f"{self.url(who)}/{path}",
            data=body,
            headers={"accept": "application/json", "origin": ORIGIN},
        )

    def do(self, who: str, action: str, **fields: Any) -> dict[str, Any]:
        response = self.post(who, action, **fields)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        assert answer["ok"] is True
        return answer

    def refused(self, who: str, action: str, status: int = 422, **fields: Any) -> str:
        response = self.post(who, action, **fields)
        assert response.status_code == status, response.text
        answer = response.json()
        assert answer["ok"] is False
        return str(answer["message"])

    def choose_lang(self, who: str, lang: str) -> None:
        response = self.client.post(
            f"{self.url(who)}/lang",
            data={"csrf": self.csrf(who), "lang": lang},
            headers={"origin": ORIGIN},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text

    @contextlib.contextmanager
    def stream(self, who: str) -> Iterator[Events]:
        with self.client.stream("GET", f"{self.url(who)}/events") as response:
            yield Events(response)

    def view(self, who: str) -> str:
        """Everything a page's first live message holds, as the text that went over the wire."""
        with self.stream(who) as events:
            name, raw = events.next_raw()
            assert name == "view"
            return raw


class Events:
    """Reads a text/event-stream a bounded time (the board ticks every few milliseconds
    in the tests, so the deadline is checked even when nothing happens)."""

    def __init__(self, response: httpx2.Response, timeout: float = 5.0) -> None:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        self.lines = response.iter_lines()
        self.timeout = timeout

    def next_raw(self) -> tuple[str, str]:
        deadline = time.monotonic() + self.timeout
        name, data = "", ""
        for line in self.lines:
            if time.monotonic() > deadline:
                break
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data = line.removeprefix("data: ")
            elif line == "" and name:
                return name, data
        raise AssertionError(f"no event within {self.timeout} s")

    def next(self, skip_ticks: bool = True) -> tuple[str, dict[str, Any]]:
        while True:
            name, data = self.next_raw()
            if name != "tick" or not skip_ticks:
                return name, json.loads(data)


def to_phase(
    meeting: Meeting,
    method: str,
    phase: str,
    variant: str | None = None,
    members: tuple[str, ...] | None = None,
) -> None:
    """From where the meeting is (the opening, or the leervragen) to ``phase``: a
    leervraag from each of ``members`` (everyone present), Bram's case, the method."""
    if meeting.state.frame == "opening":
        meeting.advance("anna")
    done = set(meeting.state.passed) | {lv.by for lv in meeting.state.leervragen.values()}
    for person in members or meeting.state.present:
        if person not in done:
            meeting.submit_leervraag(person, f"leervraag van {person}")
    for person in meeting.state.present:
        if person not in done and members and person not in members:
            meeting.pass_leervraag(person)
    meeting.advance("anna")
    meeting.choose_case("anna", "bram")
    meeting.choose_method("anna", method, variant=variant)
    while meeting.state.phase != phase:
        meeting.advance("anna")
