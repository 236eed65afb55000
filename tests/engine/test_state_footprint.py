"""A live meeting stays small for the garbage collector: a host app holds thousands.

Timestamps decoded from the journal share the one ``datetime.UTC`` (each would
otherwise carry its own time-zone object), and a replayed meeting equals the live
one it came from, instant for instant.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta, timezone

from support import PhaseExerciser, start

from intervision.engine import Engine, MemoryJournal, Registry, replay
from intervision.engine.core.events import ContributionAdded, MeetingStarted, MemberRef, StepEntered


def _times(engine: Engine, meeting_id: str) -> list[datetime]:
    state = engine.state(meeting_id)
    found = [state.started_at, state.step_entered_at]
    found += [lv.at for lv in state.leervragen.values()]
    found += [c.at for c in state.contributions] + [d.at for d in state.decisions]
    return [t for t in found if t is not None]


def test_a_resumed_meeting_keeps_its_instants_on_the_shared_utc(registry: Registry) -> None:
    journal = MemoryJournal()
    live = Engine(journal, registry)
    meeting = start(live, "incident")
    PhaseExerciser(meeting).run()

    resumed = Engine(journal, registry)
    times = _times(resumed, meeting.id)
    assert len(times) > 10
    assert all(t.tzinfo is UTC for t in times)
    assert times == _times(live, meeting.id)
    assert resumed.state(meeting.id) == live.state(meeting.id)


def test_a_time_in_another_zone_is_kept_as_it_was() -> None:
    amsterdam = timezone(timedelta(hours=1))
    at = datetime(2026, 3, 2, 19, 30, tzinfo=amsterdam)
    state = replay(
        [
            MeetingStarted(
                at=at,
                meeting_id="m",
                lang="nl",
                members=[MemberRef(id="a", name="Anna"), MemberRef(id="b", name="Bram")],
                present=("a", "b"),
                facilitator="a",
            ),
            StepEntered(at=at, frame="recognitions"),
            ContributionAdded(
                at=at, contribution_id="C1", author="b", kind="recognition", text="x"
            ),
        ]
    )
    assert state.started_at.tzinfo is amsterdam
    assert state.contributions[0].at == at and state.contributions[0].at.tzinfo is amsterdam


def test_a_live_meeting_is_a_few_dozen_objects_for_the_collector(registry: Registry) -> None:
    """A regression guard on the design, not a timing: objects the collector visits."""
    journal = MemoryJournal()
    source = Engine(journal, registry)
    meeting = start(source, "incident")
    PhaseExerciser(meeting).run()
    rows = journal.load(meeting.id)[:20]

    engines = [Engine(MemoryJournal(), registry) for _ in range(50)]
    gc.collect()
    before = len(gc.get_objects())
    for engine in engines:
        # The same rows under one id each: the start event must name its meeting.
        engine.journal.append(meeting.id, 0, rows)
        engine.state(meeting.id)
    gc.collect()
    per_meeting = (len(gc.get_objects()) - before) / len(engines)
    assert per_meeting <= 32, per_meeting
