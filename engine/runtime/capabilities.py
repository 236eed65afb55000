"""What each person may do now, and what the step waits for: one answer for every screen.

The terminal, the board, the CLI's status and a host app draw their buttons and
prompts from :func:`capabilities`, so none of them keeps a rule of its own. It never
offers what the engine would refuse: every action it offers is tried against the
engine's own check (:func:`~.decide.decide`, which writes nothing and reads no
clock) with representative arguments, so a rule a plugin adds is obeyed here too.
What it cannot know is whether a text will pass a rule that reads texts; it tries
the contribution kinds with a short neutral text, and then with the text each rule
kind that applies here says it accepts (``RuleKind.samples``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from intervision.engine import (
    COMMANDS,
    FRAME_KINDS,
    SAMPLE_TEXT,
    Advance,
    ChooseCase,
    ChooseInbrenger,
    ChooseMethod,
    ChooseModule,
    Command,
    Contribute,
    Decide,
    HandOver,
    IntervisionError,
    MeetingState,
    MethodSpec,
    PhaseSpec,
    Registry,
    TakeLoop,
    below_floor,
    current_method,
    current_phase,
    decide,
    frame_flow,
    method_flow,
    roles_of,
    yet_to_speak,
)

__all__ = ["Capabilities", "PersonCan", "WaitReason", "Waiting", "capabilities"]

WaitReason = Literal[
    "leervraag",
    "learning_goal",
    "recognition",
    "feedback",
    "everyone_contributes",
    "at_least",
    "inbrenger",
    "reveal",
    "consensus",
    "decision",
    "module",
    "rule",
]


@dataclass(frozen=True, slots=True)
class Waiting:
    """One thing the step waits for before it can move on, and from whom.

    ``rule`` names the engine's rule that refuses moving on meanwhile (for
    ``reason == "rule"``, a rule the engine knows no more about, often a plugin's).
    """

    reason: WaitReason
    people: tuple[str, ...]
    rule: str


@dataclass(frozen=True, slots=True)
class PersonCan:
    """What one person present may do now; each field is something the engine accepts."""

    person: str
    roles: frozenset[str]
    #: Contribution kinds they may give now (in the phase's order).
    kinds: tuple[str, ...] = ()
    #: The commands they may send now, by ``command`` name ("advance", "reveal", ...).
    commands: frozenset[str] = frozenset()
    #: For the parameterised commands: the arguments the engine would accept.
    loops: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    #: Whose leervraag they may choose at the case choice (``choose_case``).
    inbrengers: tuple[str, ...] = ()
    hand_over_to: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    #: Whose example they may record as the group's choice (``choose_inbrenger``).
    examples: tuple[str, ...] = ()

    def may(self, command: str) -> bool:
        """Whether they may send ``command`` now (a ``command`` name, see :attr:`commands`)."""
        return command in self.commands

    @property
    def may_contribute(self) -> bool:
        return bool(self.kinds)


@dataclass(frozen=True, slots=True)
class Capabilities:
    """The answer for one meeting at one version: per person, and for the step."""

    meeting_id: str
    version: int
    frame: str
    phase: str | None
    people: Mapping[str, PersonCan]
    waiting: tuple[Waiting, ...] = ()
    #: Seconds left in the phase's timebox (negative when over), None outside a phase.
    seconds_left: float | None = None
    #: When the phase's timebox ends, for a screen that counts down by itself.
    ends_at: datetime | None = None

    def of(self, person: str) -> PersonCan:
        """What ``person`` (a member id) may do; nothing for someone not present."""
        found = self.people.get(person)
        return found if found is not None else PersonCan(person, frozenset())

    @property
    def waiting_for(self) -> tuple[str, ...]:
        """Everyone the step waits for, once each, in the order of the waits."""
        return tuple(dict.fromkeys(p for wait in self.waiting for p in wait.people))


def capabilities(state: MeetingState, registry: Registry, now: datetime) -> Capabilities:
    """What each person present may do in ``state`` and what the step waits for."""
    method = current_method(state, registry) if state.frame == "method" else None
    phase = current_phase(state, registry)
    neutral = method is not None and method.neutral_facilitator
    people: dict[str, PersonCan] = {}
    if not state.closed:
        texts = _sample_texts(registry, method, phase)
        for person in _people(state):
            roles = roles_of(state, person, neutral_facilitator=neutral)
            people[person] = _person(state, registry, person, roles, phase, now, texts)
    waiting = () if state.closed else _waiting(state, registry, method, phase, people, now)
    seconds_left = ends_at = None
    if phase is not None and state.step_entered_at is not None:
        ends_at = state.step_entered_at + timedelta(minutes=phase.minutes + state.extra_minutes)
        seconds_left = (ends_at - now).total_seconds()
    return Capabilities(
        state.meeting_id,
        state.version,
        state.frame,
        state.phase,
        people,
        waiting,
        seconds_left,
        ends_at,
    )


def _people(state: MeetingState) -> Iterator[str]:
    yield from state.present
    if state.facilitator not in state.present:
        yield state.facilitator  # an external facilitator


def _sample_texts(
    registry: Registry, method: MethodSpec | None, phase: PhaseSpec | None
) -> tuple[str, ...]:
    """A neutral text, then the texts the rule kinds that read contributions here accept."""
    kinds = (
        *registry.always_rule_kinds(Contribute),
        *(kind for kind, _ in registry.listed_rule_kinds(method, phase, Contribute)),
    )
    accepted = (kind.samples[0] for kind in kinds if kind.samples is not None)
    return tuple(dict.fromkeys((SAMPLE_TEXT, *accepted)))


def _accepts(state: MeetingState, registry: Registry, command: Command, now: datetime) -> bool:
    try:
        decide(state, command, registry, now)
    except IntervisionError:
        return False
    return True


def _person(
    state: MeetingState,
    registry: Registry,
    person: str,
    roles: frozenset[str],
    phase: PhaseSpec | None,
    now: datetime,
    texts: tuple[str, ...],
) -> PersonCan:
    def ok(command: object) -> bool:  # any class of the command table
        return _accepts(state, registry, command, now)  # type: ignore[arg-type]

    kinds = tuple(
        kind
        for kind in _candidate_kinds(state, phase)
        if any(ok(Contribute(by=person, kind=kind, text=text)) for text in texts)
    )
    commands: set[str] = set()
    if kinds:
        commands.add("contribute")
    for name, command_type in COMMANDS.items():  # those tried with their sample
        if command_type.sample is not None and ok(command_type(by=person, **command_type.sample)):
            commands.add(name)
    decision = _sample_decision(state, phase, person)
    if decision is not None and ok(decision):
        commands.add("decide")
    loops = tuple(
        loop.id
        for loop in (phase.loops if phase else ())
        if ok(TakeLoop(by=person, loop_id=loop.id))
    )
    modules = tuple(
        m for m in _candidate_modules(registry, phase) if ok(ChooseModule(by=person, method_id=m))
    )
    inbrengers = tuple(
        p
        for p in dict.fromkeys(lv.by for lv in state.leervragen.values())
        if state.frame in ("case_choice", "second_case")
        and ok(ChooseCase(by=person, inbrenger=p, consent=True))
    )
    examples: tuple[str, ...] = ()
    if phase is not None and phase.inbrenger_chosen:
        examples = tuple(
            p for p in state.present if ok(ChooseInbrenger(by=person, inbrenger=p, consent=True))
        )
    hand_over_to = tuple(p for p in state.present if p != person and ok(HandOver(by=person, to=p)))
    methods: tuple[str, ...] = ()
    if state.frame == "method_choice":
        methods = tuple(
            m.id
            for m in registry.methods()
            if ok(ChooseMethod(by=person, method_id=m.id, inbrenger_agrees=True))
        )
    for name, found in (
        ("take_loop", loops),
        ("choose_module", modules),
        ("choose_case", inbrengers),
        ("choose_inbrenger", examples),
        ("hand_over", hand_over_to),
        ("choose_method", methods),
    ):
        if found:
            commands.add(name)
    return PersonCan(
        person,
        roles,
        kinds,
        frozenset(commands),
        loops,
        modules,
        inbrengers,
        hand_over_to,
        methods,
        examples,
    )


def _candidate_kinds(state: MeetingState, phase: PhaseSpec | None) -> tuple[str, ...]:
    if phase is None:
        return FRAME_KINDS.get(state.frame, ())
    return tuple(dict.fromkeys(k for kinds in phase.allowed.values() for k in kinds))


def _candidate_modules(registry: Registry, phase: PhaseSpec | None) -> tuple[str, ...]:
    if phase is None or phase.nested is None:
        return ()
    if phase.nested.choose_from:
        return phase.nested.choose_from
    return tuple(m.id for m in registry.methods(modules=True) if m.kind == "module")


def _sample_decision(state: MeetingState, phase: PhaseSpec | None, person: str) -> Decide | None:
    """A decision of the form the phase asks for: every contribution to label labelled
    (with the first label), else a stated intention."""
    if phase is None or phase.decision is None:
        return None
    labels: dict[str, str] = {}
    if phase.labels is not None and phase.labels.values:
        case_no = state.case.no if state.case else None
        labels = {
            c.id: phase.labels.values[0]
            for c in state.contributions
            if c.case_no == case_no and c.kind in phase.labels.kinds
        }
    return Decide(by=person, text=SAMPLE_TEXT, labels=labels)


def _waiting(
    state: MeetingState,
    registry: Registry,
    method: MethodSpec | None,
    phase: PhaseSpec | None,
    people: Mapping[str, PersonCan],
    now: datetime,
) -> tuple[Waiting, ...]:
    found: list[Waiting] = []
    step = state.step_contributions()
    said = {c.author for c in step}
    if state.frame == "leervragen":
        done = set(state.passed) | {lv.by for lv in state.leervragen.values()}
        found.append(
            Waiting(
                "leervraag",
                tuple(p for p in state.present if p not in done),
                "leervragen_complete",
            )
        )
    elif state.frame == "recognitions":
        found.append(
            Waiting(
                "recognition",
                tuple(p for p in state.present if p not in said),
                "recognitions_complete",
            )
        )
    elif state.frame == "learning_goals":
        writing = tuple(p for p in state.present if p not in said and not state.members[p].external)
        found.append(Waiting("learning_goal", writing, "learning_goals_complete"))
    elif state.frame == "evaluation" and state.feedback_round:
        given = {c.author for c in step if c.kind == "feedback"}
        members = (p for p in state.present if not state.members[p].external)
        found.append(
            Waiting("feedback", tuple(p for p in members if p not in given), "feedback_round")
        )
    elif phase is not None:

        def holders(command: str) -> tuple[str, ...]:
            return tuple(p for p, can in people.items() if command in can.commands)

        written = phase.written_first and any(c.written for c in step)
        if written and state.step_no not in state.revealed:
            found.append(Waiting("reveal", holders("reveal"), "written_first"))
        neutral = method is not None and method.neutral_facilitator
        if phase.everyone_contributes:
            turn = yet_to_speak(state, neutral_facilitator=neutral)
            found.append(Waiting("everyone_contributes", turn, "everyone_contributes"))
        if phase.at_least:
            short = below_floor(state, phase.at_least, neutral_facilitator=neutral)
            found.append(Waiting("at_least", short, "at_least"))
        if phase.consensus and state.step_no not in state.consensus:
            found.append(Waiting("consensus", holders("record_consensus"), "consensus"))
        if phase.inbrenger_chosen and state.step_no not in state.inbrenger_chosen:
            found.append(Waiting("inbrenger", holders("choose_inbrenger"), "choose_inbrenger"))
        if phase.decision is not None and phase.decision.required:
            decided = {d.by for d in state.step_decisions()}
            deciders = tuple(p for p, can in people.items() if phase.decision.by in can.roles)
            pair = phase.decision.by == "inbrenger" and len(state.inbrengers) > 1
            if pair or not decided:
                undecided = tuple(p for p in deciders if p not in decided)
                found.append(Waiting("decision", undecided, "decision_required"))
        if phase.nested is not None and state.module is None:
            choosers = tuple(p for p, can in people.items() if can.roles & set(phase.nested.by))
            found.append(Waiting("module", choosers, "nesting"))
    waits = tuple(w for w in found if w.people or w.reason in ("reveal", "consensus", "inbrenger"))
    return waits + _other_refusal(state, registry, method, phase, people, waits, now)


def _other_refusal(
    state: MeetingState,
    registry: Registry,
    method: MethodSpec | None,
    phase: PhaseSpec | None,
    people: Mapping[str, PersonCan],
    known: tuple[Waiting, ...],
    now: datetime,
) -> tuple[Waiting, ...]:
    """A rule the waits above do not explain that still keeps the step from moving on
    (nobody brought a leervraag, nobody present may move on, a plugin's rule)."""
    if known or any(can.may("advance") for can in people.values()):
        return ()
    if method is not None and phase is not None:
        movable = method_flow(method).allows(state.phase or "", "advance")
        movers = [p for p, can in people.items() if can.roles & set(phase.advance_by)]
    else:
        movable = frame_flow(state.purpose).allows(state.frame, "advance")
        movers = []
    if not movable:
        return ()  # the step moves on by another command (a case or method chosen)
    try:
        decide(state, Advance(by=(movers or [state.facilitator])[0]), registry, now)
    except IntervisionError as exc:
        return (Waiting("rule", (), getattr(exc, "rule", None) or "rule"),)
    return ()
