"""A client's retry through the example host app, across a server killed with SIGKILL.

A client whose request timed out cannot know whether its command was committed; it
sends the same body, with the same ``request_id``, to whatever server answers now.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest

ROOT = Path(__file__).parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(store: Path) -> Iterator[tuple[httpx2.Client, subprocess.Popen[str]]]:
    port = free_port()
    env = {**os.environ, "INTERVISION_STORE": f"sqlite:///{store}"}
    command = [sys.executable, "-m", "uvicorn", "examples.host_app.app:app", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--no-access-log"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx2.get(f"{base}/groups/none", timeout=1)
                break
            except httpx2.TransportError:
                assert process.poll() is None, process.communicate()[0]
                assert time.monotonic() < deadline, "uvicorn did not start within 30 s"
                time.sleep(0.2)
        with httpx2.Client(base_url=base, timeout=5) as client:
            yield client, process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.mark.slow
def test_a_retried_command_is_answered_as_the_first_time_after_a_kill(tmp_path: Path) -> None:
    store = tmp_path / "host.sqlite3"
    body = {
        "command": "contribute",
        "by": "Anna",
        "kind": "statement",
        "text": "Vorige keer heb ik het gesprek gevoerd.",
        "request_id": "3f7c2a9e-retry",
    }
    with serving(store) as (client, process):
        group = {"name": "Team Zuid", "lang": "nl", "members": ["Anna", "Bram", "Carla"]}
        assert client.post("/groups", json=group).status_code == 201
        started = client.post("/groups/team-zuid/meetings", json={"facilitator": "Anna"})
        meeting_id = started.json()["meeting_id"]
        first = client.post(f"/meetings/{meeting_id}/commands", json=body)
        assert first.status_code == 200, first.text
        process.send_signal(signal.SIGKILL)  # before the client read the answer, say
        process.wait(timeout=10)
    with serving(store) as (client, _):
        again = client.post(f"/meetings/{meeting_id}/commands", json=body)
        assert again.status_code == 200, again.text
        committed = again.json()["committed"]
        assert committed == {**first.json()["committed"], "repeated": True}
        assert again.json()["version"] == first.json()["version"] == 2
        view = client.get(f"/meetings/{meeting_id}", params={"viewer": "Bram"}).json()
        said = [c["text"] for c in view["contributions"]]
        assert said == ["Vorige keer heb ik het gesprek gevoerd."]
