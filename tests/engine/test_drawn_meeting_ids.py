"""Meeting ids that do not collide at scale, and stay short to type (issue #16)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support import MEMBERS

from intervision.engine import ConcurrencyError, Engine, MemoryJournal, Registry
from intervision.engine.runtime import meeting_ids

#: The day, a dash, 13 characters of Crockford's base32 in lowercase (65 random bits).
ID = re.compile(r"^\d{8}-[0-9abcdefghjkmnpqrstvwxyz]{13}$")


def test_an_id_is_the_day_and_65_random_bits_in_letters_no_one_misreads() -> None:
    made = meeting_ids.new_meeting_id(datetime(2026, 12, 4, 23, 59, tzinfo=UTC))

    assert ID.match(made), made
    assert made.startswith("20261204-")
    # Only lowercase letters, digits and '-': what an id may hold everywhere.
    assert re.fullmatch(r"[a-z0-9-]+", made)


def test_a_hundred_thousand_ids_of_one_day_are_all_different() -> None:
    day = datetime(2026, 12, 4, tzinfo=UTC)
    made = {meeting_ids.new_meeting_id(day) for _ in range(100_000)}

    assert len(made) == 100_000
    # Every character of the alphabet turns up in every position.
    for position in range(9, 22):
        assert {m[position] for m in made} == set(meeting_ids.ID_ALPHABET)


def test_a_drawn_id_that_is_taken_is_drawn_again(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine(MemoryJournal(), registry)
    taken = engine.start_meeting(MEMBERS, facilitator="Anna").id
    draws = iter([taken, "20261204-0000000000000"])
    monkeypatch.setattr("intervision.engine.runtime.engine.new_meeting_id", lambda now: next(draws))

    started = engine.start_meeting(MEMBERS, facilitator="Bram")

    assert started.id == "20261204-0000000000000"
    assert engine.state(taken).facilitator == "anna"  # the first meeting is untouched


def test_an_id_the_caller_chose_is_never_replaced(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    engine.start_meeting(MEMBERS, facilitator="Anna", meeting_id="team-noord-1")

    with pytest.raises(ConcurrencyError):
        engine.start_meeting(MEMBERS, facilitator="Bram", meeting_id="team-noord-1")
