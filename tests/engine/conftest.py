"""What the journal tests share: every adapter, plain and encrypted, behind one fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intervision.engine import Journal, MemoryJournal
from intervision.engine.storage import EncryptedJournal, SqliteJournal, open_journal

#: A key for the encrypted wrapper: it keeps the contract over any adapter.
KEY = "x9V2kq0cQw6bX1f8hJ3mT5rY7uI9oP2aS4dF6gH8jK0="


@pytest.fixture(
    params=[
        "memory",
        "sqlite",
        "postgres",
        "encrypted-memory",
        "encrypted-sqlite",
        "encrypted-postgres",
    ]
)
def journal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Journal]:
    adapter = request.param.removeprefix("encrypted-")
    journal: Journal
    if adapter == "memory":
        journal = MemoryJournal()
    elif adapter == "sqlite":
        journal = SqliteJournal(tmp_path / "store.sqlite3")
    else:
        journal = open_journal(request.getfixturevalue("postgres_store"))
    if request.param.startswith("encrypted-"):
        journal = EncryptedJournal(journal, KEY)
    yield journal
    journal.close()
