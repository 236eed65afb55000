"""What a series holds beyond its dates: the method the group keeps, and the goals it follows.

``series method`` fixes one method for the series (a beginning group keeps one
until its members know it). ``series show`` follows each member's learning goal
(written at the intake or a refresh: "de voortgaande lijn"): since when, and how
many meetings and cases came after; the goals' words only with ``--goals``, since
the table itself is for whoever plans with the group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from intervision.engine.groups import groups_of

from .settings import Settings, pass_settings
from .texts import Lang, count
from .texts_series import t
from .texts_start import t as start_t

if TYPE_CHECKING:
    from intervision.engine import Registry
    from intervision.engine.groups import GroupState, MeetingRecord

__all__ = ["fixed_line", "goal_lines", "goals_json", "method_cmd"]


@click.command("method")
@click.argument("group_id", metavar="GROUP")
@click.argument("method", metavar="ID[/VARIANT]", required=False)
@click.option("--free", is_flag=True, help="No method fixed: choose one each meeting.")
@pass_settings
def method_cmd(settings: Settings, group_id: str, method: str | None, free: bool) -> None:
    """Show or fix the method of GROUP's series (a beginning group keeps one until its
    members know it); method choice then proposes it first, and the inbrenger agrees."""
    from .parse import parse_method_choice

    lang = settings.lang
    engine = settings.open_engine()
    group = groups_of(engine).get(group_id)
    if method is not None and free:
        raise click.UsageError(t(lang, "series.method_or_free"))
    if method is None and not free:
        click.echo(fixed_line(engine.registry, group, lang))
        return
    method_id, variant = parse_method_choice(method) if method else (None, None)
    if method_id is not None:
        _known_method(settings, method_id, variant, lang)
    group = groups_of(engine).fix_method(group.id, method_id, variant)
    click.echo(fixed_line(engine.registry, group, lang))


def _known_method(settings: Settings, method_id: str, variant: str | None, lang: Lang) -> None:
    registry = settings.registry()
    methods = {m.id: m for m in registry.methods()}
    spec = methods.get(method_id)
    if spec is None:
        known = ", ".join(sorted(methods))
        raise click.BadParameter(
            t(lang, "series.unknown_method", id=method_id, known=known), param_hint="'ID'"
        )
    if variant is not None and variant not in {v.id for v in spec.variants}:
        known = ", ".join(v.id for v in spec.variants) or "-"
        raise click.BadParameter(
            t(lang, "series.unknown_variant", id=variant, known=known), param_hint="'ID'"
        )


def fixed_line(registry: Registry, group: GroupState, lang: Lang) -> str:
    """Which method the group fixed for its series, by its title, or that none is."""
    if group.series_method is None:
        return t(lang, "series.method_free", name=group.name)
    from intervision.engine import IntervisionError

    title = group.series_method
    try:
        spec = registry.method(group.series_method, variant=group.series_variant)
        title = f"{spec.title(lang)} ({spec.id})"
    except IntervisionError:
        pass  # no longer installed: its id says which one
    if group.series_variant:
        title += f" / {group.series_variant}"
    return t(lang, "series.method_fixed", name=group.name, method=title)


def goal_lines(
    group: GroupState, history: list[MeetingRecord], lang: Lang, *, texts: bool
) -> list[str]:
    """Each member's learning goal followed through the series: since when, then how
    many meetings they attended and cases they brought; the words with ``texts``."""
    from .group_view import day

    lines = [start_t(lang, "series.goals")]
    for row in goals_json(group, history, texts=texts):
        name = group.members[row["member"]].name
        if row["since"] is None:
            lines.append(f"  {start_t(lang, 'series.no_goal', name=name)}")
            continue
        line = start_t(
            lang,
            "series.goal_line",
            name=name,
            day=day(row["at"], lang),
            meetings=count(lang, row["meetings_since"], "meeting"),
            cases=count(lang, row["cases_since"], "case"),
        )
        lines.append(f"  {line}")
        if texts:
            lines.append(f"    “{row['text']}”")
    return lines


def goals_json(
    group: GroupState, history: list[MeetingRecord], *, texts: bool
) -> list[dict[str, Any]]:
    """The same as data: per member, since when (None: no goal yet), and what came after."""
    from intervision.engine.groups import goal_progress

    rows: list[dict[str, Any]] = []
    for progress in goal_progress(group, history):
        goal = progress.goal
        row: dict[str, Any] = {
            "member": progress.member,
            "since": goal.at.isoformat() if goal else None,
            "at": goal.at if goal else None,
            "meetings_since": progress.meetings,
            "cases_since": progress.cases,
        }
        if texts and goal is not None:
            row["text"] = goal.text
        rows.append(row)
    return rows
