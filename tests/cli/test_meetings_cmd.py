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


def _many(store: Path, n: int) -> list[str]:
    """``n`` meetings a minute apart, half of them of group g1 and closed; newest last."""
    from datetime import UTC, datetime, timedelta

    from intervision.engine import Engine, load_registry

    clock = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    engine = Engine(open_engine(str(store)).journal, load_registry(), clock=lambda: clock[0])
    made = []
    for i in range(n):
        clock[0] += timedelta(minutes=1)
        group = "g1" if i % 2 else None
        meeting = engine.start_meeting(
            ["Anna", "Bram", "Carla"], facilitator="Anna", group_id=group
        )
        if group:
            meeting.close("anna", "we stoppen vandaag vroeg")
        made.append(meeting.id)
    engine.close()
    return made


def test_a_page_at_a_time_newest_first_with_the_next_cursor_on_stderr(
    invoke: Invoke, store: Path
) -> None:
    made = _many(store, 5)

    first = invoke("--lang", "en", "meetings", "--json", "--limit", "2")
    cursor = first.stderr.split("--cursor ")[1].strip()
    second = invoke("meetings", "--json", "--limit", "2", "--cursor", cursor)
    cursor = second.stderr.split("--cursor ")[1].strip()
    last = invoke("meetings", "--json", "--limit", "2", "--cursor", cursor)

    pages = [[m["id"] for m in json.loads(r.stdout)] for r in (first, second, last)]
    assert pages == [made[:2:-1], made[2:0:-1], made[:1]]
    assert "There are more meetings" in first.stderr and last.stderr == ""
    oldest = invoke("meetings", "--json", "--oldest-first", "--limit", "3")
    assert [m["id"] for m in json.loads(oldest.stdout)] == made[:3]


def test_a_listing_of_one_group_or_of_open_or_closed_meetings(invoke: Invoke, store: Path) -> None:
    made = _many(store, 4)

    group = invoke("meetings", "--json", "--group", "g1")
    open_ = invoke("meetings", "--json", "--open")
    closed = invoke("meetings", "--json", "--closed", "--group", "g1")

    assert [m["id"] for m in json.loads(group.stdout)] == [made[3], made[1]]
    assert [m["id"] for m in json.loads(open_.stdout)] == [made[2], made[0]]
    assert all(m["closed"] for m in json.loads(closed.stdout))


def test_a_cursor_from_nowhere_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--lang", "en", "meetings", "--cursor", "gisteren")

    assert result.exit_code == 2
    assert "not a cursor a listing of meetings gave" in result.stderr


def test_store_rebuild_and_check_say_what_they_did(invoke: Invoke, store: Path) -> None:
    _many(store, 3)

    rebuilt = invoke("--lang", "en", "store", "rebuild")
    checked = invoke("--lang", "nl", "store", "check")

    assert rebuilt.exit_code == 0 and "summaries of 3 meeting(s) were rebuilt" in rebuilt.stdout
    assert checked.exit_code == 0 and "De opslag is bereikbaar." in checked.stdout
    assert len(json.loads(invoke("meetings", "--json").stdout)) == 3
