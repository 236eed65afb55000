"""Fixtures for the example host app: a running app, and a client that speaks its API.

The app is reached only over HTTP (Starlette's TestClient), as a browser would; the
helpers send the same JSON a host's front end would send.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx2
import pytest
from host_app.app import create_app
from starlette.testclient import TestClient

from intervision.engine import Registry

#: Anna facilitates, Bram brings the case; Carla and Dirk are participants.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk"]

#: How often a quiet stream sends a keep-alive line: the stream reader's clock tick.
HEARTBEAT = 0.05


class Api:
    """The example app's endpoints, as a host's front end calls them."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def group(self, name: str = "Team Noord", lang: str = "nl") -> dict[str, Any]:
        response = self.client.post(
            "/groups", json={"name": name, "lang": lang, "members": MEMBERS}
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    def start(self, group_id: str = "team-noord", **body: Any) -> str:
        response = self.client.post(
            f"/groups/{group_id}/meetings", json={"facilitator": "Anna", **body}
        )
        assert response.status_code == 201, response.text
        return str(response.json()["meeting_id"])

    def send(self, meeting_id: str, command: str, by: str, **fields: Any) -> httpx2.Response:
        body = {"command": command, "by": by, **fields}
        return self.client.post(f"/meetings/{meeting_id}/commands", json=body)

    def ok(self, meeting_id: str, command: str, by: str, **fields: Any) -> dict[str, Any]:
        response = self.send(meeting_id, command, by, **fields)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def state(self, meeting_id: str, viewer: str) -> dict[str, Any]:
        response = self.client.get(f"/meetings/{meeting_id}", params={"viewer": viewer})
        assert response.status_code == 200, response.text
        return dict(response.json())

    @contextlib.contextmanager
    def events(self, meeting_id: str, viewer: str) -> Iterator[Events]:
        """The meeting's event stream as ``viewer`` gets it; closed on leaving."""
        url = f"/meetings/{meeting_id}/events"
        with self.client.stream("GET", url, params={"viewer": viewer}) as response:
            yield Events(response)

    def to_method(self, meeting_id: str, method: str, variant: str | None = None) -> None:
        """Opening, a leervraag from each, Bram's case, and the method chosen with him."""
        self.ok(meeting_id, "advance", "anna")
        for person in ("anna", "bram", "carla", "dirk"):
            self.ok(meeting_id, "submit_leervraag", person, text=f"leervraag {person}")
        self.ok(meeting_id, "advance", "anna")
        self.ok(meeting_id, "choose_case", "anna", inbrenger="Bram", consent=True)
        self.ok(
            meeting_id,
            "choose_method",
            "anna",
            method_id=method,
            variant=variant,
            inbrenger_agrees=True,
        )

    def finish(self, meeting_id: str) -> None:
        """From the second-case question to the closed meeting."""
        self.ok(meeting_id, "advance", "anna")
        for person in ("anna", "bram", "carla", "dirk"):
            self.ok(meeting_id, "contribute", person, kind="recognition", text="herkenbaar")
        self.ok(meeting_id, "advance", "anna")
        self.ok(meeting_id, "close", "anna")


Event = tuple[str, dict[str, Any]]


class Events:
    """Reads a text/event-stream a bounded time: the app's keep-alive lines arrive every
    ``HEARTBEAT`` seconds, so the deadline is checked even when no event comes."""

    def __init__(self, response: httpx2.Response, timeout: float = 5.0) -> None:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        self.lines = response.iter_lines()
        self.timeout = timeout

    def next(self) -> Event:
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
                return name, json.loads(data)
        raise AssertionError(f"no event within {self.timeout} s")

    def until(self, done: Callable[[Event], bool]) -> list[Event]:
        """Every event up to and including the first for which ``done`` is true."""
        seen = [self.next()]
        while not done(seen[-1]):
            seen.append(self.next())
        return seen


@pytest.fixture
def make_api(registry: Registry) -> Iterator[Callable[..., Api]]:
    """Start the app on a store (memory unless named; None: ``$INTERVISION_STORE``,
    as in production); every app started is stopped after the test."""
    with contextlib.ExitStack() as stack:

        def make(store: str | None = "memory://") -> Api:
            app = create_app(store, registry=registry, heartbeat=HEARTBEAT)
            return Api(stack.enter_context(TestClient(app)))

        yield make


@pytest.fixture
def api(make_api: Callable[..., Api]) -> Api:
    return make_api()
