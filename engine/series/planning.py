"""A group's series (reeks): planned meetings, set against those held, and as a calendar.

A series is planned once (how many meetings, how often, how long) and then lived:
meetings move a week, one is skipped, an extra one is added. Nothing here changes
the plan to follow what happened; :func:`compare` lays the held meetings beside
the plan, so the facilitator sees what was held, what was missed and what is to
come, and can answer a registry that asks for at least 4 meetings a year of at
least 1.5 hours.

Why a plan is kept in days and not in months: :class:`SeriesPlan` stores
``every_days``, and "every 2 months" is not a number of days (59 to 62). Rather
than guess, :func:`parse_every` accepts weeks and days only and says so.

Naive datetimes are read as UTC everywhere in this module, the same way the
engine's own clock writes them, so a plan typed without a zone can still be
compared with the meetings' UTC timestamps and exported without guessing a
local zone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from intervision.engine import Lang, SeriesPlan, Text
from intervision.engine.groups import MeetingRecord

__all__ = [
    "MAX_EVERY_DAYS",
    "MAX_MEETINGS",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "PlannedMeeting",
    "Status",
    "compare",
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


def parse_every(text: str) -> int:
    """Days between meetings from ``"8w"`` (weeks) or ``"56d"`` (days).

    Months are refused on purpose: a plan is kept in days, and a month is not a
    fixed number of days, so "2m" would drift against the calendar. The message
    suggests the weeks that come closest.
    """
    match = _EVERY.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"cannot read the interval {text!r}: write a number of weeks or days, like 8w or 56d"
        )
    n, unit = int(match["n"]), match["unit"].lower()
    if unit in _MONTHS:
        raise ValueError(
            f"cannot plan every {text.strip()!r}: months differ in length; write weeks or "
            f"days instead, like {round(n * 30.44 / 7)}w for {n} month{'s' if n != 1 else ''}"
        )
    if unit not in _EVERY_UNITS:
        raise ValueError(
            f"unknown unit {match['unit']!r} in {text!r}: write a number of weeks or days, "
            "like 8w or 56d"
        )
    return n * _EVERY_UNITS[unit]


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


def plan(start: datetime, meetings: int, every_days: int, minutes: int) -> SeriesPlan:
    """A checked :class:`SeriesPlan`; the limits catch typos, not unusual groups.

    52 meetings is a weekly group for a year; a meeting under 15 minutes or over
    8 hours, or an interval over a year, is almost certainly a slip of the keyboard.
    """
    if not 1 <= meetings <= MAX_MEETINGS:
        raise ValueError(f"a series has 1 to {MAX_MEETINGS} meetings, not {meetings}")
    if not 1 <= every_days <= MAX_EVERY_DAYS:
        raise ValueError(f"meetings are 1 to {MAX_EVERY_DAYS} days apart, not {every_days} days")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(
            f"a meeting lasts {MIN_MINUTES} to {MAX_MINUTES} minutes (8 hours), not {minutes}"
        )
    zone = start.tzinfo.key if isinstance(start.tzinfo, ZoneInfo) else None
    return SeriesPlan(
        start=start, meetings=meetings, every_days=every_days, minutes=minutes, zone=zone
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
    """
    start = series.local_start
    length = timedelta(minutes=series.minutes)
    found = []
    for n in range(series.meetings):
        at = start + timedelta(days=series.every_days * n)
        found.append(PlannedMeeting(n + 1, at, at + length, None))
    return found


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
    window = timedelta(days=series.every_days) / 2
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


def to_ics(
    group_name: str, series: SeriesPlan, *, lang: Lang, stamp: datetime | None = None
) -> bytes:
    """The series as an iCalendar file that calendar apps import.

    Each event's UID is derived from the group name, the series' start and the
    meeting's number, so exporting the same series again gives the same UIDs and
    a calendar updates its events instead of adding copies, also after the
    interval, duration or number of meetings was changed. A series with another
    start date is another series and gets new UIDs.

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
    meetings = schedule(series)
    for meeting in meetings:
        event = Event()
        event.add("uid", _uid(group_name, series, meeting.number))
        event.add("dtstamp", dtstamp)
        event.add("dtstart", _calendar_time(meeting.start))
        event.add("dtend", _calendar_time(meeting.end))
        event.add(
            "summary", SUMMARY.format(lang, group=group_name, n=meeting.number, total=len(meetings))
        )
        event.add("description", DESCRIPTION(lang))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    # Some readers resolve a TZID only if its VTIMEZONE came first; older icalendar
    # versions appended them after the events.
    calendar.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")
    data: bytes = calendar.to_ical()  # typed Any in icalendar
    return data


def _uid(group_name: str, series: SeriesPlan, number: int) -> str:
    key = f"{group_name}\n{series.local_start.astimezone(UTC).isoformat()}\n{number}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@intervision"


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _calendar_time(at: datetime) -> datetime:
    zone: tzinfo | None = at.tzinfo
    if zone is UTC or (isinstance(zone, ZoneInfo) and zone.key):
        return at
    return _aware(at).astimezone(UTC)
