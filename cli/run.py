"""``intervision run``: start or resume a meeting, and stop it cleanly at any prompt.

Stopping is part of a meeting, not a failure: a pause, the end of a piped input or
Ctrl-C all end with the line that resumes it, because every answer was already
committed to the journal when the next prompt appeared.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .completion import complete_groups, complete_meetings, complete_methods
from .console import EndOfInput, ask, say
from .day_roles import ROLE_OPTION, day_roles
from .parse import split_names
from .settings import LANG_TYPE, Settings, pass_settings
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Engine, Meeting, MeetingPurpose

__all__ = ["run"]


@click.command()
@click.option(
    "--resume",
    "resume_id",
    metavar="ID",
    help="Continue a meeting where it stopped (any unique beginning of its id).",
    shell_complete=complete_meetings,
)
@click.option("--members", metavar="NAMES", help='Who is present: "Anna,Bram,Carla,Dirk".')
@click.option(
    "--group",
    "group_ref",
    metavar="GROUP",
    help="A meeting of this group: asks who is here and proposes the facilitator.",
    shell_complete=complete_groups,
)
@click.option("--facilitator", metavar="NAME", help="Who facilitates (default: the first member).")
@click.option(
    "--method",
    "method_id",
    metavar="ID",
    help="Propose this method; the inbrenger still agrees.",
    shell_complete=complete_methods,
)
@click.option(
    "--variant",
    metavar="V",
    help="Propose this variant of the --method (see `intervision methods show ID`).",
)
@click.option(
    "--kind",
    type=click.Choice(["incident", "relational", "values", "advice", "pattern", "positive"]),
    default=None,
    help="The kind of leervraag, for the method suggestions (see `intervision recommend`).",
)
@click.option(
    "--minutes",
    type=click.IntRange(5, 480),
    default=None,
    help="Time there is for the method, for the method suggestions.",
)
@click.option("--lang", type=LANG_TYPE, default=None, help="Language of this meeting.")
@click.option(
    "--plain",
    is_flag=True,
    help="Plain scrolling text at a terminal too, without the live status region "
    "(for a screen reader, or a terminal that cannot move its cursor).",
)
@click.option(
    "--purpose",
    type=click.Choice(["regular", "intake", "refresh"]),
    default=None,
    help="An intake (a group's first meeting), a refresh (after members changed) or a "
    "regular meeting; with --group, the group's due one is proposed.",
)
@ROLE_OPTION
@pass_settings
def run(
    settings: Settings,
    resume_id: str | None,
    members: str | None,
    group_ref: str | None,
    facilitator: str | None,
    method_id: str | None,
    variant: str | None,
    kind: str | None,
    minutes: int | None,
    lang: str | None,
    purpose: str | None,
    plain: bool,
    roles: tuple[str, ...],
) -> None:
    """Run a meeting: the frame, the method's phases, recognitions and evaluation.

    At a terminal the meeting's state stays in view below the prompt (phase, who may
    what, whom the step waits for, the timer); `--plain`, a pipe or TERM=dumb give
    plain scrolling text.
    """
    from .runner import Leave

    if resume_id and (members or facilitator or group_ref or purpose or roles):
        raise click.UsageError(t(settings.lang, "run.no_resume_options"))
    if members and group_ref:
        raise click.UsageError(t(settings.lang, "run.group_or_members"))
    chosen: Lang | None = None if lang is None else settings.language(lang)
    if variant and not method_id:
        raise click.UsageError(t(settings.lang, "run.variant_needs_method"))
    engine = settings.open_engine()
    from .methods_cmd import method_in_variant, warn_faulty_files

    warn_faulty_files(engine.registry, settings.lang)
    # An unknown id or variant fails now, not at method choice.
    if method_id and method_in_variant(engine.registry, method_id, variant).kind == "module":
        raise click.BadParameter(t(settings.lang, "run.module_not_method"), param_hint="--method")
    ui: Lang = chosen or settings.lang
    held = day_roles(roles, engine.registry, ui)
    meeting: Meeting | None = None
    try:
        if resume_id:
            from .meeting_ids import resolve_meeting_id

            meeting = engine.meeting(resolve_meeting_id(engine, resume_id, settings.lang))
            if chosen is None and not settings.lang_explicit:
                ui = meeting.state.lang
            if meeting.state.closed:
                say(t(ui, "run.already_closed", id=meeting.id))
                return
            from .meetings_cmd import where

            say(t(ui, "run.resumed", id=meeting.id, where=where(engine, meeting.state, ui)))
        elif group_ref:
            meeting, ui = _start_group(
                engine, settings, chosen, group_ref, facilitator, purpose, held
            )
            say(t(ui, "run.started", id=meeting.id))
        else:
            meeting = _start(engine, ui, members, facilitator, _purpose(purpose), held)
            say(t(ui, "run.started", id=meeting.id))
        _drive(settings, engine, meeting, ui, plain, method_id, variant, kind, minutes)
    except Leave:
        say(t(ui, "run.paused"))
        _resume_hint(meeting, ui)
    except EndOfInput:
        click.echo(t(ui, "run.eof"), err=True)
        _resume_hint(meeting, ui)
    except KeyboardInterrupt:
        click.echo()
        click.echo(t(ui, "run.interrupted"), err=True)
        _resume_hint(meeting, ui)
        sys.exit(130)


def _drive(
    settings: Settings,
    engine: Engine,
    meeting: Meeting,
    lang: Lang,
    plain: bool,
    method_id: str | None,
    variant: str | None,
    kind: str | None,
    minutes: int | None,
) -> None:
    """The runner, in the cockpit at a terminal, else in plain text."""
    from .cockpit import Cockpit, live_terminal
    from .console import asking_with
    from .runner import Runner

    live = not plain and live_terminal()
    runner = Runner(
        engine,
        meeting,
        lang,
        method_id=method_id,
        variant=variant,
        kind=kind,
        minutes=minutes,
        show_rules=settings.verbosity > 0,
        live=live,
    )
    if not live:
        runner.run()
        return
    with asking_with(Cockpit(meeting, lang).ask):
        runner.run()


def _purpose(given: str | None) -> MeetingPurpose:
    return "intake" if given == "intake" else "refresh" if given == "refresh" else "regular"


def _start(
    engine: Engine,
    lang: Lang,
    members: str | None,
    facilitator: str | None,
    purpose: MeetingPurpose,
    held: dict[str, list[str]],
) -> Meeting:
    if members is not None:
        names = split_names(members)
        problem = _names_problem(names, lang)
        if problem:
            raise click.BadParameter(problem, param_hint="--members")
    else:
        names = _ask_names(lang)
    if facilitator is None:
        from .runner import Leave

        answer = ask(f"{t(lang, 'run.ask_facilitator')} [{names[0]}] ").strip()
        from .parse import is_leave

        if is_leave(answer):
            raise Leave
        facilitator = answer or names[0]
    from .group_start import start_with_guest

    chosen_facilitator = facilitator
    return start_with_guest(
        facilitator,
        False,
        lang,
        lambda outside: engine.start_meeting(
            names,
            facilitator=chosen_facilitator,
            lang=lang,
            roles=held,
            external_facilitator=outside,
            purpose=purpose,
        ),
        ask_guest=True,
    )


def _start_group(
    engine: Engine,
    settings: Settings,
    chosen: Lang | None,
    ref: str,
    facilitator: str | None,
    purpose: str | None,
    held: dict[str, list[str]],
) -> tuple[Meeting, Lang]:
    """A meeting of a group, in the group's language unless one was chosen on purpose;
    the intake or refresh the group is due is proposed unless ``purpose`` says."""
    from .group_start import (
        ask_facilitator,
        ask_present,
        ask_purpose,
        ask_roles,
        confirm_guest,
        facilitator_problem,
        is_guide,
    )
    from .group_view import find_group, find_member

    group = find_group(engine, ref, chosen or settings.lang)
    lang: Lang = chosen or (settings.lang if settings.lang_explicit else group.lang)
    kind = _purpose(purpose) if purpose else ask_purpose(engine, group, lang)
    present = ask_present(group, lang)
    if facilitator is not None:
        problem = facilitator_problem(group, facilitator, present, lang)
        if problem:
            raise click.BadParameter(problem, param_hint="--facilitator")
        if find_member(group, facilitator) is None and not is_guide(group, facilitator):
            confirm_guest(lang, facilitator)
    else:
        facilitator = ask_facilitator(engine, group, present, lang)  # confirms a guest
    meeting = engine.start_meeting(
        group,
        facilitator=facilitator,
        present=present,
        lang=lang,
        roles=ask_roles(engine, group, present, facilitator, held, lang),
        external_facilitator=find_member(group, facilitator) is None,
        purpose=kind,
    )
    return meeting, lang


def _ask_names(lang: Lang) -> list[str]:
    from .parse import is_leave
    from .runner import Leave

    while True:
        answer = ask(f"{t(lang, 'run.ask_members')}: ")
        if is_leave(answer):
            raise Leave
        names = split_names(answer)
        problem = _names_problem(names, lang)
        if not problem:
            return names
        say(problem)


def _names_problem(names: list[str], lang: Lang) -> str:
    """What is wrong with the names typed for a meeting, in ``lang``; "" when nothing is."""
    from intervision.engine import InvalidInputError, Text, clean_name, lookalike_pairs

    if len(names) < 2:
        return t(lang, "run.too_few")
    try:
        cleaned = [clean_name(name, Text(nl="naam", en="name")) for name in names]
    except InvalidInputError as exc:
        return exc.message(lang)
    twice = lookalike_pairs(cleaned)
    if twice:
        first, second = twice[0]
        return t(lang, "run.duplicate", first=first + 1, second=second + 1)
    return ""


def _resume_hint(meeting: Meeting | None, lang: Lang) -> None:
    if meeting is not None and not meeting.state.closed:
        say(t(lang, "run.saved", id=meeting.id))
