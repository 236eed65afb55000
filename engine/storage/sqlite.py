"""The embedded default journal: one SQLite file in the user's data directory.

The file holds what a group said in confidence, so it is created private to its
owner (and an existing one made so); SQLite gives its ``-wal`` and ``-shm`` files
the same permissions. Only SQLite's own connection ever opens the file. WAL mode
lets several processes share the file (a CLI and a host app, say),
``synchronous=FULL`` makes every acknowledged append survive a power cut, and
``BEGIN IMMEDIATE`` takes the write lock before the version check, so two writers
can never both believe they are next.

Errors name the file and what to do; they never quote a stored event.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from intervision.engine import (
    READ_MODEL_VERSION,
    ConcurrencyError,
    CorruptJournalError,
    Event,
    MeetingSummary,
    OnCommit,
    Rebuilt,
    RepeatedRequest,
    StoreError,
    Text,
    encode_event,
    get_logger,
)

from .cipher import SEALED_MARK, holds_token, refuse_plain_write, sealing
from .private_file import make_private
from .read_tables import ReadModels
from .rows import DOING_NL, decode_rows
from .sqlite_read import READ_MODELS_KEY, READ_TABLES, prefix_range, rebuild
from .sqlite_watch import SqliteWatch

__all__ = ["SqliteJournal"]

log = get_logger("intervision.storage")

#: The layout of the tables; bump it when they change. Every change so far adds a
#: table (``CREATE TABLE IF NOT EXISTS`` on every open), so an older store is brought
#: up to date by opening it; version 2 added ``requests``, version 3 the read models
#: (``meeting_digests``, ``group_digests``, ``group_member_digests``), filled from the
#: events when an older store is opened.
SCHEMA_VERSION = 3

_BUSY_TIMEOUT_MS = 5000

_CREATE_TABLES: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS events (
        meeting_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        type TEXT NOT NULL,
        schema INTEGER NOT NULL,
        at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (meeting_id, version)
    )""",
    # A command's idempotency key, kept in the transaction that stored its events.
    """CREATE TABLE IF NOT EXISTS requests (
        meeting_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        first_version INTEGER NOT NULL,
        last_version INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, request_id)
    )""",
)

_CREATE_TABLES += READ_TABLES.create_statements(bigint="INTEGER")

_SELECT_MEETINGS = """
    SELECT last.meeting_id, last.version, last.type, first.at
    FROM (
        -- SQLite takes the bare column `type` from the row that holds MAX(version).
        SELECT meeting_id, MAX(version) AS version, type FROM events GROUP BY meeting_id
    ) AS last
    LEFT JOIN events AS first ON first.meeting_id = last.meeting_id AND first.version = 1
    ORDER BY first.rowid
"""


class SqliteJournal(ReadModels):
    """Keeps the :class:`~intervision.engine.storage.Journal` contract in one SQLite file.

    One connection behind a lock serves every thread: SQLite lets one writer in at a
    time anyway, and a single connection keeps :meth:`close` simple. Other processes
    open their own connections to the same file.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = _open(self.path)
        self._tables = READ_TABLES
        self._watches: list[SqliteWatch] = []

    def append(
        self,
        meeting_id: str,
        expected_version: int,
        events: list[Event],
        *,
        request_id: str | None = None,
    ) -> int:
        rows = [
            (
                meeting_id,
                expected_version + offset,
                event.type,
                event.v,
                event.at.isoformat(),
                encode_event(event),
            )
            for offset, event in enumerate(events, 1)
        ]
        with self._db("write to") as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                if request_id is not None and _committed(db, meeting_id, request_id):
                    raise RepeatedRequest(meeting_id, request_id)
                actual = _version(db, meeting_id)
                if actual != expected_version:
                    raise ConcurrencyError(meeting_id, expected_version, actual)
                _mind_the_seal(db)
                db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)
                if request_id is not None and rows:
                    span = (expected_version + 1, expected_version + len(rows))
                    db.execute(
                        "INSERT INTO requests VALUES (?, ?, ?, ?)", (meeting_id, request_id, *span)
                    )
                READ_TABLES.write(db, meeting_id, expected_version + 1, events)
                db.execute("COMMIT")
            except sqlite3.IntegrityError as exc:
                _rollback(db)
                if exc.sqlite_errorname != "SQLITE_CONSTRAINT_PRIMARYKEY":
                    raise
                # Only a writer that bypassed BEGIN IMMEDIATE can get here; same answer.
                actual = _version(db, meeting_id)
                raise ConcurrencyError(meeting_id, expected_version, actual) from None
            except BaseException:
                _rollback(db)
                raise
        return expected_version + len(rows)

    def load(self, meeting_id: str, after: int = 0) -> list[Event]:
        with self._db("read") as db:
            rows = db.execute(
                "SELECT version, data FROM events WHERE meeting_id = ? AND version > ? "
                "ORDER BY version",
                (meeting_id, after),
            ).fetchall()
        return decode_rows(meeting_id, rows, after)

    def version(self, meeting_id: str) -> int:
        with self._db("read") as db:
            return _version(db, meeting_id)

    def committed(self, meeting_id: str, request_id: str) -> tuple[int, int] | None:
        with self._db("read") as db:
            return _committed(db, meeting_id, request_id)

    def meetings(self) -> list[MeetingSummary]:
        with self._db("read") as db:
            rows = db.execute(_SELECT_MEETINGS).fetchall()
        summaries = [
            MeetingSummary(
                meeting_id=meeting_id,
                version=int(version),
                started_at=_started_at(meeting_id, at),
                last_type=str(last_type),
            )
            for meeting_id, version, last_type, at in rows
        ]
        # A stable sort on the instant: naive and aware timestamps compare without error.
        summaries.sort(key=lambda s: s.started_at.timestamp())
        return summaries

    def streams(self, prefix: str) -> list[str]:
        where, params = prefix_range(prefix)
        with self._db("read") as db:
            rows = db.execute(
                f"SELECT meeting_id FROM events WHERE version = 1{where} ORDER BY rowid", params
            ).fetchall()
        return [stream for (stream,) in rows]

    # -- read models (the queries: ReadModels) --------------------------------------

    def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return self._db("read")

    def rebuild_read_models(self) -> Rebuilt:
        with self._db("write to") as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                rebuilt = rebuild(db)
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
        return rebuilt

    # -- across processes -----------------------------------------------------------

    def watch(self, on_commit: OnCommit) -> Callable[[], None]:
        """Other processes' commits, seen by a thread of its own (see :mod:`.sqlite_watch`)."""
        with self._db("watch"):
            watch = SqliteWatch(self.path, on_commit)
            self._watches.append(watch)
        return watch.stop

    def check_available(self) -> None:
        with self._db("read") as db:
            db.execute("SELECT 1").fetchone()

    def close(self) -> None:
        for watch in self._watches:
            watch.stop()
        with self._lock:
            connection, self._connection = self._connection, None
            if connection is not None:
                try:
                    connection.close()
                except sqlite3.Error as exc:
                    raise _store_error(self.path, "close", exc) from exc

    def __repr__(self) -> str:
        return f"SqliteJournal({str(self.path)!r})"

    @contextlib.contextmanager
    def _db(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._connection is None:
                raise StoreError(
                    Text(
                        nl=f"De opslag van intervision in {self.path} is gesloten; open hem "
                        "opnieuw om hem te gebruiken.",
                        en=f"the intervision store at {self.path} was closed; open it again "
                        "to use it",
                    )
                )
            try:
                yield self._connection
            except sqlite3.Error as exc:
                raise _store_error(self.path, doing, exc) from exc


def _open(path: Path) -> sqlite3.Connection:
    """Connect to the store, private to its owner, without ever opening the file itself.

    Only SQLite's own connection touches the database file: closing any other
    descriptor of it would release every POSIX lock this process holds on it,
    those of the other connections included (SQLite's "How To Corrupt" page, 2.2),
    and another process would then take the store for unused and delete its WAL.
    """
    make_private(path)
    # The umask makes the folders made here 0700, and the file SQLite creates 0600
    # (SQLite gives its -wal and -shm the file's mode). It is process-wide, hence
    # restored at once.
    previous_umask = os.umask(0o077)
    try:
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                Text(
                    nl=f"Kan de opslag van intervision in {path} niet maken ({exc.strerror}); "
                    "kijk of de map bestaat en beschrijfbaar is, of kies een ander pad.",
                    en=f"cannot create the intervision store at {path} ({exc.strerror}); "
                    "check that the folder exists and is writable, or choose another path",
                )
            ) from exc
        connection = sqlite3.connect(
            path,
            timeout=_BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # transactions are begun and ended explicitly
            check_same_thread=False,  # the journal's lock serialises access
        )
    except sqlite3.Error as exc:
        raise _store_error(path, "open", exc) from exc
    finally:
        os.umask(previous_umask)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys=ON")
        _ensure_schema(connection, path)
    except sqlite3.Error as exc:
        connection.close()
        raise _store_error(path, "open", exc) from exc
    except BaseException:
        connection.close()
        raise
    return connection


def _ensure_schema(db: sqlite3.Connection, path: Path) -> None:
    """Create the tables in a new file; refuse a file that belongs to something else."""
    db.execute("BEGIN IMMEDIATE")
    try:
        tables = {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "schema_info" in tables:
            row = db.execute("SELECT value FROM schema_info WHERE key = 'schema_version'")
            stored = _stored_schema_version(row.fetchone())
            if stored is None:
                raise _not_a_store(path)
            if stored > SCHEMA_VERSION:
                raise StoreError(
                    Text(
                        nl=f"De opslag van intervision in {path} heeft schemaversie {stored}, "
                        f"nieuwer dan deze intervision kent ({SCHEMA_VERSION}); werk "
                        "intervision bij om hem te openen.",
                        en=f"the intervision store at {path} has schema version {stored}, "
                        f"newer than this intervision understands ({SCHEMA_VERSION}); upgrade "
                        "intervision to open it",
                    )
                )
        elif tables:
            raise _not_a_store(path)
        for statement in _CREATE_TABLES:
            db.execute(statement)
        db.execute(
            "INSERT OR IGNORE INTO schema_info VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        db.execute(  # an older store now has the tables this version added
            "UPDATE schema_info SET value = ? WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION),),
        )
        row = db.execute("SELECT value FROM schema_info WHERE key = ?", (READ_MODELS_KEY,))
        if _stored_schema_version(row.fetchone()) != READ_MODEL_VERSION:
            rebuilt = rebuild(db)  # a new store, an older one, or an older fold
            if rebuilt.meetings or rebuilt.damaged:
                log.warning(
                    "read_models_rebuilt", meetings=rebuilt.meetings, damaged=len(rebuilt.damaged)
                )
        if db.execute("SELECT 1 FROM schema_info WHERE key = 'sealed'").fetchone() is None:
            # Once per store: whether an encrypted journal wrote to it before the mark.
            candidates = db.execute(
                "SELECT data FROM events WHERE instr(data, ?) > 0", (SEALED_MARK,)
            )
            sealed = any(holds_token(data) for (data,) in candidates)
            db.execute("INSERT INTO schema_info VALUES ('sealed', ?)", ("1" if sealed else "0",))
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise


def _stored_schema_version(row: tuple[object, ...] | None) -> int | None:
    if row is None:
        return None
    try:
        return int(str(row[0]))
    except ValueError:
        return None


def _mind_the_seal(db: sqlite3.Connection) -> None:
    """In an append's transaction: mark a store an encrypted journal writes to, and
    refuse a write without the key to a store so marked (:func:`refuse_plain_write`)."""
    row = db.execute("SELECT value FROM schema_info WHERE key = 'sealed'").fetchone()
    marked = row is not None and row[0] == "1"
    if sealing():
        if not marked:
            db.execute("INSERT OR REPLACE INTO schema_info VALUES ('sealed', '1')")
    elif marked:
        raise refuse_plain_write()


def _version(db: sqlite3.Connection, meeting_id: str) -> int:
    row = db.execute(
        "SELECT COALESCE(MAX(version), 0) FROM events WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()
    return int(row[0])


def _committed(db: sqlite3.Connection, meeting_id: str, request_id: str) -> tuple[int, int] | None:
    row = db.execute(
        "SELECT first_version, last_version FROM requests WHERE meeting_id = ? AND request_id = ?",
        (meeting_id, request_id),
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def _started_at(meeting_id: str, at: str | None) -> datetime:
    if at is None:
        raise CorruptJournalError.at(
            meeting_id, 1, "the event is missing from the store; restore the store from a backup"
        )
    try:
        return datetime.fromisoformat(at)
    except (TypeError, ValueError):
        raise CorruptJournalError.at(
            meeting_id,
            1,
            "the stored time is not a valid timestamp; restore the store from a backup",
        ) from None


def _rollback(db: sqlite3.Connection) -> None:
    # A failed rollback must not hide the error that made it necessary.
    with contextlib.suppress(sqlite3.Error):
        if db.in_transaction:
            db.execute("ROLLBACK")


def _not_a_store(path: Path) -> StoreError:
    return StoreError(
        Text(
            nl=f"{path} is geen opslag van intervision (er staat iets anders in); wijs "
            "INTERVISION_STORE naar een ander bestand.",
            en=f"{path} is not an intervision store (it holds something else); point "
            "INTERVISION_STORE at another file",
        )
    )


def _store_error(path: Path, doing: str, exc: sqlite3.Error) -> StoreError:
    # SQLite's own messages name tables and columns, never bound values, so they are
    # safe to pass on; the event data never reaches them.
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    if name == "SQLITE_NOTADB":
        return _not_a_store(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        hint = Text(
            nl="een ander proces hield de opslag te lang op slot; probeer het opnieuw",
            en="another process kept the store locked too long; try again",
        )
    else:
        hint = Text(
            nl="kijk of de schijf beschrijfbaar en niet vol is, of zet de opslag terug uit "
            "een back-up",
            en="check that the disk is writable and not full, or restore the store from a backup",
        )
    return StoreError(
        Text(
            nl=f"Kan de opslag van intervision in {path} niet {DOING_NL[doing]} "
            f"({name}: {exc}); {hint.nl}.",
            en=f"cannot {doing} the intervision store at {path} ({name}: {exc}); {hint.en}",
        )
    )
