"""Subscribers hear every committed event; one that fails is logged, not fatal."""

from __future__ import annotations

from typing import Any

from structlog.testing import capture_logs

from intervision.engine import Engine, MeetingState, MemoryJournal


def test_a_failing_subscriber_is_logged_and_the_others_still_hear_the_event() -> None:
    engine = Engine(MemoryJournal())
    heard: list[str] = []

    def broken(state: MeetingState, event: Any) -> None:
        raise RuntimeError("GEHEIM")

    engine.subscribe(broken)
    engine.subscribe(lambda state, event: heard.append(event.type))
    with capture_logs() as logs:
        meeting = engine.start_meeting(["Anna", "Bram", "Cas"], facilitator="Anna")

    assert heard and heard[0] == "meeting_started"
    assert engine.state(meeting.id).version == len(heard)  # the commit stands
    failed = [line for line in logs if line["event"] == "subscriber_failed"]
    assert len(failed) == len(heard)
    assert failed[0]["event_type"] == "meeting_started"
    assert failed[0]["error"] == "RuntimeError"
    assert "GEHEIM" not in repr(logs)
