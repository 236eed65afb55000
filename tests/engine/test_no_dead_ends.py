"""A meeting never gets stuck: what it waits for can be given, and then it moves on (#13)."""

from __future__ import annotations

import pytest

from intervision.engine import CommandRefused, Engine
from intervision.testing import FACILITATOR, start


def test_an_early_reveal_of_a_written_round_is_refused_so_the_round_can_end(
    engine: Engine,
) -> None:
    """Seen: revealed before everyone wrote, the late writer was refused (written_first)
    and moving on too (everyone_contributes), while the meeting still offered all three."""
    meeting = start(engine, "incident", "written-advice")
    while meeting.state.phase != "advice":
        meeting.advance(FACILITATOR)
    [turns] = [w for w in meeting.capabilities().waiting if w.reason == "everyone_contributes"]
    writers = list(turns.people)
    meeting.contribute(writers[0], "advice", "Bel de ouder zelf terug.")

    with pytest.raises(CommandRefused) as early:
        meeting.reveal(FACILITATOR)
    assert early.value.rule == "written_first"
    assert f"{len(writers) - 1} of the participants" in early.value.reason.en
    can = meeting.capabilities()
    assert not can.of(meeting.state.facilitator).may("reveal")
    assert {w.reason for w in can.waiting} >= {"everyone_contributes"}

    for writer in writers[1:]:
        assert "contribute" in meeting.capabilities().of(writer).commands
        meeting.contribute(writer, "advice", "Plan een gesprek.")
    meeting.reveal(FACILITATOR)
    meeting.advance(FACILITATOR)
    assert meeting.state.phase != "advice"
