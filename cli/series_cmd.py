"""``intervision series``: a group's planned meetings, set against those held.

A plan is typed in the facilitator's own time zone (the system's, or ``--tz``):
"2026-01-12" means 09:00 there, and 09:00 stays 09:00 across daylight saving, in
the table and in the calendar file. The table shows dates, times and meeting ids
only, never what was said, so it may be shown to anyone who plans with the group.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from intervision.engine.groups import groups_of

from .completion import complete_groups
from .methods_cmd import table
from .series_thread import method_cmd
from .settings import Settings, pass_settings
from .texts import Lang, count, pick
from .texts_series import ORDINALS, STATUS_NAMES, WEEKDAY_NAMES, WEEKDAYS, t

if TYPE_CHECKING:
    from intervision.engine import Engine, SeriesPlan
    from intervision.engine.groups import GroupState
    from intervision.engine.series import PlannedMeeting

__all__ = ["local_zone", "parse_start", "series"]

#: A date without a time starts at this hour.
DEFAULT_HOUR = 9
#: The exit code for a group without a series: a group problem, as a ``GroupError``.
NO_PLAN = 7

_T = TypeVar("_T")

_TZ_HELP = "Time zone of the dates, like Europe/Amsterdam (default: the system's zone)."


@click.group()
def series() -> None:
    """Plan a group's series (reeks) of meetings and set it against those held."""


series.add_command(method_cmd)


@series.command("plan")
@click.argument("group_id", metavar="GROUP", shell_complete=complete_groups)
@click.option(
    "--meetings", type=int, required=True, metavar="N", help="How many meetings (1 to 52)."
)
@click.option(
    "--every",
    required=True,
    metavar="INTERVAL",
    help="Time between meetings: 2m (calendar months: the same weekday of the same week), "
    "8w or 56d.",
)
@click.option(
    "--duration", required=True, metavar="LENGTH", help="Length of a meeting: 2h, 90m or 1h30."
)
@click.option(
    "--start",
    required=True,
    metavar="DATE",
    help="The first meeting: YYYY-MM-DD (at 09:00) or YYYY-MM-DDTHH:MM.",
)
@click.option("--tz", "zone_name", metavar="ZONE", help=_TZ_HELP)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write the series as an iCalendar file for calendar apps.",
)
@click.option(
    "--new-series",
    is_flag=True,
    help="A new series, not a change of the current plan (new calendar events).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@pass_settings
def plan_cmd(
    settings: Settings,
    group_id: str,
    meetings: int,
    every: str,
    duration: str,
    start: str,
    zone_name: str | None,
    ics: str | None,
    new_series: bool,
    as_json: bool,
) -> None:
    """Plan the series of GROUP, and show it against the meetings held.

    A plan for a group that has one changes that series: its calendar events keep
    their ids, so a calendar moves them (--new-series begins another series)."""
    from intervision.engine.series import (
        MAX_EVERY_DAYS,
        MAX_EVERY_MONTHS,
        MAX_MEETINGS,
        parse_duration,
        parse_every,
        plan,
    )

    lang = settings.lang
    zone = _zone(lang, zone_name)
    first = parse_start(lang, start, zone)
    interval = _parsed(parse_every, every, "--every", lang)
    minutes = _parsed(parse_duration, duration, "--duration", lang)
    try:
        chosen = plan(first, meetings, interval, minutes)
    except ValueError:
        limit, length = (
            (MAX_EVERY_MONTHS, interval.months)
            if interval.months
            else (MAX_EVERY_DAYS, interval.days)
        )
        if not 1 <= meetings <= MAX_MEETINGS:
            hint, key = "--meetings", "series.bad_meetings"
        elif not 1 <= length <= limit:
            hint, key = "--every", "series.far_apart"
        else:
            hint, key = "--duration", "series.bad_length"
        message = t(lang, key, n=meetings, every=every, duration=duration)
        raise click.BadParameter(message, param_hint=f"'{hint}'") from None
    engine = settings.open_engine()
    replaced = groups_of(engine).get(group_id).series is not None
    group = groups_of(engine).plan_series(group_id, chosen, new_series=new_series)
    if not as_json:
        click.echo(t(lang, "series.planned", name=group.name))
        if replaced:
            click.echo(t(lang, "series.new" if new_series else "series.replaced"))
        click.echo()
    _show(engine, group, chosen, lang, zone, as_json=as_json, ics=ics)


@series.command("show")
@click.argument("group_id", metavar="GROUP", shell_complete=complete_groups)
@click.option("--tz", "zone_name", metavar="ZONE", help=_TZ_HELP)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write the series as an iCalendar file for calendar apps.",
)
@click.option(
    "--goals", is_flag=True, help="Also the words of each member's learning goal (content)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the series as JSON.")
@pass_settings
def show_cmd(
    settings: Settings,
    group_id: str,
    zone_name: str | None,
    ics: str | None,
    goals: bool,
    as_json: bool,
) -> None:
    """Show the series of GROUP: each planned meeting held, missed or still planned, and
    each member's learning goal followed since it was written."""
    lang = settings.lang
    zone = _zone(lang, zone_name)
    engine = settings.open_engine()
    group = groups_of(engine).get(group_id)
    if group.series is None:
        _fail(lang, t(lang, "series.no_plan", name=group.name, id=group.id), NO_PLAN)
    # The journal keeps the start's offset but not its zone name; set back in the
    # zone the plan is read in, 09:00 stays 09:00 after the clocks change.
    plan = group.series.model_copy(update={"start": group.series.start.astimezone(zone)})
    _show(engine, group, plan, lang, zone, as_json=as_json, ics=ics, goals=goals)


def _show(
    engine: Engine,
    group: GroupState,
    plan: SeriesPlan,
    lang: Lang,
    zone: tzinfo,
    *,
    as_json: bool,
    ics: str | None,
    goals: bool = False,
) -> None:
    from intervision.engine.groups import group_history
    from intervision.engine.series import calendar_key, compare, to_ics

    from .series_thread import goal_lines, goals_json

    history = group_history(engine, group.id)
    rows = compare(plan, history)
    now = datetime.now(UTC)
    if ics is not None:
        with open(ics, "wb") as file:
            file.write(to_ics(group.name, plan, lang=lang, key=calendar_key(group)))
    if as_json:
        data = _as_json(group, plan, rows, now)
        data["learning_goals"] = [
            {k: v for k, v in row.items() if k != "at"}
            for row in goals_json(group, history, texts=goals)
        ]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(
        t(
            lang,
            "series.head",
            name=group.name,
            n=plan.meetings,
            every=_every(lang, plan),
            duration=_duration(lang, plan.minutes),
        )
    )
    click.echo(t(lang, "series.zone", zone=_zone_label(zone)))
    if group.series_method is not None:
        from .series_thread import fixed_line

        click.echo(fixed_line(engine.registry, group, lang))
    click.echo()
    heads = tuple(t(lang, f"series.col.{c}") for c in ("no", "date", "time", "status", "meeting"))
    body = [_row(lang, row, now, zone) for row in rows]
    click.echo("\n".join(f"  {line}" for line in table([heads, *body]).splitlines()))
    click.echo()
    counts = {status: 0 for status in STATUS_NAMES}
    for row in rows[: plan.meetings]:
        counts[row.status(now)] += 1
    click.echo(t(lang, "series.totals", **counts))
    extras = len(rows) - plan.meetings
    if extras:
        click.echo(t(lang, "series.extras", meetings=count(lang, extras, "meeting")))
    if ics is not None:
        click.echo(t(lang, "series.ics_written", path=ics, n=plan.meetings))
    if any(record.learning_goals for record in history):
        click.echo()
        click.echo("\n".join(goal_lines(group, history, lang, texts=goals)))


def _row(lang: Lang, row: PlannedMeeting, now: datetime, zone: tzinfo) -> tuple[str, ...]:
    start, end = row.start.astimezone(zone), row.end.astimezone(zone)
    meeting = ""
    if row.held is not None:
        meeting = row.held.meeting_id
        held_on = row.held.started_at.astimezone(zone)
        if row.number and held_on.date() != start.date():
            meeting += f" ({t(lang, 'series.held_on', date=_date(lang, held_on))})"
    return (
        str(row.number) if row.number else t(lang, "series.extra"),
        _date(lang, start),
        f"{start:%H:%M}-{end:%H:%M}",
        pick(lang, STATUS_NAMES[row.status(now)]),
        meeting,
    )


def _as_json(
    group: GroupState, plan: SeriesPlan, rows: list[PlannedMeeting], now: datetime
) -> dict[str, Any]:
    return {
        "group": group.id,
        "name": group.name,
        "method": group.series_method,
        "variant": group.series_variant,
        "plan": {
            "start": plan.start.isoformat(),
            "meetings": plan.meetings,
            "every_days": plan.every_days,
            "every_months": plan.every_months,
            "minutes": plan.minutes,
        },
        "meetings": [
            {
                "number": row.number or None,
                "start": row.start.isoformat(),
                "end": row.end.isoformat(),
                "status": row.status(now),
                "meeting_id": row.held.meeting_id if row.held else None,
            }
            for row in rows
        ],
    }


def parse_start(lang: Lang, text: str, zone: tzinfo) -> datetime:
    """``YYYY-MM-DD`` (at 09:00) or ``YYYY-MM-DDTHH:MM`` (a space works too), in ``zone``."""
    cleaned = text.strip()
    for form in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            at = datetime.strptime(cleaned, form)
        except ValueError:
            continue
        if form == "%Y-%m-%d":
            at = at.replace(hour=DEFAULT_HOUR)
        return at.replace(tzinfo=zone)
    raise click.BadParameter(t(lang, "series.bad_start"), param_hint="'--start'")


def local_zone() -> tzinfo:
    """The system's zone by its IANA name where it can be found, else its current offset.

    The name matters: with it, a series planned at 09:00 in winter is still at
    09:00 in summer, and the calendar file carries the zone. ``TZ`` is read first,
    then the ``/etc/localtime`` link (Linux, macOS).
    """
    from zoneinfo import ZoneInfo

    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for key in filter(None, candidates):
        try:
            return ZoneInfo(key)
        except (ValueError, KeyError, OSError):  # not a zone name, or not installed
            continue
    return datetime.now().astimezone().tzinfo or UTC


def _zone(lang: Lang, name: str | None) -> tzinfo:
    if name is None:
        return local_zone()
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        message = t(lang, "series.bad_zone", zone=name)
        raise click.BadParameter(message, param_hint="'--tz'") from None


def _parsed(parse: Callable[[str], _T], text: str, option: str, lang: Lang) -> _T:
    """The engine's reading of ``text``; what is wrong names the accepted forms."""
    try:
        return parse(text)
    except ValueError:
        key = "series.bad_every" if option == "--every" else "series.bad_duration"
        raise click.BadParameter(t(lang, key, text=text), param_hint=f"'{option}'") from None


def _zone_label(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or str(zone)


def _date(lang: Lang, at: datetime) -> str:
    return f"{pick(lang, WEEKDAYS[at.weekday()])} {at:%Y-%m-%d}"


def _every(lang: Lang, plan: SeriesPlan) -> str:
    if plan.every_months:
        start = plan.local_start
        nth = pick(lang, ORDINALS[(start.day - 1) // 7])
        day = pick(lang, WEEKDAY_NAMES[start.weekday()])
        n = plan.every_months
        months = t(lang, "series.month") if n == 1 else t(lang, "series.months", n=n)
        return months + t(lang, "series.on_nth", nth=nth, day=day)
    days = plan.every_days
    if days == 7:
        return t(lang, "series.week")
    if days == 1:
        return t(lang, "series.day")
    if days % 7 == 0:
        return t(lang, "series.weeks", n=days // 7)
    return t(lang, "series.days", n=days)


def _duration(lang: Lang, minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and not rest:
        return t(lang, "series.hour" if hours == 1 else "series.hours", n=hours)
    if hours == 0:
        return t(lang, "series.minutes", n=minutes)
    return t(lang, "series.hours_minutes", h=hours, m=rest)


def _fail(lang: Lang, message: str, code: int) -> NoReturn:
    """One line on stderr and the exit code, as the group does for engine errors."""
    from .texts import t as frame_t

    click.echo(frame_t(lang, "error", text=message), err=True)
    click.get_current_context().exit(code)
