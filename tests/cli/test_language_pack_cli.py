"""``--lang de`` once a German pack is installed: the terminal's and the engine's texts
in German where the pack translates them, English elsewhere, and ``intervision check
de`` listing what is left in English."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from author_plugins import installed
from click.testing import Result

Invoke = Callable[..., Result]


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    entry = {"german": "author_plugins.german"}
    installed(monkeypatch, tmp_path / "site", "intervision-german", entry)


def _incident_at_questions(invoke: Invoke, *start: str) -> str:
    started = invoke(
        *start, "meeting", "start", "--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna"
    )
    assert started.exit_code == 0, started.output
    meeting_id = started.stdout.strip()
    for line in (
        ["next"], ["lv", "Bram", "hoe?"], ["pass", "Anna"], ["pass", "Carla"], ["pass", "Dirk"],
        ["next"], ["case", "Bram"], ["method", "incident"], ["next"],
    ):  # fmt: skip
        assert invoke("meeting", "do", meeting_id, *line).exit_code == 0, line
    return meeting_id


def test_the_screen_speaks_the_packs_language_and_english_where_it_has_none(
    invoke: Invoke, german: None
) -> None:
    meeting_id = _incident_at_questions(invoke, "--lang", "de")

    status = invoke("meeting", "status", meeting_id).stdout  # the meeting's language

    assert status.startswith(f"Sitzung {meeting_id}: Incident-Methode 2/5: ")
    assert "Version 12" in status
    assert "Moderation: Anna. Anwesend: Anna, Bram, Carla, Dirk." in status
    assert "Carla: Frage (q)" in status
    assert "Go on with a line as at the intervision run prompt" in status  # not in the pack
    refused = invoke("meeting", "do", meeting_id, "--json", "Carla: ad: ruf sie an")
    assert refused.exit_code == 4
    reason = json.loads(refused.stdout)["reason"]
    assert reason == "„Ratschlag“ gehört nicht in diese Phase; beitragen kannst du jetzt: Frage."


def test_the_language_may_come_from_the_environment_and_after_the_command(
    invoke: Invoke, german: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    after = invoke("methods", "--lang", "de")
    assert "Incident-Methode" in after.stdout
    monkeypatch.setenv("INTERVISION_LANG", "de")
    assert "Incident-Methode" in invoke("methods").stdout


def test_a_language_no_pack_adds_is_a_usage_error_naming_those_there_are(
    invoke: Invoke, german: None
) -> None:
    result = invoke("--lang", "fr", "methods")

    assert result.exit_code == 2
    assert "No language pack for 'fr' is installed; the languages here: nl, en, de (Deutsch)" in (
        result.output
    )
    started = invoke("meeting", "start", "--members", "A,B,C", "--facilitator", "A", "--lang", "fr")
    assert started.exit_code == 2 and "'fr'" in started.output


def test_plugins_lists_the_language_a_pack_adds(invoke: Invoke, german: None) -> None:
    listed = invoke("--lang", "en", "plugins")
    assert "german  intervision-german 1.0\n  no methods\n  languages: de\n" in listed.stdout
    data = {p["name"]: p for p in json.loads(invoke("plugins", "--json").stdout)}
    assert data["german"]["languages"] == ["de"] and data["incident"]["languages"] == []


def test_without_the_pack_german_is_not_offered(invoke: Invoke) -> None:
    result = invoke("--lang", "de", "methods")

    assert result.exit_code == 2
    assert "the languages here: nl, en." in result.output
    odd = invoke("--lang", "Deutsch", "methods")
    assert odd.exit_code == 2 and "nl, en, or an installed language's code" in odd.output


def test_check_lists_what_the_pack_leaves_in_english(invoke: Invoke, german: None) -> None:
    result = invoke("check", "de")

    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "de: engine: not translated, said in English: 'analysis'" in lines
    assert "de: method gossip: not translated, said in English: 'Gossip method'" in lines
    assert not any("'Incident method'" in line for line in lines)  # the pack has it
    assert not any("'Meeting {id}: {where}'" in line for line in lines)
    assert "de: terminal: not translated, said in English: 'Paused.'" in lines
    data = json.loads(invoke("check", "de", "--json").stdout)
    assert data[0]["target"] == "de" and not data[0]["ok"]
    assert invoke("check", "german").exit_code == 1  # by the plugin's name too
