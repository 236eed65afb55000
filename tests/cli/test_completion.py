"""Shell completion, as bash asks for it: commands, options, method, group and meeting ids."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervision.cli import main

Invoke = Callable[..., Result]


def _complete(store: Path, words: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What bash would offer after ``words`` (the last word is the one being typed)."""
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split(" ")) - 1))
    monkeypatch.setenv("INTERVISION_STORE", str(store))
    result = CliRunner().invoke(
        main, [], prog_name="intervision", env={"_INTERVISION_COMPLETE": "bash_complete"}
    )
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if "," in line]


def test_commands_options_methods_groups_and_meetings_complete(
    invoke: Invoke, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("group", "create", "Wijkteam Noord").exit_code == 0
    started = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla", "--facilitator", "Anna", "--json"
    )
    meeting_id = json.loads(started.stdout)["meeting_id"]
    assert _complete(store, "intervision me", monkeypatch) == ["meeting", "meetings", "methods"]
    assert "--resume" in _complete(store, "intervision run --re", monkeypatch)
    assert "--lang" in _complete(store, "intervision methods show incident --la", monkeypatch)
    assert _complete(store, "intervision methods show inc", monkeypatch) == ["incident"]
    assert "incident" in _complete(store, "intervision run --method ", monkeypatch)
    assert _complete(store, "intervision group show wij", monkeypatch) == ["wijkteam-noord"]
    assert _complete(store, "intervision run --group w", monkeypatch) == ["wijkteam-noord"]
    prefix = meeting_id[:4]
    assert _complete(store, f"intervision run --resume {prefix}", monkeypatch) == [meeting_id]
    assert _complete(store, "intervision meeting status ", monkeypatch) == [meeting_id]
    assert set(_complete(store, "intervision report ", monkeypatch)) == {
        "wijkteam-noord",
        meeting_id,
    }


def test_a_store_that_cannot_be_opened_completes_nothing_and_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert _complete(folder, "intervision meeting status ", monkeypatch) == []
