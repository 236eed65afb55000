"""What the runner shows: the step or phase the group is in, and what was said so far.

A method phase is drawn with rich: a rule with the method, the phase with its
number and minutes, a table of what each role does, who may contribute what now, the
contributions so far, the timebox as a bar, and the commands that make sense
here. It reads on a plain 80-column terminal: no boxes around text, two
characters for the bar rather than two colours, plain text when written to a
pipe (see :func:`intervision.cli.console.render`).

Hidden contributions stay hidden on this screen too (written and not yet revealed,
or kept until a later phase, like the inbrenger's actual action in the blind
position): the facilitator's terminal is often projected for the whole group, so
the screen says only how many there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .console import render, rule, wrap
from .describe import (  # as `methods show` says them
    _applies,
    phase_header,
    role_label,
)
from .kinds import kind_name
from .status import decision_hint, people_rows, waiting_text
from .texts import INBRENGER_MODES, Lang, count, pick, t
from .timebox import timebox_line, timebox_text, timebox_total

if TYPE_CHECKING:
    from rich.console import RenderableType

    from intervision.engine import Capabilities, Contribution, Meeting, MethodSpec, PhaseSpec

__all__ = [
    "SO_FAR",
    "contribution_line",
    "frame_screen",
    "people_table",
    "phase_number",
    "phase_screen",
    "shown_contributions",
    "time_line",
]

#: The contributions the phase screen lists; the earlier ones are behind ``toon``.
SO_FAR = 8


def frame_screen(meeting: Meeting, lang: Lang) -> str:
    from intervision.engine import frame_step

    step = frame_step(meeting.state, meeting.engine.registry)
    return "\n".join([rule(step.title(lang)), wrap(step.instructions(lang))])


def phase_screen(meeting: Meeting, lang: Lang) -> str:
    """The whole screen for the method phase the meeting is in, laid out and drawn
    at :func:`~intervision.cli.console.screen_width`."""
    from rich.padding import Padding
    from rich.text import Text

    method, phase = meeting.method, meeting.phase
    assert method is not None and phase is not None
    number, _ = phase_number(meeting)
    names = _role_names(meeting)
    header = phase_header(method, phase, number, lang)
    parts: list[RenderableType] = [Text(rule(method.title(lang)), style="bold")]
    parts.extend(Text(line) for line in _where_in_method(meeting, lang))
    parts.append(Text(header, style="bold"))
    mode = pick(lang, INBRENGER_MODES[phase.inbrenger_mode])
    parts.append(Text(wrap(t(lang, "phase.inbrenger", mode=mode), indent="  ")))
    roles = _roles_table(method, phase, lang, names)
    if roles is not None:
        parts.append(Padding(roles, (1, 0, 0, 2)))
    can = meeting.capabilities()
    parts.append(Text(""))
    parts.append(Text(t(lang, "screen.now"), style="bold"))
    parts.append(Padding(people_table(meeting, can, lang), (0, 0, 0, 2)))
    waiting = waiting_text(meeting, can, lang)
    if waiting:
        parts.append(Text(wrap(waiting, indent="  ", hanging="    ")))
    hint = decision_hint(meeting, can, lang)
    if hint:
        parts.append(Text(wrap(hint, indent="  ", hanging="    ")))
    applies = [wrap(line, indent="  ", hanging="    ") for line in _applies_to(meeting, lang)]
    if applies:
        parts.append(Text("\n".join(applies)))
    chosen = _to_choose_from(meeting, lang)
    if chosen:
        parts.append(Text("\n".join(chosen)))
    listed = _listed_ids(meeting)
    so_far = shown_contributions(meeting, lang, skip=listed, last=SO_FAR)
    if so_far:
        parts.append(Text(t(lang, "screen.so_far"), style="bold"))
        parts.append(Text("\n".join(so_far)))
    remaining = meeting.remaining_seconds()
    if remaining is not None:
        timebox = timebox_text(remaining, timebox_total(meeting), lang)
        parts.append(Padding(timebox, (1, 0, 0, 2)))
    parts.append(Text(_keys(phase, lang), style="dim"))
    parts.append(Text(t(lang, "phase.help_hint")))
    return render(*parts)


def phase_number(meeting: Meeting) -> tuple[int, int]:
    """The phase's number in its method, and how many phases there are."""
    method, phase = meeting.method, meeting.phase
    assert method is not None and phase is not None
    return [p.id for p in method.phases].index(phase.id) + 1, len(method.phases)


def _role_names(meeting: Meeting) -> dict[str, str]:
    """The person behind a role that one person has; the participants are in the table
    of who may what (a facilitating member is one of them)."""
    state = meeting.state
    return {
        "facilitator": _name(meeting, state.facilitator),
        "inbrenger": _name(meeting, state.inbrenger),
    }


def _roles_in(spec: MethodSpec, phase: PhaseSpec) -> list[str]:
    mentioned = set(phase.instructions) | set(phase.allowed)
    return [role.id for role in spec.roles if role.id in mentioned]


def _role_cell(spec: MethodSpec, role: str, lang: Lang, names: dict[str, str]) -> str:
    label = role_label(spec, role, lang)
    return f"{label} ({names[role]})" if names.get(role) else label


def _roles_table(
    spec: MethodSpec, phase: PhaseSpec, lang: Lang, names: dict[str, str]
) -> RenderableType | None:
    """Role -> instruction: what each role does in this phase."""
    from rich.table import Table

    rows = [
        (_role_cell(spec, role, lang, names), phase.instructions[role](lang))
        for role in _roles_in(spec, phase)
        if role in phase.instructions
    ]
    if not rows:
        return None
    table = Table(box=None, show_edge=False, padding=(0, 2, 0, 0), header_style="bold")
    table.add_column(t(lang, "screen.role"), max_width=24, overflow="fold")
    table.add_column(t(lang, "screen.instruction"), overflow="fold")
    for role, instruction in rows:
        table.add_row(role, instruction)
    return table


def people_table(meeting: Meeting, can: Capabilities, lang: Lang) -> RenderableType:
    """Who is here in which roles, and may contribute what now: each person once."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(max_width=22, overflow="fold")
    grid.add_column(max_width=24, overflow="fold")
    grid.add_column(overflow="fold")
    for names, roles, may in people_rows(meeting, can, lang):
        grid.add_row(names, roles, may)
    return grid


def _applies_to(meeting: Meeting, lang: Lang) -> list[str]:
    """The phase's rules beyond who says what (as ``methods show`` words them), then
    the module to choose, who moves on and the phase's named rules."""
    from .describe import _roles, module_choices

    method, phase = meeting.method, meeting.phase
    assert method is not None and phase is not None
    names = _role_names(meeting)
    lines = _applies(method, phase, lang, names, meeting.engine.registry.glossary)
    if phase.nested is not None:
        modules = module_choices(phase, meeting.engine.registry, lang)
        lines.append(
            t(
                lang,
                "phase.nested",
                roles=_roles(method, phase.nested.by, lang, names),
                modules=", ".join(modules) or t(lang, "phase.any_module"),
            )
        )
    if phase.advance_by != ("facilitator",):
        roles = " / ".join(role_label(method, r, lang) for r in phase.advance_by)
        lines.append(t(lang, "phase.advance_by", roles=roles))
    if phase.rules:
        kinds = meeting.engine.registry.rule_kinds
        titles = [kinds[r.kind].title(lang) if r.kind in kinds else r.kind for r in phase.rules]
        lines.append(t(lang, "phase.rules", rules=", ".join(titles)))
    return lines


def _keys(phase: PhaseSpec, lang: Lang) -> str:
    """The commands that make sense in this phase, on one line."""
    keys = [t(lang, "keys.next"), t(lang, "keys.extend"), t(lang, "keys.skip")]
    if phase.written_first:
        keys.append(t(lang, "keys.reveal"))
    if phase.decision is not None:
        keys.append(t(lang, "keys.decide"))
    keys.append(t(lang, "keys.screen"))
    keys.extend(t(lang, "keys.back", id=loop.id) for loop in phase.loops)
    keys.extend([t(lang, "keys.time"), t(lang, "keys.show"), t(lang, "keys.pause")])
    return wrap(" · ".join(keys))


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
    """Advisory: the timer warns, the facilitator decides. Plain text, no styles;
    empty outside a method phase."""
    seconds = meeting.remaining_seconds()
    if seconds is None:
        return ""
    return timebox_line(seconds, timebox_total(meeting), lang)


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
    kind = kind_name(c.kind, lang, meeting.engine.registry.glossary)
    head = f"  {c.id} {_name(meeting, c.author)} · {kind}{extra}: "
    if c.id not in visible:
        return head + t(lang, "show.hidden")
    return wrap(head + c.text, hanging=" " * 6)


def _label_word(meeting: Meeting, label: str, lang: Lang) -> str:
    """A label in the screen's language: the word its title starts with (``koud``)."""
    method = meeting.method
    for phase in method.phases if method is not None else ():
        if phase.labels is not None and label in phase.labels.values:
            return phase.labels.title(label)(lang).split(":")[0].strip() or label
    return label


def _visible(meeting: Meeting) -> set[str]:
    # Asked as nobody in particular: the screen is shared, so an author's own
    # hidden contribution stays hidden here too.
    return {c.id for c in meeting.visible_to(None)}


def _listed_ids(meeting: Meeting) -> set[str]:
    """The contributions the phase screen already lists to choose from, label or answer."""
    phase, state = meeting.phase, meeting.state
    if phase is None:
        return set()
    case_no = state.case.no if state.case else None
    visible = [c for c in meeting.visible_to(None) if c.case_no == case_no]
    kinds: set[str] = set(phase.decision.selects_from) if phase.decision is not None else set()
    if phase.labels is not None:
        kinds.update(phase.labels.kinds)
    listed = {c.id for c in visible if c.kind in kinds}
    listed |= {
        c.id for c in visible if c.hidden_until is not None and c.hidden_until == state.phase
    }
    if phase.answers_labelled:
        listed |= {c.id for c in visible if state.labels.get(c.id) in phase.answers_labelled}
    return listed


def shown_contributions(
    meeting: Meeting, lang: Lang, *, skip: set[str] | None = None, last: int | None = None
) -> list[str]:
    """This case's contributions in a method, else this step's; then the decisions.

    Hidden contributions are left out and counted, not shown as placeholders: even
    the number of lines per person could give away who wrote what. The phase
    screen leaves out what it lists elsewhere (``skip``) and shows only the
    ``last`` few, saying how many earlier ones ``toon`` would add.
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
    lines = [
        contribution_line(meeting, c, lang, visible) for c in shown if c.id not in (skip or ())
    ]
    for decision in decisions:
        labels = [f"{cid}={_label_word(meeting, label, lang)}" for cid, label in decision.labels]
        text = " ".join([decision.text, *decision.selected, *labels]).strip()
        lines.append(
            wrap(
                t(lang, "show.decision", name=_name(meeting, decision.by), text=text),
                indent="  ",
                hanging=" " * 6,
            )
        )
    if last is not None and len(lines) > last:
        earlier = len(lines) - last
        lines = [t(lang, "screen.earlier", n=earlier), *lines[earlier:]]
    hidden = len(items) - len(shown)
    if hidden:
        lines.append(
            t(lang, "show.hidden_count", contributions=count(lang, hidden, "contribution"))
        )
    if lines or (skip and shown):
        return lines  # empty when everything is listed elsewhere on the screen
    return [t(lang, "show.none") if last is None else f"  {t(lang, 'show.none')}"]


def _name(meeting: Meeting, person: str | None) -> str:
    if person is None:
        return "-"
    member = meeting.state.members.get(person)
    return member.name if member else person
