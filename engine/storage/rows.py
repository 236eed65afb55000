"""Reading a meeting's stored rows back: the codec of the core, plus what a file or
database adds: a version missing from the store, and a sealed row read without its key.

The adapters that keep versions as a column (SQLite, PostgreSQL) read through
:func:`decode_rows`, so both name a missing version the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from intervision.engine import CorruptJournalError, Event, decode_event

from .cipher import SEALED_MARK, refuse_sealed

__all__ = ["DOING_NL", "decode_rows", "decode_stored"]

#: What an adapter was doing when the store failed it, in Dutch, for its message.
DOING_NL = {"open": "openen", "read": "lezen", "write to": "beschrijven", "close": "sluiten"}


def decode_stored(meeting_id: str, version: int, raw: str) -> Event:
    """One stored row as an event; a row sealed by ``EncryptedJournal`` and read
    without it is refused with a clear error, never passed on as text."""
    event = decode_event(meeting_id, version, raw)
    if SEALED_MARK in raw:
        refuse_sealed(meeting_id, version, event)  # read without the key: say so
    return event


def decode_rows(meeting_id: str, rows: Iterable[tuple[int, str]]) -> list[Event]:
    """A meeting's stored (version, data) rows, in version order, as events.

    The adapters that keep versions as a column (SQLite, PostgreSQL) read through
    this, so a version missing from the store is named the same way by both.
    """
    events: list[Event] = []
    for expected, (version, data) in enumerate(rows, 1):
        if version != expected:
            raise CorruptJournalError.at(
                meeting_id,
                expected,
                f"the event is missing from the store (the next one stored is version "
                f"{version}); restore the store from a backup",
            )
        events.append(decode_stored(meeting_id, version, data))
    return events
