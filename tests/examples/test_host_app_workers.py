"""The example host app under uvicorn with several workers: every viewer sees every command.

Each event stream and each command is its own connection, so the workers share
them out; ``X-Served-By`` says which worker answered. A command posted to one
worker reaches the streams held by the others through the journal's watch
(SQLite's data version on one machine, PostgreSQL's LISTEN/NOTIFY), in order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from test_host_app_server import free_port

ROOT = Path(__file__).parents[2]
WORKERS = 3
STATEMENTS = 8

pytestmark = pytest.mark.slow


@pytest.fixture
def server(shared_store: str) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "examples.host_app.app:app", "--port", str(port)]
    command += ["--workers", str(WORKERS), "--no-access-log", "--timeout-graceful-shutdown", "1"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "INTERVISION_STORE": shared_store},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        workers: set[str] = set()
        while len(workers) < WORKERS and time.monotonic() < deadline:
            try:  # a worker answers once its lifespan opened the store
                workers.add(httpx2.get(f"{base}/health", timeout=1).headers["x-served-by"])
            except httpx2.TransportError:
                assert process.poll() is None, process.communicate()[0]
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


class Viewer(threading.Thread):
    """One browser tab: its own connection to the event stream, read on its own thread."""

    def __init__(self, base: str, meeting_id: str, viewer: str) -> None:
        super().__init__(daemon=True)
        self.url = f"{base}/meetings/{meeting_id}/events"
        self.viewer = viewer
        self.events: list[tuple[str, dict[str, object]]] = []
        self.served_by = ""
        self.ready = threading.Event()

    def run(self) -> None:
        with (
            httpx2.Client(timeout=30) as client,
            client.stream("GET", self.url, params={"viewer": self.viewer}) as stream,
        ):
            self.served_by = stream.headers["x-served-by"]
            name = ""
            for line in stream.iter_lines():
                if line.startswith("event: "):
                    name = line.removeprefix("event: ")
                elif line.startswith("data: ") and name:
                    self.events.append((name, json.loads(line.removeprefix("data: "))))
                    if name == "ready":
                        self.ready.set()
                    if name == "phase":
                        return


def test_every_viewer_sees_every_command_whichever_worker_took_it(server: str) -> None:
    with httpx2.Client(base_url=server, timeout=10) as client:
        group = {"name": "Team Zuid", "lang": "nl", "members": ["Anna", "Bram", "Carla", "Dirk"]}
        assert client.post("/groups", json=group).status_code == 201
        started = client.post("/groups/team-zuid/meetings", json={"facilitator": "Anna"})
        meeting_id = started.json()["meeting_id"]

    viewers: list[Viewer] = []
    while len({v.served_by for v in viewers}) < 2 and len(viewers) < 12:
        viewer = Viewer(server, meeting_id, ["anna", "bram", "carla", "dirk"][len(viewers) % 4])
        viewer.start()
        assert viewer.ready.wait(timeout=30), "a stream did not start"
        viewers.append(viewer)
    assert len({v.served_by for v in viewers}) >= 2, "every stream went to one worker"

    posted_by = set()
    for n in range(STATEMENTS):
        body = {"command": "contribute", "by": "bram", "kind": "statement", "text": f"punt {n}"}
        with httpx2.Client(base_url=server, timeout=10) as client:  # a new connection each
            answer = client.post(f"/meetings/{meeting_id}/commands", json=body)
        assert answer.status_code == 200, answer.text
        posted_by.add(answer.headers["x-served-by"])
    with httpx2.Client(base_url=server, timeout=10) as client:
        advanced = client.post(
            f"/meetings/{meeting_id}/commands", json={"command": "advance", "by": "anna"}
        )
    assert advanced.status_code == 200, advanced.text
    for viewer in viewers:
        viewer.join(timeout=30)

    # The kernel may hand every new connection to the worker that went idle last, so
    # the commands need not spread; what counts is a viewer on a worker that did not
    # commit some of them (it hears them from the other process).
    streamed_by = {v.served_by for v in viewers}
    assert len(posted_by) >= 2 or streamed_by - posted_by, "no command crossed a process"
    for viewer in viewers:
        names = [name for name, _ in viewer.events]
        texts = [data["text"] for name, data in viewer.events if name == "contribution"]
        assert names == ["ready", *["contribution"] * STATEMENTS, "phase"], (
            viewer.served_by,
            names,
        )
        assert texts == [f"punt {n}" for n in range(STATEMENTS)]
