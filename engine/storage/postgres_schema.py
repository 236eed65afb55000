"""The PostgreSQL store's tables: creating them, and bringing an older database up to date.

Every schema change so far adds tables (``CREATE TABLE IF NOT EXISTS`` on every
open), so opening an older database is its migration. Version 2 added
``intervision_requests``; version 3 the read models (``intervision_meeting_digests``
and the group counts) and an index that finds streams by the start of their id in
any collation. A database whose read models were made by another fold (or none) is
rebuilt from its events while the schema lock is held, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervision.engine import (
    READ_MODEL_VERSION,
    Rebuilt,
    StoreError,
    Text,
    get_logger,
)

from .cipher import SEALED_MARK, holds_token, reading_sealed
from .read_tables import ReadTables

if TYPE_CHECKING:
    import psycopg

__all__ = ["READ_TABLES", "SCHEMA_VERSION", "ensure_schema", "rebuild"]

#: The layout of the tables; bump it when they change (see the module's docstring).
SCHEMA_VERSION = 3

# One advisory lock key for creating the tables: two processes opening a new
# database at once would otherwise race on CREATE TABLE IF NOT EXISTS.
_SCHEMA_LOCK = 0x696E7476  # "intv"
_READ_MODELS_KEY = "read_models"

READ_TABLES = ReadTables(prefix="intervision_", mark="%s")

_CREATE_TABLES = (
    """CREATE TABLE IF NOT EXISTS intervision_schema (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS intervision_events (
        meeting_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        type TEXT NOT NULL,
        schema INTEGER NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        data TEXT NOT NULL,
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (meeting_id, version)
    )""",
    # A command's idempotency key, kept in the transaction that stored its events.
    """CREATE TABLE IF NOT EXISTS intervision_requests (
        meeting_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        first_version INTEGER NOT NULL,
        last_version INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, request_id)
    )""",
    # The streams by the start of their id (LIKE 'group:%'), whatever the collation.
    """CREATE INDEX IF NOT EXISTS intervision_events_streams
        ON intervision_events (meeting_id text_pattern_ops) WHERE version = 1""",
    *READ_TABLES.create_statements(bigint="BIGINT"),
)

log = get_logger("intervision.storage")


def ensure_schema(db: psycopg.Connection[Any], where: str) -> None:
    """Create the tables in a new database; refuse one from a newer intervision.

    Runs in the caller's transaction, which the connection commits on success.
    """
    db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
    for statement in _CREATE_TABLES:
        db.execute(statement)
    row = db.execute("SELECT value FROM intervision_schema WHERE key = 'schema_version'").fetchone()
    if row is None:
        db.execute(
            "INSERT INTO intervision_schema VALUES ('schema_version', %s)", (str(SCHEMA_VERSION),)
        )
    else:
        stored = int(row[0]) if str(row[0]).isdigit() else None
        if stored is None:
            raise StoreError(
                Text(
                    nl=f"De PostgreSQL-opslag {where} heeft een onleesbare schemaversie; de "
                    "tabellen intervision_ horen bij iets anders.",
                    en=f"the PostgreSQL store {where} has an unreadable schema version; its "
                    "intervision_ tables belong to something else",
                )
            )
        if stored > SCHEMA_VERSION:
            raise StoreError(
                Text(
                    nl=f"De PostgreSQL-opslag {where} heeft schemaversie {stored}, nieuwer dan "
                    f"deze intervision kent ({SCHEMA_VERSION}); werk intervision bij om hem te "
                    "openen.",
                    en=f"the PostgreSQL store {where} has schema version {stored}, newer than "
                    f"this intervision understands ({SCHEMA_VERSION}); upgrade intervision to "
                    "open it",
                )
            )
        if stored < SCHEMA_VERSION:  # the tables this version added were just created
            db.execute(
                "UPDATE intervision_schema SET value = %s WHERE key = 'schema_version'",
                (str(SCHEMA_VERSION),),
            )
    row = db.execute(
        "SELECT value FROM intervision_schema WHERE key = %s", (_READ_MODELS_KEY,)
    ).fetchone()
    if row is None or row[0] != str(READ_MODEL_VERSION):
        rebuilt = rebuild(db)  # a new database, an older one, or an older fold
        if rebuilt.meetings or rebuilt.damaged:
            log.warning(
                "read_models_rebuilt", meetings=rebuilt.meetings, damaged=len(rebuilt.damaged)
            )
    _mark_once(db)


def _mark_once(db: psycopg.Connection[Any]) -> None:
    """Once per database: whether an encrypted journal wrote to it before the mark."""
    if db.execute("SELECT 1 FROM intervision_schema WHERE key = 'sealed'").fetchone():
        return
    candidates = db.execute(
        "SELECT data FROM intervision_events WHERE position(%s in data) > 0", (SEALED_MARK,)
    )
    sealed = any(holds_token(data) for (data,) in candidates)
    db.execute("INSERT INTO intervision_schema VALUES ('sealed', %s)", ("1" if sealed else "0",))


def rebuild(db: psycopg.Connection[Any]) -> Rebuilt:
    """Fold every stored meeting again, in the caller's transaction.

    The events stream through a server-side cursor in the primary key's order, so a
    database of any size is rebuilt in the memory of one meeting at a time.
    """
    with db.cursor(name="intervision_rebuild") as rows, reading_sealed():
        rows.itersize = 5000
        rows.execute("SELECT meeting_id, version, data FROM intervision_events ORDER BY 1, 2")
        rebuilt = READ_TABLES.rebuild(db, rows)
    db.execute(
        "INSERT INTO intervision_schema VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
        "SET value = excluded.value",
        (_READ_MODELS_KEY, str(READ_MODEL_VERSION)),
    )
    return rebuilt
