"""A store the CLI wrote, damaged with sqlite3 behind its back, then used again.

Every command that reads the meeting ends in one line naming the meeting, the
version and what to do (restore from a backup, or upgrade intervision), exit code 6
(the store cannot be used), no traceback, no stored text on the screen, and the
file exactly as it was: reading a damaged store must not make it worse.

The listing reads the meetings' summaries (the read models), not their events, so
it does not see a damaged event; ``store rebuild`` reads every event and names
each meeting that cannot be read.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervision.cli import main

SECRETS = ["GEHEIM-leervraag-corrupt-1", "GEHEIM-situatie-corrupt-2", "GEHEIM-vraag-corrupt-3"]
STORE_ERROR = 6


@dataclass(frozen=True)
class Damage:
    """What is done to the store, which version it hits, and what the user is told."""

    name: str
    sql: str
    version: str  # SQL giving the version the message must name
    says: tuple[str, ...]


FIRST_CONTRIBUTION = "SELECT MIN(version) FROM events WHERE type = 'contribution_added'"
LAST = "SELECT MAX(version) FROM events"

DAMAGES = [
    Damage(
        "truncated-json",
        f"UPDATE events SET data = substr(data, 1, length(data) - 12) "
        f"WHERE version = ({FIRST_CONTRIBUTION})",
        FIRST_CONTRIBUTION,
        ("not valid JSON", "restore the store from a backup"),
    ),
    Damage(
        "unknown-type",
        "UPDATE events SET data = replace(data, '\"contribution_added\"', '\"whispered\"') "
        f"WHERE version = ({FIRST_CONTRIBUTION})",
        FIRST_CONTRIBUTION,
        ("a type this intervision does not know", "upgrade intervision", "restore"),
    ),
    Damage(
        "future-schema-version",
        "UPDATE events SET data = replace(data, '\"v\":1,', '\"v\":9,'), schema = 9 "
        f"WHERE version = ({FIRST_CONTRIBUTION})",
        FIRST_CONTRIBUTION,
        ("schema version 9", "newer than this intervision knows", "upgrade intervision"),
    ),
    Damage(
        "gap-in-versions",
        f"DELETE FROM events WHERE version = ({FIRST_CONTRIBUTION})",
        FIRST_CONTRIBUTION,
        ("missing from the store", "restore the store from a backup"),
    ),
    Damage(
        "other-meetings-start",
        "UPDATE events SET data = replace(data, meeting_id, 'another-meeting') WHERE version = 1",
        "SELECT 1",
        ("names another meeting", "restore the store from a backup"),
    ),
    Damage(
        "start-row-replaced",
        "UPDATE events SET data = (SELECT data FROM events WHERE version = 2) WHERE version = 1",
        "SELECT 1",
        ("does not begin with its start event", "restore the store from a backup"),
    ),
]

COMMANDS = {
    "status": lambda mid: ["meeting", "status", mid],
    "resume": lambda mid: ["run", "--resume", mid],
    "report": lambda mid: ["report", mid],
    "do-next": lambda mid: ["meeting", "do", mid, "next"],
}


def cli(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "en", "--store", str(store), *args], input="")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A store with one incident meeting, written by the CLI, and the meeting's id."""
    store = tmp_path_factory.mktemp("written") / "meetings.sqlite3"
    started = cli(
        store, "meeting", "start", "--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna"
    )
    assert started.exit_code == 0, started.output
    meeting_id = started.stdout.strip()
    for line in [
        "next",
        f"leervraag Bram: {SECRETS[0]} how do I answer an angry parent?",
        "pass Anna",
        "pass Carla",
        "pass Dirk",
        "next",
        "case Bram",
        "method incident",
        f"Bram: s: {SECRETS[1]}",
        "next",
        f"Carla: q: {SECRETS[2]}",
    ]:
        done = cli(store, "meeting", "do", meeting_id, line)
        assert done.exit_code == 0, (line, done.output)
    return store, meeting_id


def damaged(written: tuple[Path, str], damage: Damage, folder: Path) -> tuple[Path, int]:
    """A copy of the written store with ``damage`` done; the version it hits."""
    store = folder / "damaged.sqlite3"
    shutil.copyfile(written[0], store)
    with sqlite3.connect(store) as db:
        version = int(db.execute(damage.version).fetchone()[0])
        changed = db.execute(damage.sql).rowcount
    db.close()
    assert changed == 1, f"{damage.name}: the damage hit {changed} rows"
    assert not Path(f"{store}-wal").exists()
    return store, version


def fingerprint(store: Path) -> tuple[str, list[str]]:
    """The file's hash, and the files beside it (a WAL left behind would change it later)."""
    digest = hashlib.sha256(store.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in store.parent.iterdir())


def assert_told(output: str, errors: str, meeting_id: str, version: int, damage: Damage) -> None:
    lines = errors.splitlines()
    assert len(lines) == 1, errors
    assert lines[0].startswith(f"intervision: error: meeting {meeting_id}, version {version}: ")
    for words in damage.says:
        assert words in lines[0], (words, lines[0])
    assert "Traceback" not in output + errors
    for secret in SECRETS:
        assert secret not in output + errors, secret


def test_the_written_store_is_readable(written: tuple[Path, str]) -> None:
    """Against this, each damage below is what makes the difference."""
    store, meeting_id = written
    for name, command in COMMANDS.items():
        if name not in ("resume", "do-next"):
            result = cli(store, *command(meeting_id))
            assert result.exit_code == 0, (name, result.output)


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.name)
@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_a_damaged_row_stops_every_command_with_one_line_and_leaves_the_file_as_it_was(
    written: tuple[Path, str], damage: Damage, command: str, tmp_path: Path
) -> None:
    meeting_id = written[1]
    store, version = damaged(written, damage, tmp_path)
    before = fingerprint(store)

    result = cli(store, *COMMANDS[command](meeting_id))

    assert result.exit_code == STORE_ERROR, result.output
    assert_told(result.stdout, result.stderr, meeting_id, version, damage)
    assert fingerprint(store) == before


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.name)
def test_rebuilding_the_summaries_names_the_damaged_meeting_and_keeps_the_others(
    written: tuple[Path, str], damage: Damage, tmp_path: Path
) -> None:
    store, version = damaged(written, damage, tmp_path)
    fresh = cli(
        store, "meeting", "start", "--members", "Eva,Fleur,Gijs,Hanna", "--facilitator", "Eva"
    )
    other = fresh.stdout.strip()

    rebuilt = cli(store, "store", "rebuild")
    listed = cli(store, "meetings", "--json")

    assert rebuilt.exit_code == STORE_ERROR
    assert_told("", rebuilt.stderr, written[1], version, damage)
    assert "1 meeting(s) could not be read" in rebuilt.stdout
    assert listed.exit_code == 0
    assert [entry["id"] for entry in json.loads(listed.stdout)] == [other]


@pytest.mark.slow
@pytest.mark.parametrize("damage", [DAMAGES[2]], ids=lambda d: d.name)
def test_the_console_script_says_the_same_in_its_own_process(
    written: tuple[Path, str], damage: Damage, tmp_path: Path
) -> None:
    script = Path(sys.executable).parent / "intervision"
    meeting_id = written[1]
    store, version = damaged(written, damage, tmp_path)
    before = fingerprint(store)
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVISION_")}
    env.update(LANG="C.UTF-8", PYTHONIOENCODING="utf-8")

    for name, command in COMMANDS.items():
        done = subprocess.run(
            [str(script), "--lang", "en", "--store", str(store), *command(meeting_id)],
            input="",
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == STORE_ERROR, (name, done.stdout, done.stderr)
        assert_told(done.stdout, done.stderr, meeting_id, version, damage)
    assert fingerprint(store) == before
