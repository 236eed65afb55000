"""Journals written by an earlier intervision replay to the same meeting today.

Each ``*.jsonl`` here is a full meeting of a built-in method as the journal stored
it, recorded by ``record.py``; each ``*.state.json`` is what replaying it gave then.
They go through the real read path (``decode_stored``, with its schema migrations)
and ``replay``: a change to an event's shape without a migration, or to what
``apply`` makes of an event, fails here, naming the history and what differs.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from golden import (
    GOLDEN_DIR,
    PLANTED,
    builtin_cases,
    builtin_registry,
    history_path,
    name_of,
    state_path,
    summary,
)

from intervision.engine import Engine, Registry, encode_event, replay
from intervision.engine.storage import SqliteJournal
from intervision.engine.storage.migrations import current_versions
from intervision.engine.storage.rows import decode_stored as decode_event

HISTORIES = sorted(GOLDEN_DIR.glob("*.jsonl"))


@pytest.fixture(scope="module")
def builtin() -> Registry:
    return builtin_registry()


def stored_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def expected_state(path: Path) -> dict[str, Any]:
    name = path.name.removesuffix(".jsonl")
    data: dict[str, Any] = json.loads(state_path(name).read_text(encoding="utf-8"))
    return data


def test_there_are_golden_histories_to_replay() -> None:
    assert len(HISTORIES) >= 10, f"golden histories missing from {GOLDEN_DIR}"


@pytest.mark.parametrize("path", HISTORIES, ids=lambda p: p.stem)
def test_a_golden_history_replays_to_its_recorded_state(path: Path, builtin: Registry) -> None:
    expected = expected_state(path)
    meeting_id = expected["meeting_id"]
    events = [
        decode_event(meeting_id, version, line)
        for version, line in enumerate(stored_lines(path), 1)
    ]

    state = replay(events)

    assert state.closed and state.version == len(events)
    got = summary(state, builtin)
    differing = sorted(key for key in expected if got.get(key) != expected[key])
    assert not differing, f"{path.name} replays differently in: {', '.join(differing)}"
    assert got == expected


@pytest.mark.parametrize("path", HISTORIES, ids=lambda p: p.stem)
def test_every_stored_field_of_a_current_event_reads_back_as_stored(path: Path) -> None:
    """A field renamed, dropped or retyped without a new schema version fails here;
    a new field with a default does not (old rows simply lack it)."""
    current = current_versions()
    meeting_id = expected_state(path)["meeting_id"]
    for version, line in enumerate(stored_lines(path), 1):
        stored = json.loads(line)
        if stored["v"] != current[stored["type"]]:
            continue  # an older shape: its migration is what changes it
        again = json.loads(encode_event(decode_event(meeting_id, version, line)))
        changed = sorted(key for key in stored if again.get(key) != stored[key])
        assert not changed, (
            f"{path.name}, version {version}: the {stored['type']} event no longer keeps "
            f"{', '.join(changed)} as stored; give the event type a new schema version "
            "and an upgrade step in engine/migrations.py"
        )


@pytest.mark.parametrize("path", HISTORIES[:2], ids=lambda p: p.stem)
def test_a_golden_history_in_a_sqlite_store_resumes_through_the_engine(
    path: Path, builtin: Registry, tmp_path: Path
) -> None:
    """The same rows in the embedded store: the path ``run --resume`` takes."""
    expected = expected_state(path)
    store = tmp_path / "golden.sqlite3"
    SqliteJournal(store).close()  # creates the tables
    rows = [
        (expected["meeting_id"], version, event["type"], event["v"], event["at"], line)
        for version, line in enumerate(stored_lines(path), 1)
        for event in [json.loads(line)]
    ]
    with sqlite3.connect(store) as db:
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.close()

    with Engine(SqliteJournal(store), builtin) as engine:
        assert summary(engine.state(expected["meeting_id"]), builtin) == expected


def test_every_builtin_method_and_variant_has_a_golden_history(builtin: Registry) -> None:
    missing = [
        name_of(method_id, variant)
        for method_id, variant in builtin_cases(builtin)
        if not history_path(name_of(method_id, variant)).exists()
        or not state_path(name_of(method_id, variant)).exists()
    ]
    assert not missing, (
        f"no golden history for {', '.join(missing)}: record it with "
        f"`python tests/golden/record.py {' '.join(missing)}` and commit the new "
        "tests/golden/*.jsonl and *.state.json files (see tests/golden/README.md)"
    )


def test_the_golden_histories_carry_the_planted_case_text() -> None:
    """Other tests look for this text to prove stored content does not leak."""
    for path in HISTORIES:
        assert PLANTED in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", HISTORIES, ids=lambda p: p.stem)
def test_the_quick_read_of_a_current_row_equals_the_careful_one(path: Path) -> None:
    """Rows as the journal writes them are read by pydantic's JSON parser in one pass;
    the careful path (json.loads, migration, validation) must give the same events.
    A row in an older shape is left to the careful path, which upgrades it."""
    from intervision.engine import decode_current as _current
    from intervision.engine.storage.rows import _problem

    current = current_versions()
    for line in stored_lines(path):
        quick = _current(line)
        stored = json.loads(line)
        if stored["v"] != current[stored["type"]]:
            assert quick is None, f"{path.name}: an older row was read as if current"
            assert not isinstance(_problem(line), str)
            continue
        assert quick is not None, f"{path.name}: a row as written is not read the quick way"
        assert quick == _problem(line)
