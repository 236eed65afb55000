"""Replaying a journal read back from a store, where rows may have been tampered with.

:func:`~intervision.engine.replay` trusts its events: the engine wrote them in an order its
rules allowed. A store can be edited behind the engine's back (a row deleted,
copied from another meeting, restored from the wrong backup), and each row may
still be a valid event. Here such a sequence ends in a :class:`CorruptJournalError`
naming the meeting and the version where it stops making sense, instead of a
Python error with a traceback, or worse, a meeting that silently starts again.
"""

from __future__ import annotations

from intervision.engine import (
    CorruptJournalError,
    Event,
    MeetingStarted,
    MeetingState,
    apply,
)

__all__ = ["replay_stored"]

_RESTORE = "restore the store from a backup"


def replay_stored(meeting_id: str, events: list[Event]) -> MeetingState:
    """The meeting's state from its stored events, refusing an order no engine writes."""
    state: MeetingState | None = None
    problem: tuple[int, str] | None = None
    for version, event in enumerate(events, 1):
        starts = type(event) is MeetingStarted  # not isinstance: a pydantic miss is slow
        if version == 1 and not starts:
            problem = (version, f"the meeting does not begin with its start event; {_RESTORE}")
            break
        if version > 1 and starts:
            problem = (version, f"a second start event is stored in the meeting; {_RESTORE}")
            break
        try:
            state = apply(state, event)
        except (LookupError, TypeError, ValueError, AttributeError):
            # Raised below, outside this block: the error may name stored ids.
            problem = (
                version,
                f"the stored {event.type} event cannot follow the events before it; {_RESTORE}",
            )
            break
    if problem is not None:
        version, why = problem
        raise CorruptJournalError.at(meeting_id, version, why)
    if state is None:
        raise CorruptJournalError.at(meeting_id, None, f"no events are stored; {_RESTORE}")
    return state
