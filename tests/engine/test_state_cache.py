"""The meetings an engine keeps in memory are bounded; an evicted one comes back from the
journal as it was (issue #16)."""

from __future__ import annotations

import pytest
from support import MEMBERS

from intervision.engine import Engine, Event, MemoryJournal, Registry


class CountingJournal(MemoryJournal):
    """Counts the meetings read back from the store."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def load(self, meeting_id: str, after: int = 0) -> list[Event]:
        self.loads.append(meeting_id)
        return super().load(meeting_id, after)


def test_the_least_recently_used_meeting_is_evicted_and_reloads_as_it_was(
    registry: Registry,
) -> None:
    journal = CountingJournal()
    engine = Engine(journal, registry, cache_size=2)
    first = engine.start_meeting(MEMBERS, facilitator="Anna")
    second = engine.start_meeting(MEMBERS, facilitator="Anna")
    second.advance("anna")
    kept = engine.state(first.id)  # used last: the second is now the oldest
    third = engine.start_meeting(MEMBERS, facilitator="Anna")  # ... so it goes
    journal.loads.clear()

    assert engine.state(first.id) is kept
    assert engine.state(third.id).version == 1
    assert journal.loads == []
    reloaded = engine.state(second.id)
    assert journal.loads == [second.id]
    assert (reloaded.frame, reloaded.version) == ("leervragen", 2)


def test_a_command_on_an_evicted_meeting_goes_on_from_the_journal(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry, cache_size=1)
    first = engine.start_meeting(MEMBERS, facilitator="Anna")
    first.advance("anna")
    engine.start_meeting(MEMBERS, facilitator="Anna")  # evicts the first

    first.submit_leervraag("bram", "hoe zeg ik nee tegen mijn leidinggevende?")

    assert (first.state.frame, first.state.version) == ("leervragen", 3)
    assert Engine(engine.journal, registry).state(first.id) == first.state


def test_the_default_bound_is_documented_and_a_bound_below_one_is_refused(
    registry: Registry,
) -> None:
    from intervision.engine import DEFAULT_CACHED_MEETINGS

    assert DEFAULT_CACHED_MEETINGS == 1000
    with pytest.raises(ValueError, match="at least one meeting"):
        Engine(MemoryJournal(), registry, cache_size=0)
