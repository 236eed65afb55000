"""The read models in SQL tables: one set of statements for SQLite and PostgreSQL.

The core defines what a meeting's digest and a group's counts are (the folds of
``intervision.engine``'s read models); this module only keeps them: one row per
meeting (its digest as JSON, and the columns a listing orders and filters by), one
row per group and one per group member with the counts, all written by the
adapter's append in the transaction that stores the events.

The counts are changed by adding the fold's delta (``ON CONFLICT ... DO UPDATE
SET n = n + excluded.n``), so two processes appending to two meetings of one group
at once each add their own, on either database. Listings page by keyset on
(start, id) through an index, so a page costs the same in any size of store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from intervision.engine import (
    DEFAULT_PAGE,
    CorruptJournalError,
    DigestPage,
    Event,
    GroupDelta,
    GroupDigest,
    MeetingDigest,
    Position,
    Rebuilt,
    digest_stored,
    encode_cursor,
    fold_meeting,
    group_delta,
    is_meeting_stream,
    page_key,
    page_start,
    position_change,
)

from .cipher import SEALED_MARK, holds_token
from .digest_rows import COLUMNS, digest_from_row, digest_to_json, refuse_sealed_digest
from .rows import decode_rows

__all__ = ["ReadModels", "ReadTables"]


class Db(Protocol):
    """What both drivers' connections offer: ``execute`` and ``cursor``."""

    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...
    def cursor(self) -> Any: ...


class ReadTables:
    """The read-model tables of one store; ``prefix`` names them, ``mark`` is the
    driver's parameter mark (``?`` for sqlite3, ``%s`` for psycopg)."""

    def __init__(self, prefix: str, mark: str) -> None:
        self.meetings = f"{prefix}meeting_digests"
        self.groups = f"{prefix}group_digests"
        self.members = f"{prefix}group_member_digests"
        self.events = f"{prefix}events"
        self._mark = mark

    def _sql(self, statement: str) -> str:
        return statement.replace("?", self._mark)

    def create_statements(self, bigint: str) -> tuple[str, ...]:
        """The tables and indexes, each ``CREATE ... IF NOT EXISTS`` (``bigint``: the
        type of a 64-bit integer column in this database)."""
        m = self.meetings
        return (
            f"""CREATE TABLE IF NOT EXISTS {m} (
                meeting_id TEXT PRIMARY KEY,
                group_id TEXT,
                started_us {bigint} NOT NULL,
                closed INTEGER NOT NULL,
                version INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                frame TEXT NOT NULL,
                phase TEXT,
                module TEXT,
                met INTEGER NOT NULL,
                data TEXT NOT NULL
            )""",
            f"CREATE INDEX IF NOT EXISTS {m}_by_start ON {m} (started_us, meeting_id)",
            f"CREATE INDEX IF NOT EXISTS {m}_by_group ON {m} (group_id, started_us, meeting_id)",
            f"CREATE INDEX IF NOT EXISTS {m}_by_closed ON {m} (closed, started_us, meeting_id)",
            f"""CREATE TABLE IF NOT EXISTS {self.groups} (
                group_id TEXT PRIMARY KEY,
                meetings INTEGER NOT NULL,
                held INTEGER NOT NULL
            )""",
            f"""CREATE TABLE IF NOT EXISTS {self.members} (
                group_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                facilitated INTEGER NOT NULL,
                inbrenger INTEGER NOT NULL,
                PRIMARY KEY (group_id, member_id)
            )""",
        )

    # -- writing, in the caller's transaction -----------------------------------------

    def write(self, db: Db, meeting_id: str, first_version: int, events: list[Event]) -> None:
        """Fold ``events`` into the meeting's digest and its group's counts.

        Most appends (a contribution, a step entered) change only the position
        columns: those are written without reading the digest.
        """
        if not events or not is_meeting_stream(meeting_id):
            return
        moved = position_change(first_version, events) if first_version > 1 else None
        if moved is not None and self._move(db, meeting_id, moved):
            return
        old = self._stored(db, meeting_id) if first_version > 1 else None
        new = fold_meeting(old, meeting_id, first_version, events)
        if new is None or new is old:
            return
        self._put(db, old, new)

    def _move(self, db: Db, meeting_id: str, moved: Position) -> bool:
        """Write the position columns; False (nothing written) when the append may make
        the meeting count as met and it did not yet: then the digest is folded."""
        sql = f"UPDATE {self.meetings} SET version = ?, updated_at = ?"
        params: list[object] = [moved.version, moved.updated_at.isoformat()]
        if moved.where is not None:
            sql += ", frame = ?, phase = ?, module = ?"
            params.extend(moved.where)
        sql += " WHERE meeting_id = ?" + (" AND met = 1" if moved.met else "")
        cursor = db.execute(self._sql(sql), [*params, meeting_id])
        return not moved.met or cursor.rowcount > 0

    def _put(self, db: Db, old: MeetingDigest | None, new: MeetingDigest) -> None:
        if old is None:
            self._insert(db, new)
        else:
            db.execute(
                self._sql(
                    f"UPDATE {self.meetings} SET closed = ?, version = ?, updated_at = ?, "
                    "frame = ?, phase = ?, module = ?, met = ?, data = ? WHERE meeting_id = ?"
                ),
                (int(new.closed), *_position(new), digest_to_json(new), new.meeting_id),
            )
        delta = group_delta(old, new)
        if delta is not None:
            self._count(db, delta)

    def _insert(self, db: Db, new: MeetingDigest) -> None:
        started_us, _ = page_key(new.started_at, new.meeting_id)
        db.execute(
            self._sql(f"INSERT INTO {self.meetings} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            (
                new.meeting_id,
                new.group_id,
                started_us,
                int(new.closed),
                *_position(new),
                digest_to_json(new),
            ),
        )

    def _count(self, db: Db, delta: GroupDelta) -> None:
        if delta.meetings or delta.held:
            db.execute(
                self._sql(
                    f"INSERT INTO {self.groups} VALUES (?, ?, ?) ON CONFLICT (group_id) DO "
                    f"UPDATE SET meetings = {self.groups}.meetings + excluded.meetings, "
                    f"held = {self.groups}.held + excluded.held"
                ),
                (delta.group_id, delta.meetings, delta.held),
            )
        if delta.members:
            db.cursor().executemany(
                self._sql(
                    f"INSERT INTO {self.members} VALUES (?, ?, ?, ?) ON CONFLICT "
                    f"(group_id, member_id) DO UPDATE SET facilitated = "
                    f"{self.members}.facilitated + excluded.facilitated, "
                    f"inbrenger = {self.members}.inbrenger + excluded.inbrenger"
                ),
                [(delta.group_id, member, f, i) for member, f, i in delta.members],
            )

    # -- reading ----------------------------------------------------------------------

    def digest(self, db: Db, meeting_id: str) -> MeetingDigest | None:
        digest = self._stored(db, meeting_id)
        return None if digest is None else refuse_sealed_digest(digest)

    def _stored(self, db: Db, meeting_id: str) -> MeetingDigest | None:
        row = db.execute(
            self._sql(f"SELECT {COLUMNS} FROM {self.meetings} WHERE meeting_id = ?"),
            (meeting_id,),
        ).fetchone()
        return None if row is None else digest_from_row(row)

    def sealed_among(self, db: Db, meeting_ids: Sequence[str]) -> set[str]:
        """Which of these meetings hold a value an encrypted journal sealed, from their
        rows (a digest need not show it: a meeting may have no decision yet)."""
        if not meeting_ids:
            return set()
        marks = ", ".join("?" for _ in meeting_ids)
        rows = db.execute(
            self._sql(
                f"SELECT meeting_id, data FROM {self.events} "
                f"WHERE meeting_id IN ({marks}) AND data LIKE ?"
            ),
            (*meeting_ids, f"%{SEALED_MARK}%"),
        )
        return {meeting_id for meeting_id, data in rows if holds_token(data)}

    def page(
        self,
        db: Db,
        *,
        group_id: str | None = None,
        closed: bool | None = None,
        limit: int | None = DEFAULT_PAGE,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> DigestPage:
        after = page_start(limit, cursor)
        where: list[str] = []
        params: list[object] = []
        if group_id is not None:
            where.append("group_id = ?")
            params.append(group_id)
        if closed is not None:
            where.append("closed = ?")
            params.append(int(closed))
        if after is not None:
            where.append(f"(started_us, meeting_id) {'>' if oldest_first else '<'} (?, ?)")
            params.extend(after)
        order = "ASC" if oldest_first else "DESC"
        sql = f"SELECT {COLUMNS} FROM {self.meetings}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY started_us {order}, meeting_id {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit + 1)
        rows = db.execute(self._sql(sql), params).fetchall()
        found = tuple(refuse_sealed_digest(digest_from_row(row)) for row in rows[:limit])
        if limit is None or len(rows) <= limit:
            return DigestPage(found)
        last = found[-1]
        return DigestPage(found, encode_cursor(page_key(last.started_at, last.meeting_id)))

    def group(self, db: Db, group_id: str) -> GroupDigest:
        row = db.execute(
            self._sql(f"SELECT meetings, held FROM {self.groups} WHERE group_id = ?"), (group_id,)
        ).fetchone()
        if row is None:
            return GroupDigest(group_id)
        members = db.execute(
            self._sql(
                f"SELECT member_id, facilitated, inbrenger FROM {self.members} "
                "WHERE group_id = ? ORDER BY member_id"
            ),
            (group_id,),
        ).fetchall()
        return GroupDigest(
            group_id,
            int(row[0]),
            int(row[1]),
            {m: int(f) for m, f, _ in members if f},
            {m: int(i) for m, _, i in members if i},
        )

    # -- rebuilding -------------------------------------------------------------------

    def rebuild(self, db: Db, rows: Iterable[tuple[str, int, str]]) -> Rebuilt:
        """Replace every row with what folding the stored events gives. ``rows`` are
        (stream id, version, data) in the order of stream and version; a meeting whose
        rows cannot be read is left out and named (ids and versions only)."""
        for table in (self.meetings, self.groups, self.members):
            db.execute(f"DELETE FROM {table}")
        counts: dict[str, list[int]] = {}
        members: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        folded = 0
        damaged: list[str] = []
        for meeting_id, stored in _grouped_rows(rows):
            if not is_meeting_stream(meeting_id):
                continue
            try:
                digest = digest_stored(meeting_id, decode_rows(meeting_id, stored))
            except CorruptJournalError as exc:
                damaged.append(str(exc))
                continue
            folded += 1
            self._insert(db, digest)
            delta = group_delta(None, digest)
            if delta is not None:
                tally = counts.setdefault(delta.group_id, [0, 0])
                tally[0] += delta.meetings
                tally[1] += delta.held
                for member, facilitated, inbrenger in delta.members:
                    both = members[(delta.group_id, member)]
                    both[0] += facilitated
                    both[1] += inbrenger
        cursor = db.cursor()
        cursor.executemany(
            self._sql(f"INSERT INTO {self.groups} VALUES (?, ?, ?)"),
            [(group_id, n, held) for group_id, (n, held) in counts.items()],
        )
        cursor.executemany(
            self._sql(f"INSERT INTO {self.members} VALUES (?, ?, ?, ?)"),
            [(g, m, f, i) for (g, m), (f, i) in members.items()],
        )
        return Rebuilt(folded, tuple(damaged))


class ReadModels:
    """The read-model half of a SQL journal, for SQLite and PostgreSQL alike: the
    adapter names its tables and how it reads (``_read``: a connection in a read
    transaction, as a context manager)."""

    _tables: ReadTables

    def _read(self) -> AbstractContextManager[Db]:
        raise NotImplementedError

    def digest(self, meeting_id: str) -> MeetingDigest | None:
        with self._read() as db:
            return self._tables.digest(db, meeting_id)

    def digests(
        self,
        *,
        group_id: str | None = None,
        closed: bool | None = None,
        limit: int | None = DEFAULT_PAGE,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> DigestPage:
        with self._read() as db:
            return self._tables.page(
                db,
                group_id=group_id,
                closed=closed,
                limit=limit,
                cursor=cursor,
                oldest_first=oldest_first,
            )

    def group_digest(self, group_id: str) -> GroupDigest:
        with self._read() as db:
            return self._tables.group(db, group_id)

    def sealed_among(self, meeting_ids: Sequence[str]) -> set[str]:
        """See :meth:`ReadTables.sealed_among`; read without any key."""
        with self._read() as db:
            return self._tables.sealed_among(db, meeting_ids)


def _position(digest: MeetingDigest) -> tuple[object, ...]:
    return (
        digest.version,
        digest.updated_at.isoformat(),
        digest.frame,
        digest.phase,
        digest.module,
        int(digest.met),
    )


def _grouped_rows(
    rows: Iterable[tuple[str, int, str]],
) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """(meeting id, its (version, data) rows) from rows ordered by meeting and version."""
    current: str | None = None
    batch: list[tuple[int, str]] = []
    for meeting_id, version, data in rows:
        if meeting_id != current:
            if current is not None:
                yield current, batch
            current, batch = meeting_id, []
        batch.append((version, data))
    if current is not None:
        yield current, batch
