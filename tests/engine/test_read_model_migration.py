"""An older store is brought up to date when it is opened: its read models are built from
its events, once (issue #16).

A store of each older schema version is made by this intervision and then taken back
to what that version had: no read-model tables and no note of the fold that made
them (version 2), nor the request ids (version 1); neither knew yet whether an
encrypted journal wrote to it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
import pytest
from support import MEMBERS

from intervision.engine import READ_MODEL_VERSION, Advance, Engine, Journal, Registry
from intervision.engine.groups import group_history, groups_of, learning_goals
from intervision.engine.storage import SqliteJournal, open_journal


def hold(journal: Journal, registry: Registry) -> tuple[list[str], list[object]]:
    engine = Engine(journal, registry)
    book = groups_of(engine)
    book.create("Team West", group_id="team-west")
    for name in MEMBERS:
        book.add_member("team-west", name)
    ids = []
    for facilitator in ("anna", "bram"):
        meeting = engine.start_meeting(book.get("team-west"), facilitator=facilitator)
        meeting.advance(facilitator)
        meeting.pass_leervraag("carla")
        meeting.close(facilitator, "vroeg klaar")
        ids.append(meeting.id)
    history = list(group_history(engine, "team-west"))
    journal.close()
    return ids, history


#: What each older schema version lacks, oldest first: version 1 had only the events,
#: version 2 added the request ids, version 3 the read models (and, on PostgreSQL, an
#: index on the streams). A store of any of them is brought to the current one by
#: opening it, so the chain is: drop what came after, open, find everything.
_ADDED_AFTER = {
    1: ("requests", "meeting_digests", "group_digests", "group_member_digests"),
    2: ("meeting_digests", "group_digests", "group_member_digests"),
}


def retry_safely(journal: Journal, registry: Registry) -> None:
    """On the migrated store a command sent twice with one request id is stored once,
    and its meeting's digest follows it."""
    engine = Engine(journal, registry)
    meeting = engine.start_meeting(groups_of(engine).get("team-west"), facilitator="anna")
    first = engine.execute(meeting.id, Advance(by="anna"), request_id="tap-migrated")
    again = engine.execute(meeting.id, Advance(by="anna"), request_id="tap-migrated")
    assert again.repeated and again.version == first.version == journal.version(meeting.id)
    digest = journal.digest(meeting.id)
    assert digest is not None and digest.version == first.version


@pytest.mark.parametrize("version", sorted(_ADDED_AFTER))
def test_an_sqlite_store_of_an_older_schema_version_is_brought_up_to_date_on_open(
    tmp_path: Path, registry: Registry, version: int
) -> None:
    path = tmp_path / "store.sqlite3"
    ids, history = hold(SqliteJournal(path), registry)
    with sqlite3.connect(path) as db:
        for table in _ADDED_AFTER[version]:
            db.execute(f"DROP TABLE {table}")
        db.execute("DELETE FROM schema_info WHERE key IN ('read_models', 'sealed')")
        db.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", (version,))
    db.close()

    journal = SqliteJournal(path)
    engine = Engine(journal, registry)

    assert [d.meeting_id for d in journal.digests(oldest_first=True).digests] == ids
    assert group_history(engine, "team-west") == history
    assert journal.group_digest("team-west").facilitated == {"anna": 1, "bram": 1}
    retry_safely(journal, registry)
    journal.close()
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, value FROM schema_info")) == {
            "schema_version": "3",
            "read_models": str(READ_MODEL_VERSION),
            "sealed": "0",
        }
    db.close()


@pytest.mark.parametrize("version", sorted(_ADDED_AFTER))
def test_a_postgresql_store_of_an_older_schema_version_is_brought_up_to_date_on_open(
    postgres_store: str, registry: Registry, version: int
) -> None:
    ids, history = hold(open_journal(postgres_store), registry)
    with psycopg.connect(postgres_store) as db:
        for table in _ADDED_AFTER[version]:
            db.execute(f"DROP TABLE intervision_{table}")
        db.execute("DROP INDEX intervision_events_streams")
        db.execute("DELETE FROM intervision_schema WHERE key IN ('read_models', 'sealed')")
        db.execute(
            "UPDATE intervision_schema SET value = %s WHERE key = 'schema_version'",
            (str(version),),
        )

    journal = open_journal(postgres_store)
    engine = Engine(journal, registry)

    assert [d.meeting_id for d in journal.digests(oldest_first=True).digests] == ids
    assert group_history(engine, "team-west") == history
    retry_safely(journal, registry)
    journal.close()
    with psycopg.connect(postgres_store) as db:
        assert dict(db.execute("SELECT key, value FROM intervision_schema").fetchall()) == {
            "schema_version": "3",
            "read_models": str(READ_MODEL_VERSION),
            "sealed": "0",
        }


def test_read_models_kept_by_an_older_fold_are_rebuilt_with_what_the_history_now_needs(
    tmp_path: Path, registry: Registry
) -> None:
    """A store whose digests the first fold wrote (no purpose, learning goals or
    reports) is rebuilt when opened: the intake's learning goal is followed again."""
    path = tmp_path / "store.sqlite3"
    engine = Engine(SqliteJournal(path), registry)
    book = groups_of(engine)
    book.create("Team West", group_id="team-west")
    for name in MEMBERS:
        book.add_member("team-west", name)
    intake = engine.start_meeting(book.get("team-west"), facilitator="anna", purpose="intake")
    while intake.state.frame != "learning_goals":
        intake.advance("anna")
    intake.contribute("bram", "learning_goal", "beter doorvragen")
    intake.close("anna", "vroeg klaar")
    history = group_history(engine, "team-west")
    engine.close()
    with sqlite3.connect(path) as db:
        for meeting_id, data in db.execute("SELECT meeting_id, data FROM meeting_digests"):
            first_fold = json.loads(data)[:7]  # what READ_MODEL_VERSION 1 kept
            first_fold[4] = [case[:5] for case in first_fold[4]]
            db.execute(
                "UPDATE meeting_digests SET data = ? WHERE meeting_id = ?",
                (json.dumps(first_fold), meeting_id),
            )
        db.execute("UPDATE schema_info SET value = '1' WHERE key = 'read_models'")
    db.close()

    engine = Engine(SqliteJournal(path), registry)

    assert group_history(engine, "team-west") == history
    goals = learning_goals(group_history(engine, "team-west"))
    assert goals["bram"].text == "beter doorvragen" and history[0].purpose == "intake"
    engine.close()
