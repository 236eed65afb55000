"""A series: planned against held, and exported as a calendar apps can import."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Component

from intervision.engine import Engine, MemoryJournal, Registry
from intervision.engine.groups import groups_of
from intervision.engine.groups.history import MeetingRecord, group_history
from intervision.engine.series.planning import (
    CalendarKey,
    Interval,
    calendar_key,
    compare,
    parse_duration,
    parse_every,
    plan,
    schedule,
    to_ics,
)

START = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)


def record(at: datetime, minutes: int | None = 120, meeting_id: str = "m") -> MeetingRecord:
    closed = at + timedelta(minutes=minutes) if minutes is not None else None
    return MeetingRecord(meeting_id, at, closed, ("anna", "bram"), "anna", (), (), ())


# -- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("8w", Interval(days=56)),
        ("8W", Interval(days=56)),
        (" 8 w ", Interval(days=56)),
        ("56d", Interval(days=56)),
        ("1d", Interval(days=1)),
        ("52w", Interval(days=364)),
        ("2m", Interval(months=2)),
        ("2 maanden", Interval(months=2)),
        ("1 month", Interval(months=1)),
    ],
)
def test_an_interval_is_read_in_months_weeks_or_days(text: str, interval: Interval) -> None:
    assert parse_every(text) == interval


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("8", r"months, weeks or days, like 2m, 8w or 56d"),
        ("8y", r"unknown unit 'y'.*2m, 8w or 56d"),
        ("w8", r"cannot read the interval 'w8'"),
        ("", r"cannot read the interval"),
        ("1.5w", r"cannot read the interval"),
    ],
)
def test_an_interval_in_months_or_nonsense_is_refused_naming_the_accepted_forms(
    text: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_every(text)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2h", 120),
        ("2u", 120),
        ("90m", 90),
        ("90min", 90),
        ("1h30m", 90),
        ("1h30", 90),
        ("1u30", 90),
        ("1U30", 90),
        ("1h 30m", 90),
        ("1.5h", 90),
        ("1,5u", 90),
    ],
)
def test_a_duration_is_read_in_hours_and_minutes_also_in_dutch(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("90", r"no unit"),
        ("", r"cannot read the duration"),
        ("twee uur", r"cannot read the duration 'twee uur'.*2h, 90m, 1h30m or 1u30"),
        ("1h75", r"cannot read the duration"),
        ("1.5h30", r"cannot read the duration"),
        ("2x", r"cannot read the duration"),
        ("h", r"cannot read the duration"),
    ],
)
def test_a_nonsense_duration_is_refused_with_the_accepted_forms(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_duration(text)


# -- the plan ------------------------------------------------------------------------------


def test_six_meetings_every_eight_weeks_fall_on_the_right_dates() -> None:
    series = plan(START, 6, parse_every("8w"), parse_duration("2h"))
    meetings = schedule(series)
    assert [m.number for m in meetings] == [1, 2, 3, 4, 5, 6]
    assert [m.start.date().isoformat() for m in meetings] == [
        "2026-01-12",
        "2026-03-09",
        "2026-05-04",
        "2026-06-29",
        "2026-08-24",
        "2026-10-19",
    ]
    assert all(m.end - m.start == timedelta(hours=2) for m in meetings)
    assert all(m.held is None for m in meetings)


def test_a_series_in_a_local_zone_keeps_its_wall_clock_time_across_daylight_saving() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    meetings = schedule(plan(datetime(2026, 1, 12, 9, tzinfo=amsterdam), 6, 56, 120))
    assert {m.start.hour for m in meetings} == {9}
    assert meetings[2].start.utcoffset() == timedelta(hours=2)  # May: summer time


@pytest.mark.parametrize(
    ("meetings", "every", "minutes", "message"),
    [
        (0, 56, 120, "1 to 52 meetings, not 0"),
        (53, 56, 120, "1 to 52 meetings, not 53"),
        (6, 0, 120, "1 to 365 days apart, not 0"),
        (6, 400, 120, "1 to 365 days apart, not 400"),
        (6, 56, 10, "15 to 480 minutes"),
        (6, 56, 481, "15 to 480 minutes.*not 481"),
    ],
)
def test_a_plan_outside_the_limits_is_refused(
    meetings: int, every: int, minutes: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        plan(START, meetings, every, minutes)


# -- planned against held ------------------------------------------------------------------


def test_held_meetings_are_matched_to_the_nearest_planned_one_in_order() -> None:
    series = plan(START, 6, 56, 120)
    history = [
        record(START, meeting_id="one"),
        record(START + timedelta(weeks=9), meeting_id="two"),  # a week late
        # meeting 3 (week 16) did not happen
        record(START + timedelta(weeks=23, days=2), meeting_id="four"),  # a week early
        record(START + timedelta(weeks=26), meeting_id="extra"),  # an extra meeting
    ]
    now = START + timedelta(weeks=27)
    rows = compare(series, list(reversed(history)))  # order of the history does not matter

    assert [(r.number, r.held.meeting_id if r.held else None) for r in rows] == [
        (1, "one"),
        (2, "two"),
        (3, None),
        (4, "four"),
        (5, None),
        (6, None),
        (0, "extra"),
    ]
    assert [r.status(now) for r in rows] == [
        "held",
        "held",
        "missed",
        "held",
        "planned",
        "planned",
        "held",
    ]
    assert rows[-1].start == START + timedelta(weeks=26)
    assert rows[-1].end - rows[-1].start == timedelta(hours=2)


def test_a_planned_meeting_is_missed_only_once_its_time_has_passed() -> None:
    [meeting] = compare(plan(START, 1, 56, 120), [])
    assert meeting.status(START + timedelta(hours=1)) == "planned"
    assert meeting.status(START + timedelta(hours=2)) == "missed"
    assert meeting.status(datetime(2026, 1, 12, 12, 0)) == "missed"  # naive: read as UTC


def test_a_meeting_more_than_half_an_interval_from_any_date_fits_none() -> None:
    series = plan(START, 3, 56, 120)
    rows = compare(series, [record(START - timedelta(weeks=5), minutes=None)])
    assert [r.held for r in rows[:3]] == [None, None, None]
    assert rows[3].number == 0
    assert rows[3].end == START - timedelta(weeks=5) + timedelta(minutes=120)  # not closed


def test_two_meetings_near_one_date_do_not_share_it() -> None:
    series = plan(START, 3, 56, 120)
    first, second = record(START, meeting_id="a"), record(START + timedelta(days=3), meeting_id="b")
    rows = compare(series, [first, second])
    assert rows[0].held == first
    assert [r.number for r in rows if r.held == second] == [0]


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def test_compare_reads_the_meetings_the_engine_held_for_the_group(registry: Registry) -> None:
    clock = Clock()
    engine = Engine(MemoryJournal(), registry, clock=clock)
    groups_of(engine).create("Wijkteam Noord", lang="nl")
    for name in ["Anna", "Bram", "Carla"]:
        groups_of(engine).add_member("wijkteam-noord", name)
    group = groups_of(engine).plan_series("wijkteam-noord", plan(START, 6, 56, 120))
    assert group.series is not None
    for weeks in (0, 9):
        clock.now = START + timedelta(weeks=weeks)
        engine.start_meeting(groups_of(engine).get("wijkteam-noord"), facilitator="Anna")
    clock.now = START + timedelta(weeks=20)

    rows = compare(groups_of(engine).get("wijkteam-noord").series, group_history(engine, group.id))
    assert [r.status(clock.now) for r in rows] == [
        "held",
        "held",
        "missed",
        "planned",
        "planned",
        "planned",
    ]


# -- the calendar --------------------------------------------------------------------------


def events(data: bytes) -> list[Component]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_calendar_has_one_event_per_planned_meeting() -> None:
    series = plan(START, 6, 56, 120)
    data = to_ics("Wijkteam Noord", series, lang="nl")
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert "intervision" in str(calendar["PRODID"])
    found = events(data)
    assert len(found) == 6
    for meeting, event in zip(schedule(series), found, strict=True):
        assert event.decoded("DTSTART") == meeting.start
        assert event.decoded("DTEND") == meeting.start + timedelta(hours=2)
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)
        assert "DTSTAMP" in event
    assert [str(e["SUMMARY"]) for e in found] == [
        f"Intervisie Wijkteam Noord ({n}/6)" for n in range(1, 7)
    ]
    assert str(found[0]["DESCRIPTION"]).startswith("Vertrouwelijk")
    assert "\n" not in str(found[0]["DESCRIPTION"])
    english = events(to_ics("Wijkteam Noord", series, lang="en"))
    assert str(english[5]["SUMMARY"]) == "Intervision Wijkteam Noord (6/6)"
    assert "stays in the group" in str(english[0]["DESCRIPTION"])


def test_uids_are_unique_and_the_same_on_every_export() -> None:
    series = plan(START, 6, 56, 120)
    first = [str(e["UID"]) for e in events(to_ics("Wijkteam Noord", series, lang="nl"))]
    later = datetime(2026, 6, 1, tzinfo=UTC)
    again = [
        str(e["UID"]) for e in events(to_ics("Wijkteam Noord", series, lang="en", stamp=later))
    ]
    assert len(set(first)) == 6
    assert first == again
    longer = plan(START, 6, 56, 150)  # same series, meetings made longer: events update
    assert [str(e["UID"]) for e in events(to_ics("Wijkteam Noord", longer, lang="nl"))] == first
    other_group = [str(e["UID"]) for e in events(to_ics("Wijkteam Zuid", series, lang="nl"))]
    assert not set(other_group) & set(first)


def test_every_two_months_keeps_the_weekday_and_the_week_of_the_month() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    second_tuesday = datetime(2026, 1, 13, 19, 30, tzinfo=amsterdam)
    series = plan(second_tuesday, 6, parse_every("2m"), 120)
    assert (series.every_months, series.every_days) == (2, 0)
    starts = [m.start for m in schedule(series)]
    assert [s.date().isoformat() for s in starts] == [
        "2026-01-13",
        "2026-03-10",
        "2026-05-12",
        "2026-07-14",
        "2026-09-08",
        "2026-11-10",
    ]
    assert all(s.weekday() == 1 and 8 <= s.day <= 14 for s in starts)  # second Tuesdays
    assert all((s.hour, s.minute) == (19, 30) for s in starts)  # summer time too
    # A fifth weekday becomes the last one of a month without a fifth.
    fifth = schedule(plan(datetime(2026, 1, 29, 9, tzinfo=UTC), 3, Interval(months=1), 60))
    assert [m.start.date().isoformat() for m in fifth] == [
        "2026-01-29",
        "2026-02-26",
        "2026-03-26",
    ]
    # Each meeting counts from the first: December to February crosses the year.
    assert schedule(plan(datetime(2026, 12, 1, 9, tzinfo=UTC), 2, Interval(months=2), 60))[
        1
    ].start == datetime(2027, 2, 2, 9, tzinfo=UTC)
    with pytest.raises(ValueError, match="1 to 12 months apart"):
        plan(START, 6, Interval(months=13), 120)


def test_a_meeting_moved_weeks_within_a_monthly_series_still_counts() -> None:
    series = plan(START, 3, Interval(months=2), 120)
    moved = record(START + timedelta(weeks=12), meeting_id="late")  # planned: 9 March
    rows = compare(series, [moved])
    assert [(row.number, row.held and row.held.meeting_id) for row in rows] == [
        (1, None),
        (2, "late"),
        (3, None),
    ]


def test_a_changed_plan_keeps_its_uids_with_a_higher_sequence_and_cancels_what_it_dropped(
    engine: Engine,
) -> None:
    groups = groups_of(engine)
    groups.create("Noord")
    first = groups.plan_series("noord", plan(START, 6, 56, 120))
    before = events(to_ics("Noord", first.series, lang="nl", key=calendar_key(first)))
    assert [int(e["SEQUENCE"]) for e in before] == [0] * 6
    moved = plan(START + timedelta(days=7), 4, Interval(months=2), 90)
    changed = groups.plan_series("noord", moved)
    key = calendar_key(changed)
    assert key == CalendarKey(START, 1, 6)
    after = events(to_ics("Noord", moved, lang="nl", key=key))
    assert [str(e["UID"]) for e in after] == [str(e["UID"]) for e in before]
    assert [int(e["SEQUENCE"]) for e in after] == [1] * 6
    assert [str(e.get("STATUS", "")) for e in after] == [""] * 4 + ["CANCELLED"] * 2
    assert after[1].decoded("DTSTART") == moved.start.replace(month=3, day=16)
    assert str(after[0]["SUMMARY"]).endswith("(1/4)")
    # A new series is another series: new events.
    again = groups.plan_series("noord", plan(START, 6, 56, 120), new_series=True)
    renewed = events(to_ics("Noord", again.series, lang="nl", key=calendar_key(again)))
    assert calendar_key(again) == CalendarKey(START, 0, 6)
    assert [str(e["UID"]) for e in renewed] == [str(e["UID"]) for e in before]  # same start
    later = groups.plan_series(
        "noord", plan(START + timedelta(days=365), 6, 56, 120), new_series=True
    )
    newer = events(to_ics("Noord", later.series, lang="nl", key=calendar_key(later)))
    assert not {str(e["UID"]) for e in newer} & {str(e["UID"]) for e in before}


def test_a_named_zone_is_kept_and_a_naive_time_is_written_as_utc() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    data = to_ics("W", plan(datetime(2026, 1, 12, 9, tzinfo=amsterdam), 6, 56, 120), lang="nl")
    assert b"BEGIN:VTIMEZONE" in data
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")
    found = events(data)
    assert found[0].decoded("DTSTART") == datetime(2026, 1, 12, 9, tzinfo=amsterdam)
    assert found[2].decoded("DTSTART") == datetime(2026, 5, 4, 9, tzinfo=amsterdam)
    assert found[2]["DTSTART"].params["TZID"] == "Europe/Amsterdam"

    naive = events(to_ics("W", plan(datetime(2026, 1, 12, 9), 1, 56, 120), lang="nl"))
    assert naive[0].decoded("DTSTART") == START

    offset = timezone(timedelta(hours=1))
    fixed_plan = plan(datetime(2026, 1, 12, 10, tzinfo=offset), 1, 56, 120)
    fixed = events(to_ics("W", fixed_plan, lang="nl"))
    assert fixed[0].decoded("DTSTART") == START  # the same instant, now in UTC


def test_the_calendar_written_to_a_file_reads_back(tmp_path: Path) -> None:
    series = plan(START, 6, 56, 120)
    path = tmp_path / "wijkteam-noord.ics"
    path.write_bytes(to_ics("Wijkteam Noord", series, lang="nl"))
    back = Calendar.from_ical(path.read_bytes())
    assert [e.decoded("DTSTART") for e in back.walk("VEVENT")] == [
        m.start for m in schedule(series)
    ]
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_a_stored_plan_keeps_its_time_zone_across_summer_time(tmp_path: Path) -> None:
    from intervision.engine import load_registry
    from intervision.engine.storage import SqliteJournal

    amsterdam = ZoneInfo("Europe/Amsterdam")
    engine = Engine(SqliteJournal(tmp_path / "s.sqlite3"), load_registry(user_methods=False))
    groups_of(engine).create("Noord")
    series = plan(datetime(2026, 1, 12, 9, 0, tzinfo=amsterdam), 6, 56, 120)
    groups_of(engine).plan_series("noord", series)
    stored = groups_of(Engine(SqliteJournal(tmp_path / "s.sqlite3"))).get("noord").series
    assert stored is not None and stored.zone == "Europe/Amsterdam"
    starts = [m.start for m in schedule(stored)]
    assert all(s.astimezone(amsterdam).hour == 9 for s in starts)  # summer and winter
