"""A store edited behind the engine's back: valid rows in an order no engine writes.

Each row decodes, yet the sequence makes no meeting: the reader names the meeting
and the version where it stops making sense, instead of a Python traceback or a
meeting that silently starts again.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime

import pytest

from intervision.engine import CorruptJournalError, Engine, MemoryJournal, replay_stored
from intervision.engine.core import events

AT = datetime(2025, 3, 10, 19, 0, tzinfo=UTC)
SECRET = "GEHEIM-wat ik ga doen"


def started(meeting_id: str = "m1") -> events.MeetingStarted:
    return events.MeetingStarted(
        at=AT,
        meeting_id=meeting_id,
        lang="en",
        members=(events.MemberRef(id="a", name="A"), events.MemberRef(id="b", name="B")),
        present=("a", "b"),
        facilitator="a",
    )


def step(frame: str) -> events.StepEntered:
    return events.StepEntered(at=AT, frame=frame)


def decision() -> events.DecisionMade:
    return events.DecisionMade(at=AT, decision_id="d", by="b", text=SECRET)


def message_of(stream: list[events.Event]) -> str:
    with pytest.raises(CorruptJournalError) as caught:
        replay_stored("m1", stream)
    assert SECRET not in "".join(traceback.format_exception(caught.value))
    return str(caught.value)


def test_a_well_formed_journal_replays() -> None:
    state = replay_stored("m1", [started(), step("leervragen")])
    assert (state.frame, state.version) == ("leervragen", 2)


def test_a_meeting_that_does_not_begin_with_its_start_is_refused() -> None:
    message = message_of([step("leervragen"), step("case_choice")])
    assert message.startswith("meeting m1, version 1: the meeting does not begin")


def test_a_second_start_does_not_silently_restart_the_meeting() -> None:
    message = message_of([started(), step("leervragen"), started()])
    assert message.startswith("meeting m1, version 3: a second start event")


def test_an_event_that_cannot_follow_the_ones_before_is_refused() -> None:
    """A decision with no case chosen: apply() would fail with an IndexError."""
    message = message_of([started(), step("leervragen"), decision()])
    assert message.startswith("meeting m1, version 3: the stored decision_made event cannot")
    assert "restore the store from a backup" in message


def test_no_events_is_refused() -> None:
    assert "no events are stored" in message_of([])


def test_the_engine_reads_a_tampered_journal_as_corrupt() -> None:
    journal = MemoryJournal()
    journal.append("m1", 0, [started(), step("leervragen"), decision()])
    with pytest.raises(CorruptJournalError, match="meeting m1, version 3"):
        Engine(journal).state("m1")
