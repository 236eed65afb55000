"""Assertions about meetings that a method's tests need again and again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from intervision.engine import CommandRefused, Meeting, replay

__all__ = ["assert_replays", "refused"]


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
