"""A group's series (reeks): planned dates, compared with the meetings held, and as .ics."""

from .planning import *

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
