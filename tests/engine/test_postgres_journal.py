"""What a host app sees of the PostgreSQL journal beyond the shared contract."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest
from support import FACILITATOR, INBRENGER, MEMBERS, to_case_choice

from intervision.engine import CorruptJournalError, Registry, StoreError
from intervision.engine.storage import open_engine, open_journal
from intervision.engine.storage.postgres import SCHEMA_VERSION, PostgresJournal

SECRET = "De cliënt dreigde de sessie te verlaten"


def test_the_tables_and_their_schema_version_are_created_on_first_use(
    postgres_store: str,
) -> None:
    open_journal(postgres_store).close()

    with psycopg.connect(postgres_store) as db:
        tables = {
            name
            for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        }
        version = db.execute(
            "SELECT value FROM intervision_schema WHERE key = 'schema_version'"
        ).fetchone()
    assert tables == {
        "intervision_schema",
        "intervision_events",
        "intervision_requests",
        "intervision_meeting_digests",
        "intervision_group_digests",
        "intervision_group_member_digests",
    }
    assert version == (str(SCHEMA_VERSION),)


def test_the_tables_sit_beside_a_host_apps_own(postgres_store: str, registry: Registry) -> None:
    with psycopg.connect(postgres_store) as db:
        db.execute("CREATE TABLE portal_users (id serial primary key, email text)")
        db.execute("INSERT INTO portal_users (email) VALUES ('a@example.org')")

    with open_engine(postgres_store, registry=registry) as engine:
        meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
        to_case_choice(meeting)

    with psycopg.connect(postgres_store) as db:
        assert db.execute("SELECT count(*) FROM portal_users").fetchone() == (1,)


def test_a_meeting_goes_on_in_another_engine_on_the_same_database(
    postgres_store: str, registry: Registry
) -> None:
    with open_engine(postgres_store, registry=registry) as first:
        meeting = first.start_meeting(MEMBERS, facilitator="Anna", lang="nl")
        to_case_choice(meeting, {INBRENGER: SECRET})
        meeting_id = meeting.id

    with open_engine(postgres_store, registry=registry) as second:
        resumed = second.meeting(meeting_id)
        resumed.choose_case(FACILITATOR, INBRENGER, consent=True)
        state = resumed.refresh()
        assert state.inbrenger == INBRENGER
        assert [s.meeting_id for s in second.meetings()] == [meeting_id]
        assert SECRET in [lv.text for lv in state.leervragen.values()]


def test_a_store_from_a_newer_intervision_is_refused_and_left_alone(postgres_store: str) -> None:
    open_journal(postgres_store).close()
    with psycopg.connect(postgres_store) as db:
        db.execute(
            "UPDATE intervision_schema SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )

    with pytest.raises(StoreError, match="newer than this intervision understands"):
        open_journal(postgres_store)

    with psycopg.connect(postgres_store) as db:
        assert db.execute(
            "SELECT value FROM intervision_schema WHERE key = 'schema_version'"
        ).fetchone() == (str(SCHEMA_VERSION + 1),)


def test_several_processes_opening_a_new_database_at_once_all_succeed(
    postgres_store: str,
) -> None:
    journals: list[PostgresJournal] = []
    failures: list[BaseException] = []
    barrier = threading.Barrier(6)

    def open_one() -> None:
        try:
            barrier.wait()
            journal = open_journal(postgres_store)
            assert isinstance(journal, PostgresJournal)
            journals.append(journal)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for journal in journals:
        journal.close()

    assert failures == [] and len(journals) == 6


def test_a_gap_in_the_stored_versions_is_named_without_quoting_content(
    postgres_store: str, registry: Registry
) -> None:
    with open_engine(postgres_store, registry=registry) as engine:
        meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
        to_case_choice(meeting, {INBRENGER: SECRET})
        meeting_id = meeting.id
    with psycopg.connect(postgres_store) as db:
        db.execute(
            "DELETE FROM intervision_events WHERE meeting_id = %s AND version = 2", (meeting_id,)
        )

    journal = open_journal(postgres_store)
    with pytest.raises(CorruptJournalError) as caught:
        journal.load(meeting_id)
    journal.close()
    message = str(caught.value)
    assert f"meeting {meeting_id}, version 2" in message and "backup" in message
    assert SECRET not in message


def test_an_unreachable_server_is_named_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_journal("postgresql://carer:hunter2@127.0.0.1:1/intervision")

    message = str(caught.value)
    assert "intervision on 127.0.0.1" in message and "check that the server runs" in message
    assert "hunter2" not in message and "carer" not in message


@pytest.mark.parametrize("size", ["0", "many", "-3"])
def test_a_bad_pool_size_is_refused_before_connecting(size: str) -> None:
    with pytest.raises(StoreError, match=r"pool_size .* a whole number of at least 1"):
        open_journal(f"postgresql://127.0.0.1:1/x?pool_size={size}")


def test_without_psycopg_the_message_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)

    with pytest.raises(StoreError, match=r"pip install 'intervision\[postgres\]'"):
        open_journal("postgresql://127.0.0.1:1/x")


def test_a_closed_journal_says_so(postgres_store: str) -> None:
    journal = open_journal(postgres_store)
    journal.close()

    with pytest.raises(StoreError, match="was closed"):
        journal.version("m1")


@pytest.mark.slow
def test_the_skip_switch_is_the_only_way_to_skip_and_the_summary_says_so() -> None:
    env = {**os.environ, "INTERVISION_SKIP_POSTGRES": "1"}
    env.pop("INTERVISION_TEST_POSTGRES_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{__file__}::test_a_closed_journal_says_so",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
        check=False,
    )

    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "INTERVISION_SKIP_POSTGRES is set" in result.stdout
