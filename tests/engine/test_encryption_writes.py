"""A store that holds encrypted content takes no write without its key (#13).

Seen: a process without the key wrote case text in the clear into a store whose
other meetings were sealed. Listing and reading structure stay possible; writing
anything (a new meeting, a group, a command) is refused and writes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from intervision.engine import Engine, Registry
from intervision.engine.groups import groups_of
from intervision.engine.storage import EncryptionError, new_key, open_engine

KEY = new_key()
MEMBERS = ["Anna", "Bram", "Carla"]


def count_rows(engine: Engine) -> int:
    return sum(s.version for s in engine.journal.meetings())


def test_without_the_key_nothing_is_written_to_a_store_with_sealed_content(
    any_store: str, registry: Registry
) -> None:
    store = any_store
    with open_engine(store, registry=registry) as plain:
        older = plain.start_meeting(MEMBERS, facilitator="Anna")  # before any key: clear
    with open_engine(store, registry=registry, key=KEY) as sealed:
        sealed_id = sealed.start_meeting(MEMBERS, facilitator="Anna").id
        sealed.meeting(older.id).advance("anna")  # an old clear meeting, continued sealed
    with open_engine(store, registry=registry) as keyless:
        before = count_rows(keyless)
        attempts = [
            lambda: keyless.start_meeting(MEMBERS, facilitator="Anna"),
            lambda: groups_of(keyless).create("Noord", members=MEMBERS),
            lambda: keyless.meeting(older.id).pass_leervraag("bram"),
        ]
        for attempt in attempts:
            with pytest.raises(EncryptionError) as refused:
                attempt()
            assert refused.value.exit_code == 6
            assert "INTERVISION_KEY" in refused.value.message("nl")
            assert "nothing was written" in str(refused.value)
        assert count_rows(keyless) == before
        listed = {s.meeting_id for s in keyless.meetings()}  # the listing still works
        assert listed == {older.id, sealed_id}
    with open_engine(store, registry=registry, key=KEY) as again:
        again.meeting(older.id).pass_leervraag("bram")  # with the key, all goes on


def test_a_store_sealed_before_the_mark_is_recognised_on_open(
    tmp_path: Path, registry: Registry
) -> None:
    """A store encrypted by an intervision that kept no mark is found out once, by its rows."""
    store = tmp_path / "old.sqlite3"
    with open_engine(str(store), registry=registry, key=KEY) as sealed:
        sealed.start_meeting(MEMBERS, facilitator="Anna")
    with sqlite3.connect(store) as db:
        db.execute("DELETE FROM schema_info WHERE key = 'sealed'")
    db.close()
    with open_engine(str(store), registry=registry) as keyless:
        with pytest.raises(EncryptionError):
            keyless.start_meeting(MEMBERS, facilitator="Anna")
        assert len(keyless.meetings()) == 1


def test_a_store_never_sealed_takes_writes_without_a_key(
    tmp_path: Path, registry: Registry
) -> None:
    store = str(tmp_path / "plain.sqlite3")
    with open_engine(store, registry=registry) as plain:
        plain.start_meeting(MEMBERS, facilitator="Anna").advance("anna")
    with open_engine(store, registry=registry) as again:
        again.start_meeting(MEMBERS, facilitator="Anna")
        assert len(again.meetings()) == 2
