"""A group's series (reeks): planned meetings, set against those held, and as a calendar.

A series is planned once (how many meetings, how often, how long) and then lived:
meetings move a week, one is skipped, an extra one is added. Nothing here changes
the plan to follow what happened; :func:`compare` lays the held meetings beside
the plan, so the facilitator sees what was held, what was missed and what is to
come, and can answer a registry that asks for at least 4 meetings a year of at
least 1.5 hours.

"Every 2 months", the rhythm methods.md gives for a typical series, is kept as
calendar months, not as a number of days (59 to 62) or weeks, which would drift:
each meeting falls on the same weekday in the same week of the month as the
first (the second Tuesday stays the second Tuesday; a fifth one becomes the
last), since a group that meets in working time keeps its weekday and its room.
Weeks and days are kept as days.

A plan that is changed stays the same series for a calendar: :func:`to_ics`
gives each meeting the same UID as before and a higher SEQUENCE, so a calendar
app moves its events instead of adding copies, and cancels the ones dropped.

Naive datetimes are read as UTC everywhere in this module, the same way the
engine's own clock writes them, so a plan typed without a zone can still be
compared with the meetings' UTC timestamps and exported without guessing a
local zone.
"""

from __future__ import annotations

import calendar as calendar_dates
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from intervision.engine import Lang, SeriesPlan, Text
from intervision.engine.groups import GroupState, MeetingRecord

__all__ = [
    "MAX_EVERY_DAYS",
    "MAX_EVERY_MONTHS",
    "MAX_MEETINGS",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "CalendarKey",
    "Interval",
    "PlannedMeeting",
    "Status",
    "calendar_key",
    "compare",
    "interval_days",
    "months_later",
    "parse_duration",
    "parse_every",
    "plan",
    "schedule",
    "to_ics",
]

MAX_MEETINGS = 52
MIN_MINUTES = 15
MAX_MINUTES = 480
MAX_EVERY_DAYS = 365
MAX_EVERY_MONTHS = 12

Status = Literal["held", "missed", "planned"]

_EVERY = re.compile(r"(?P<n>\d+)\s*(?P<unit>[a-z]+)", re.IGNORECASE)
_EVERY_UNITS = {"w": 7, "d": 1}
_MONTHS = {"m", "mo", "mnd", "maand", "maanden", "month", "months"}

_DURATION = re.compile(
    r"(?:(?P<h>\d+(?:[.,]\d+)?)\s*[hu])?\s*(?:(?P<m>\d+)\s*(?P<m_unit>min|m)?)?",
    re.IGNORECASE,
)

CALENDAR_NAME = Text(nl="Intervisie {group}", en="Intervision {group}")
SUMMARY = Text(nl="Intervisie {group} ({n}/{total})", en="Intervision {group} ({n}/{total})")
#: One line, the same for every group: a calendar entry is read by whoever sees the
#: calendar, so it carries the agreement and never anything said in a meeting.
DESCRIPTION = Text(
    nl="Vertrouwelijk: wat in de intervisie besproken wordt, blijft in de groep.",
    en="Confidential: what is discussed in intervision stays in the group.",
)


@dataclass(frozen=True)
class Interval:
    """The time between meetings: a number of days, or of calendar months."""

    days: int = 0
    months: int = 0


def parse_every(text: str) -> Interval:
    """The time between meetings from ``"2m"`` (calendar months, also ``2 maanden``),
    ``"8w"`` (weeks) or ``"56d"`` (days)."""
    hint = "write a number of months, weeks or days, like 2m, 8w or 56d"
    match = _EVERY.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"cannot read the interval {text!r}: {hint}")
    n, unit = int(match["n"]), match["unit"].lower()
    if unit in _MONTHS:
        return Interval(months=n)
    if unit not in _EVERY_UNITS:
        raise ValueError(f"unknown unit {match['unit']!r} in {text!r}: {hint}")
    return Interval(days=n * _EVERY_UNITS[unit])


def parse_duration(text: str) -> int:
    """Minutes from ``"2h"``, ``"90m"``, ``"1h30m"``, ``"1h30"``, ``"1u30"`` or ``"1,5u"``.

    ``u`` is the Dutch *uur*. A bare number is refused: "90" and "2" are both
    plausible meeting lengths, and guessing wrong plans a 2-minute meeting.
    """
    hint = "write hours and minutes like 2h, 90m, 1h30m or 1u30"
    match = _DURATION.fullmatch(text.strip())
    if match is None or (match["h"] is None and match["m"] is None):
        raise ValueError(f"cannot read the duration {text!r}: {hint}")
    if match["h"] is None and match["m_unit"] is None:
        raise ValueError(f"the duration {text!r} has no unit: {hint}")
    minutes = int(match["m"] or 0)
    if match["h"] is None:
        return minutes
    hours = float(match["h"].replace(",", "."))
    if match["m"] is not None and (hours != int(hours) or minutes >= 60):
        raise ValueError(f"cannot read the duration {text!r}: {hint}")
    return round(hours * 60) + minutes


def plan(start: datetime, meetings: int, every: int | Interval, minutes: int) -> SeriesPlan:
    """A checked :class:`SeriesPlan`; ``every`` is an :class:`Interval` or a number of
    days. The limits catch typos, not unusual groups.

    52 meetings is a weekly group for a year; a meeting under 15 minutes or over
    8 hours, or an interval over a year, is almost certainly a slip of the keyboard.
    """
    interval = every if isinstance(every, Interval) else Interval(days=every)
    if not 1 <= meetings <= MAX_MEETINGS:
        raise ValueError(f"a series has 1 to {MAX_MEETINGS} meetings, not {meetings}")
    if interval.months and not 1 <= interval.months <= MAX_EVERY_MONTHS:
        raise ValueError(
            f"meetings are 1 to {MAX_EVERY_MONTHS} months apart, not {interval.months} months"
        )
    if not interval.months and not 1 <= interval.days <= MAX_EVERY_DAYS:
        raise ValueError(f"meetings are 1 to {MAX_EVERY_DAYS} days apart, not {interval.days} days")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(
            f"a meeting lasts {MIN_MINUTES} to {MAX_MINUTES} minutes (8 hours), not {minutes}"
        )
    zone = start.tzinfo.key if isinstance(start.tzinfo, ZoneInfo) else None
    return SeriesPlan(
        start=start,
        meetings=meetings,
        every_days=interval.days if not interval.months else 0,
        every_months=interval.months,
        minutes=minutes,
        zone=zone,
    )


@dataclass(frozen=True)
class PlannedMeeting:
    """One meeting of a series, with the held meeting that took its place, if any.

    ``number`` counts from 1 in the plan; 0 marks a held meeting the plan did not
    foresee (an extra meeting, or one moved so far it fits no planned date).
    """

    number: int
    start: datetime
    end: datetime
    held: MeetingRecord | None

    def status(self, now: datetime) -> Status:
        """``held`` if a meeting took place; else ``missed`` once its planned end
        has passed, ``planned`` before. A meeting held late but still near its date
        turns a missed one back into held, since status is read, never stored."""
        if self.held is not None:
            return "held"
        return "missed" if _aware(now) >= self.end else "planned"


def schedule(series: SeriesPlan) -> list[PlannedMeeting]:
    """The planned meetings, numbered from 1, none held yet.

    Adding days to a zone-aware datetime keeps the wall-clock time, so a series
    planned at 09:00 Europe/Amsterdam stays at 09:00 across daylight saving.
    Each meeting is counted from the first, so months never drift.
    """
    start = series.local_start
    length = timedelta(minutes=series.minutes)
    found = []
    for n in range(series.meetings):
        if series.every_months:
            at = months_later(start, series.every_months * n)
        else:
            at = start + timedelta(days=series.every_days * n)
        found.append(PlannedMeeting(n + 1, at, at + length, None))
    return found


def months_later(start: datetime, months: int) -> datetime:
    """The same weekday in the same week of the month, ``months`` calendar months later.

    The second Tuesday of January gives the second Tuesday of March; a fifth
    weekday (the 29th to 31st) gives the last one of a month that has no fifth.
    """
    week = (start.day - 1) // 7
    years, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + years, month + 1
    first_weekday, days_in_month = calendar_dates.monthrange(year, month)
    day = 1 + (start.weekday() - first_weekday) % 7 + 7 * week
    if day > days_in_month:
        day -= 7
    return start.replace(year=year, month=month, day=day)


def interval_days(series: SeriesPlan) -> float:
    """The time between meetings in days, months counted at their average length."""
    return series.every_months * 30.44 if series.every_months else float(series.every_days)


def compare(series: SeriesPlan, history: Sequence[MeetingRecord]) -> list[PlannedMeeting]:
    """The plan with each held meeting set on the planned one it is closest to.

    Held meetings are taken oldest first and matched in order: each goes to the
    nearest planned meeting that is later than the one matched before and no more
    than half an interval away, so one meeting moved a few weeks still counts as
    "meeting 3". Planned meetings with nothing held stay ``held=None``.

    The result is the planned meetings 1..N in order, then the held meetings that
    fit none (number 0), oldest first: ``result[:series.meetings]`` always lines
    up with the plan, and the extras are still shown, never silently dropped.
    A started meeting counts as held even if it was never closed in the app: the
    group met.
    """
    planned = schedule(series)
    window = timedelta(days=interval_days(series)) / 2
    matched: dict[int, MeetingRecord] = {}
    extra: list[PlannedMeeting] = []
    first_free = 0
    for record in sorted(history, key=lambda r: _aware(r.started_at)):
        at = _aware(record.started_at)
        near = [
            (abs(at - p.start), i)
            for i, p in enumerate(planned[first_free:], first_free)
            if abs(at - p.start) <= window
        ]
        if near:
            _, index = min(near)
            matched[index] = record
            first_free = index + 1
        else:
            end = record.closed_at or record.started_at + timedelta(minutes=series.minutes)
            extra.append(PlannedMeeting(0, at, _aware(end), record))
    rows = [PlannedMeeting(p.number, p.start, p.end, matched.get(i)) for i, p in enumerate(planned)]
    return rows + extra


@dataclass(frozen=True)
class CalendarKey:
    """What keeps a series the same series in a calendar while its plan changes.

    ``began`` is the start of the plan that began the series, from which the
    events' UIDs are made; ``sequence`` counts the changes of the plan since
    (each event's SEQUENCE); ``most`` is the most meetings any version planned,
    so the meetings a change dropped are sent as cancelled.
    """

    began: datetime
    sequence: int = 0
    most: int = 0


def calendar_key(group: GroupState) -> CalendarKey | None:
    """The calendar key of the group's series, as its plans made it (None: no plan)."""
    if group.series is None or group.series_began is None:
        return None
    return CalendarKey(group.series_began, group.series_changes, group.series_most)


def to_ics(
    group_name: str,
    series: SeriesPlan,
    *,
    lang: Lang,
    stamp: datetime | None = None,
    key: CalendarKey | None = None,
) -> bytes:
    """The series as an iCalendar file that calendar apps import.

    Each event's UID is derived from the group name, the start of the plan that
    began the series (``key``, see :func:`calendar_key`; without one, this plan's
    start) and the meeting's number, so exporting again gives the same UIDs and
    a calendar updates its events instead of adding copies, also after the start,
    interval, duration or number of meetings was changed. Each event carries the
    number of changes as its SEQUENCE, so a calendar takes the new times over the
    old; a meeting the change dropped comes as cancelled.

    Times keep their zone when it has an IANA name (written with a VTIMEZONE, so
    09:00 Amsterdam stays 09:00 after the clocks change); naive times are UTC, and
    a fixed offset without a name is converted to UTC, since calendar apps cannot
    resolve an unnamed offset. ``stamp`` (DTSTAMP, default now) is for
    reproducible output.
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//intervision//series//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME.format(lang, group=group_name))
    dtstamp = _aware(stamp or datetime.now(UTC)).astimezone(UTC)
    key = key or CalendarKey(series.local_start, 0, series.meetings)
    total = series.meetings
    # The dropped meetings keep the place the current rhythm gives them: a cancelled
    # event still needs a start.
    longer = series.model_copy(update={"meetings": max(total, key.most)})
    for meeting in schedule(longer):
        event = Event()
        event.add("uid", _uid(group_name, key.began, meeting.number))
        event.add("dtstamp", dtstamp)
        event.add("sequence", key.sequence)
        event.add("dtstart", _calendar_time(meeting.start))
        event.add("dtend", _calendar_time(meeting.end))
        event.add("summary", SUMMARY.format(lang, group=group_name, n=meeting.number, total=total))
        event.add("description", DESCRIPTION(lang))
        if meeting.number > total:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    # Some readers resolve a TZID only if its VTIMEZONE came first; older icalendar
    # versions appended them after the events.
    calendar.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")
    data: bytes = calendar.to_ical()  # typed Any in icalendar
    return data


def _uid(group_name: str, began: datetime, number: int) -> str:
    key = f"{group_name}\n{_aware(began).astimezone(UTC).isoformat()}\n{number}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@intervision"


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _calendar_time(at: datetime) -> datetime:
    zone: tzinfo | None = at.tzinfo
    if zone is UTC or (isinstance(zone, ZoneInfo) and zone.key):
        return at
    return _aware(at).astimezone(UTC)
