"""Seeing what other processes commit to a PostgreSQL store: LISTEN/NOTIFY.

Every append sends ``NOTIFY`` on :data:`CHANNEL` inside its transaction, so the
notice goes out exactly when the events are committed (and never for a rolled-back
append), carrying the versions and the meeting id: ids are no case content. A
watcher holds one connection of its own that ``LISTEN`` s and hands each notice
to its callback, on its own thread: a subscriber in any process hears a command
within milliseconds, without polling the table.

NOTIFY is not durable: a notice sent while the watcher was disconnected is lost.
So after a reconnect the watcher calls back with None, and the engine compares
every meeting it keeps with the journal.
"""

from __future__ import annotations

import threading
from typing import Any

from intervision.engine import Commit, OnCommit, get_logger

__all__ = ["CHANNEL", "PostgresWatch", "notice"]

#: The channel every PostgreSQL store of intervision notifies on.
CHANNEL = "intervision_commits"
#: How long the watcher blocks for notices before it checks whether to stop.
_WAIT_S = 0.5
_RECONNECT_S = 0.5

log = get_logger("intervision.storage")


def notice(meeting_id: str, first: int, last: int) -> str:
    """The payload of one append's notice: the versions first (ids hold no spaces)."""
    return f"{first} {last} {meeting_id}"


def _commit(payload: str) -> Commit | None:
    first, _, rest = payload.partition(" ")
    last, _, stream = rest.partition(" ")
    if not (first.isdigit() and last.isdigit() and stream):
        return None
    return Commit(stream, int(first), int(last))


class PostgresWatch:
    """One listening connection on its own thread; :meth:`stop` ends both."""

    def __init__(self, conninfo: str, on_commit: OnCommit, connect_timeout: int) -> None:
        import psycopg

        self._psycopg = psycopg
        self._conninfo = conninfo
        self._timeout = connect_timeout
        self._on_commit = on_commit
        self._stopped = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="intervision-pg-watch", daemon=True)
        self._thread.start()
        # A subscriber expects to hear what is committed after it subscribed.
        self._listening.wait(timeout=connect_timeout)

    def stop(self) -> None:
        self._stopped.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        interrupted = False
        while not self._stopped.is_set():
            try:
                with self._psycopg.connect(
                    self._conninfo, autocommit=True, connect_timeout=self._timeout
                ) as db:
                    db.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    if interrupted:
                        interrupted = False
                        self._tell(None)  # notices sent while we were away are lost
                    self._listen(db)
            except self._psycopg.Error as exc:
                if not interrupted:
                    log.warning("store_watch_interrupted", error=type(exc).__name__)
                interrupted = True
                self._stopped.wait(_RECONNECT_S)

    def _listen(self, db: Any) -> None:
        while not self._stopped.is_set():
            for note in db.notifies(timeout=_WAIT_S):
                commit = _commit(note.payload)
                if commit is not None:
                    self._tell(commit)

    def _tell(self, commit: Commit | None) -> None:
        try:
            self._on_commit(commit)
        except Exception as exc:  # a subscriber's failure must not end the watch
            log.error("store_watch_callback_failed", error=type(exc).__name__)
