"""Helpers the tests share: a standard group, and meeting drivers and checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from intervision.engine import CommandRefused, Meeting, replay

#: A group of five: Anna facilitates, Bram brings the case.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva"]
FACILITATOR, INBRENGER = "anna", "bram"
PARTICIPANTS = ["carla", "dirk", "eva"]


def to_case_choice(meeting: Meeting, texts: dict[str, str] | None = None) -> None:
    """Open the meeting and collect a leervraag from everyone present."""
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        text = (texts or {}).get(person, f"leervraag van {person}")
        meeting.submit_leervraag(person, text)
    meeting.advance(FACILITATOR)


@contextmanager
def refused(meeting: Meeting, rule: str) -> Iterator[None]:
    """Expect a refusal by ``rule`` that leaves the journal exactly as it was."""
    before = meeting.engine.journal.load(meeting.id)
    with pytest.raises(CommandRefused) as info:
        yield
    assert info.value.rule == rule, f"refused by {info.value.rule}: {info.value}"
    assert meeting.engine.journal.load(meeting.id) == before


def assert_replays(meeting: Meeting) -> None:
    """The state rebuilt from the journal equals the live state."""
    assert replay(meeting.engine.journal.load(meeting.id)) == meeting.state
