"""Processes that share a store and die: what one acknowledged, every other one sees.

A host process (``store_child.py``) keeps an engine open while other engines and
other processes open, use and close the same store, and is killed with SIGKILL.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

from intervision.engine import Contribute, Registry, load_registry
from intervision.engine.storage import SqliteJournal, open_engine

CHILD = Path(__file__).with_name("store_child.py")
TIMEOUT = 60.0


class Host:
    """A running store_child.py: send it a line, read its answer."""

    def __init__(self, store: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), store],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self._next() == "ready", self.stderr()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.strip())
        self._lines.put(None)

    def _next(self) -> str | None:
        return self._lines.get(timeout=TIMEOUT)

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self._next()
        assert answer is not None, self.stderr()
        return answer

    def ack(self, line: str) -> int:
        answer = self.ask(line)
        assert answer.startswith("ack "), answer
        return int(answer.rsplit(" ", 1)[1])

    def died_at(self, line: str) -> int:
        """Send a line the host does not live to answer; its exit status."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        assert self._next() is None, "the host answered"
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=TIMEOUT)

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        assert self.proc.stderr is not None
        return self.proc.stderr.read()[-3000:]


def intervision(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "intervision"), *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "INTERVISION_LANG": "en"},
    )


def stored_version(store: Path, meeting_id: str) -> int:
    journal = SqliteJournal(store)
    try:
        journal.load(meeting_id)  # every row reads back
        return journal.version(meeting_id)
    finally:
        journal.close()


def test_a_second_engine_in_the_host_keeps_its_writes_visible_and_durable(
    tmp_path: Path,
) -> None:
    """The sequence of issue #13: a host opens and closes a second engine on its store,
    a CLI process writes and exits, the host writes on, and is killed."""
    store = tmp_path / "intervision.sqlite3"
    host = Host(str(store))
    try:
        assert host.ack("start m1") == 1
        assert host.ack("note m1 before") == 2
        assert host.ask("second") == "ok"
        done = intervision("--store", str(store), "meeting", "do", "m1", "Bram: s: from the cli")
        assert done.returncode == 0, done.stderr
        acknowledged = [host.ack(f"note m1 after {n}") for n in range(3)]
        assert acknowledged == [4, 5, 6]
        # What the host acknowledged is what another process reads.
        assert stored_version(store, "m1") == 6
    finally:
        host.kill()
    assert stored_version(store, "m1") == 6
    again = intervision("--store", str(store), "meeting", "do", "m1", "Carla: s: still here")
    assert again.returncode == 0, again.stderr
    assert stored_version(store, "m1") == 7


def test_a_retry_after_a_crash_answers_with_the_first_outcome_and_writes_nothing(
    any_store: str,
) -> None:
    """A process commits a command with a key and is killed before it can reply; the
    client retries from another process with the same key."""
    host = Host(any_store)
    assert host.ack("start m1") == 1
    assert host.ack("note m1 before") == 2
    status = host.died_at("keyed m1 retry-key-0001 the words the client sent")
    assert status == -signal.SIGKILL
    engine = open_engine(any_store, registry=load_registry(user_methods=False))
    try:
        assert engine.journal.version("m1") == 3  # committed, though never answered
        retry = engine.execute(
            "m1",
            Contribute(by="anna", kind="statement", text="the words the client sent"),
            request_id="retry-key-0001",
        )
        assert retry.repeated and (retry.first_version, retry.version) == (3, 3)
        assert [type(e).__name__ for e in retry.events] == ["ContributionAdded"]
        assert engine.journal.version("m1") == 3
        said = [c.text for c in engine.state("m1").contributions]
        assert said.count("the words the client sent") == 1
        fresh = engine.execute(
            "m1", Contribute(by="anna", kind="statement", text="next"), request_id="key-0002"
        )
        assert (fresh.repeated, fresh.version) == (False, 4)
    finally:
        engine.close()


SEND_CHILD = Path(__file__).with_name("send_child.py")


def test_two_hundred_sends_without_an_expected_version_all_succeed(
    any_store: str, registry: Registry
) -> None:
    """Seen: 11-24 of 200 concurrent sends raised ConcurrencyError, because the engine
    tried again only once. Without an expected version a command applies to whatever
    is current: four processes of two engines each send 50 statements at once."""
    people = ["anna", "bram", "carla", "dirk"]
    engine = open_engine(any_store, registry=registry)
    try:
        meeting_id = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk"], facilitator="Anna").id
    finally:
        engine.close()
    children = [
        subprocess.Popen(
            [sys.executable, str(SEND_CHILD), any_store, meeting_id, who, "50", "2"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in people
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    answers: list[list[str]] = []
    for child in children:
        out, err = child.communicate(timeout=TIMEOUT * 4)
        assert child.returncode == 0, err[-2000:]
        answers += [line.split() for line in out.splitlines()]
    refused = [a for a in answers if a[0] != "ack"]
    assert refused == [], f"{len(refused)} of 200 sends were refused: {refused[:5]}"
    versions = [int(a[2]) for a in answers]
    assert sorted(versions) == list(range(2, 202))  # each committed once, in its own version
    check = open_engine(any_store, registry=registry)
    try:
        state = check.reload(meeting_id)
        said = sorted(c.text for c in state.contributions)
        assert said == sorted(f"{who}-{n}" for who in people for n in range(50))
        assert state.version == 201
    finally:
        check.close()
