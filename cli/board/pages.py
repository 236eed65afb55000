"""What each kind of page shows: a member's, the facilitator's console, the room display.

Each is built from a :class:`~.scene.Snapshot` (the engine's answer for one version)
and holds plain values for a template. What a person may do comes from
``Capabilities.of(person)``; which of those commands a page offers is the page's
job, not a rule: a member's page offers what a member does for themselves, the
console what moves the meeting on. So facilitation is never taken from a member's
page, even by the member who facilitates: that member has the console as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from intervision.engine import IntervisionError
from intervision.engine.groups import record_of

from .scene import (
    Item,
    Scene,
    Snapshot,
    items_for,
    kind_button,
    kind_title,
    name_of,
    role_title,
    scene,
)
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine.groups import Commitment

__all__ = [
    "CONSOLE_COMMANDS",
    "MEMBER_COMMANDS",
    "Choice",
    "ConsolePage",
    "DecisionForm",
    "DisplayPage",
    "MemberPage",
    "Person",
    "console_page",
    "display_page",
    "member_page",
]

#: What a member does for themselves, from their own page.
MEMBER_COMMANDS = frozenset(
    {"contribute", "submit_leervraag", "pass_leervraag", "decide", "take_loop", "choose_module"}
)
#: What moves the meeting on: the console's alone.
CONSOLE_COMMANDS = frozenset(
    {
        "advance",
        "reveal",
        "extend",
        "skip",
        "take_loop",
        "record_consensus",
        "choose_module",
        "hand_over",
        "close",
        "choose_case",
        "choose_method",
    }
)


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class DecisionForm:
    """The inbrenger's own screen for the phase's decision: sorting, choosing, committing."""

    decider: str
    title: str
    commitment: bool
    selectable: tuple[Choice, ...]
    to_label: tuple[Choice, ...]
    label_values: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    roles: str
    online: int = 0


@dataclass(frozen=True, slots=True)
class DisplayPage:
    scene: Scene
    items: list[Item]
    leervragen: list[Choice]


@dataclass(frozen=True, slots=True)
class MemberPage:
    scene: Scene
    person: str
    name: str
    roles: str
    instructions: list[str]
    kinds: list[Choice]
    may: frozenset[str]
    written: bool
    away: bool
    leervraag: str | None
    passed: bool
    decision: DecisionForm | None
    loops: list[Choice]
    modules: list[Choice]
    replies: list[Choice]
    items: list[Item]
    leervragen: list[Choice]
    commitments: list[str]
    look_back: list[str]


@dataclass(frozen=True, slots=True)
class ConsolePage:
    scene: Scene
    facilitator: str
    may: frozenset[str]
    behalf: list[Choice]
    cases: list[Choice]
    methods_fit: list[Choice]
    methods_other: list[Choice]
    suggestions: list[Choice]
    hand_over: list[Choice]
    loops: list[Choice]
    modules: list[Choice]
    decision: DecisionForm | None
    items: list[Item]
    leervragen: list[Choice]
    people: list[Person] = field(default_factory=list)


# -- the room display -------------------------------------------------------------------


def display_page(snap: Snapshot, lang: Lang) -> DisplayPage:
    return DisplayPage(scene(snap, lang), items_for(snap, None, lang), _leervragen(snap, lang))


# -- a member's own page ----------------------------------------------------------------


def member_page(
    snap: Snapshot, person: str, lang: Lang, look_back: Sequence[Commitment] = ()
) -> MemberPage:
    state, phase = snap.state, snap.phase
    can = snap.caps.of(person)
    may = can.commands & MEMBER_COMMANDS
    roles = [r for r in _role_order(snap) if r in can.roles]
    if phase is not None:
        instructions = [phase.instructions[r](lang) for r in roles if r in phase.instructions]
    else:
        instructions = []
    leervraag = next((lv.text for lv in state.leervragen.values() if lv.by == person), None)
    away = phase is not None and "inbrenger" in can.roles and phase.inbrenger_mode == "away"
    return MemberPage(
        scene=scene(snap, lang),
        person=person,
        name=name_of(state, person),
        roles=", ".join(role_title(snap, r, lang) for r in roles),
        instructions=instructions,
        kinds=[Choice(k, kind_button(k, lang, snap.registry.glossary)) for k in can.kinds],
        may=may,
        written=phase is not None and phase.written_first,
        away=away,
        leervraag=leervraag,
        passed=person in state.passed,
        decision=_decision(snap, person, lang) if "decide" in may else None,
        loops=_loops(snap, can.loops, lang),
        modules=_modules(snap, can.modules, lang),
        replies=_replies(snap, person) if "contribute" in may and "inbrenger" in can.roles else [],
        items=items_for(snap, person, lang),
        leervragen=_leervragen(snap, lang),
        commitments=[
            c.text for c in record_of(state, snap.registry).commitments if c.member == person
        ],
        look_back=[c.text for c in look_back if c.member == person]
        if state.frame == "opening"
        else [],
    )


def _role_order(snap: Snapshot) -> list[str]:
    order = ["inbrenger", "facilitator", "participant"]
    if snap.method is not None:
        order += [r.id for r in snap.method.roles if r.id not in order]
    return order


def _decision(snap: Snapshot, person: str, lang: Lang) -> DecisionForm | None:
    """The decision this phase asks of ``person``, from what they may see."""
    phase = snap.phase
    if phase is None or phase.decision is None:
        return None
    spec, state = phase.decision, snap.state
    case_no = state.case.no if state.case else None
    visible = [c for c in state.visible_to(person) if c.case_no == case_no]
    selectable = [
        Choice(c.id, c.text, name_of(state, c.author))
        for c in visible
        if c.kind in spec.selects_from
    ]
    to_label: list[Choice] = []
    values: list[Choice] = []
    if phase.labels is not None:
        to_label = [
            Choice(c.id, c.text, name_of(state, c.author))
            for c in visible
            if c.kind in phase.labels.kinds
        ]
        labels = phase.labels
        values = [Choice(v, labels.title(v)(lang)) for v in labels.values]
    return DecisionForm(
        decider=person,
        title=spec.title(lang),
        commitment=spec.commitment,
        selectable=tuple(selectable),
        to_label=tuple(to_label),
        label_values=tuple(values),
    )


def _loops(snap: Snapshot, ids: Sequence[str], lang: Lang) -> list[Choice]:
    phase = snap.phase
    titles = {loop.id: loop.title(lang) for loop in phase.loops} if phase else {}
    return [Choice(i, titles.get(i, i)) for i in ids]


def _modules(snap: Snapshot, ids: Sequence[str], lang: Lang) -> list[Choice]:
    choices = []
    for module_id in ids:
        try:
            title = snap.registry.method(module_id).title(lang)
        except IntervisionError:
            title = module_id
        choices.append(Choice(module_id, title))
    return choices


def _replies(snap: Snapshot, person: str) -> list[Choice]:
    """What the inbrenger may answer: what the others said in this case, newest first."""
    state = snap.state
    case_no = state.case.no if state.case else None
    said = [c for c in state.visible_to(person) if c.case_no == case_no and c.author != person]
    return [
        Choice(c.id, f"{c.id} · {name_of(state, c.author)}: {_short(c.text)}")
        for c in reversed(said[-40:])
    ]


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _leervragen(snap: Snapshot, lang: Lang) -> list[Choice]:
    """The leervragen brought, while the group brings and chooses them."""
    state = snap.state
    if state.frame not in ("leervragen", "case_choice", "second_case", "method_choice"):
        return []
    shown = [Choice(lv.by, name_of(state, lv.by), lv.text) for lv in state.leervragen.values()]
    shown += [Choice(p, name_of(state, p), t(lang, "leervragen.passed")) for p in state.passed]
    return shown


# -- the facilitator's console ------------------------------------------------------------


def console_page(snap: Snapshot, lang: Lang, people_online: dict[str, int]) -> ConsolePage:
    state = snap.state
    facilitator = state.facilitator
    can = snap.caps.of(facilitator)
    inbrenger = state.inbrenger
    decision = None
    if inbrenger is not None and snap.caps.of(inbrenger).may("decide"):
        decision = _decision(snap, inbrenger, lang)
    fit, other = _methods(snap, can.methods, lang) if can.methods else ([], [])
    return ConsolePage(
        scene=scene(snap, lang),
        facilitator=name_of(state, facilitator),
        may=can.commands & CONSOLE_COMMANDS,
        behalf=_behalf(snap, lang),
        cases=[Choice(p, name_of(state, p), _leervraag_of(snap, p)) for p in can.inbrengers],
        methods_fit=fit,
        methods_other=other,
        suggestions=_suggestions(snap, lang) if can.methods else [],
        hand_over=[Choice(p, name_of(state, p)) for p in can.hand_over_to],
        loops=_loops(snap, can.loops, lang),
        modules=_modules(snap, can.modules, lang),
        decision=decision,
        items=items_for(snap, facilitator, lang),
        leervragen=_leervragen(snap, lang),
        people=[
            Person(
                p,
                name_of(state, p),
                ", ".join(
                    role_title(snap, r, lang)
                    for r in _role_order(snap)
                    if r in snap.caps.of(p).roles
                ),
                people_online.get(p, 0),
            )
            for p in state.present
            if not state.members[p].external
        ],
    )


def _leervraag_of(snap: Snapshot, person: str) -> str:
    found = [lv.text for lv in snap.state.leervragen.values() if lv.by == person]
    return found[-1] if found else ""


def _behalf(snap: Snapshot, lang: Lang) -> list[Choice]:
    """``person|what`` for everything a member present may enter now, typed for them."""
    state = snap.state
    options = []
    for person, can in snap.caps.people.items():
        name = name_of(state, person)
        if can.may("submit_leervraag"):
            label = t(lang, "console.behalf_leervraag", name=name)
            options.append(Choice(f"{person}|leervraag", label))
        if can.may("pass_leervraag"):
            options.append(Choice(f"{person}|pass", t(lang, "console.behalf_pass", name=name)))
        for kind in can.kinds:
            kind_said = kind_title(kind, lang, snap.registry.glossary)
            label = t(lang, "console.behalf_kind", name=name, kind=kind_said)
            options.append(Choice(f"{person}|{kind}", label))
    return options


def _methods(snap: Snapshot, ids: Sequence[str], lang: Lang) -> tuple[list[Choice], list[Choice]]:
    """The methods the engine would accept, with their variants: those that fit the
    group's size first."""
    state = snap.state
    size = sum(1 for p in state.present if not state.members[p].external)
    fit: list[Choice] = []
    other: list[Choice] = []
    for method_id in ids:
        spec = snap.registry.method(method_id)
        minutes = sum(p.minutes for p in spec.phases)
        target = fit if spec.fit.group_min <= size <= spec.fit.group_max else other
        target.append(Choice(spec.id, f"{spec.title(lang)} · {minutes} min"))
        for variant in spec.variants:
            label = f"{spec.title(lang)}: {variant.title(lang)}"
            target.append(Choice(f"{spec.id}/{variant.id}", label))
    return fit, other


def _suggestions(snap: Snapshot, lang: Lang) -> list[Choice]:
    from intervision.engine.recommend import recommend

    state = snap.state
    size = sum(1 for p in state.present if not state.members[p].external)
    try:
        found = recommend(snap.registry, leervraag_kind=None, group_size=size, limit=3)
    except IntervisionError:
        return []
    return [
        Choice(
            s.method_id,
            snap.registry.method(s.method_id).title(lang),
            "; ".join(r(lang) for r in s.reasons[:2]),
        )
        for s in found
    ]
