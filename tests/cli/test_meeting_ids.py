"""A meeting id as any unique beginning, whatever shape the ids have."""

from __future__ import annotations

import secrets

import click
import pytest

from intervision.cli.meeting_ids import resolve_meeting_id
from intervision.engine import Engine, MeetingNotFoundError, MemoryJournal, Registry


def _engine_with(registry: Registry, ids: list[str]) -> Engine:
    engine = Engine(MemoryJournal(), registry)
    for meeting_id in ids:
        engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna", meeting_id=meeting_id)
    return engine


def test_long_random_ids_are_found_by_any_unique_beginning(registry: Registry) -> None:
    ids = [secrets.token_hex(16) for _ in range(20)]  # 128 random bits, no date in front
    engine = _engine_with(registry, ids)
    for meeting_id in ids:
        shortest = next(
            meeting_id[:n]
            for n in range(1, len(meeting_id) + 1)
            if sum(other.startswith(meeting_id[:n]) for other in ids) == 1
        )
        assert resolve_meeting_id(engine, shortest) == meeting_id
        assert resolve_meeting_id(engine, meeting_id) == meeting_id


def test_a_beginning_of_several_names_them_and_none_is_not_found(registry: Registry) -> None:
    engine = _engine_with(registry, ["20261204-aaaaaa", "20261204-aaabbb", "20261205-cccccc"])
    with pytest.raises(click.UsageError) as several:
        resolve_meeting_id(engine, "20261204-aaa")
    assert "20261204-aaaaaa" in str(several.value) and "20261204-aaabbb" in str(several.value)
    assert resolve_meeting_id(engine, "20261205") == "20261205-cccccc"
    with pytest.raises(MeetingNotFoundError) as none:
        resolve_meeting_id(engine, "2027")
    assert none.value.exit_code == 8
    with pytest.raises(MeetingNotFoundError):
        resolve_meeting_id(engine, "")  # nothing typed names nothing, not everything
