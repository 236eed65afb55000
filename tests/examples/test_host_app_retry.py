"""A client's retry through the example host app, across a server killed with SIGKILL.

A client whose request timed out cannot know whether its command was committed; it
sends the same body, with the same ``request_id``, to whatever server answers now.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from test_host_app_server import serving


@contextmanager
def client_of(store: Path) -> Iterator[tuple[httpx2.Client, subprocess.Popen[str]]]:
    with serving(store) as (base, process), httpx2.Client(base_url=base, timeout=5) as client:
        yield client, process


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
    with client_of(store) as (client, process):
        group = {"name": "Team Zuid", "lang": "nl", "members": ["Anna", "Bram", "Carla"]}
        assert client.post("/groups", json=group).status_code == 201
        started = client.post("/groups/team-zuid/meetings", json={"facilitator": "Anna"})
        meeting_id = started.json()["meeting_id"]
        first = client.post(f"/meetings/{meeting_id}/commands", json=body)
        assert first.status_code == 200, first.text
        process.send_signal(signal.SIGKILL)  # before the client read the answer, say
        process.wait(timeout=10)
    with client_of(store) as (client, _):
        again = client.post(f"/meetings/{meeting_id}/commands", json=body)
        assert again.status_code == 200, again.text
        committed = again.json()["committed"]
        assert committed == {**first.json()["committed"], "repeated": True}
        assert again.json()["version"] == first.json()["version"] == 2
        view = client.get(f"/meetings/{meeting_id}", params={"viewer": "Bram"}).json()
        said = [c["text"] for c in view["contributions"]]
        assert said == ["Vorige keer heb ik het gesprek gevoerd."]
