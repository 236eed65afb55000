"""What the SQLite journal adds to the contract: a private file, durability, honest errors."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intervision.engine import MemoryJournal, encode_event
from intervision.engine.core.errors import CorruptJournalError, StoreError
from intervision.engine.core.events import ContributionAdded, Event, MeetingStarted, MemberRef
from intervision.engine.storage import SqliteJournal, default_store_path, open_journal
from intervision.engine.storage.sqlite import SCHEMA_VERSION

SECRET = "secret text"


def started(meeting_id: str = "m1") -> MeetingStarted:
    return MeetingStarted(
        at=datetime.now(UTC),
        meeting_id=meeting_id,
        lang="en",
        members=(MemberRef(id="a", name="A"),),
        present=("a",),
        facilitator="a",
    )


def contribution(contribution_id: str) -> ContributionAdded:
    return ContributionAdded(
        at=datetime.now(UTC),
        contribution_id=contribution_id,
        author="a",
        kind="question",
        text=SECRET,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """Prove the store's modes do not come from whatever umask the user happens to have."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def raw_sql(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Write to the file behind the journal's back, as a bug or a bad disk would."""
    connection = sqlite3.connect(path)
    with connection:
        for sql, params in statements:
            connection.execute(sql, params)
    connection.close()


@pytest.mark.usefixtures("permissive_umask")
def test_the_store_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "data" / "store.sqlite3"
    journal = SqliteJournal(path)
    journal.append("m1", 0, [started()])
    try:
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert {p.name: mode(p) for p in (path, wal, shm)} == {
            "store.sqlite3": 0o600,
            "store.sqlite3-wal": 0o600,
            "store.sqlite3-shm": 0o600,
        }
        assert mode(path.parent) == 0o700
        assert mode(path.parent.parent) == 0o700
    finally:
        journal.close()


@pytest.mark.usefixtures("permissive_umask")
def test_a_store_others_can_read_is_made_private_on_open(store: Path) -> None:
    """A copy restored from a backup, say, with its -wal and -shm still beside it."""
    holder = SqliteJournal(store)  # keeps -wal and -shm in place
    holder.append("m1", 0, [started()])
    files = [store, Path(f"{store}-wal"), Path(f"{store}-shm")]
    try:
        for file in files:
            file.chmod(0o664)
        SqliteJournal(store).close()
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        holder.close()


def test_a_store_that_cannot_be_made_private_is_refused_saying_how(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SqliteJournal(store).close()
    store.chmod(0o644)

    def not_yours(path: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", not_yours)
    with pytest.raises(StoreError, match=r"mode 644.*chmod 600 .*store\.sqlite3"):
        SqliteJournal(store)


def test_the_connection_is_durable_and_shared_safely(store: Path) -> None:
    journal = SqliteJournal(store)
    connection = journal._connection  # the settings live on the connection itself
    assert connection is not None
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        journal.close()


def test_events_survive_close_and_reopen(store: Path) -> None:
    events: list[Event] = [started(), contribution("c1")]
    journal = SqliteJournal(store)
    journal.append("m1", 0, events)
    journal.close()

    reopened = SqliteJournal(store)
    try:
        assert reopened.load("m1") == events
        assert reopened.append("m1", 2, [contribution("c2")]) == 3
        assert [s.meeting_id for s in reopened.meetings()] == ["m1"]
    finally:
        reopened.close()


def test_a_closed_journal_says_so(store: Path) -> None:
    journal = SqliteJournal(store)
    journal.close()
    journal.close()  # closing twice is harmless

    with pytest.raises(StoreError, match="closed"):
        journal.load("m1")


def _truncate(raw: str) -> str:
    return raw[:-8]


def _unknown_type(raw: str) -> str:
    return raw.replace("contribution_added", "contribution_whispered")


@pytest.mark.parametrize("damage", [_truncate, _unknown_type], ids=["truncated", "unknown"])
def test_an_unreadable_row_names_meeting_and_version_not_content(
    store: Path, damage: Callable[[str], str]
) -> None:
    journal = SqliteJournal(store)
    journal.append("m1", 0, [started(), contribution("c1")])
    journal.close()
    broken = damage(encode_event(contribution("c1")))
    assert SECRET in broken
    raw_sql(store, ("UPDATE events SET data = ? WHERE version = 2", (broken,)))

    reopened = SqliteJournal(store)
    try:
        with pytest.raises(CorruptJournalError) as caught:
            reopened.load("m1")
    finally:
        reopened.close()

    message = str(caught.value)
    assert "meeting m1" in message and "version 2" in message
    assert SECRET not in message
    # A logged traceback must not carry the row either (e.g. through a chained error).
    assert SECRET not in "".join(traceback.format_exception(caught.value))


def test_a_gap_in_versions_names_the_missing_version(store: Path) -> None:
    journal = SqliteJournal(store)
    journal.append("m1", 0, [started(), contribution("c1"), contribution("c2")])
    journal.close()
    raw_sql(store, ("DELETE FROM events WHERE version = 2", ()))

    reopened = SqliteJournal(store)
    try:
        with pytest.raises(CorruptJournalError) as caught:
            reopened.load("m1")
    finally:
        reopened.close()

    assert "meeting m1" in str(caught.value) and "version 2" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_a_meeting_without_its_first_event_is_reported_in_the_listing(store: Path) -> None:
    journal = SqliteJournal(store)
    journal.append("m1", 0, [started(), contribution("c1")])
    raw_sql(store, ("DELETE FROM events WHERE version = 1", ()))
    try:
        with pytest.raises(CorruptJournalError, match="meeting m1, version 1"):
            journal.meetings()
    finally:
        journal.close()


@pytest.mark.parametrize(
    "content", [b"hello", b"my notes about the group, not a database\n" * 40], ids=["tiny", "text"]
)
def test_a_file_that_is_not_a_database_is_refused(store: Path, content: bytes) -> None:
    store.write_bytes(content)

    with pytest.raises(StoreError, match="is not an intervision store") as caught:
        SqliteJournal(store)

    assert "notes" not in str(caught.value)
    assert store.read_bytes() == content


def test_another_programs_database_is_left_alone(store: Path) -> None:
    raw_sql(store, ("CREATE TABLE recipes (name TEXT)", ()))

    with pytest.raises(StoreError, match="is not an intervision store"):
        SqliteJournal(store)

    connection = sqlite3.connect(store)
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert tables == {"recipes"}


def test_a_store_from_a_newer_intervision_is_refused(store: Path) -> None:
    SqliteJournal(store).close()
    newer = str(SCHEMA_VERSION + 1)
    raw_sql(store, ("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", (newer,)))

    with pytest.raises(StoreError, match=f"schema version {newer}, newer") as caught:
        SqliteJournal(store)

    assert "upgrade" in str(caught.value)


def test_an_impossible_path_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")

    with pytest.raises(StoreError, match="cannot create the intervision store"):
        SqliteJournal(tmp_path / "a-file" / "store.sqlite3")


def test_open_journal_uses_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env" / "store.sqlite3"
    monkeypatch.setenv("INTERVISION_STORE", str(path))

    journal = open_journal()
    try:
        assert isinstance(journal, SqliteJournal)
        assert journal.path == path and path.exists()
        assert default_store_path() == path
    finally:
        journal.close()


def test_the_default_store_is_in_the_users_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVISION_STORE", raising=False)

    path = default_store_path()

    assert path.name == "intervision.sqlite3"
    assert "intervision" in path.parent.parts[-1]


@pytest.mark.parametrize("spec", [":memory:", "memory://"])
def test_open_journal_in_memory(spec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(open_journal(spec), MemoryJournal)
    monkeypatch.setenv("INTERVISION_STORE", spec)
    assert isinstance(open_journal(), MemoryJournal)


def test_open_journal_accepts_sqlite_urls_and_paths(tmp_path: Path) -> None:
    for spec, path in [
        (f"sqlite://{tmp_path}/url.sqlite3", tmp_path / "url.sqlite3"),
        (str(tmp_path / "plain.sqlite3"), tmp_path / "plain.sqlite3"),
        (tmp_path / "pathlike.sqlite3", tmp_path / "pathlike.sqlite3"),
    ]:
        journal = open_journal(spec)
        assert isinstance(journal, SqliteJournal) and journal.path == path
        journal.close()


def test_open_journal_refuses_an_unsupported_scheme_without_echoing_secrets() -> None:
    with pytest.raises(StoreError) as caught:
        open_journal("mysql://carer:hunter2@db.example/intervision")

    message = str(caught.value)
    assert "mysql://" in message and "not supported" in message and "postgresql://" in message
    assert "sqlite:///" in message and ":memory:" in message and "memory://" in message
    assert "hunter2" not in message


_WRITER = """
import sys
from datetime import UTC, datetime
from intervision.engine.core.errors import ConcurrencyError
from intervision.engine.core.events import ContributionAdded
from intervision.engine.storage import SqliteJournal

path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
journal = SqliteJournal(path)
for n in range(count):
    event = ContributionAdded(
        at=datetime.now(UTC), contribution_id=f"{tag}-{n}", author="a", kind="question", text="x"
    )
    while True:
        try:
            journal.append("m1", len(journal.load("m1")), [event])
            break
        except ConcurrencyError:
            continue
journal.close()
"""


@pytest.mark.slow
def test_two_processes_share_one_store(store: Path) -> None:
    per_process = 200
    journal = SqliteJournal(store)
    journal.append("m1", 0, [started()])
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(store), tag, str(per_process)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for tag in ("p1", "p2")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=180)
        assert writer.returncode == 0, err.decode()

    try:
        events = journal.load("m1")  # raises if any version is missing
        ids = [e.contribution_id for e in events if isinstance(e, ContributionAdded)]
        assert len(events) == journal.version("m1") == 2 * per_process + 1
        assert sorted(ids) == sorted(f"{t}-{n}" for t in ("p1", "p2") for n in range(per_process))
    finally:
        journal.close()


def test_a_corrupt_row_error_carries_no_content_in_its_context() -> None:
    from intervision.engine import decode_event

    for raw in (
        '{"type": "contribution_added", "text": "GEHEIM-123"',
        '{"type": "x", "t": "GEHEIM-123"}',
    ):
        with pytest.raises(CorruptJournalError) as info:
            decode_event("m1", 3, raw)
        chain = [info.value, info.value.__context__, info.value.__cause__]
        assert not any("GEHEIM-123" in repr(err) for err in chain if err is not None)
