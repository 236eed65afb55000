"""A subscriber hears every command on its meeting, whichever process sent it (issue #16).

One process keeps an engine with a subscriber on a meeting and sends questions of
its own; another process, with its own engine on the same store, sends questions
at the same time. The subscriber hears every question once and in the journal's
order: its own process's at the commit, the other's through the journal's watch
(PostgreSQL LISTEN/NOTIFY, SQLite's data version). The time this takes is a benchmark (``live.*`` in
``benchmarks/``), not asserted here; the wait below only keeps a broken watch from
hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, to_case_choice

from intervision.engine import Contribute, ContributionAdded, Event, MeetingState, Registry, replay
from intervision.engine.storage import open_engine

CHILD = Path(__file__).with_name("contend_child.py")
EACH = 25

pytestmark = pytest.mark.slow


def test_a_subscriber_hears_every_command_of_every_process_once(
    shared_store: str, registry: Registry
) -> None:
    store = shared_store
    engine = open_engine(store, registry=registry)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
    meeting.advance(FACILITATOR)  # the question round
    heard: list[str] = []
    lock = threading.Lock()

    def listen(state: MeetingState, event: Event) -> None:
        if type(event) is ContributionAdded:
            with lock:
                heard.append(event.text)

    engine.subscribe(listen, meeting_id=meeting.id)
    other = subprocess.Popen(
        [sys.executable, str(CHILD), store, meeting.id, PARTICIPANTS[0], str(EACH)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None and other.stdout.readline() == "ready\n"
    assert other.stdin is not None
    other.stdin.write("go\n")
    other.stdin.flush()
    own = PARTICIPANTS[1]
    for n in range(EACH):  # no expected version: decided again when the other came first
        engine.execute(meeting.id, Contribute(by=own, kind="question", text=f"{own}-{n}"))
    assert other.wait(timeout=120) == 0

    expected = {f"{who}-{n}" for who in (PARTICIPANTS[0], own) for n in range(EACH)}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with lock:
            if set(heard) >= expected:
                break
        time.sleep(0.05)
    time.sleep(0.3)  # anything heard twice would arrive now
    kept = engine.state(meeting.id)
    stored = engine.journal.load(meeting.id)
    engine.close()

    assert Counter(heard) == Counter(expected)
    # Once each, and in the order the journal holds them.
    assert heard == [e.text for e in stored if type(e) is ContributionAdded][-len(heard) :]
    assert kept == replay(stored)


def test_a_meeting_kept_in_memory_follows_commits_of_another_process(
    shared_store: str, registry: Registry
) -> None:
    """With any subscriber at all, the engine's kept state stays current, so a screen
    drawn from it after an event shows that event."""
    store = shared_store
    engine = open_engine(store, registry=registry)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    seen: list[int] = []
    engine.subscribe(lambda state, event: seen.append(state.version))

    # Another process: a second journal on one SQLite file in this process would
    # share the file's locks with the first.
    advance = (
        "import sys; from intervision.engine.storage import open_engine\n"
        "with open_engine(sys.argv[1]) as engine:\n"
        "    engine.meeting(sys.argv[2]).advance(sys.argv[3])\n"
    )
    subprocess.run(
        [sys.executable, "-c", advance, store, meeting.id, FACILITATOR], check=True, timeout=120
    )

    deadline = time.monotonic() + 30
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    state = engine.state(meeting.id)
    engine.close()

    assert seen == [2]
    assert (state.frame, state.version) == ("leervragen", 2)
