"""``intervision meetings``: where each meeting stands, and never what was said."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from intervision.cli import main
from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]


def _meeting_in_analysis(store: Path) -> str:
    engine = open_engine(str(store))
    meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk"], facilitator="Anna")
    meeting.advance("anna")
    meeting.submit_leervraag("bram", "GEHEIM-leervraag")
    for who in ("anna", "carla", "dirk"):
        meeting.pass_leervraag(who)
    meeting.advance("anna")
    meeting.choose_case("anna", "bram")
    meeting.choose_method("anna", "incident")
    meeting.contribute("bram", "statement", "GEHEIM-situatie")
    meeting.advance("anna")
    meeting.advance("anna")
    engine.journal.close()
    return meeting.id


def test_an_empty_store_says_so(invoke: Invoke) -> None:
    result = invoke("--lang", "en", "meetings")
    assert result.exit_code == 0
    assert "no meetings" in result.stdout
    assert json.loads(invoke("meetings", "--json").stdout) == []


def test_lists_where_a_meeting_is_without_case_content(invoke: Invoke, store: Path) -> None:
    meeting_id = _meeting_in_analysis(store)
    result = invoke("--lang", "en", "meetings")
    assert result.exit_code == 0
    assert meeting_id in result.stdout
    assert "Incident method 3/5: Analysis" in result.stdout
    assert "GEHEIM" not in result.output
    data = json.loads(invoke("meetings", "--json").stdout)
    assert data == [
        {
            "id": meeting_id,
            "started": data[0]["started"],
            "version": data[0]["version"],
            "frame": "method",
            "phase": "analysis",
            "method": "incident",
            "closed": False,
        }
    ]


def test_the_store_option_wins_over_the_environment(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    meeting_id = _meeting_in_analysis(other)
    assert meeting_id not in CliRunner().invoke(main, ["meetings"]).stdout
    assert meeting_id in CliRunner().invoke(main, ["--store", str(other), "meetings"]).stdout
