"""Resume from the SQLite journal, lifecycle hooks, and logs that keep secrets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import structlog
from support import FACILITATOR, INBRENGER, MEMBERS, to_case_choice

from intervision.engine import CommandRefused, Engine, Registry, hookimpl, load_registry, replay
from intervision.engine.storage import SqliteJournal

PLANTED = {
    "leervraag": "GEHEIM-leervraag-7731 over de moeder van cliënt",
    "question": "GEHEIM-vraag-4410",
    "analysis": "GEHEIM-analyse-9012",
    "advice": "GEHEIM-advies-5521",
    "commitment": "GEHEIM-toezegging-3307",
    "recognition": "GEHEIM-herkenning-8813",
}


class Recorder:
    """A plugin that writes down which lifecycle hooks fired, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    @hookimpl
    def intervision_meeting_started(self, state: Any) -> None:
        self.calls.append(("started", state.meeting_id))

    @hookimpl
    def intervision_phase_entered(self, state: Any, frame: str, phase: str | None) -> None:
        self.calls.append(("entered", phase or frame))

    @hookimpl
    def intervision_phase_left(self, state: Any, frame: str, phase: str | None) -> None:
        self.calls.append(("left", phase or frame))

    @hookimpl
    def intervision_contribution_added(self, state: Any, contribution: Any) -> None:
        self.calls.append(("contribution", contribution.kind))

    @hookimpl
    def intervision_meeting_closed(self, state: Any) -> None:
        self.calls.append(("closed", state.meeting_id))


def run_incident(engine: Engine) -> str:
    """A whole incident meeting with planted texts; returns its id."""
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", lang="nl")
    to_case_choice(meeting, {INBRENGER: PLANTED["leervraag"]})
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
    meeting.contribute(INBRENGER, "statement", PLANTED["leervraag"])
    meeting.advance(FACILITATOR)
    meeting.contribute("carla", "question", PLANTED["question"])
    try:
        meeting.contribute("carla", "advice", PLANTED["advice"])
    except CommandRefused as refusal:
        assert not any(text in str(refusal) for text in PLANTED.values())
    meeting.advance(FACILITATOR)
    meeting.contribute("dirk", "analysis", PLANTED["analysis"])
    meeting.advance(FACILITATOR)
    advice = meeting.contribute("eva", "advice", PLANTED["advice"])
    meeting.advance(FACILITATOR)
    meeting.decide(INBRENGER, selected=[advice], text=PLANTED["commitment"])
    meeting.advance(FACILITATOR)
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", PLANTED["recognition"])
    meeting.advance(FACILITATOR)
    meeting.close(FACILITATOR)
    return meeting.id


def test_no_case_text_reaches_the_logs_at_debug_level(engine: Engine) -> None:
    with structlog.testing.capture_logs() as logs:
        meeting_id = run_incident(engine)
        engine.reload(meeting_id)
    assert len(logs) > 20
    assert {"command_accepted", "command_refused", "meeting_loaded"} <= {e["event"] for e in logs}
    dumped = repr(logs)
    for text in PLANTED.values():
        assert text not in dumped
    # Member ids are made from names; logs name roles instead.
    for name in MEMBERS:
        assert not re.search(rf"\b{name.lower()}\b", dumped.lower()), name


def test_a_meeting_resumes_from_sqlite_without_firing_hooks(
    tmp_path: Path, registry: Registry
) -> None:
    store = tmp_path / "store.sqlite3"
    first = Engine(SqliteJournal(store), registry)
    meeting = first.start_meeting(MEMBERS, facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "balint", inbrenger_agrees=True)
    meeting.contribute(INBRENGER, "statement", "the case at length")
    meeting.advance(FACILITATOR)
    meeting.contribute("carla", "association", "a wall")
    live, live_method = meeting.state, meeting.method
    assert live_method is not None
    first.journal.close()

    recorder = Recorder()
    second = Engine(
        SqliteJournal(store), load_registry(strict=True, extra=[("recorder", recorder)])
    )
    resumed = second.meeting(meeting.id)
    assert resumed.state == live
    assert recorder.calls == []
    assert resumed.state.phase == "associations"
    assert [c.id for c in resumed.visible_to("dirk")] == ["C1"]  # the association is hidden
    resumed.reveal(FACILITATOR)
    assert [c.id for c in resumed.visible_to("dirk")] == ["C1", "C2"]
    assert replay(second.journal.load(meeting.id)) == resumed.state
    assert resumed.method is not None and resumed.method.key == live_method.key


def test_lifecycle_hooks_fire_after_commit_in_order(registry: Registry) -> None:
    recorder = Recorder()
    engine = Engine(registry=load_registry(strict=True, extra=[("recorder", recorder)]))
    run_incident(engine)
    calls = recorder.calls
    assert calls[0][0] == "started" and calls[-1][0] == "closed"
    entered = [name for kind, name in calls if kind == "entered"]
    assert entered == [
        "opening",
        "leervragen",
        "case_choice",
        "method_choice",
        "situation",
        "questions",
        "analysis",
        "advice",
        "choice",
        "second_case",
        "recognitions",
        "evaluation",
    ]
    left = [name for kind, name in calls if kind == "left"]
    assert left == entered
    kinds = [name for kind, name in calls if kind == "contribution"]
    assert kinds[:4] == ["statement", "question", "analysis", "advice"]
    assert kinds.count("recognition") == len(MEMBERS)
