"""What the runner shows: the step or phase the group is in, and what was said so far.

Written contributions stay a placeholder until they are revealed, on this screen
too: the facilitator's terminal is often projected for the whole group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .console import rule, wrap
from .methods_cmd import describe_phase, kind_name
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Contribution, Meeting

__all__ = ["contribution_line", "frame_screen", "phase_screen", "shown_contributions", "time_line"]


def frame_screen(meeting: Meeting, lang: Lang) -> str:
    from intervision.engine import FRAME_STEPS

    step = FRAME_STEPS[meeting.state.frame]
    return "\n".join([rule(step.title(lang)), wrap(step.instructions(lang))])


def phase_screen(meeting: Meeting, lang: Lang) -> str:
    method, phase, state = meeting.method, meeting.phase, meeting.state
    assert method is not None and phase is not None
    number = [p.id for p in method.phases].index(phase.id) + 1
    names = {
        "facilitator": _name(meeting, state.facilitator),
        "inbrenger": _name(meeting, state.inbrenger),
        "participant": ", ".join(_name(meeting, p) for p in state.present if p != state.inbrenger),
    }
    lines = [rule(method.title(lang)), describe_phase(method, phase, number, lang, names)]
    timer = time_line(meeting, lang)
    if timer:
        lines.append(f"  {timer}")
    if phase.decision is not None and phase.decision.selects_from:
        eligible = [
            c
            for c in meeting.visible_to(None)
            if c.case_no == (state.case.no if state.case else None)
            and c.kind in phase.decision.selects_from
        ]
        if eligible:
            lines.append(t(lang, "phase.eligible"))
            visible = {c.id for c in eligible}
            lines.extend(contribution_line(meeting, c, lang, visible) for c in eligible)
    lines.append(t(lang, "phase.help_hint"))
    return "\n".join(lines)


def time_line(meeting: Meeting, lang: Lang) -> str:
    """Advisory: the timer warns, the facilitator decides."""
    seconds = meeting.remaining_seconds()
    if seconds is None:
        return ""
    minutes = round(abs(seconds) / 60)
    if seconds >= 0:
        return t(lang, "phase.remaining", minutes=max(minutes, 0))
    return t(lang, "phase.over", minutes=max(minutes, 1))


def contribution_line(
    meeting: Meeting, c: Contribution, lang: Lang, visible: set[str] | None = None
) -> str:
    """``visible`` holds the ids the whole group may see (computed once per screen)."""
    if visible is None:
        visible = _visible(meeting)
    head = f"  {c.id} {_name(meeting, c.author)} · {kind_name(c.kind, lang)}: "
    if c.id not in visible:
        return head + t(lang, "show.hidden")
    return wrap(head + c.text, hanging=" " * 6)


def _visible(meeting: Meeting) -> set[str]:
    # Asked as nobody in particular: the screen is shared, so an author's own
    # written contribution stays hidden here too.
    return {c.id for c in meeting.visible_to(None)}


def shown_contributions(meeting: Meeting, lang: Lang) -> list[str]:
    """This case's contributions in a method, else this step's; then the decisions."""
    state = meeting.state
    if state.frame == "method" and state.case is not None:
        number = state.case.no
        items = [c for c in state.contributions if c.case_no == number and c.frame == "method"]
        decisions = [d for d in state.decisions if d.case_no == number]
    else:
        items, decisions = state.step_contributions(), []
    visible = _visible(meeting)
    lines = [contribution_line(meeting, c, lang, visible) for c in items]
    for decision in decisions:
        text = " ".join([decision.text, *decision.selected]).strip()
        lines.append(
            wrap(
                t(lang, "show.decision", name=_name(meeting, decision.by), text=text),
                indent="  ",
                hanging=" " * 6,
            )
        )
    return lines or [t(lang, "show.none")]


def _name(meeting: Meeting, person: str | None) -> str:
    if person is None:
        return "-"
    member = meeting.state.members.get(person)
    return member.name if member else person
