"""``intervision report``: a meeting's report for the group, a group's for outside.

Who the report is for decides what it holds, and the engine decides that
(:mod:`intervision.engine.reports.build`): the meeting report carries the case content
and is for the members only; ``--for organisation`` and ``--for accreditation``
report on a group and leave the content out (the accreditation report adds topics
only with the group's recorded consent). A meeting report written to a file is
made readable by its owner only, as the store itself is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NoReturn

import click

from intervision.engine.groups import groups_of

from .completion import complete_targets
from .console import write_file
from .settings import Settings, pass_settings
from .texts import Lang
from .texts import t as frame_t
from .texts_series import t

if TYPE_CHECKING:
    from intervision.engine import Engine, MeetingState
    from intervision.engine.groups import Commitment, GroupState

__all__ = ["report"]

#: The exit code when the argument names no meeting and no group: not found, as for
#: a meeting that is not there.
NOT_FOUND = 8


@click.command()
@click.argument("target", metavar="MEETING|GROUP", shell_complete=complete_targets)
@click.option(
    "--for",
    "audience",
    type=click.Choice(["organisation", "accreditation"]),
    help="For a GROUP: whom the report is for (neither gets case content).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html"]),
    default="markdown",
    show_default=True,
    help="Markdown, or one self-contained HTML file to print or mail.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@pass_settings
def report(
    settings: Settings, target: str, audience: str | None, fmt: str, output: str | None
) -> None:
    """Write the report of a MEETING for the group, or of a GROUP for outside it.

    A meeting id gives the meeting's report for its members. A group id with
    --for organisation gives dates, attendance, methods and durations, and no case
    content; with --for accreditation, hours and members present, and topics only
    if the group consented. The report is in the meeting's or the group's language
    unless --lang (or INTERVISION_LANG) says otherwise.
    """
    from intervision.engine.reports import accreditation_report, meeting_report, organisation_report

    engine = settings.open_engine()
    lang = settings.lang
    chosen: Lang | None = lang if settings.lang_explicit else None
    form: Literal["markdown", "html"] = "html" if fmt == "html" else "markdown"
    state = _meeting(engine, target, lang)
    if state is not None:
        if audience is not None:
            raise click.UsageError(t(lang, "report.for_meeting", group=state.group_id or "GROUP"))
        group = _group(engine, state.group_id) if state.group_id else None
        promised = _promised_before(engine, state) if group is not None else []
        text = meeting_report(state, engine.registry, chosen, form, group=group, look_back=promised)
        _write(lang, text, output, private=True)
        return
    group = _group(engine, target)
    if group is None:
        known = ", ".join(g.id for g in groups_of(engine).all()) or t(lang, "report.none")
        _fail(lang, t(lang, "report.not_found", id=target, groups=known), NOT_FOUND)
    if audience is None:
        raise click.UsageError(t(lang, "report.for_missing"))
    from intervision.engine.groups import group_history

    history = group_history(engine, group.id)
    if audience == "organisation":
        text = organisation_report(group, history, engine.registry, chosen, form)
    else:
        text = accreditation_report(group, history, engine, chosen, form)
    _write(lang, text, output, private=False)


def _meeting(engine: Engine, meeting_id: str, lang: Lang) -> MeetingState | None:
    from intervision.engine import MeetingNotFoundError
    from intervision.engine.groups import GROUP_PREFIX

    from .meeting_ids import resolve_meeting_id

    if meeting_id.startswith(GROUP_PREFIX):
        return None  # a group's own stream, not a meeting
    try:
        return engine.state(meeting_id)
    except MeetingNotFoundError:
        pass
    if _group(engine, meeting_id) is not None:
        return None  # a group's id, not the beginning of a meeting's
    try:
        return engine.state(resolve_meeting_id(engine, meeting_id, lang))
    except MeetingNotFoundError:
        return None


def _promised_before(engine: Engine, state: MeetingState) -> list[Commitment]:
    """The commitments the meeting's opening looked back on: every one still open
    when it started."""
    from intervision.engine.groups import group_history, look_back

    assert state.group_id is not None
    return look_back(group_history(engine, state.group_id), before=state.meeting_id)


def _group(engine: Engine, group_id: str) -> GroupState | None:
    from intervision.engine import GroupError

    try:
        return groups_of(engine).get(group_id)
    except GroupError:
        return None


def _write(lang: Lang, text: str, output: str | None, *, private: bool) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_file(output, text, private=private)
    click.echo(t(lang, "report.written", path=output))


def _fail(lang: Lang, message: str, code: int) -> NoReturn:
    """One line on stderr and the exit code, as the group does for engine errors."""
    click.echo(frame_t(lang, "error", text=message), err=True)
    click.get_current_context().exit(code)
