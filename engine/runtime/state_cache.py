"""The meetings an engine keeps in memory: the most recently used ones, up to a bound.

A host touches many meetings over a day and few at any one moment. Keeping every
meeting it ever read would make its memory grow with the store; keeping none would
make every command replay its meeting. So the engine keeps the states it used
last, at most ``size`` of them (:data:`DEFAULT_CACHED_MEETINGS` unless the host
says otherwise), and reloads an evicted meeting from the journal when it is next
read, as it would after a restart: a state is what its journal gives.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from intervision.engine import (
    MeetingState,
)

__all__ = ["DEFAULT_CACHED_MEETINGS"]

#: How many meetings an engine keeps in memory by default: a host with this many
#: meetings running at once never reloads one; one meeting is ~8-12 KiB.
DEFAULT_CACHED_MEETINGS = 1000


class StateCache:
    """A thread-safe least-recently-used map of meeting id to state."""

    def __init__(self, size: int = DEFAULT_CACHED_MEETINGS) -> None:
        if size < 1:
            raise ValueError(f"the engine must keep at least one meeting in memory, not {size}")
        self.size = size
        self._states: OrderedDict[str, MeetingState] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, meeting_id: str) -> MeetingState | None:
        with self._lock:
            state = self._states.get(meeting_id)
            if state is not None:
                self._states.move_to_end(meeting_id)
            return state

    def put(self, state: MeetingState) -> None:
        with self._lock:
            self._states[state.meeting_id] = state
            self._states.move_to_end(state.meeting_id)
            while len(self._states) > self.size:
                self._states.popitem(last=False)

    def drop(self, meeting_id: str) -> None:
        with self._lock:
            self._states.pop(meeting_id, None)

    def ids(self) -> list[str]:
        """The meetings kept now, least recently used first."""
        with self._lock:
            return list(self._states)

    def __len__(self) -> int:
        return len(self._states)
