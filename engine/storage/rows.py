"""Reading a meeting's stored rows back: the core's codec, plus what a file or database
adds over the years: rows in an older shape (upgraded by :mod:`.migrations`), damaged
rows (named by meeting and version, never quoted), a version missing from the store,
and a sealed row read without its key.

The adapters that keep versions as a column (SQLite, PostgreSQL) read through
:func:`decode_rows`, so both name a missing version the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pydantic import ValidationError

from intervision.engine import CorruptJournalError, Event, belongs, decode_current, event_adapter

from .cipher import SEALED_MARK, refuse_sealed
from .migrations import UnreadableEvent, upgrade

__all__ = ["DOING_NL", "decode_rows", "decode_stored"]

#: What an adapter was doing when the store failed it, in Dutch, for its message.
DOING_NL = {
    "open": "openen",
    "read": "lezen",
    "write to": "beschrijven",
    "close": "sluiten",
    "reach": "bereiken",
    "watch": "volgen",
}


def decode_stored(meeting_id: str, version: int, raw: str) -> Event:
    """One stored row as an event; a row sealed by ``EncryptedJournal`` and read
    without it is refused with a clear error, never passed on as text."""
    read: Event | str | None = decode_current(raw)
    if read is None:
        read = _problem(raw)
    if isinstance(read, str):
        raise CorruptJournalError.at(meeting_id, version, read)
    event = belongs(meeting_id, version, read)
    if SEALED_MARK in raw:
        refuse_sealed(meeting_id, version, event)  # read without the key: say so
    return event


def decode_rows(meeting_id: str, rows: Iterable[tuple[int, str]], after: int = 0) -> list[Event]:
    """A meeting's stored (version, data) rows after version ``after``, in version
    order, as events.

    The adapters that keep versions as a column (SQLite, PostgreSQL) read through
    this, so a version missing from the store is named the same way by both.
    """
    events: list[Event] = []
    for expected, (version, data) in enumerate(rows, after + 1):
        if version != expected:
            raise CorruptJournalError.at(
                meeting_id,
                expected,
                f"the event is missing from the store (the next one stored is version "
                f"{version}); restore the store from a backup",
            )
        events.append(decode_stored(meeting_id, version, data))
    return events


def _problem(raw: str) -> Event | str:
    """The event in an older shape brought up to date, or what is wrong with the row
    in words free of its content."""
    try:
        data = json.loads(raw)
    except (TypeError, ValueError) as exc:
        return (
            f"the stored event is not valid JSON ({type(exc).__name__}); "
            "restore the store from a backup"
        )
    if not isinstance(data, dict):
        return "the stored event is not a JSON object; restore the store from a backup"
    try:
        data = upgrade(data)
    except UnreadableEvent as exc:
        return str(exc)
    try:
        event = event_adapter.validate_python(data)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) or "(root)" for e in exc.errors())
        return (
            f"the stored {data['type']} event does not have the fields of its schema "
            f"version (fields: {fields}); restore the store from a backup"
        )
    return event
