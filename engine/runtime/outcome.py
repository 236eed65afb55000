"""What one command committed: the answer :meth:`Engine.execute` gives.

A caller learns the ids the command made (the new contribution's ``C7``) from the
events it committed, never by rereading the meeting, where another thread's command
may already stand after its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervision.engine import (
    ContributionAdded,
    Event,
    LeervraagSubmitted,
    MeetingState,
)

__all__ = ["Outcome"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The events one command committed, at versions ``first_version`` to ``version``.

    ``repeated`` is true when the command carried a request id the meeting already
    held: nothing was written this time, and the events are those of the first time.
    ``state`` is the meeting after the command (for a repeat: the meeting now).
    """

    meeting_id: str
    version: int
    events: tuple[Event, ...]
    state: MeetingState
    repeated: bool = False

    @property
    def first_version(self) -> int:
        return self.version - len(self.events) + 1

    @property
    def contribution_ids(self) -> tuple[str, ...]:
        return tuple(e.contribution_id for e in self.events if type(e) is ContributionAdded)

    @property
    def leervraag_ids(self) -> tuple[str, ...]:
        return tuple(e.leervraag_id for e in self.events if type(e) is LeervraagSubmitted)
