"""`intervision series`: a plan a calendar app imports, set against the meetings held."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import Result
from held_meetings import Clock, create_group, hold, midnight_utc, planted, store_engine
from icalendar import Calendar

from intervision.engine import Registry

Invoke = Callable[..., Result]

PLAN = ["--meetings", "4", "--every", "8w", "--duration", "2h"]


@pytest.fixture
def group(store: Path, registry: Registry) -> str:
    with store_engine(store, registry, Clock(midnight_utc(0))) as engine:
        return create_group(engine)


def events(path: Path) -> list[tuple[datetime, datetime, str]]:
    """The events as a calendar app reads them back: start, end and title."""
    calendar = Calendar.from_ical(path.read_bytes())
    return [
        (e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]))
        for e in calendar.walk("VEVENT")
    ]


def test_plan_writes_a_calendar_file_with_one_event_per_meeting(
    invoke: Invoke, group: str, tmp_path: Path
) -> None:
    ics = tmp_path / "reeks.ics"
    result = invoke(
        "--lang", "nl", "series", "plan", group, *PLAN, "--start", "2026-01-12T19:30",
        "--tz", "Europe/Amsterdam", "--ics", str(ics),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    found = events(ics)
    assert len(found) == 4
    assert [title for _, _, title in found] == [
        f"Intervisie Wijkteam Noord ({n}/4)" for n in range(1, 5)
    ]
    first, end, _ = found[0]
    assert (first.hour, first.minute, str(first.tzinfo)) == (19, 30, "Europe/Amsterdam")
    assert end - first == timedelta(hours=2)
    summer = found[3][0]  # after the clocks went forward: still 19:30
    assert (summer.month, summer.hour, summer.minute) == (6, 19, 30)
    assert (
        "Reeks van Wijkteam Noord: 4 bijeenkomsten, elke 8 weken, 2 uur per keer" in result.stdout
    )
    assert f"Agenda geschreven naar {ics} (4 afspraken)" in result.stdout


def test_show_marks_held_missed_and_planned_and_keeps_the_content_out(
    invoke: Invoke, store: Path, registry: Registry, group: str
) -> None:
    start = midnight_utc(-70) + timedelta(hours=9)  # 10 weeks ago, 09:00
    plan = invoke("series", "plan", group, *PLAN, "--start", f"{start:%Y-%m-%d}", "--tz", "UTC")
    assert plan.exit_code == 0, plan.output
    clock = Clock(start)
    with store_engine(store, registry, clock) as engine:
        held = hold(engine, clock, group, 1, at=start + timedelta(minutes=5))
        extra = hold(engine, clock, group, 2, at=start - timedelta(weeks=6))

    result = invoke("--lang", "en", "series", "show", group, "--json", "--tz", "UTC")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = [(m["number"], m["status"], m["meeting_id"]) for m in data["meetings"]]
    assert rows == [
        (1, "held", held),
        (2, "missed", None),
        (3, "planned", None),
        (4, "planned", None),
        (None, "held", extra),
    ]
    assert data["plan"] == {
        "start": f"{start:%Y-%m-%d}T09:00:00+00:00",
        "meetings": 4,
        "every_days": 56,
        "every_months": 0,
        "minutes": 120,
    }

    text = invoke("--lang", "nl", "series", "show", group, "--tz", "UTC").stdout
    lines = text.splitlines()
    assert any(line.split()[:1] == ["1"] and "gehouden" in line and held in line for line in lines)
    assert any(line.split()[:1] == ["2"] and "niet gehouden" in line for line in lines)
    assert any(line.split()[:1] == ["extra"] and extra in line for line in lines)
    assert "Gehouden: 1 · niet gehouden: 1 · nog gepland: 2" in text
    assert "Daarnaast 1 bijeenkomst buiten de planning." in text
    for secret in (*planted(1).values(), *planted(2).values()):
        assert secret not in text


def test_a_stored_plan_keeps_its_wall_clock_time_in_the_local_zone(
    invoke: Invoke, group: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    assert invoke("series", "plan", group, *PLAN, "--start", "2026-01-12").exit_code == 0
    ics = tmp_path / "again.ics"
    data = json.loads(invoke("series", "show", group, "--json", "--ics", str(ics)).stdout)
    starts = [m["start"] for m in data["meetings"]]
    assert starts[0] == "2026-01-12T09:00:00+01:00"
    assert starts[3] == "2026-06-29T09:00:00+02:00"
    assert [(at.hour, str(at.tzinfo)) for at, _, _ in events(ics)] == [(9, "Europe/Amsterdam")] * 4


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--every", "8", "like 2m, 8w or 56d"),
        ("--every", "13m", "at most 12m, 52w or 365d"),
        ("--duration", "90", "like 2h, 90m or 1h30"),
        ("--meetings", "60", "1 to 52 meetings"),
        ("--start", "12-01-2026", "like 2026-01-12"),
        ("--tz", "Mars/Olympus", "unknown time zone"),
    ],
)
def test_a_bad_option_is_a_usage_error_naming_the_accepted_forms(
    invoke: Invoke, group: str, option: str, value: str, message: str
) -> None:
    given = {"--meetings": "4", "--every": "8w", "--duration": "2h", "--start": "2026-01-12"}
    given[option] = value
    args = [part for pair in given.items() for part in pair]
    result = invoke("series", "plan", group, *args)
    assert result.exit_code == 2
    error = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(error) == 1
    assert option in error[0]
    assert message in error[0]
    assert "Traceback" not in result.output


def test_show_without_a_plan_says_how_to_make_one(invoke: Invoke, group: str) -> None:
    result = invoke("--lang", "nl", "series", "show", group)
    assert result.exit_code == 7
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("intervision: fout: de groep 'Wijkteam Noord' heeft nog geen")
    assert f"intervision series plan {group} --meetings 6" in result.stderr


def test_an_unknown_group_is_one_line(invoke: Invoke, store: Path) -> None:
    result = invoke("series", "plan", "nobody", *PLAN, "--start", "2026-01-12")
    assert result.exit_code == 8
    assert result.stderr.startswith("intervision: error: There is no such group")
    assert result.stderr.count("\n") == 1


def test_planning_again_replaces_the_plan(invoke: Invoke, group: str) -> None:
    invoke("series", "plan", group, *PLAN, "--start", "2026-01-12", "--tz", "UTC")
    result = invoke(
        "series", "plan", group, "--meetings", "2", "--every", "10d", "--duration", "1h30",
        "--start", "2026-03-02 14:00", "--tz", "UTC",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "It replaces the earlier plan; the calendar's events move with it." in result.stdout
    assert "2 meetings, every 10 days, 1 h 30 min each" in result.stdout
    shown = invoke("series", "show", group, "--tz", "UTC").stdout
    assert "Mon 2026-03-02  14:00-15:30" in shown
    assert "Thu 2026-03-12  14:00-15:30" in shown


def test_every_two_months_is_planned_in_calendar_months_and_the_calendar_follows_changes(
    invoke: Invoke, group: str, tmp_path: Path
) -> None:
    ics = tmp_path / "reeks.ics"
    first = invoke(
        "--lang", "nl", "series", "plan", group, "--meetings", "6", "--every", "2m",
        "--duration", "2u", "--start", "2026-01-13T19:30", "--tz", "Europe/Amsterdam",
        "--ics", str(ics),
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    assert "6 bijeenkomsten, elke 2 maanden, op de tweede dinsdag, 2 uur per keer" in first.stdout
    assert "di 2026-03-10  19:30-21:30" in first.stdout
    before = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    # The group moves its evening and drops a meeting: the same events, updated.
    changed = invoke(
        "--lang", "nl", "series", "plan", group, "--meetings", "5", "--every", "2 maanden",
        "--duration", "2u", "--start", "2026-01-13T14:00", "--tz", "Europe/Amsterdam",
        "--ics", str(ics),
    )  # fmt: skip
    assert "de afspraken in de agenda schuiven mee" in changed.stdout
    after = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in after] == [str(e["UID"]) for e in before]
    assert [int(e["SEQUENCE"]) for e in after] == [1] * 6
    assert str(after[5]["STATUS"]) == "CANCELLED"
    assert after[1].decoded("DTSTART").hour == 14
    data = json.loads(invoke("series", "show", group, "--json").stdout)
    assert (data["plan"]["every_months"], data["plan"]["every_days"]) == (2, 0)


def test_a_bad_interval_is_refused_in_dutch_under_lang_nl(invoke: Invoke, group: str) -> None:
    result = invoke(
        "--lang", "nl", "series", "plan", group, "--meetings", "4", "--every", "8",
        "--duration", "2u", "--start", "2026-01-12",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "'8' is geen tijd tussen bijeenkomsten: schrijf maanden, weken of dagen" in result.stderr


def test_a_group_fixes_a_method_for_its_series_and_method_choice_proposes_it(
    invoke: Invoke, group: str
) -> None:
    shown = invoke("--lang", "nl", "series", "method", group)
    assert "heeft geen methode vastgelegd" in shown.stdout
    unknown = invoke("series", "method", group, "bestaat-niet")
    assert unknown.exit_code == 2 and "installed: " in unknown.stderr
    bad_variant = invoke("series", "method", group, "incident/nope")
    assert bad_variant.exit_code == 2 and "written-advice" in bad_variant.stderr
    fixed = invoke("--lang", "en", "series", "method", group, "incident/written-advice")
    assert fixed.exit_code == 0, fixed.output
    assert "keeps the method Incident method (incident) / written-advice" in fixed.stdout
    data = json.loads(
        invoke("series", "plan", group, *PLAN, "--start", "2026-01-12", "--json").stdout
    )
    assert (data["method"], data["variant"]) == ("incident", "written-advice")
    # At method choice, it is the default (Enter takes it), variant and all.
    answers = ["", "", "", "", "", "GEHEIM-bram", "", "", "", "1", "", "pauze"]
    run = invoke(
        "--lang", "en", "run", "--group", group, "--purpose", "regular",
        input="\n".join(answers) + "\n",
    )  # fmt: skip
    assert "the group fixed this method for its series" in run.stdout
    assert "Which method? (id) [incident/written-advice]" in run.stdout
    free = invoke("--lang", "en", "series", "method", group, "--free")
    assert "has no method fixed" in free.stdout
    assert json.loads(invoke("series", "show", group, "--json").stdout)["method"] is None
