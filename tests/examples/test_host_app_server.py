"""The example host app under uvicorn, started as its README says, on a SQLite file.

The TestClient runs the app in-process; this starts the documented command in a
real server process, so the stream's thread bridge, a browser going away and a
shutdown with a stream still open are exercised the way a host meets them.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

ROOT = Path(__file__).parents[2]
SECRET = "De moeder van Noor belde om drie uur in tranen"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(store: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The example app as its README starts it, on ``store``: its URL and its process."""
    port = free_port()
    env = {**os.environ, "INTERVISION_STORE": f"sqlite:///{store}"}
    command = [sys.executable, "-m", "uvicorn", "examples.host_app.app:app", "--port", str(port)]
    command += ["--no-access-log", "--timeout-graceful-shutdown", "1"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
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
        yield base, process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    with serving(tmp_path / "host.sqlite3") as served:
        yield served


def read_event(lines: Iterator[str]) -> tuple[str, dict[str, object]]:
    name = ""
    for line in lines:
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: ") and name:
            return name, json.loads(line.removeprefix("data: "))
    raise AssertionError("the stream ended")


@pytest.mark.slow
def test_the_documented_command_serves_a_meeting_and_its_stream(
    server: tuple[str, subprocess.Popen[str]],
) -> None:
    base, process = server
    with httpx2.Client(base_url=base, timeout=5) as client:
        group = {"name": "Team Zuid", "lang": "nl", "members": ["Anna", "Bram", "Carla"]}
        assert client.post("/groups", json=group).status_code == 201
        started = client.post("/groups/team-zuid/meetings", json={"facilitator": "Anna"})
        meeting_id = started.json()["meeting_id"]
        commands = f"/meetings/{meeting_id}/commands"

        url = f"/meetings/{meeting_id}/events"
        with client.stream("GET", url, params={"viewer": "bram"}) as stream:
            lines = stream.iter_lines()
            assert read_event(lines)[0] == "ready"
            assert client.post(commands, json={"command": "advance", "by": "anna"}).is_success
            name, phase = read_event(lines)
            assert (name, phase["frame"]) == ("phase", "leervragen")
        # Bram's tab is gone; the meeting goes on, with the text nobody may log.
        sent = {"command": "submit_leervraag", "by": "carla", "text": SECRET}
        assert client.post(commands, json=sent).is_success

        # A stream still open when the server stops does not keep it running.
        with client.stream("GET", url, params={"viewer": "anna"}) as stream:
            assert read_event(stream.iter_lines())[0] == "ready"
            process.send_signal(signal.SIGTERM)
            output = process.communicate(timeout=20)[0]
    # uvicorn exits by the signal it was stopped with, after its shutdown.
    assert process.returncode in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in output, output
    assert "subscriber_failed" not in output
    assert SECRET not in output and "Noor" not in output
