"""``intervision meeting``: a meeting driven one command at a time, for scripts and tools.

The same engine calls as ``intervision run``: ``meeting do`` sends the lines the
runner's prompt takes (and the frame's questions as words: ``leervraag``, ``pass``,
``case``, ``method``) through the runner's own :class:`Driver`. With ``--json`` a
refusal is an object naming the rule, and the exit code says what happened (4 for
a refusal); nothing printed ever holds case content.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .completion import complete_groups, complete_meetings
from .console import say
from .day_roles import ROLE_OPTION, day_roles, roles_line
from .group_start import start_with_guest
from .settings import LANG_TYPE, Settings, pass_settings
from .texts import Lang, both, t

if TYPE_CHECKING:
    from intervision.engine import Engine, Meeting, MeetingPurpose, Text

__all__ = ["meeting"]

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def _ui(settings: Settings, meeting: Meeting) -> Lang:
    return settings.lang if settings.lang_explicit else meeting.state.lang


def _name(meeting: Meeting, person: str) -> str:
    member = meeting.state.members.get(person)
    return member.name if member else person


def _position(meeting: Meeting) -> dict[str, Any]:
    state = meeting.state
    return {"version": state.version, "frame": state.frame, "phase": state.phase}


@click.group()
def meeting() -> None:
    """Drive a meeting one command at a time (for scripts; `run` is the interactive way)."""


@meeting.command()
@click.option(
    "--group",
    "group_ref",
    metavar="GROUP",
    help="A meeting of this group.",
    shell_complete=complete_groups,
)
@click.option("--members", metavar="NAMES", help='The members: "Anna,Bram,Carla,Dirk".')
@click.option("--present", metavar="NAMES", help="Of the group, who is here (default: all).")
@click.option("--facilitator", metavar="NAME", help="Who facilitates (with --group: the proposal).")
@click.option(
    "--external-facilitator",
    "external",
    is_flag=True,
    help="The facilitator is not a member: a guide from outside the group.",
)
@click.option("--lang", type=LANG_TYPE, default=None, help="Meeting language.")
@click.option(
    "--purpose",
    type=click.Choice(["regular", "intake", "refresh"]),
    default="regular",
    show_default=True,
    help="An intake (a group's first meeting), a refresh (after members changed), or regular.",
)
@ROLE_OPTION
@_JSON
@pass_settings
def start(
    settings: Settings,
    group_ref: str | None,
    members: str | None,
    present: str | None,
    facilitator: str | None,
    external: bool,
    lang: str | None,
    purpose: str,
    roles: tuple[str, ...],
    as_json: bool,
) -> None:
    """Start a meeting and print its id."""
    from .run import _purpose

    kind = _purpose(purpose)
    chosen: Lang | None = None if lang is None else settings.language(lang)
    ui = chosen or settings.lang
    if bool(group_ref) == bool(members):
        raise click.UsageError(t(ui, "meeting.group_or_members"))
    if present and not group_ref:
        raise click.UsageError(t(ui, "meeting.present_needs_group"))
    engine = settings.open_engine()
    held = day_roles(roles, engine.registry, ui)
    if group_ref:
        started = _start_group(
            engine, settings, chosen, group_ref, present, facilitator, external, held, kind
        )
    else:
        from .parse import split_names
        from .run import _names_problem

        names = split_names(members or "")
        problem = _names_problem(names, ui)
        if problem:
            raise click.BadParameter(problem, param_hint="--members")
        if not facilitator:
            raise click.UsageError(t(ui, "meeting.facilitator_needed"))
        started = start_with_guest(
            facilitator,
            external,
            ui,
            lambda outside: engine.start_meeting(
                names,
                facilitator=facilitator,
                lang=ui,
                roles=held,
                external_facilitator=outside,
                purpose=kind,
            ),
        )
    if as_json:
        state = started.state
        shown = {role: [_name(started, p) for p in people] for role, people in state.roles.items()}
        click.echo(json.dumps({"meeting_id": started.id, **_position(started), "roles": shown}))
    else:
        click.echo(started.id)


def _start_group(
    engine: Engine,
    settings: Settings,
    chosen: Lang | None,
    ref: str,
    present: str | None,
    facilitator: str | None,
    external: bool,
    held: dict[str, list[str]],
    purpose: MeetingPurpose,
) -> Meeting:
    from intervision.engine import PluginError
    from intervision.engine.groups import propose_facilitator

    from .group_start import facilitator_problem, present_problem
    from .group_view import find_group, find_member, history_of
    from .parse import split_names

    group = find_group(engine, ref, chosen or settings.lang)
    lang: Lang = chosen or (settings.lang if settings.lang_explicit else group.lang)
    names = split_names(present) if present else [m.name for m in group.members.values()]
    ids, problem = present_problem(group, names, lang)
    if problem:
        raise click.BadParameter(problem, param_hint="--present")
    history = history_of(engine, group)  # for the facilitator and the roles of the day
    if facilitator:
        problem = facilitator_problem(group, facilitator, ids, lang)
        if problem:
            raise click.BadParameter(problem, param_hint="--facilitator")
    else:
        # No one at the keyboard to confirm a fallback: a policy plugin that failed
        # refuses the start, so a script never silently gets another facilitator
        # than the organisation's policy would have chosen.
        failed: list[str] = []
        facilitator = propose_facilitator(engine, group, ids, history, failed=failed)
        if failed:
            raise PluginError(
                t(lang, "meeting.policy_failed", plugins=", ".join(f"'{p}'" for p in failed)),
                plugin=failed[0],
            )
        if facilitator is None:
            raise click.UsageError(t(lang, "meeting.facilitator_needed"))
    # The roles of the day --role leaves open, as the rotation proposes them (as for
    # the facilitator); the group's own guide comes from outside by definition.
    from .group_start import rotation_roles, with_held

    member = find_member(group, facilitator)
    roles = with_held(
        rotation_roles(group, history, ids, member.id if member else None, held), held
    )
    guide = group.guided_by is not None and member is None
    chosen_facilitator = facilitator
    return start_with_guest(
        chosen_facilitator,
        external or guide,
        lang,
        lambda outside: engine.start_meeting(
            group,
            facilitator=chosen_facilitator,
            present=ids,
            lang=lang,
            roles=roles,
            external_facilitator=outside,
            purpose=purpose,
        ),
    )


@meeting.command()
@click.argument("meeting_id", metavar="ID", shell_complete=complete_meetings)
@_JSON
@pass_settings
def status(settings: Settings, meeting_id: str, as_json: bool) -> None:
    """Where a meeting is, and what each member present may contribute now."""
    from .group_view import day
    from .meeting_ids import resolve_meeting_id
    from .meetings_cmd import where
    from .screen import time_line

    engine = settings.open_engine()
    handle = engine.meeting(resolve_meeting_id(engine, meeting_id, settings.lang))
    state, lang = handle.state, _ui(settings, handle)
    case = state.case
    can = handle.capabilities()
    may = {_name(handle, p): list(can.of(p).kinds) for p in state.present}
    waiting = [_name(handle, p) for p in can.waiting_for]
    remaining = can.seconds_left
    data: dict[str, Any] = {
        "meeting_id": state.meeting_id,
        "group_id": state.group_id,
        "lang": state.lang,
        **_position(handle),
        "closed": state.closed,
        "purpose": state.purpose,
        "method": case.method_id if case else None,
        "variant": case.variant if case else None,
        "method_version": case.method_version if case else None,
        "facilitator": _name(handle, state.facilitator),
        "inbrenger": _name(handle, state.inbrenger) if state.inbrenger else None,
        "present": [_name(handle, p) for p in state.present],
        "roles": {role: [_name(handle, p) for p in people] for role, people in state.roles.items()},
        "may_contribute": may,
        "may": {
            _name(handle, p): {
                "roles": sorted(c.roles),
                "kinds": list(c.kinds),
                "commands": sorted(c.commands),
            }
            for p, c in can.people.items()
        },
        "waiting_for": waiting,
        "waiting": [
            {"reason": w.reason, "people": [_name(handle, p) for p in w.people]}
            for w in can.waiting
        ],
        "remaining_seconds": None if remaining is None else round(remaining),
        **_series(engine, handle),
    }
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    say(t(lang, "status.where", id=state.meeting_id, where=where(engine, state, lang)))
    say(t(lang, "status.version", version=state.version))
    if state.closed:
        return
    say(t(lang, "opening.roles", facilitator=data["facilitator"], present=", ".join(may)))
    held = roles_line(state, engine.registry, lang)
    if held:
        say(held)
    if data["inbrenger"]:
        say(t(lang, "status.inbrenger", name=data["inbrenger"]))
    from .kinds import kinds_typed

    for name, kinds in may.items():
        text = kinds_typed(kinds, lang, engine.registry.glossary) or t(lang, "phase.may_nothing")
        say(f"  {name}: {text}")
    if waiting:
        say(t(lang, "status.waiting", names=", ".join(waiting)))
    timer = time_line(handle, lang)
    if timer:
        say(f"  {timer}")
    if data.get("look_back"):
        say(t(lang, "opening.look_back"))
    if data.get("learning_goals"):
        from .texts_start import t as start_t

        say(start_t(lang, "goals.title"))
        for goal in data["learning_goals"]:
            since = day(datetime.fromisoformat(goal["since"]), lang)
            line = start_t(lang, "goals.line", name=goal["member"], day=since, text=goal["text"])
            say(f"  {line}")
    for promise in data.get("look_back", []):
        made = datetime.fromisoformat(promise["made"])
        line = t(
            lang,
            "opening.commitment",
            name=promise["member"],
            day=day(made, lang),
            text=promise["text"],
        )
        if promise["told"]:
            line += f" ({t(lang, 'opening.told')})"
        say(f"  {line}")
    if "fairness" in data:
        from .group_view import fairness_lines, group_of, history_of

        group = group_of(engine, handle)
        assert group is not None
        history = history_of(engine, group)
        say("\n".join(fairness_lines(group, history, lang, state.present)))
    say(t(lang, f"status.next.{state.frame}"))


def _series(engine: Engine, handle: Meeting) -> dict[str, Any]:
    """What the group's history adds to a step: at the opening every commitment left
    open before this meeting (and whether it was told about yet, and whether its
    maker is here), and at case choice who has waited longest to bring a case."""
    state = handle.state
    if state.group_id is None or state.frame not in ("opening", "case_choice", "second_case"):
        return {}  # the group's book and history are not even imported
    from .group_view import group_of, history_of

    group = group_of(engine, handle)
    if group is None:
        return {}
    history = history_of(engine, group)
    if state.frame == "opening":
        from intervision.engine.groups import learning_goals

        from .group_view import open_commitments

        told = {c.commitment for c in state.contributions if c.commitment}
        earlier = [r for r in history if r.meeting_id != state.meeting_id]
        goals = learning_goals(earlier)
        return {
            "learning_goals": [
                {"member": _name(handle, p), "since": goal.at.isoformat(), "text": goal.text}
                for p in state.present
                if (goal := goals.get(p)) is not None
            ],
            "look_back": [
                {
                    "id": c.id,
                    "member": _name(handle, c.member),
                    "made": c.at.isoformat(),
                    "text": c.text,
                    "present": c.member in state.present,
                    "told": c.id in told,
                }
                for c in open_commitments(group, history, state.meeting_id)
            ],
        }
    from intervision.engine.groups import fairness

    return {
        "fairness": [
            {
                "member": _name(handle, turn.member),
                "times": turn.times,
                "last": turn.last.isoformat() if turn.last else None,
            }
            for turn in fairness(group, history)
        ]
    }


@meeting.command(context_settings={"ignore_unknown_options": True})
@click.argument("meeting_id", metavar="ID", shell_complete=complete_meetings)
@click.argument("words", metavar="COMMAND...", nargs=-1, required=True)
@click.option(
    "--request-id",
    metavar="KEY",
    help="An idempotency key (a random text, one per command): sent again after a "
    "timeout or a crash, the command is not repeated and its first answer comes back.",
)
@_JSON
@pass_settings
def do(
    settings: Settings,
    meeting_id: str,
    words: tuple[str, ...],
    request_id: str | None,
    as_json: bool,
) -> None:
    """Send one command, as typed at the runner's prompt.

    \b
    Frame:  leervraag NAME: TEXT · pass NAME · case NAME · method ID[/VARIANT]
            (case and method record the inbrenger's consent)
    Any step: NAME: KIND: TEXT · next · close REASON
    Phases: reveal · decide TEXT #C3 · loop ID · consensus · module ID ·
            extend MIN · skip REASON
    `intervision meeting do ID help` lists them all.
    """
    from intervision.engine import (
        CommandRefused,
        ConcurrencyError,
        InvalidInputError,
        MeetingNotFoundError,
    )

    from . import parse
    from .driver import Driver, Problem
    from .meeting_ids import resolve_meeting_id
    from .meetings_cmd import where

    engine = settings.open_engine()
    try:
        handle = engine.meeting(resolve_meeting_id(engine, meeting_id, settings.lang))
    except MeetingNotFoundError as exc:
        _fail(as_json, "meeting", exc.reason, settings.lang, exc.exit_code, settings)
    lang = _ui(settings, handle)
    told: list[str] = []
    before = handle.state.version
    driver = Driver(
        handle,
        lang,
        strict=True,
        tell=told.append,
        show_rules=settings.verbosity > 0,
        request_id=request_id,
    )
    try:
        parsed = parse.parse_command(" ".join(words), lang, engine.registry.glossary)
        accepted = driver.do(_told_commitment(engine, handle, parsed))
    except CommandRefused as exc:
        _fail(as_json, exc.rule, exc.reason, lang, exc.exit_code, settings)
    except Problem as exc:
        _fail(as_json, exc.rule, exc.reason, lang, exc.exit_code, settings)
    except ConcurrencyError as exc:
        _fail(as_json, "conflict", both("run.conflict"), lang, exc.exit_code, settings)
    except InvalidInputError as exc:
        _fail(as_json, exc.field, exc.reason, lang, exc.exit_code, settings)
    if as_json:
        result: dict[str, Any] = {"ok": True, **_position(handle)}
        if driver.recorded:
            result["recorded"] = driver.recorded
        span = engine.journal.committed(meeting_id, request_id) if request_id else None
        if span is not None:  # what the key committed, the first time or now
            result["committed"] = {"first_version": span[0], "version": span[1]}
            result["repeated"] = span[1] <= before
        click.echo(json.dumps(result))
        return
    for text in told:
        say(text)
    if accepted:
        say(t(lang, "do.ok", where=where(engine, handle.state, lang), version=handle.state.version))


def _told_commitment(engine: Engine, handle: Meeting, line: Any) -> Any:
    """At a group's opening, a member's statement tells how their oldest commitment
    not told about yet went (the order ``meeting status`` lists them in)."""
    from dataclasses import replace

    from intervision.engine import IntervisionError

    from . import parse

    state = handle.state
    if not isinstance(line, parse.Contribute) or state.frame != "opening":
        return line
    from .group_view import group_of, history_of, open_commitments

    group = group_of(engine, handle)
    if line.kind not in (None, "statement") or line.commitment is not None or group is None:
        return line
    try:
        member = handle.person(line.name)
    except IntervisionError:
        return line  # the driver says who is not a member
    told = {c.commitment for c in state.contributions if c.commitment}
    for commitment in open_commitments(group, history_of(engine, group), state.meeting_id):
        if commitment.member == member and commitment.id not in told:
            return replace(line, commitment=commitment.id)
    return line


def _fail(
    as_json: bool, rule: str, reason: Text, lang: Lang, code: int, settings: Settings
) -> NoReturn:
    """Like every other error (main.py), but a script asking for JSON gets JSON: the
    reason in ``lang``, and in both languages under ``reasons``; the rule's id is on
    the screen only with ``-v``."""
    from .main import one_line

    if as_json:
        both_languages = {"nl": one_line(reason.nl), "en": one_line(reason.en)}
        answer = {"ok": False, "rule": rule, "reason": one_line(reason(lang))}
        click.echo(json.dumps({**answer, "reasons": both_languages}, ensure_ascii=False))
    else:
        shown = f"[{rule}] " if settings.verbosity > 0 else ""
        click.echo(t(lang, "error", text=f"{shown}{one_line(reason(lang))}"), err=True)
    click.get_current_context().exit(code)
