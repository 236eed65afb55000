"""Two OS processes send 1,000 commands each to one meeting, on SQLite and on PostgreSQL.

Every acknowledged command must be in the journal exactly once, the versions have
no gap, and a command that lost the race is reported to its sender as a conflict
(and, sent again after a reload, lands once).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, to_case_choice

from intervision.engine import Registry
from intervision.engine.core.events import ContributionAdded
from intervision.engine.storage import open_engine

CHILD = Path(__file__).with_name("contend_child.py")
COMMANDS = 1000

pytestmark = pytest.mark.slow


def test_two_processes_lose_nothing_and_duplicate_nothing(
    shared_store: str, registry: Registry
) -> None:
    store = shared_store
    with open_engine(store, registry=registry) as engine:
        meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
        to_case_choice(meeting)
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
        meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
        meeting.advance(FACILITATOR)  # the question round: every participant may ask
        assert meeting.allowed_kinds(PARTICIPANTS[0]) == ("question",)
        start_version = meeting.refresh().version
        meeting_id = meeting.id

    senders = PARTICIPANTS[:2]
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), store, meeting_id, member, str(COMMANDS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for member in senders
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:  # both go at once
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs: dict[str, tuple[str, str]] = {}

    def collect(member: str, child: subprocess.Popen[str]) -> None:
        outputs[member] = child.communicate(timeout=600)

    readers = [
        threading.Thread(target=collect, args=pair) for pair in zip(senders, children, strict=True)
    ]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    for member, child in zip(senders, children, strict=True):
        assert child.returncode == 0, outputs[member][1]

    acked: dict[str, int] = {}  # text -> the version its sender was told
    conflicts = 0
    for member in senders:
        for line in outputs[member][0].splitlines():
            word, n, version = line.split()
            if word == "ack":
                acked[f"{member}-{n}"] = int(version)
            else:
                assert word == "conflict"
                conflicts += 1
    assert len(acked) == 2 * COMMANDS

    with open_engine(store, registry=registry) as engine:
        events = engine.journal.load(meeting_id)
        state = engine.state(meeting_id)
    texts = [
        (version, e.text)
        for version, e in enumerate(events, 1)
        if isinstance(e, ContributionAdded) and e.author in senders
    ]
    # Exactly once each: nothing lost, nothing written twice by a retry.
    assert Counter(text for _, text in texts) == Counter(list(acked))
    # Each landed at the version its sender was told, and the versions have no gap.
    assert {text: version for version, text in texts} == acked
    assert len(events) == state.version == start_version + 2 * COMMANDS
    assert sorted(acked.values()) == list(range(start_version + 1, state.version + 1))
    # Each sender's questions landed in the order it sent them.
    for member in senders:
        own = [text for _, text in texts if text.startswith(f"{member}-")]
        assert own == [f"{member}-{n}" for n in range(COMMANDS)]
    # The race really happened: refused commands were reported as conflicts.
    assert conflicts > 0
    print(f"{store.split(':')[0]}: {len(acked)} acknowledged, {conflicts} conflicts reported")
