"""Subscribers, and how what another process commits reaches them.

A host that runs several processes on one store (uvicorn workers, a CLI beside a
web app) shows each meeting on screens connected to any of them. A command is
committed by one process; the journal's watch (PostgreSQL's LISTEN/NOTIFY, or a
look at SQLite's data version) tells the others, and each brings the meeting it
keeps up to date from the journal and tells its own subscribers. The lifecycle
hooks are not run again: they ran once, after the commit, where it happened.

Subscribers hear each version of a meeting once, in order, from the moment they
subscribe. What decides that is the last version told per meeting while anyone
listened, not the state the engine keeps: a command of this process may be decided
on a state that already holds another process's events (after a conflict it
reloads), and those events are told before its own.
The watch starts with the first subscription and stops with the engine; after an
interrupted watch, every meeting told about is read again.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence

from intervision.engine import (
    Commit,
    Event,
    Journal,
    MeetingState,
    apply,
    get_logger,
    is_meeting_stream,
)

from .state_cache import StateCache
from .stored_replay import replay_stored

__all__ = ["Live"]

log = get_logger("intervision.engine")

Subscriber = Callable[[MeetingState, Event], None]

#: How many meetings the last told version is remembered for; one forgotten is
#: told from the commit the watch reports, as a meeting never told about.
_TOLD_KEPT = 10_000


class Live:
    """An engine's subscribers, and its watch on the journal."""

    def __init__(
        self,
        journal: Journal,
        states: StateCache,
        lock_of: Callable[[str], threading.Lock],
    ) -> None:
        self._journal = journal
        self._states = states
        self._lock_of = lock_of
        self._guard = threading.Lock()
        self._subscribers: list[tuple[Subscriber, str | None]] = []
        self._stop_watch: Callable[[], None] | None = None
        self._told: OrderedDict[str, int] = OrderedDict()
        self._telling: weakref.WeakValueDictionary[str, threading.Lock] = (
            weakref.WeakValueDictionary()
        )

    def subscribe(self, callback: Subscriber, meeting_id: str | None) -> Callable[[], None]:
        entry = (callback, meeting_id)
        with self._guard:
            self._subscribers = [*self._subscribers, entry]
            if self._stop_watch is None:
                self._stop_watch = self._journal.watch(self._on_commit)
        if meeting_id is not None:
            # From here on the subscriber hears every version once. Without this mark a
            # commit of this engine that first absorbed another writer's (a retry after
            # it came second) would be told alone, and the watch, reporting those later,
            # would find them told already.
            with self._lock_for_telling(meeting_id):
                if meeting_id not in self._told:
                    self._remember(meeting_id, self._journal.version(meeting_id))

        def unsubscribe() -> None:
            with self._guard:
                self._subscribers = [s for s in self._subscribers if s is not entry]

        return unsubscribe

    def stop(self) -> None:
        with self._guard:
            stop, self._stop_watch = self._stop_watch, None
        if stop is not None:
            stop()

    def committed(self, state: MeetingState, event: Event, version: int) -> None:
        """An event this engine committed at ``version``: told after any version before
        it that the subscribers have not heard (another process's, absorbed by a reload)."""
        meeting_id = state.meeting_id
        if not self._listening(meeting_id):
            self._forget(meeting_id)  # a later subscriber hears only what comes after it
            return
        with self._lock_for_telling(meeting_id):
            told = self._told.get(meeting_id)
            if told is not None and told >= version:
                return  # the watch told it already
            if told is not None and told < version - 1:
                self._tell(state, self._journal.load(meeting_id, after=told)[: version - 1 - told])
            self._remember(meeting_id, version)
            self._tell(state, [event])

    # -- the watch ----------------------------------------------------------------

    def _on_commit(self, commit: Commit | None) -> None:
        """What the watch reports: another writer's commit, or (None) that the watch
        was interrupted and any meeting may have moved on."""
        if commit is None:
            with self._guard:
                told = list(self._told.items())
            for meeting_id, version in told:
                self._catch_up(meeting_id, version + 1, None)
        elif is_meeting_stream(commit.stream_id):
            self._catch_up(commit.stream_id, commit.first, commit.last)

    def _catch_up(self, meeting_id: str, first: int, last: int | None) -> None:
        """Tell the subscribers the versions from ``first`` on they have not heard, and
        bring the kept state up to them; ``last`` None: as far as the journal goes."""
        if not self._listening(meeting_id):
            self._forget(meeting_id)
            kept = self._states.get(meeting_id)
            if kept is not None and (last is None or last > kept.version):
                self._states.drop(meeting_id)  # read afresh when it is next needed
            return
        with self._lock_for_telling(meeting_id):
            told = self._told.get(meeting_id)
            if told is not None and last is not None and told >= last:
                return  # this engine's own commit, or one told already
            after = told if told is not None else first - 1
            events = self._journal.load(meeting_id, after=after)
            if not events:
                return
            heard = after + len(events)
            with self._lock_of(meeting_id):
                state = self._states.get(meeting_id)
                if state is None or state.version < after:
                    state = replay_stored(meeting_id, self._journal.load(meeting_id))
                elif state.version < heard:
                    for event in events[state.version - after :]:
                        state = apply(state, event)
                self._states.put(state)
            self._remember(meeting_id, heard)
            self._tell(state, events)

    # -- internals ----------------------------------------------------------------

    def _listening(self, meeting_id: str) -> bool:
        return any(m in (None, meeting_id) for _, m in self._subscribers)

    def _lock_for_telling(self, meeting_id: str) -> threading.Lock:
        lock = self._telling.get(meeting_id)
        if lock is None:
            with self._guard:
                lock = self._telling.get(meeting_id)
                if lock is None:
                    lock = self._telling[meeting_id] = threading.Lock()
        return lock

    def _remember(self, meeting_id: str, version: int) -> None:
        with self._guard:
            self._told[meeting_id] = version
            self._told.move_to_end(meeting_id)
            while len(self._told) > _TOLD_KEPT:
                self._told.popitem(last=False)

    def _forget(self, meeting_id: str) -> None:
        if meeting_id in self._told:
            with self._guard:
                self._told.pop(meeting_id, None)

    def _tell(self, state: MeetingState, events: Sequence[Event]) -> None:
        """The subscribers, for each event in order; one that fails is logged and skipped."""
        for event in events:
            for subscriber, meeting_id in self._subscribers:  # replaced, never changed
                if meeting_id is not None and meeting_id != state.meeting_id:
                    continue
                try:
                    subscriber(state, event)
                except Exception as exc:
                    log.error(
                        "subscriber_failed",
                        meeting_id=state.meeting_id,
                        event_type=event.type,
                        error=type(exc).__name__,
                    )
