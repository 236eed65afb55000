"""The SQLite store's read models: its tables, and folding every stored meeting again.

The tables and what they hold are :mod:`.read_tables`'s; here is what only SQLite
does: the rebuild streams the events through one cursor in the order of their
primary key, in the caller's transaction (``BEGIN IMMEDIATE`` at open, or
``intervision store rebuild``), and a stream-id prefix becomes a range an index
answers.
"""

from __future__ import annotations

import sqlite3

from intervision.engine import (
    READ_MODEL_VERSION,
    Rebuilt,
)

from .cipher import reading_sealed
from .read_tables import ReadTables

__all__ = ["READ_MODELS_KEY", "READ_TABLES", "prefix_range", "rebuild"]

READ_TABLES = ReadTables(prefix="", mark="?")
#: The key in ``schema_info`` naming the fold the read models were made by.
READ_MODELS_KEY = "read_models"


def rebuild(db: sqlite3.Connection) -> Rebuilt:
    """Fold every stored meeting again, in the caller's transaction."""
    rows = db.cursor().execute(
        "SELECT meeting_id, version, data FROM events ORDER BY meeting_id, version"
    )
    with reading_sealed():  # sealed texts are kept sealed, as the append kept them
        rebuilt = READ_TABLES.rebuild(db, rows)
    db.execute(
        "INSERT OR REPLACE INTO schema_info VALUES (?, ?)",
        (READ_MODELS_KEY, str(READ_MODEL_VERSION)),
    )
    return rebuilt


def prefix_range(prefix: str) -> tuple[str, tuple[str, ...]]:
    """A condition on ``meeting_id`` an index can answer: ids from ``prefix`` up to
    the first string after every id that begins with it."""
    if not prefix:
        return "", ()
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return " AND meeting_id >= ? AND meeting_id < ?", (prefix, after)
