"""The journal on PostgreSQL, for host apps that run many meetings in several processes.

A host app points the engine at its own database with a ``postgresql://`` URL; the
tables are created on first use (prefixed ``intervision_`` so they sit beside the
host's own) and carry a schema version, as the SQLite file does.

Optimistic concurrency works across processes: an append takes a transaction-scoped
advisory lock on the meeting, so the version check and the insert are one step for
every writer, and the primary key on (meeting, version) is the last line of defence.
Exactly one of two writers with the same expected version wins; the other gets
:class:`ConcurrencyError`, reloads and retries. Other meetings are not held up.

psycopg 3 is an optional dependency (``pip install 'intervision[postgres]'``) and is
imported only when a PostgreSQL store is opened. Errors name the database by host
and name, never by the full URL (it may carry a password), and never quote an event.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from intervision.engine import (
    ConcurrencyError,
    CorruptJournalError,
    Event,
    MeetingSummary,
    OnCommit,
    Rebuilt,
    RepeatedRequest,
    StoreError,
    Text,
    decode_event,
    encode_event,
)

from .cipher import refuse_plain_write, sealing
from .outage import Outage
from .postgres_schema import READ_TABLES, SCHEMA_VERSION, ensure_schema, rebuild
from .postgres_watch import CHANNEL, PostgresWatch, notice
from .read_tables import ReadModels
from .rows import DOING_NL, decode_rows

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

__all__ = ["SCHEMA_VERSION", "PostgresJournal"]

#: Our own URL parameters; libpq would refuse them, so they are taken out first.
POOL_SIZE_PARAM = "pool_size"
DEFAULT_POOL_SIZE = 8
_CONNECT_TIMEOUT_S = 10
#: How long a command waits for a pooled connection. Our transactions take
#: milliseconds, so a wait this long means the server is gone or overloaded: the
#: caller gets :class:`StoreUnavailableError` instead of a place in a growing queue.
_WAIT_FOR_CONNECTION_S = 1.0
#: A probe while the store is down: libpq waits at least 2 s for a connection.
_PROBE_TIMEOUT_S = 2

_SELECT_MEETINGS = """
    SELECT last.meeting_id, last.version, last.type, first.data
    FROM (
        SELECT DISTINCT ON (meeting_id) meeting_id, version, type
        FROM intervision_events ORDER BY meeting_id, version DESC
    ) AS last
    LEFT JOIN intervision_events AS first
        ON first.meeting_id = last.meeting_id AND first.version = 1
    ORDER BY first.seq
"""


class PostgresJournal(ReadModels):
    """Keeps the :class:`~intervision.engine.storage.Journal` contract in PostgreSQL.

    A small connection pool serves the threads of one process: appends to different
    meetings run side by side, and the engine's per-meeting lock keeps one process
    from racing itself. ``pool_size`` in the URL's query sets the pool's size.
    """

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout
        except ImportError as exc:  # pragma: no cover - exercised without the extra
            raise StoreError(
                Text(
                    nl="Een postgresql://-opslag heeft psycopg nodig; installeer het met "
                    "pip install 'intervision[postgres]'.",
                    en="a postgresql:// store needs psycopg; install it with "
                    "pip install 'intervision[postgres]'",
                )
            ) from exc
        self._psycopg = psycopg
        self._pool_timeout, self._pool_closed = PoolTimeout, PoolClosed
        conninfo, pool_size = _split_url(url)
        self._conninfo = conninfo
        self.where = _describe(url)
        # One direct connection first: it reports an unreachable server or a refused
        # login at once (a pool would keep retrying until its timeout), and creates
        # the tables before any command runs.
        try:
            with psycopg.connect(conninfo, connect_timeout=_CONNECT_TIMEOUT_S) as db:
                ensure_schema(db, self.where)
        except psycopg.Error as exc:
            raise _store_error(self.where, "open", exc) from None
        self._tables = READ_TABLES
        self._outage = Outage(f"PostgreSQL store {self.where}", self._probe, self._recovered)
        self._watches: list[PostgresWatch] = []
        self._pool: ConnectionPool = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=pool_size,
            kwargs={"connect_timeout": _CONNECT_TIMEOUT_S},
            open=True,
            name="intervision",
        )

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
                event.at,
                encode_event(event),
            )
            for offset, event in enumerate(events, 1)
        ]
        errors = self._psycopg.errors
        with self._transaction("write to") as db:
            db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (meeting_id,))
            if request_id is not None and _committed(db, meeting_id, request_id):
                raise RepeatedRequest(meeting_id, request_id)
            actual = _version(db, meeting_id)
            if actual != expected_version:
                raise ConcurrencyError(meeting_id, expected_version, actual)
            _mind_the_seal(db)
            try:
                with db.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO intervision_events (meeting_id, version, type, schema, at, "
                        "data) VALUES (%s, %s, %s, %s, %s, %s)",
                        rows,
                    )
                if request_id is not None and rows:
                    span = (expected_version + 1, expected_version + len(rows))
                    db.execute(
                        "INSERT INTO intervision_requests VALUES (%s, %s, %s, %s)",
                        (meeting_id, request_id, *span),
                    )
            except errors.UniqueViolation:
                # Only a writer that skipped the advisory lock can get here; same answer.
                raise ConcurrencyError(meeting_id, expected_version, -1) from None
            READ_TABLES.write(db, meeting_id, expected_version + 1, events)
            if rows:  # sent when the transaction commits, to every process listening
                first, last = expected_version + 1, expected_version + len(rows)
                db.execute("SELECT pg_notify(%s, %s)", (CHANNEL, notice(meeting_id, first, last)))
        return expected_version + len(rows)

    def committed(self, meeting_id: str, request_id: str) -> tuple[int, int] | None:
        with self._transaction("read") as db:
            return _committed(db, meeting_id, request_id)

    def load(self, meeting_id: str, after: int = 0) -> list[Event]:
        with self._transaction("read") as db:
            rows = db.execute(
                "SELECT version, data FROM intervision_events WHERE meeting_id = %s "
                "AND version > %s ORDER BY version",
                (meeting_id, after),
            ).fetchall()
        return decode_rows(meeting_id, rows, after)

    def version(self, meeting_id: str) -> int:
        with self._transaction("read") as db:
            return _version(db, meeting_id)

    def meetings(self) -> list[MeetingSummary]:
        with self._transaction("read") as db:
            rows = db.execute(_SELECT_MEETINGS).fetchall()
        summaries: list[MeetingSummary] = []
        for meeting_id, version, last_type, first in rows:
            if first is None:
                raise CorruptJournalError.at(
                    meeting_id,
                    1,
                    "the event is missing from the store; restore the store from a backup",
                )
            summaries.append(
                MeetingSummary(
                    meeting_id=meeting_id,
                    version=int(version),
                    started_at=decode_event(meeting_id, 1, first).at,
                    last_type=str(last_type),
                )
            )
        summaries.sort(key=lambda s: s.started_at.timestamp())
        return summaries

    def streams(self, prefix: str) -> list[str]:
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self._transaction("read") as db:
            rows = db.execute(
                "SELECT meeting_id FROM intervision_events WHERE version = 1 "
                "AND meeting_id LIKE %s ORDER BY seq",
                (pattern,),
            ).fetchall()
        return [stream for (stream,) in rows]

    # -- read models (the queries: ReadModels) --------------------------------------

    def _read(self) -> contextlib.AbstractContextManager[psycopg.Connection[Any]]:
        return self._transaction("read")

    def rebuild_read_models(self) -> Rebuilt:
        with self._transaction("write to") as db:
            db.execute("LOCK TABLE intervision_events IN SHARE MODE")  # no append meanwhile
            return rebuild(db)

    # -- across processes and outages -------------------------------------------------

    def watch(self, on_commit: OnCommit) -> Callable[[], None]:
        """Other processes' commits, by LISTEN/NOTIFY (see :mod:`.postgres_watch`)."""
        watch = PostgresWatch(self._conninfo, on_commit, _CONNECT_TIMEOUT_S)
        self._watches.append(watch)
        return watch.stop

    def check_available(self) -> None:
        """While the store is known to be down, answered without touching it."""
        with self._transaction("reach") as db:
            db.execute("SELECT 1")

    def close(self) -> None:
        self._outage.close()
        for watch in self._watches:
            watch.stop()
        self._pool.close()

    def __repr__(self) -> str:
        return f"PostgresJournal({self.where})"

    # -- internals ----------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self, doing: str) -> Iterator[psycopg.Connection[Any]]:
        """One transaction on a pooled connection: committed on success, else rolled back.

        While the server is known to be down this fails at once (see :mod:`.outage`);
        a lost connection or a pool that cannot give one marks it down.
        """
        if self._pool.closed:
            raise _closed(self.where)
        self._outage.check(doing)
        psycopg = self._psycopg
        broken = False
        try:
            with self._pool.connection(timeout=_WAIT_FOR_CONNECTION_S) as db:
                try:
                    yield db
                except psycopg.Error:
                    broken = db.broken
                    raise
        except psycopg.Error as exc:
            if broken or (isinstance(exc, psycopg.OperationalError) and not _in_session(exc)):
                self._outage.mark_down(_code(exc))
                raise self._outage.error(doing) from None
            raise _store_error(self.where, doing, exc) from None
        except self._pool_timeout as exc:
            self._outage.mark_down(type(exc).__name__)
            raise self._outage.error(doing) from None
        except self._pool_closed:
            raise _closed(self.where) from None

    def _probe(self) -> None:
        """One fresh connection and a trivial query; raises while the server is away."""
        with self._psycopg.connect(self._conninfo, connect_timeout=_PROBE_TIMEOUT_S) as db:
            db.execute("SELECT 1")

    def _recovered(self) -> None:
        """The server is back: drop the pooled connections that died with it."""
        self._pool.check()


def _closed(where: str) -> StoreError:
    return StoreError(
        Text(
            nl=f"De PostgreSQL-opslag {where} is gesloten; open hem opnieuw om hem te gebruiken.",
            en=f"the PostgreSQL store {where} was closed; open it again to use it",
        )
    )


def _in_session(exc: Exception) -> bool:
    """An error of the statement (a lock timeout, a cancelled query), not of the
    connection: the server answered it, so it is up."""
    return getattr(exc, "sqlstate", None) in ("55P03", "57014")


def _code(exc: Exception) -> str:
    sqlstate = getattr(exc, "sqlstate", None)
    return f"{type(exc).__name__}{f' {sqlstate}' if sqlstate else ''}"


def _mind_the_seal(db: psycopg.Connection[Any]) -> None:
    """In an append's transaction: mark a store an encrypted journal writes to, and
    refuse a write without the key to a store so marked (:func:`refuse_plain_write`)."""
    row = db.execute("SELECT value FROM intervision_schema WHERE key = 'sealed'").fetchone()
    marked = row is not None and row[0] == "1"
    if sealing():
        if not marked:
            db.execute(
                "INSERT INTO intervision_schema VALUES ('sealed', '1') "
                "ON CONFLICT (key) DO UPDATE SET value = '1'"
            )
    elif marked:
        raise refuse_plain_write()


def _committed(
    db: psycopg.Connection[Any], meeting_id: str, request_id: str
) -> tuple[int, int] | None:
    row = db.execute(
        "SELECT first_version, last_version FROM intervision_requests "
        "WHERE meeting_id = %s AND request_id = %s",
        (meeting_id, request_id),
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def _version(db: psycopg.Connection[Any], meeting_id: str) -> int:
    row = db.execute(
        "SELECT COALESCE(MAX(version), 0) FROM intervision_events WHERE meeting_id = %s",
        (meeting_id,),
    ).fetchone()
    assert row is not None
    return int(row[0])


def _split_url(url: str) -> tuple[str, int]:
    """The URL libpq gets (without our parameters), and the pool size it asks for."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    ours = [value for key, value in params if key == POOL_SIZE_PARAM]
    rest = [(key, value) for key, value in params if key != POOL_SIZE_PARAM]
    pool_size = DEFAULT_POOL_SIZE
    if ours:
        if not ours[-1].isdigit() or int(ours[-1]) < 1:
            raise StoreError(
                Text(
                    nl=f"{POOL_SIZE_PARAM} in een postgresql://-opslag is een geheel getal "
                    "van ten minste 1.",
                    en=f"{POOL_SIZE_PARAM} in a postgresql:// store must be a whole number "
                    "of at least 1",
                )
            )
        pool_size = int(ours[-1])
    # Not urlunsplit: with an empty host (a socket) it drops the "//" libpq needs.
    query = f"?{urlencode(rest)}" if rest else ""
    return f"postgresql://{parts.netloc}{parts.path}{query}", pool_size


def _describe(url: str) -> str:
    """Where the store is, for messages: host and database, never user or password."""
    parts = urlsplit(url)
    host = parts.hostname or dict(parse_qsl(parts.query)).get("host") or "localhost"
    database = parts.path.lstrip("/") or "(default database)"
    return f"{database} on {host}"


def _store_error(where: str, doing: str, exc: Exception) -> StoreError:
    # Only the first line is kept: PostgreSQL's DETAIL line ("Failing row contains
    # ...") can quote a row, and a row holds case content. The first line names the
    # host, user or constraint, never a bound value.
    first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    code = _code(exc)
    return StoreError(
        Text(
            nl=f"Kan de PostgreSQL-opslag {where} niet {DOING_NL[doing]} ({code}: "
            f"{first_line}); kijk of de server draait en de gebruiker in de database mag "
            "schrijven.",
            en=f"cannot {doing} the PostgreSQL store {where} ({code}: {first_line}); check "
            "that the server runs and the user may write to the database",
        )
    )
