"""An older store is brought up to date when it is opened: its read models are built from
its events, once (issue #16).

The store of schema version 2 is made by this intervision and then taken back to
what version 2 had: no read-model tables, no note of the fold that made them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
from support import MEMBERS

from intervision.engine import Engine, Journal, Registry
from intervision.engine.groups import group_history, groups_of
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


def test_an_sqlite_store_of_schema_version_2_gets_its_read_models_on_open(
    tmp_path: Path, registry: Registry
) -> None:
    path = tmp_path / "store.sqlite3"
    ids, history = hold(SqliteJournal(path), registry)
    with sqlite3.connect(path) as db:
        for table in ("meeting_digests", "group_digests", "group_member_digests"):
            db.execute(f"DROP TABLE {table}")
        db.execute("DELETE FROM schema_info WHERE key = 'read_models'")
        db.execute("UPDATE schema_info SET value = '2' WHERE key = 'schema_version'")
    db.close()

    journal = SqliteJournal(path)
    engine = Engine(journal, registry)

    assert [d.meeting_id for d in journal.digests(oldest_first=True).digests] == ids
    assert group_history(engine, "team-west") == history
    assert journal.group_digest("team-west").facilitated == {"anna": 1, "bram": 1}
    journal.close()
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, value FROM schema_info")) == {
            "schema_version": "3",
            "read_models": "1",
        }
    db.close()


def test_a_postgresql_store_of_schema_version_2_gets_its_read_models_on_open(
    postgres_store: str, registry: Registry
) -> None:
    ids, history = hold(open_journal(postgres_store), registry)
    with psycopg.connect(postgres_store) as db:
        for table in ("meeting_digests", "group_digests", "group_member_digests"):
            db.execute(f"DROP TABLE intervision_{table}")
        db.execute("DELETE FROM intervision_schema WHERE key = 'read_models'")
        db.execute("UPDATE intervision_schema SET value = '2' WHERE key = 'schema_version'")

    journal = open_journal(postgres_store)
    engine = Engine(journal, registry)

    assert [d.meeting_id for d in journal.digests(oldest_first=True).digests] == ids
    assert group_history(engine, "team-west") == history
    journal.close()
