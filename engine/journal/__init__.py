"""The journal port: where a meeting's events are kept, append-only.

Adapters: :class:`MemoryJournal` for tests and short-lived hosts,
:class:`SqliteJournal`, the embedded default, and :class:`PostgresJournal` for host
apps on their own database (psycopg is imported only when one is opened). Every
adapter passes the same contract tests (``tests/engine/test_journal_contract.py``).
:class:`EncryptedJournal` wraps any of them to keep the case content encrypted at
rest (``INTERVISION_KEY``; see :mod:`.sealed`).
"""

from __future__ import annotations

from .keys import EncryptionError
from .memory import MemoryJournal
from .port import Journal, MeetingSummary, StoredEvent, decode_event, encode_event
from .postgres import PostgresJournal
from .sealed import EncryptedJournal
from .sqlite import SqliteJournal
from .store_path import default_store_path, open_journal

__all__ = [
    "EncryptedJournal",
    "EncryptionError",
    "Journal",
    "MeetingSummary",
    "MemoryJournal",
    "PostgresJournal",
    "SqliteJournal",
    "StoredEvent",
    "decode_event",
    "default_store_path",
    "encode_event",
    "open_journal",
]
