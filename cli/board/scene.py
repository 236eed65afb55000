"""What every page of one meeting shows alike: where it is, the clock, whom it waits for.

Everything here is read from the engine's public API: the state, the method's
spec, and :func:`intervision.engine.capabilities`, the one answer to "what may
each person do now, and what does the step wait for". The board adds no rule: it
shows what the engine says, and sends the engine what a person asks.

A :class:`Snapshot` is one meeting at one version, taken once and shared by every
page drawn from it; the words are then put in each viewer's own language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from intervision.engine import (
    FRAME_STEPS,
    GLOSSARY,
    STANDARD_ROLES,
    Capabilities,
    Contribution,
    Glossary,
    IntervisionError,
    Meeting,
    MeetingState,
    MethodSpec,
    PhaseSpec,
    Text,
    capabilities,
)

from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Registry

__all__ = [
    "Item",
    "RoleLine",
    "Scene",
    "Snapshot",
    "Timer",
    "items_for",
    "kind_button",
    "kind_title",
    "name_of",
    "role_title",
    "scene",
    "snapshot",
]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One meeting at one version: the state, its method and phase, and who may do what."""

    meeting: Meeting
    state: MeetingState
    caps: Capabilities
    method: MethodSpec | None
    phase: PhaseSpec | None

    @property
    def registry(self) -> Registry:
        return self.meeting.engine.registry


def snapshot(meeting: Meeting, now: datetime | None = None) -> Snapshot:
    state = meeting.state
    method = meeting.method if state.cases else None
    phase = None
    if state.frame == "method" and method is not None and state.phase is not None:
        try:
            phase = method.phase(state.phase)
        except KeyError:  # the meeting moved on while this was read: the next one is right
            phase = None
    registry = meeting.engine.registry
    caps = capabilities(state, registry, now or meeting.engine.clock())
    return Snapshot(meeting, state, caps, method, phase)


@dataclass(frozen=True, slots=True)
class Timer:
    """The phase's timebox, for a page that counts down by the server's clock."""

    ends_ms: int
    total_s: int


@dataclass(frozen=True, slots=True)
class RoleLine:
    """One role in the phase: its title, who has it, and what it does now."""

    role: str
    title: str
    names: str
    instruction: str


@dataclass(frozen=True, slots=True)
class Item:
    """One contribution or decision as a page lists it."""

    id: str
    author: str
    kind: str
    text: str
    mine: bool = False
    #: The viewer's own text that the others cannot see yet.
    private: bool = False
    label: str | None = None
    reply_to: str | None = None
    decision: bool = False
    selected: tuple[str, ...] = ()
    now: bool = True
    #: Typed in by the facilitator for its author, who has no device of their own.
    typed: bool = False


@dataclass(frozen=True, slots=True)
class Scene:
    """What every view of the meeting shows, in one viewer's language."""

    meeting_id: str
    version: int
    lang: Lang
    closed: bool
    title: str
    context: tuple[str, ...]
    frame: str
    frame_instruction: str | None
    mode: str | None
    timer: Timer | None
    waiting: tuple[str, ...]
    roles: tuple[RoleLine, ...]
    written_by: tuple[str, ...]
    facilitator: str
    inbrenger: str | None


def name_of(state: MeetingState, person: str | None) -> str:
    if person is None:
        return ""
    member = state.members.get(person)
    return member.name if member is not None else person


def kind_title(kind: str, lang: Lang, words: Glossary = GLOSSARY) -> str:
    """A kind as the glossary names it (the terminal and the rules say the same); the
    registry's glossary (``snap.registry.glossary``) knows the plugins' kinds too."""
    return words.kind(kind)(lang)


def kind_button(kind: str, lang: Lang, words: Glossary) -> str:
    """What a button for the kind says: the label its plugin gives it (``Term.board``),
    else its name."""
    term = words.kinds.get(kind)
    if term is not None and term.board is not None:
        return term.board(lang)
    return kind_title(kind, lang, words)


def role_title(snap: Snapshot, role: str, lang: Lang) -> str:
    roles = snap.method.roles if snap.method is not None else STANDARD_ROLES
    for spec in roles:
        if spec.id == role:
            return spec.title(lang)
    return role


def scene(snap: Snapshot, lang: Lang) -> Scene:
    state, method, phase, caps = snap.state, snap.method, snap.phase, snap.caps
    step = FRAME_STEPS[state.frame]
    context: list[str] = []
    if phase is not None and method is not None:
        title = phase.title(lang)
        case_method = _case_method(snap)
        if case_method is not None and case_method is not method:
            context.append(case_method.title(lang))
            context.append(t(lang, "where.module", title=method.title(lang)))
        else:
            context.append(method.title(lang))
        ids = [p.id for p in method.phases]
        if phase.id in ids:
            context.append(t(lang, "where.phase", number=ids.index(phase.id) + 1, count=len(ids)))
        if state.case is not None:
            context.append(t(lang, "where.case", no=state.case.no))
    else:
        title = step.title(lang)
    timer = None
    if caps.ends_at is not None and phase is not None:
        total = (phase.minutes + state.extra_minutes) * 60
        timer = Timer(round(caps.ends_at.timestamp() * 1000), total)
    hidden_authors = [c.author for c in state.step_contributions() if state.is_hidden(c)]
    return Scene(
        meeting_id=state.meeting_id,
        version=state.version,
        lang=lang,
        closed=state.closed,
        title=title,
        context=tuple(context),
        frame=state.frame,
        frame_instruction=None if phase is not None else step.instructions(lang),
        mode=t(lang, f"mode.{phase.inbrenger_mode}") if phase is not None else None,
        timer=timer,
        waiting=tuple(_waiting(snap, lang)),
        roles=tuple(_roles(snap, lang)),
        written_by=tuple(name_of(state, p) for p in dict.fromkeys(hidden_authors)),
        facilitator=name_of(state, state.facilitator),
        inbrenger=name_of(state, state.inbrenger) if state.inbrenger else None,
    )


def _case_method(snap: Snapshot) -> MethodSpec | None:
    case = snap.state.case
    if case is None or case.method_id is None:
        return None
    try:
        return snap.registry.method(case.method_id, case.method_version, case.variant)
    except IntervisionError:
        return None


def _waiting(snap: Snapshot, lang: Lang) -> list[str]:
    state = snap.state
    lines = []
    for wait in snap.caps.waiting:
        names = ", ".join(name_of(state, p) for p in wait.people) or t(lang, "roles.nobody")
        lines.append(t(lang, f"wait.{wait.reason}", names=names, rule=wait.rule))
    return lines


def _roles(snap: Snapshot, lang: Lang) -> list[RoleLine]:
    """Each role the phase instructs, with the people who have it now."""
    state, phase = snap.state, snap.phase
    if phase is None:
        return []
    holders: dict[str, list[str]] = {}
    for person, can in snap.caps.people.items():
        for role in can.roles:
            holders.setdefault(role, []).append(name_of(state, person))
    roles = snap.method.roles if snap.method is not None else STANDARD_ROLES
    return [
        RoleLine(
            spec.id,
            spec.title(lang),
            ", ".join(holders.get(spec.id, ())),
            phase.instructions[spec.id](lang),
        )
        for spec in roles
        if spec.id in phase.instructions
    ]


def items_for(snap: Snapshot, viewer: str | None, lang: Lang) -> list[Item]:
    """What ``viewer`` (a member id; None for what everyone may see) may see, newest
    step first: the engine's own ``visible_to`` decides, never the board."""
    state = snap.state
    label_title = _label_title(snap)
    words = snap.registry.glossary
    dated = [
        (c.at, _item(state, c, viewer, lang, label_title, words)) for c in state.visible_to(viewer)
    ]
    decided = t(lang, "feed.decision")
    for d in state.decisions:
        item = Item(
            id=d.decision_id,
            author=name_of(state, d.by),
            kind=decided,
            text=d.text,
            mine=d.by == viewer,
            decision=True,
            selected=d.selected,
            now=d.step_no == state.step_no,
            typed=d.typed_by is not None,
        )
        dated.append((d.at, item))
    dated.sort(key=lambda pair: pair[0])
    return [item for _, item in dated]


def _item(
    state: MeetingState,
    c: Contribution,
    viewer: str | None,
    lang: Lang,
    label_title: Callable[[str], Text],
    words: Glossary,
) -> Item:
    label = state.labels.get(c.id)
    return Item(
        id=c.id,
        author=name_of(state, c.author),
        kind=kind_title(c.kind, lang, words),
        text=c.text,
        mine=c.author == viewer,
        private=c.author == viewer and state.is_hidden(c),
        label=label_title(label)(lang) if label is not None else None,
        reply_to=c.reply_to,
        now=c.step_no == state.step_no,
        typed=c.typed_by is not None,
    )


def _label_title(snap: Snapshot) -> Callable[[str], Text]:
    """A label's title as the phase that labels sets it, else as the glossary says it."""
    for method in (_case_method(snap), snap.method):
        for phase in method.phases if method is not None else ():
            if phase.labels is not None:
                return phase.labels.title
    return GLOSSARY.label
