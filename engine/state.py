"""The state of one meeting, and the pure function that applies an event to it.

State is plain data (dataclasses), not a state-machine model: a host app holds
thousands of meetings, and a ``transitions`` model per meeting costs kilobytes and
garbage-collection time each. ``apply`` reads no clock and does no I/O, so that
replaying a journal gives exactly the state the live meeting had.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from . import events as ev
from .text import Lang

__all__ = [
    "FRAME",
    "Case",
    "Contribution",
    "Decision",
    "Leervraag",
    "MeetingState",
    "Member",
    "apply",
    "replay",
]

#: The frame around every method, in order (methods.md, "The meeting frame").
FRAME: tuple[str, ...] = (
    "opening",
    "leervragen",
    "case_choice",
    "method_choice",
    "method",
    "second_case",
    "recognitions",
    "evaluation",
    "closed",
)


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    external: bool = False


@dataclass(frozen=True)
class Leervraag:
    id: str
    by: str
    text: str
    at: datetime


@dataclass(frozen=True)
class Case:
    no: int
    leervraag_id: str
    inbrenger: str
    method_id: str | None = None
    method_version: str | None = None
    variant: str | None = None


@dataclass(frozen=True)
class Contribution:
    """Something a member said in a phase, of one kind; written ones stay hidden until revealed."""

    id: str
    author: str
    kind: str
    text: str
    frame: str
    phase: str | None
    case_no: int | None
    written: bool
    at: datetime


@dataclass(frozen=True)
class Decision:
    decision_id: str
    by: str
    selected: tuple[str, ...]
    text: str
    phase: str
    case_no: int
    at: datetime


@dataclass
class MeetingState:
    """Everything known about a meeting: what applying its journal gives."""

    meeting_id: str
    lang: Lang
    group_id: str | None
    members: dict[str, Member]
    present: tuple[str, ...]
    facilitator: str
    scribe: str | None
    timekeeper: str | None
    started_at: datetime
    version: int = 1
    frame: str = "opening"
    phase: str | None = None
    step_entered_at: datetime | None = None
    extra_minutes: int = 0
    leervragen: dict[str, Leervraag] = field(default_factory=dict)
    passed: tuple[str, ...] = ()
    cases: list[Case] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    revealed: set[tuple[int | None, str, str | None]] = field(default_factory=set)
    decisions: list[Decision] = field(default_factory=list)
    skipped: list[tuple[int | None, str | None, str]] = field(default_factory=list)
    closed_at: datetime | None = None
    closed_reason: str | None = None

    @property
    def closed(self) -> bool:
        return self.frame == "closed"

    @property
    def case(self) -> Case | None:
        """The case under discussion (the latest chosen), if any."""
        return self.cases[-1] if self.cases else None

    @property
    def inbrenger(self) -> str | None:
        return self.cases[-1].inbrenger if self.cases else None

    @property
    def step_key(self) -> tuple[int | None, str, str | None]:
        """Identifies the current step; method phases are per case."""
        case_no = self.cases[-1].no if self.cases and self.frame == "method" else None
        return (case_no, self.frame, self.phase)

    def step_contributions(self) -> list[Contribution]:
        case_no, frame, phase = self.step_key
        return [
            c
            for c in self.contributions
            if c.frame == frame and c.phase == phase and c.case_no == case_no
        ]

    def step_decisions(self) -> list[Decision]:
        case = self.case
        if case is None or self.phase is None:
            return []
        return [d for d in self.decisions if d.case_no == case.no and d.phase == self.phase]

    def is_revealed(self, c: Contribution) -> bool:
        return (c.case_no, c.frame, c.phase) in self.revealed

    def visible_to(self, person: str | None = None) -> list[Contribution]:
        """Contributions a person may see now: written ones only once revealed."""
        return [
            c
            for c in self.contributions
            if not c.written or self.is_revealed(c) or c.author == person
        ]


def apply(state: MeetingState | None, event: ev.Event) -> MeetingState:
    """Apply one event. The first event must be ``MeetingStarted``."""
    if isinstance(event, ev.MeetingStarted):
        return MeetingState(
            meeting_id=event.meeting_id,
            lang=event.lang,
            group_id=event.group_id,
            members={m.id: Member(m.id, m.name, m.external) for m in event.members},
            present=event.present,
            facilitator=event.facilitator,
            scribe=event.scribe,
            timekeeper=event.timekeeper,
            started_at=event.at,
            step_entered_at=event.at,
        )
    if state is None:
        raise ValueError(f"the first event must be meeting_started, not {event.type}")
    state.version += 1
    match event:
        case ev.StepEntered():
            state.frame, state.phase = event.frame, event.phase
            state.step_entered_at, state.extra_minutes = event.at, 0
        case ev.LeervraagSubmitted():
            state.leervragen[event.leervraag_id] = Leervraag(
                event.leervraag_id, event.by, event.text, event.at
            )
        case ev.LeervraagPassed():
            state.passed = (*state.passed, event.by)
        case ev.CaseChosen():
            state.cases.append(Case(event.case_no, event.leervraag_id, event.inbrenger))
        case ev.MethodChosen():
            case = state.cases[-1]
            state.cases[-1] = Case(
                case.no,
                case.leervraag_id,
                case.inbrenger,
                event.method_id,
                event.method_version,
                event.variant,
            )
        case ev.ContributionAdded():
            case_no, frame, phase = state.step_key
            state.contributions.append(
                Contribution(
                    event.contribution_id,
                    event.author,
                    event.kind,
                    event.text,
                    frame,
                    phase,
                    case_no,
                    event.written,
                    event.at,
                )
            )
        case ev.WrittenRevealed():
            state.revealed.add(state.step_key)
        case ev.DecisionMade():
            case = state.cases[-1]
            state.decisions.append(
                Decision(
                    event.decision_id,
                    event.by,
                    event.selected,
                    event.text,
                    state.phase or "",
                    case.no,
                    event.at,
                )
            )
        case ev.PhaseExtended():
            state.extra_minutes += event.minutes
        case ev.PhaseSkipped():
            state.skipped.append((state.step_key[0], state.phase, event.reason))
        case ev.MeetingClosed():
            state.frame, state.phase = "closed", None
            state.closed_at, state.closed_reason = event.at, event.reason
    return state


def replay(events: list[ev.Event]) -> MeetingState:
    """Rebuild a meeting's state from its whole journal."""
    state: MeetingState | None = None
    for event in events:
        state = apply(state, event)
    if state is None:
        raise ValueError("no events to replay")
    return state
