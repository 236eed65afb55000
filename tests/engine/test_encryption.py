"""Encryption at rest: the store's file holds no case content, and a wrong key is a clear error.

The planted texts stand for everything a member says or is called; each one is
searched for in the raw bytes of the SQLite file and its ``-wal`` file.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intervision.engine import GroupContract, GroupMember, Journal, MemoryJournal
from intervision.engine.core import events as ev
from intervision.engine.core.errors import CorruptJournalError, StoreError
from intervision.engine.storage import (
    EncryptedJournal,
    EncryptionError,
    SqliteJournal,
    open_engine,
    open_journal,
)
from intervision.engine.storage.cipher import FieldCipher
from intervision.engine.storage.content import content_plan, map_content, stored_models
from intervision.engine.storage.keys import new_key, parse_key

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
KEY, OTHER_KEY = new_key(), new_key()


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def meeting_events() -> list[ev.Event]:
    """A meeting with a planted text in every content field a meeting has."""
    return [
        ev.MeetingStarted(
            at=at(0),
            meeting_id="m1",
            group_id="g1",
            lang="nl",
            members=(
                ev.MemberRef(id="anna", name="PLANT-naam-Anna"),
                ev.MemberRef(id="bram", name="PLANT-naam-Bram"),
            ),
            present=("anna", "bram"),
            facilitator="anna",
        ),
        ev.LeervraagSubmitted(at=at(1), leervraag_id="L1", by="bram", text="PLANT-leervraag"),
        ev.ContributionAdded(
            at=at(2), contribution_id="C1", author="anna", kind="question", text="PLANT-vraag"
        ),
        ev.DecisionMade(
            at=at(3),
            decision_id="D1",
            by="bram",
            selected=("C1",),
            text="PLANT-besluit",
            labels={"C1": "PLANT-label"},
        ),
        ev.PhaseSkipped(at=at(4), by="anna", reason="PLANT-reden-overslaan"),
        ev.ConsensusRecorded(at=at(5), by="anna", text="PLANT-consensus"),
        ev.MeetingClosed(at=at(6), by="anna", reason="PLANT-reden-sluiten"),
    ]


def group_events() -> list[ev.Event]:
    """A group stream with a planted text in every content field a group has."""
    contract = GroupContract(confidentiality="PLANT-vertrouwelijk", attendance="PLANT-aanwezig")
    return [
        ev.GroupCreated(
            at=at(0), group_id="g1", name="PLANT-groepsnaam", lang="nl", contract=contract
        ),
        ev.MemberAdded(
            at=at(1),
            member=GroupMember(
                id="anna",
                name="PLANT-lid-naam",
                function="PLANT-functie",
                reports_to="PLANT-leidinggevende",
                relation_reason="PLANT-relatiereden",
            ),
        ),
        ev.ContractSet(
            at=at(2),
            contract=GroupContract(
                confidentiality="PLANT-nieuw-contract", attendance="PLANT-op-tijd"
            ),
        ),
        ev.GuidedSet(at=at(3), facilitator="PLANT-externe-begeleider"),
    ]


PLANTED = [
    text
    for event in meeting_events() + group_events()
    for text in event.model_dump_json().split('"')
    if text.startswith("PLANT-")
]


def raw_bytes(path: Path) -> bytes:
    """The store's file and its write-ahead log, as a thief with a copy would read them."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT * FROM events ORDER BY meeting_id, version").fetchall()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def sealed(path: Path) -> Iterator[EncryptedJournal]:
    journal = EncryptedJournal(SqliteJournal(path), KEY)
    yield journal
    journal.close()


def test_the_samples_plant_a_text_in_every_content_field() -> None:
    samples = meeting_events() + group_events()
    visited: list[str] = []

    def note(path: str, value: str) -> str:
        visited.append(value)
        return value

    for event in samples:
        map_content(event, note)

    with_content = {
        model.model_fields["type"].default
        for model in stored_models()
        if "type" in model.model_fields and content_plan(model)
    }
    assert {event.type for event in samples} == with_content
    assert visited == PLANTED and len(set(PLANTED)) == len(PLANTED)


def test_the_file_and_its_wal_hold_none_of_the_planted_texts(
    path: Path, sealed: EncryptedJournal
) -> None:
    # A second connection keeps the -wal file in place, as a running host app would.
    with sqlite3.connect(path) as reader:
        reader.execute("SELECT COUNT(*) FROM events").fetchone()
        sealed.append("m1", 0, meeting_events())
        sealed.append("group:g1", 0, group_events())
        assert Path(f"{path}-wal").exists()

        stored = raw_bytes(path)

        found = [text for text in PLANTED if text.encode() in stored]
        assert found == []
        assert sealed.load("m1") == meeting_events()
        assert sealed.load("group:g1") == group_events()


def test_ids_types_phases_and_times_stay_readable(path: Path, sealed: EncryptedJournal) -> None:
    sealed.append("m1", 0, meeting_events())

    stored = raw_bytes(path)

    for structure in (b"contribution_added", b'"C1"', b'"bram"', b"question", b"2025-03-01T09:32"):
        assert structure in stored
    assert [(s.meeting_id, s.version, s.last_type) for s in sealed.meetings()] == [
        ("m1", 7, "meeting_closed")
    ]


def test_a_store_with_ciphertext_opened_without_a_key_says_so(
    path: Path, sealed: EncryptedJournal
) -> None:
    sealed.append("m1", 0, meeting_events())
    sealed.close()

    plain = SqliteJournal(path)
    try:
        with pytest.raises(EncryptionError) as caught:
            plain.load("m1")
        assert plain.version("m1") == 7  # the structure is still there
    finally:
        plain.close()

    message = str(caught.value)
    assert "meeting m1, version 1: this store is encrypted" in message
    assert "set INTERVISION_KEY or INTERVISION_KEY_FILE" in message
    assert isinstance(caught.value, StoreError) and caught.value.exit_code == 6


def test_a_wrong_key_names_meeting_and_version_and_changes_nothing(
    path: Path, sealed: EncryptedJournal
) -> None:
    sealed.append("m1", 0, meeting_events())
    sealed.close()
    before = rows(path)

    wrong = EncryptedJournal(SqliteJournal(path), OTHER_KEY)
    try:
        with pytest.raises(EncryptionError) as on_load:
            wrong.load("m1")
        with pytest.raises(EncryptionError) as on_start:
            wrong.append("m2", 0, meeting_events()[:1])
    finally:
        wrong.close()

    for caught in (on_load, on_start):
        message = str(caught.value)
        assert message.startswith("meeting m1, version 1: the key does not fit this store")
        assert "PLANT" not in message and KEY not in message and OTHER_KEY not in message
        assert caught.value.__context__ is None
    assert rows(path) == before


def test_a_sealed_value_moved_to_another_row_or_field_does_not_open(
    path: Path, sealed: EncryptedJournal
) -> None:
    sealed.append("m1", 0, meeting_events())
    m2_started = meeting_events()[0].model_copy(update={"meeting_id": "m2"})
    sealed.append("m2", 0, [m2_started, meeting_events()[2]])
    with sqlite3.connect(path) as db:  # m2's contribution takes m1's
        (data,) = db.execute(
            "SELECT data FROM events WHERE meeting_id='m1' AND version=3"
        ).fetchone()
        db.execute("UPDATE events SET data=? WHERE meeting_id='m2' AND version=2", (data,))

    with pytest.raises(CorruptJournalError) as caught:
        sealed.load("m2")

    message = str(caught.value)
    assert message.startswith("meeting m2, version 2: the encrypted field text does not open")
    assert "PLANT" not in message and "enc:v1" not in message
    assert caught.value.__context__ is None
    assert sealed.load("m1") == meeting_events()


def test_a_text_that_only_looks_like_ciphertext_stays_a_text(tmp_path: Path) -> None:
    lookalike = "enc:v1:not a token, just what someone typed"
    plain = MemoryJournal()
    plain.append("m1", 0, [meeting_events()[0]])
    typed = ev.ContributionAdded(
        at=at(2), contribution_id="C1", author="anna", kind="question", text=lookalike
    )
    plain.append("m1", 1, [typed])

    assert plain.load("m1")[1] == typed  # no key: still a plain store
    sealed = EncryptedJournal(plain, KEY)
    assert sealed.load("m1")[1] == typed  # with a key: an old plain row


def test_a_plain_store_opened_with_a_key_keeps_its_history_and_seals_what_comes(
    path: Path,
) -> None:
    events = meeting_events()
    plain = SqliteJournal(path)
    plain.append("m1", 0, events[:3])
    plain.close()

    sealed = EncryptedJournal(SqliteJournal(path), KEY)
    try:
        sealed.append("m1", 3, events[3:])
        assert sealed.load("m1") == events
        count = sealed.count()
    finally:
        sealed.close()

    stored = raw_bytes(path)
    old = {"PLANT-naam-Anna", "PLANT-naam-Bram", "PLANT-leervraag", "PLANT-vraag"}
    assert {text for text in PLANTED if text.encode() in stored} == old
    assert (count.streams, count.events, count.plain, count.sealed) == (1, 7, 4, 5)


def test_a_key_is_taken_from_the_environment_or_given_by_a_host(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVISION_KEY_FILE", raising=False)
    monkeypatch.setenv("INTERVISION_KEY", KEY)
    by_env = open_journal(str(path))
    by_env.append("m1", 0, meeting_events())
    by_env.close()
    monkeypatch.delenv("INTERVISION_KEY")

    engine = open_engine(str(path), key=KEY)
    try:
        assert isinstance(engine.journal, EncryptedJournal)
        assert engine.journal.load("m1") == meeting_events()
    finally:
        engine.journal.close()
    assert not any(text.encode() in raw_bytes(path) for text in PLANTED)
    plain: Journal = open_journal(str(path))
    try:
        assert isinstance(plain, SqliteJournal)
        with pytest.raises(EncryptionError, match="this store is encrypted"):
            plain.load("m1")
    finally:
        plain.close()


def test_without_the_library_a_configured_key_is_a_clear_error_and_no_store_is_made(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers.aead", None)

    with pytest.raises(EncryptionError) as caught:
        open_journal(str(path), key=KEY)

    assert "pip install 'intervision[encryption]'" in str(caught.value)
    assert not path.exists()


def test_opening_a_store_without_a_key_does_not_load_the_library(path: Path) -> None:
    import subprocess

    script = (
        "import sys; from intervision.engine.storage import open_engine; "
        f"e = open_engine({str(path)!r}); e.journal.close(); "
        "print('cryptography' in sys.modules)"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(path.parent)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"


#: Sealed once and kept: the token format and what a value is bound to may never change
#: under ``enc:v1``, or every store sealed before the change stops opening.
PINNED_KEY = "x9V2kq0cQw6bX1f8hJ3mT5rY7uI9oP2aS4dF6gH8jK0="
PINNED = [
    (
        ("20250301-abc123", 3, "contribution_added", "text"),
        "enc:v1:cd8c0bb0:d0Tsxl1_3kjdycr3hkEV8wDRMmc1PgGRmC1vsPP6ylYKz29S37JR_U0t3ms0YaVTOMcedDIsQPN9",
        "Wat maakte dat je toen zweeg?",
    ),
    (
        ("20250301-abc123", 1, "meeting_started", "members.1.name"),
        "enc:v1:cd8c0bb0:Uzj4pkRZbS6fAS_Y341O7iJRIjuE1DWUngYaW_mgw9I",
        "Bram",
    ),
]


@pytest.mark.parametrize(("where", "token", "value"), PINNED, ids=["contribution", "name"])
def test_tokens_sealed_by_an_earlier_version_still_open(
    where: tuple[str, int, str, str], token: str, value: str
) -> None:
    cipher = FieldCipher(parse_key(PINNED_KEY, "test"))

    assert cipher.open(*where, token) == value
    moved = (where[0], where[1] + 1, where[2], where[3])
    with pytest.raises(CorruptJournalError, match="does not open although the key fits"):
        cipher.open(*moved, token)
