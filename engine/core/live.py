"""Subscribers, and how what another process commits reaches them.

A host that runs several processes on one store (uvicorn workers, a CLI beside a
web app) shows each meeting on screens connected to any of them. A command is
committed by one process; the journal's watch (PostgreSQL's LISTEN/NOTIFY, or a
look at SQLite's data version) tells the others, and each brings the meeting it
keeps up to date from the journal and tells its own subscribers. The lifecycle
hooks are not run again: they ran once, after the commit, where it happened.

The watch starts with the first subscription and stops with the engine. Versions
a process already has, its own commits among them, are skipped by comparing with
the state it keeps; after an interrupted watch every meeting kept is compared.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from . import events as ev
from .journal import Commit, Journal, is_meeting_stream
from .logs import get_logger
from .state import MeetingState, apply
from .state_cache import StateCache
from .stored_replay import replay_stored

__all__ = ["Live", "Subscriber"]

log = get_logger("intervision.engine")

Subscriber = Callable[[MeetingState, ev.Event], None]


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

    def subscribe(self, callback: Subscriber, meeting_id: str | None) -> Callable[[], None]:
        entry = (callback, meeting_id)
        with self._guard:
            self._subscribers = [*self._subscribers, entry]
            if self._stop_watch is None:
                self._stop_watch = self._journal.watch(self._on_commit)

        def unsubscribe() -> None:
            with self._guard:
                self._subscribers = [s for s in self._subscribers if s is not entry]

        return unsubscribe

    def stop(self) -> None:
        with self._guard:
            stop, self._stop_watch = self._stop_watch, None
        if stop is not None:
            stop()

    def tell(self, state: MeetingState, events: Sequence[ev.Event]) -> None:
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

    def _on_commit(self, commit: Commit | None) -> None:
        """What the watch reports: another writer's commit, or (None) that the watch
        was interrupted and any meeting kept here may have moved on."""
        if commit is None:
            for meeting_id in self._states.ids():
                self._catch_up(meeting_id, 1, None)
        elif is_meeting_stream(commit.stream_id):
            self._catch_up(commit.stream_id, commit.first, commit.last)

    def _catch_up(self, meeting_id: str, first: int, last: int | None) -> None:
        """Bring the kept state up to the journal and tell the subscribers what is new;
        ``last`` is the version committed (None: not known, ask the journal)."""
        listening = any(m in (None, meeting_id) for _, m in self._subscribers)
        with self._lock_of(meeting_id):
            kept = self._states.get(meeting_id)
            if not listening:
                if kept is not None:
                    now = last if last is not None else self._journal.version(meeting_id)
                    if now > kept.version:
                        self._states.drop(meeting_id)  # read afresh when it is next needed
                return
            if kept is not None and last is not None and kept.version >= last:
                return  # a commit of this engine's, or one it already caught up with
            events = self._journal.load(meeting_id, after=kept.version if kept else 0)
            if not events:
                return
            if kept is None:
                state = replay_stored(meeting_id, events)
                new = events[first - 1 :]
            else:
                state = kept
                for event in events:
                    state = apply(state, event)
                new = events
            self._states.put(state)
        self.tell(state, new)
