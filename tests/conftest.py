"""Shared fixtures: the installed registry, and meetings driven to a given point."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from intervision.engine import (
    CommandRefused,
    Engine,
    Meeting,
    MemoryJournal,
    Registry,
    load_registry,
    replay,
)

#: A group of five: Anna facilitates, Bram brings the case.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva"]
FACILITATOR, INBRENGER = "anna", "bram"
PARTICIPANTS = ["carla", "dirk", "eva"]


@pytest.fixture(scope="session")
def registry() -> Registry:
    registry = load_registry(strict=True)
    return registry


@pytest.fixture
def engine(registry: Registry) -> Engine:
    return Engine(MemoryJournal(), registry)


def to_case_choice(meeting: Meeting, texts: dict[str, str] | None = None) -> None:
    """Open the meeting and collect a leervraag from everyone present."""
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        text = (texts or {}).get(person, f"leervraag van {person}")
        meeting.submit_leervraag(person, text)
    meeting.advance(FACILITATOR)


@pytest.fixture
def start_method(engine: Engine) -> Callable[..., Meeting]:
    """Start a meeting of ``MEMBERS`` and take it into the first phase of a method."""

    def start(method_id: str, members: list[str] | None = None, lang: str = "en") -> Meeting:
        meeting = engine.start_meeting(members or MEMBERS, facilitator="Anna", lang=lang)
        to_case_choice(meeting)
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
        meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
        return meeting

    return start


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
