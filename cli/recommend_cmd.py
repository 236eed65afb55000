"""``intervision recommend``: which methods fit today's leervraag, and why.

The suggestions come from the engine (:mod:`intervision.engine.recommend.ranking`); this
command asks for the situation, prints the reasons and cautions in the chosen
language and, when nothing fits, says what to change rather than leaving the
facilitator with an empty list. It names kinds of leervraag, never a leervraag.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from intervision.engine.groups import groups_of

from .completion import complete_groups
from .console import say, wrap
from .settings import Settings, pass_settings
from .texts import Lang, count, pick
from .texts_series import EXPERIENCE_NAMES, LEERVRAAG_KIND_NAMES, t

if TYPE_CHECKING:
    from intervision.engine import Registry
    from intervision.engine.groups import MeetingRecord
    from intervision.engine.recommend import Experience, Suggestion

__all__ = ["recommend"]

_KIND_HELP = "The kind of leervraag: " + "; ".join(
    f"{kind} ({nl} / {en})" for kind, (nl, en) in LEERVRAAG_KIND_NAMES.items()
)


@click.command()
@click.option(
    "--group",
    "group_id",
    metavar="GROUP",
    help="The group: its size and its history.",
    shell_complete=complete_groups,
)
@click.option("--kind", type=click.Choice(list(LEERVRAAG_KIND_NAMES)), help=_KIND_HELP + ".")
@click.option(
    "--size",
    type=click.IntRange(min=1),
    metavar="N",
    help="Members present (default with --group: the group's members).",
)
@click.option(
    "--minutes",
    type=click.IntRange(min=1),
    metavar="M",
    help="Minutes available for the method (default: no limit).",
)
@click.option(
    "--experience",
    type=click.Choice(list(EXPERIENCE_NAMES)),
    help="How experienced the group is with intervision.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the suggestions as JSON.")
@pass_settings
def recommend(
    settings: Settings,
    group_id: str | None,
    kind: str | None,
    size: int | None,
    minutes: int | None,
    experience: str | None,
    as_json: bool,
) -> None:
    """Suggest methods for a leervraag, with the reasons for each and what to mind."""
    from intervision.engine.recommend import recommend as suggest

    lang = settings.lang
    history: list[MeetingRecord] = []
    group_line = None
    fixed = None
    if group_id is not None:
        from intervision.engine.groups import group_history

        engine = settings.open_engine()
        group = groups_of(engine).get(group_id)
        # Only meetings where a method was used: a meeting still at its case choice
        # (where this is asked) would otherwise count as "the last meeting" and hide
        # the method the group used last time.
        history = [r for r in group_history(engine, group.id) if r.methods]
        if size is None:
            if not group.members:
                raise click.UsageError(t(lang, "recommend.empty_group", name=group.name))
            size = len(group.members)
        group_line = t(
            lang,
            "recommend.group",
            name=group.name,
            members=count(lang, len(group.members), "member"),
            meetings=count(lang, len(history), "earlier_meeting"),
        )
        fixed = group.series_method
        if experience is None and history:
            from intervision.engine.recommend import group_experience

            experience = group_experience(history)
    if size is None:
        raise click.UsageError(t(lang, "recommend.need_size"))
    registry = settings.registry()
    level: Experience | None = None
    if experience is not None:
        level = "beginning" if experience == "beginning" else "experienced"
    suggestions = suggest(
        registry,
        leervraag_kind=kind,
        group_size=size,
        minutes=minutes,
        experience=level,
        history=history,
        fixed=fixed,
    )
    if as_json:
        data = {
            "kind": kind,
            "group": group_id,
            "size": size,
            "minutes": minutes,
            "experience": experience,
            "lang": lang,
            "suggestions": [_as_json(registry, s, size, lang) for s in suggestions],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    situation = _situation(lang, kind, size, minutes, experience)
    if group_line is not None:
        say(group_line)
    if not suggestions:
        say(t(lang, "recommend.none", what=situation))
        say(_what_to_change(registry, lang, kind, size, minutes))
        return
    say(t(lang, "recommend.for", what=situation))
    for number, suggestion in enumerate(suggestions, start=1):
        click.echo()
        _print(registry, suggestion, number, size, lang)
    click.echo()
    say(t(lang, "recommend.choose"))
    say(t(lang, "recommend.more"))


def _print(registry: Registry, suggestion: Suggestion, number: int, size: int, lang: Lang) -> None:
    from intervision.engine.recommend import duration

    spec = registry.method(suggestion.method_id)
    takes = t(lang, "recommend.takes", n=duration(spec, size))
    click.echo(f"{number}. {spec.title(lang)} ({spec.id}) · {takes}")
    for reason in suggestion.reasons:
        click.echo(wrap(reason(lang), indent="   + ", hanging=" " * 5))
    for caution in suggestion.cautions:
        text = t(lang, "recommend.caution", text=caution(lang))
        click.echo(wrap(text, indent="   ! ", hanging=" " * 5))


def _as_json(registry: Registry, suggestion: Suggestion, size: int, lang: Lang) -> dict[str, Any]:
    from intervision.engine.recommend import duration

    spec = registry.method(suggestion.method_id)
    return {
        "method_id": spec.id,
        "title": spec.title(lang),
        "score": suggestion.score,
        "minutes": duration(spec, size),
        "reasons": [reason(lang) for reason in suggestion.reasons],
        "cautions": [caution(lang) for caution in suggestion.cautions],
    }


def _situation(
    lang: Lang, kind: str | None, size: int, minutes: int | None, experience: str | None
) -> str:
    parts = []
    if kind is not None:
        parts.append(pick(lang, LEERVRAAG_KIND_NAMES[kind]))
    parts.append(t(lang, "recommend.size", n=size))
    if minutes is not None:
        parts.append(t(lang, "recommend.time", n=minutes))
    if experience is not None:
        parts.append(pick(lang, EXPERIENCE_NAMES[experience]))
    return ", ".join(parts)


def _what_to_change(
    registry: Registry, lang: Lang, kind: str | None, size: int, minutes: int | None
) -> str:
    """Time, if more of it would help; else the group size the methods are made for."""
    from intervision.engine.recommend import duration
    from intervision.engine.recommend import recommend as suggest

    methods = [m for m in registry.methods() if m.kind == "method"]
    if not methods:
        return t(lang, "recommend.none_installed")
    if minutes is not None:
        untimed = suggest(registry, leervraag_kind=kind, group_size=size, limit=len(methods))
        if untimed:
            specs = [registry.method(s.method_id) for s in untimed]
            shortest = min(specs, key=lambda spec: (duration(spec, size), spec.id))
            return t(
                lang, "recommend.more_time", title=shortest.title(lang), n=duration(shortest, size)
            )
    lo = min(m.fit.group_min for m in methods)
    hi = max(m.fit.group_max for m in methods)
    return t(lang, "recommend.other_size", lo=lo, hi=hi)
