"""Seeing what other processes commit to a SQLite store, without reading every row.

SQLite has no notifications between processes, but two cheap questions answer
"has anything changed, and what": ``PRAGMA data_version`` changes on a connection
whenever another connection commits (a read of a counter in shared memory, no
table touched), and the events table's rowids only grow, since events are never
deleted and writers take turns. So a watcher keeps its own connection, asks the
first question every ``interval`` seconds, and only when the answer changed reads
the rows after the last rowid it saw, through the table's own b-tree: a commit
costs the watcher the rows it added, whatever the size of the store.

The watcher's connection is opened by SQLite itself (never ``os.open`` on the file,
which would drop the process's POSIX locks on it), reads only, and is closed when
the watch stops.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from intervision.engine import Commit, OnCommit, get_logger

__all__ = ["WATCH_INTERVAL_S", "SqliteWatch"]

#: How often a watcher asks whether another process committed; the delay a
#: subscriber in another process sees is at most this, plus reading the new rows.
WATCH_INTERVAL_S = 0.05

log = get_logger("intervision.storage")


class SqliteWatch:
    """One watching thread with its own connection; :meth:`stop` ends both."""

    def __init__(self, path: Path, on_commit: OnCommit, interval: float = WATCH_INTERVAL_S) -> None:
        self._on_commit = on_commit
        self._interval = interval
        self._stopped = threading.Event()
        self._db = sqlite3.connect(path, timeout=5, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA query_only=ON")
        self._version = self._data_version()
        row = self._db.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()
        self._last_rowid = int(row[0])
        self._thread = threading.Thread(
            target=self._run, name="intervision-sqlite-watch", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _run(self) -> None:
        try:
            while not self._stopped.wait(self._interval):
                try:
                    self._look()
                except sqlite3.Error as exc:
                    # A lock held too long, a disk gone for a moment: look again at the
                    # next tick, from the same rowid, so nothing committed is missed.
                    log.warning("store_watch_failed", error=type(exc).__name__)
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()

    def _look(self) -> None:
        version = self._data_version()
        if version == self._version:
            return
        self._version = version
        rows = self._db.execute(
            "SELECT rowid, meeting_id, version FROM events WHERE rowid > ? ORDER BY rowid",
            (self._last_rowid,),
        ).fetchall()
        if not rows:
            return
        self._last_rowid = rows[-1][0]
        spans: dict[str, list[int]] = {}
        for _, stream, stored in rows:
            span = spans.setdefault(stream, [stored, stored])
            span[0], span[1] = min(span[0], stored), max(span[1], stored)
        for stream, (first, last) in spans.items():
            try:
                self._on_commit(Commit(stream, first, last))
            except Exception as exc:  # a subscriber's failure must not end the watch
                log.error("store_watch_callback_failed", error=type(exc).__name__)
