"""Plain callbacks for hosts that do not write plugins: ``Engine.subscribe``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from structlog.testing import capture_logs
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, start, to_case_choice

from intervision.engine import (
    CommandRefused,
    Commit,
    Contribute,
    ContributionAdded,
    Engine,
    Event,
    MeetingState,
    MemoryJournal,
    OnCommit,
    Registry,
)


def test_a_subscriber_sees_every_committed_event_with_the_state_after_it(engine: Engine) -> None:
    seen: list[tuple[str, str, int]] = []

    def note(state: MeetingState, event: Event) -> None:
        seen.append((event.type, state.frame, state.version))

    engine.subscribe(note)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    meeting.advance(FACILITATOR)

    assert seen == [("meeting_started", "opening", 1), ("step_entered", "leervragen", 2)]


def test_a_refused_command_reaches_no_subscriber(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    seen: list[Event] = []
    engine.subscribe(lambda state, event: seen.append(event))

    with pytest.raises(CommandRefused):
        meeting.contribute(INBRENGER, "advice", "te vroeg")

    assert seen == []


def test_unsubscribing_stops_the_calls_and_twice_is_harmless(engine: Engine) -> None:
    seen: list[Event] = []
    unsubscribe = engine.subscribe(lambda state, event: seen.append(event))
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")

    unsubscribe()
    unsubscribe()
    meeting.advance(FACILITATOR)

    assert [e.type for e in seen] == ["meeting_started"]


def test_a_failing_subscriber_undoes_nothing_and_the_others_still_hear(engine: Engine) -> None:
    def broken(state: MeetingState, event: Event) -> None:
        raise RuntimeError(f"cannot handle {state.leervragen}")

    heard: list[str] = []
    engine.subscribe(broken)
    engine.subscribe(lambda state, event: heard.append(event.type))
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")

    with capture_logs() as logs:
        to_case_choice(meeting, {INBRENGER: "GEHEIM-in-een-callback"})

    assert meeting.refresh().frame == "case_choice"  # committed, in the journal
    assert heard.count("leervraag_submitted") == sum(
        1 for e in engine.journal.load(meeting.id) if e.type == "leervraag_submitted"
    )
    failures = [entry for entry in logs if entry["event"] == "subscriber_failed"]
    assert failures and all(entry["error"] == "RuntimeError" for entry in failures)
    assert "GEHEIM" not in repr(logs)


def test_a_subscriber_may_subscribe_another_from_its_callback(engine: Engine) -> None:
    later: list[str] = []

    def first(state: MeetingState, event: Event) -> None:
        if event.type == "meeting_started":
            engine.subscribe(lambda s, e: later.append(e.type))

    engine.subscribe(first)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    meeting.advance(FACILITATOR)

    assert later == ["step_entered"]


class _WatchedJournal(MemoryJournal):
    """A memory journal whose watch the test fires itself: it stands for a store that
    another process writes to, with a watch that is late (a loaded machine)."""

    def __init__(self) -> None:
        super().__init__()
        self.report: OnCommit | None = None

    def watch(self, on_commit: OnCommit) -> Callable[[], None]:
        self.report = on_commit
        return lambda: None


def test_a_subscriber_hears_another_writers_commands_absorbed_before_the_watch_told_them(
    registry: Registry,
) -> None:
    """Another process sends questions; before the watch reports them, this engine sends
    one of its own, finds it came second, reads the others and commits after them.
    The subscriber hears the others' first, once each, then its own, in the journal's order."""
    journal = _WatchedJournal()
    here = Engine(journal, registry)
    meeting = start(here, "incident")
    meeting.advance(FACILITATOR)  # the question round
    heard: list[str] = []
    here.subscribe(
        lambda state, event: (
            heard.append(event.text) if isinstance(event, ContributionAdded) else None
        ),
        meeting_id=meeting.id,
    )
    before = journal.version(meeting.id)
    there = Engine(journal, registry)  # the other process, on the same store
    for n in range(3):
        there.execute(meeting.id, Contribute(by=PARTICIPANTS[0], kind="question", text=f"a-{n}"))
    here.execute(meeting.id, Contribute(by=PARTICIPANTS[1], kind="question", text="b-0"))
    assert journal.report is not None
    journal.report(Commit(meeting.id, before + 1, before + 3))  # the watch, late

    assert heard == ["a-0", "a-1", "a-2", "b-0"]
