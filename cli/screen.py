"""What the runner shows: the step or phase the group is in, and what was said so far.

Hidden contributions stay hidden on this screen too (written and not yet revealed,
or kept until a later phase, like the inbrenger's actual action in the blind
position): the facilitator's terminal is often projected for the whole group, so
the screen says only how many there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .console import rule, wrap
from .describe import describe_phase, kind_name, label_values
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
    lines = [rule(method.title(lang)), *_where_in_method(meeting, lang)]
    lines.append(describe_phase(method, phase, number, lang, names, meeting.engine.registry))
    timer = time_line(meeting, lang)
    if timer:
        lines.append(f"  {timer}")
    lines.extend(_to_choose_from(meeting, lang))
    lines.append(t(lang, "phase.help_hint"))
    return "\n".join(lines)


def _where_in_method(meeting: Meeting, lang: Lang) -> list[str]:
    """Whose round it is in a per-member method, and which method a module runs inside."""
    state, registry = meeting.state, meeting.engine.registry
    case = state.case
    if case is None or case.method_id is None:
        return []
    outer = registry.method(case.method_id, case.method_version, case.variant)
    lines = []
    if outer.rounds == "per_member":
        chain = 0
        for earlier in reversed(state.cases):
            chain += 1
            if not earlier.auto:
                break
        total = sum(1 for p in state.present if not state.members[p].external)
        name = _name(meeting, state.inbrenger)
        lines.append(t(lang, "phase.round", name=name, no=chain, total=total))
    if state.module is not None and state.nest_parent is not None:
        parent = outer.phase(state.nest_parent).title(lang)
        lines.append(t(lang, "phase.in_module", method=outer.title(lang), phase=parent))
    return lines


def _to_choose_from(meeting: Meeting, lang: Lang) -> list[str]:
    """What was kept hidden until this phase, the contributions a decision picks from or
    labels, and the questions that may be answered: listed on the screen so nobody
    has to remember the numbers."""
    phase, state = meeting.phase, meeting.state
    assert phase is not None
    case_no = state.case.no if state.case else None
    visible = [c for c in meeting.visible_to(None) if c.case_no == case_no]
    lines: list[str] = []
    arrived = [c for c in visible if c.hidden_until is not None and c.hidden_until == state.phase]
    if arrived:
        lines.append(t(lang, "phase.now_visible"))
        ids = {c.id for c in arrived}
        lines.extend(contribution_line(meeting, c, lang, ids) for c in arrived)
    kinds: set[str] = set(phase.decision.selects_from) if phase.decision is not None else set()
    if phase.labels is not None:
        kinds.update(phase.labels.kinds)
    eligible = [c for c in visible if c.kind in kinds]
    if eligible:
        lines.append(t(lang, "phase.to_label" if phase.labels is not None else "phase.eligible"))
        ids = {c.id for c in eligible}
        lines.extend(contribution_line(meeting, c, lang, ids) for c in eligible)
    if phase.labels is not None:
        example = " ".join(f"{c.id}={phase.labels.values[0]}" for c in eligible[:2])
        values = ", ".join(label_values(phase, lang))
        lines.append(wrap(t(lang, "phase.label_hint", example=example, values=values), indent="  "))
    if phase.answers_labelled:
        open_ = [c for c in visible if state.labels.get(c.id) in phase.answers_labelled]
        if open_:
            lines.append(t(lang, "phase.answerable"))
            ids = {c.id for c in open_}
            lines.extend(contribution_line(meeting, c, lang, ids) for c in open_)
            name = _name(meeting, state.inbrenger)
            lines.append(wrap(t(lang, "phase.answer_hint", name=name, id=open_[0].id), indent="  "))
    return lines


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
    """``visible`` holds the ids the whole group may see (computed once per screen).

    A label the inbrenger gave and the contribution answered are part of the line:
    they are what the next phase works with.
    """
    if visible is None:
        visible = _visible(meeting)
    label = meeting.state.labels.get(c.id)
    extra = f" [{_label_word(meeting, label, lang)}]" if label else ""
    extra += f" → {c.reply_to}" if c.reply_to else ""
    head = f"  {c.id} {_name(meeting, c.author)} · {kind_name(c.kind, lang)}{extra}: "
    if c.id not in visible:
        return head + t(lang, "show.hidden")
    return wrap(head + c.text, hanging=" " * 6)


def _label_word(meeting: Meeting, label: str, lang: Lang) -> str:
    """A label in the screen's language: the word its title starts with (``koud``)."""
    method = meeting.method
    for phase in method.phases if method is not None else ():
        title = phase.labels.titles.get(label) if phase.labels is not None else None
        if title is not None:
            return title(lang).split(":")[0].strip() or label
    return label


def _visible(meeting: Meeting) -> set[str]:
    # Asked as nobody in particular: the screen is shared, so an author's own
    # hidden contribution stays hidden here too.
    return {c.id for c in meeting.visible_to(None)}


def shown_contributions(meeting: Meeting, lang: Lang) -> list[str]:
    """This case's contributions in a method, else this step's; then the decisions.

    Hidden contributions are left out and counted, not shown as placeholders: even
    the number of lines per person could give away who wrote what.
    """
    state = meeting.state
    if state.frame == "method" and state.case is not None:
        number = state.case.no
        items = [c for c in state.contributions if c.case_no == number and c.frame == "method"]
        decisions = [d for d in state.decisions if d.case_no == number]
    else:
        items, decisions = state.step_contributions(), []
    visible = _visible(meeting)
    shown = [c for c in items if c.id in visible]
    lines = [contribution_line(meeting, c, lang, visible) for c in shown]
    for decision in decisions:
        labels = [f"{cid}={label}" for cid, label in decision.labels]
        text = " ".join([decision.text, *decision.selected, *labels]).strip()
        lines.append(
            wrap(
                t(lang, "show.decision", name=_name(meeting, decision.by), text=text),
                indent="  ",
                hanging=" " * 6,
            )
        )
    hidden = len(items) - len(shown)
    if hidden:
        lines.append(t(lang, "show.hidden_count", n=hidden))
    return lines or [t(lang, "show.none")]


def _name(meeting: Meeting, person: str | None) -> str:
    if person is None:
        return "-"
    member = meeting.state.members.get(person)
    return member.name if member else person
