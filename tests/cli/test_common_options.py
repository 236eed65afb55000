"""The group's options work after the subcommand too, and mean the same there."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from intervision.cli import main

Invoke = Callable[..., Result]


def test_lang_after_the_subcommand_is_the_screens_language(invoke: Invoke) -> None:
    before = invoke("--lang", "nl", "methods", "show", "incident")
    after = invoke("methods", "show", "incident", "--lang", "nl")
    assert after.exit_code == 0, after.output
    assert after.stdout == before.stdout
    assert "Incidentmethode" in after.stdout
    english = invoke("methods", "show", "incident", "--lang", "en")
    assert "Incident method" in english.stdout and "Incidentmethode" not in english.stdout


def test_store_verbose_and_builtin_only_after_the_subcommand(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    runner = CliRunner()
    started = runner.invoke(
        main,
        ["meeting", "start", "--members", "Anna,Bram,Carla", "--facilitator", "Anna",
         "--store", str(other), "-v"],
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    assert "meeting_started" in started.stderr  # -v after the subcommand logs too
    listed = runner.invoke(main, ["meetings", "--json", "--store", str(other)])
    assert [m["id"] for m in json.loads(listed.stdout)] == [started.stdout.strip()]
    assert (
        not store.exists()
        or json.loads(runner.invoke(main, ["--store", str(store), "meetings", "--json"]).stdout)
        == []
    )
    builtin = runner.invoke(main, ["methods", "--json", "--builtin-only"])
    ids = {m["id"] for m in json.loads(builtin.stdout)}
    assert "incident" in ids and "wise-crowds" not in ids  # no community plugin


def test_a_commands_own_lang_stays_its_own(invoke: Invoke) -> None:
    """``run --lang`` and ``meeting start --lang`` set the meeting's language."""
    started = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla", "--facilitator", "Anna",
        "--lang", "nl", "--json",
    )  # fmt: skip
    meeting_id = json.loads(started.stdout)["meeting_id"]
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["lang"] == "nl"
