"""The state of one meeting, and the pure function that applies an event to it.

State is plain data (slotted dataclasses), not a state-machine model: a host app
holds thousands of meetings, and a ``transitions`` model per meeting costs kilobytes
and garbage-collection time each. For the same reason every UTC timestamp kept in
the state shares the one ``datetime.UTC``: decoded from JSON, each would carry its
own time-zone object, a dozen more objects per meeting for the collector to visit.
``apply`` reads no clock and does no I/O, so that replaying a journal gives exactly
the state the live meeting had.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any

from . import events as ev
from .text import Lang

__all__ = [
    "Case",
    "Contribution",
    "Decision",
    "Leervraag",
    "MeetingState",
    "Member",
    "apply",
    "replay",
]

#: The empty mapping every new state starts with (read-only, so it can be shared).
_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Member:
    """A member of a meeting; ``external`` for a facilitator from outside the group."""

    id: str
    name: str
    external: bool = False


@dataclass(frozen=True, slots=True)
class Leervraag:
    """A leervraag as brought at the meeting."""

    id: str
    by: str
    text: str
    at: datetime
    #: Who typed it in for ``by`` (the facilitator), if not ``by``.
    typed_by: str | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """A case discussed in the meeting: whose leervraag, with which method."""

    no: int
    leervraag_id: str
    inbrenger: str
    method_id: str | None = None
    method_version: str | None = None
    variant: str | None = None
    auto: bool = False
    #: The second member bringing this case together with the inbrenger, if any.
    co_inbrenger: str | None = None

    @property
    def inbrengers(self) -> tuple[str, ...]:
        """Who brings this case: the inbrenger, and the second of a pair."""
        if self.co_inbrenger is None:
            return (self.inbrenger,)
        return (self.inbrenger, self.co_inbrenger)


@dataclass(frozen=True, slots=True)
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
    step_no: int = 0
    reply_to: str | None = None
    hidden_until: str | None = None
    #: Who typed it in for the author (the facilitator), if not the author.
    typed_by: str | None = None
    #: The earlier commitment this tells how it went (at the opening).
    commitment: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision made in a phase, as the state keeps it (labels as sorted pairs)."""

    decision_id: str
    by: str
    selected: tuple[str, ...]
    text: str
    phase: str
    case_no: int
    at: datetime
    step_no: int = 0
    labels: tuple[tuple[str, str], ...] = ()
    #: Who typed it in for ``by``, if not ``by``.
    typed_by: str | None = None


@dataclass(frozen=True)
class MeetingState:
    """Everything known about a meeting: what applying its journal gives.

    Immutable, containers included: the engine, its hooks and subscribers, and any
    host thread all hold the same snapshot, and none can change what another sees.
    Each event gives a new state (:func:`apply`) that shares the unchanged parts.
    Not slotted, unlike the records it holds: see :func:`_evolve`.
    """

    meeting_id: str
    lang: Lang
    group_id: str | None
    members: Mapping[str, Member]
    present: tuple[str, ...]
    facilitator: str
    started_at: datetime
    #: The roles of the day beyond the frame's (scribe, timekeeper, a role the method
    #: declares): role id -> the members holding it, as assigned at the start.
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY)
    version: int = 1
    #: The members give each other feedback in the evaluation (a group's setting).
    feedback_round: bool = False
    frame: str = "opening"
    phase: str | None = None
    #: The nested module running now, as ``id@version``, and the phase nesting it.
    module: str | None = None
    nest_parent: str | None = None
    #: Counts the steps entered; per-step records (reveals, consensus, quotas) key on
    #: it, so a phase entered again through a loop starts afresh.
    step_no: int = 1
    step_entered_at: datetime | None = None
    extra_minutes: int = 0
    leervragen: Mapping[str, Leervraag] = field(default_factory=lambda: _EMPTY)
    passed: tuple[str, ...] = ()
    cases: tuple[Case, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    revealed: frozenset[int] = frozenset()
    consensus: frozenset[int] = frozenset()
    #: The steps in which the group chose whose example the case becomes.
    inbrenger_chosen: frozenset[int] = frozenset()
    decisions: tuple[Decision, ...] = ()
    labels: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    #: (case number, phase path) of every method phase entered: what "hidden until" reads.
    visited: frozenset[tuple[int, str]] = frozenset()
    loops_taken: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int | None, str | None, str], ...] = ()
    closed_at: datetime | None = None
    closed_reason: str | None = None
    #: "regular", "intake" or "refresh" (:data:`PURPOSE_STEPS`).
    purpose: str = "regular"

    @property
    def closed(self) -> bool:
        """Whether the meeting was closed (its frame is ``closed``)."""
        return self.frame == "closed"

    @property
    def scribe(self) -> str | None:
        """The member who takes the notes today (notulist), if one was named."""
        return next(iter(self.roles.get("scribe", ())), None)

    @property
    def timekeeper(self) -> str | None:
        """The member who keeps the time today (tijdbewaker), if one was named."""
        return next(iter(self.roles.get("timekeeper", ())), None)

    def held_by(self, person: str) -> frozenset[str]:
        """The roles of the day ``person`` holds."""
        return frozenset(role for role, holders in self.roles.items() if person in holders)

    @property
    def case(self) -> Case | None:
        """The case under discussion (the latest chosen), if any."""
        return self.cases[-1] if self.cases else None

    @property
    def inbrenger(self) -> str | None:
        """Whose leervraag the current case is (the member id), once a case is chosen."""
        return self.cases[-1].inbrenger if self.cases else None

    @property
    def inbrengers(self) -> tuple[str, ...]:
        """Who brings the current case: one member, or a pair (none before a case)."""
        return self.cases[-1].inbrengers if self.cases else ()

    @property
    def phase_path(self) -> str | None:
        """The phase id, prefixed with the module's id inside a nested module."""
        if self.phase is None or self.module is None:
            return self.phase
        return f"{self.module.split('@')[0]}/{self.phase}"

    def step_contributions(self) -> list[Contribution]:
        """The contributions of the step running now, oldest first.

        Read from the end: contributions are appended in step order, so a long
        meeting costs only the current step's contributions, not all of them.
        """
        step: list[Contribution] = []
        for c in reversed(self.contributions):
            if c.step_no != self.step_no:
                break
            step.append(c)
        step.reverse()
        return step

    def step_decisions(self) -> list[Decision]:
        """The decisions made in the step running now."""
        return [d for d in self.decisions if d.step_no == self.step_no]

    def is_hidden(self, c: Contribution) -> bool:
        """Whether ``c`` is hidden from everyone but its author now (written first and
        not revealed yet, or said in a phase whose ``hidden_until`` has not come)."""
        if c.written and c.step_no not in self.revealed:
            return True
        return c.hidden_until is not None and (c.case_no or 0, c.hidden_until) not in self.visited

    def visible_to(self, person: str | None = None) -> list[Contribution]:
        """Contributions a person may see now: written ones once revealed, hidden ones
        once their phase comes; authors always see their own."""
        return [c for c in self.contributions if c.author == person or not self.is_hidden(c)]


_ZERO = timedelta(0)


def _utc(at: datetime) -> datetime:
    """``at`` with the shared ``UTC`` if it is a UTC time (the same instant, printed alike)."""
    tz = at.tzinfo
    if tz is UTC or tz is None or tz.utcoffset(at) != _ZERO:
        return at
    return at.replace(tzinfo=UTC)


def _evolve(state: MeetingState, **changes: Any) -> MeetingState:
    """A copy of ``state`` with ``changes``, for :func:`apply` on every event.

    Speed trick, kept here: the state's fields live in its ``__dict__`` (it is not
    slotted), so the copy is one dictionary copy in C, about a quarter of the time
    ``dataclasses.replace`` or a field-by-field copy of a slotted class takes.
    """
    new = object.__new__(MeetingState)
    fields = new.__dict__
    fields.update(state.__dict__)
    fields.update(changes)
    return new


def _frozen(mapping: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(mapping)


def apply(state: MeetingState | None, event: ev.Event) -> MeetingState:
    """The state after ``event``; pure: ``state`` is not changed, nothing is read or written.

    The first event must be ``MeetingStarted``.
    """
    if type(event) is ev.MeetingStarted:  # not isinstance: a pydantic miss costs ABCMeta
        return MeetingState(
            meeting_id=event.meeting_id,
            lang=event.lang,
            group_id=event.group_id,
            members=_frozen({m.id: Member(m.id, m.name, m.external) for m in event.members}),
            present=event.present,
            facilitator=event.facilitator,
            started_at=_utc(event.at),
            roles=_frozen(dict(event.roles)) if event.roles else _EMPTY,
            step_entered_at=_utc(event.at),
            purpose=event.purpose,
            feedback_round=event.feedback_round,
        )
    if state is None:
        raise ValueError(f"the first event must be meeting_started, not {event.type}")
    version = state.version + 1
    # the most frequent first: each case is one isinstance check
    match event:
        case ev.ContributionAdded():
            in_method = state.frame == "method" and state.cases
            contribution = Contribution(
                event.contribution_id,
                event.author,
                event.kind,
                event.text,
                state.frame,
                state.phase_path,
                state.cases[-1].no if in_method else None,
                event.written,
                _utc(event.at),
                state.step_no,
                event.reply_to,
                event.hidden_until,
                event.typed_by,
                event.commitment,
            )
            return _evolve(
                state, version=version, contributions=(*state.contributions, contribution)
            )
        case ev.StepEntered():
            changes: dict[str, Any] = {
                "version": version,
                "frame": event.frame,
                "phase": event.phase,
                "module": event.module,
                "step_no": state.step_no + 1,
                "step_entered_at": _utc(event.at),
                "extra_minutes": 0,
            }
            if event.module is None:
                changes["nest_parent"] = None
            if event.frame == "method" and state.cases and event.phase is not None:
                path = (
                    event.phase
                    if event.module is None
                    else (f"{event.module.split('@')[0]}/{event.phase}")
                )
                changes["visited"] = state.visited | {(state.cases[-1].no, path)}
            return _evolve(state, **changes)
        case ev.LeervraagSubmitted():
            leervraag = Leervraag(
                event.leervraag_id, event.by, event.text, _utc(event.at), event.typed_by
            )
            return _evolve(
                state,
                version=version,
                leervragen=_frozen({**state.leervragen, event.leervraag_id: leervraag}),
            )
        case ev.LeervraagPassed():
            return _evolve(state, version=version, passed=(*state.passed, event.by))
        case ev.CaseChosen():
            case = Case(
                event.case_no,
                event.leervraag_id,
                event.inbrenger,
                auto=event.auto,
                co_inbrenger=event.co_inbrenger,
            )
            return _evolve(state, version=version, cases=(*state.cases, case))
        case ev.MethodChosen():
            chosen = replace(
                state.cases[-1],
                method_id=event.method_id,
                method_version=event.method_version,
                variant=event.variant,
            )
            return _evolve(state, version=version, cases=(*state.cases[:-1], chosen))
        case ev.InbrengerChosen():
            # the method's own choice: the case is that member's alone, no pair
            chosen = replace(state.cases[-1], inbrenger=event.inbrenger, co_inbrenger=None)
            return _evolve(
                state,
                version=version,
                cases=(*state.cases[:-1], chosen),
                inbrenger_chosen=state.inbrenger_chosen | {state.step_no},
            )
        case ev.WrittenRevealed():
            return _evolve(state, version=version, revealed=state.revealed | {state.step_no})
        case ev.ConsensusRecorded():
            return _evolve(state, version=version, consensus=state.consensus | {state.step_no})
        case ev.LoopTaken():
            taken = (*state.loops_taken, (state.cases[-1].no, event.loop_id))
            return _evolve(state, version=version, loops_taken=taken)
        case ev.ModuleChosen():
            return _evolve(state, version=version, nest_parent=state.phase)
        case ev.FacilitatorChanged():
            return _evolve(state, version=version, facilitator=event.to)
        case ev.DecisionMade():
            case = state.cases[-1]
            decision = Decision(
                event.decision_id,
                event.by,
                event.selected,
                event.text,
                state.phase_path or "",
                case.no,
                _utc(event.at),
                state.step_no,
                tuple(sorted(event.labels.items())),
                event.typed_by,
            )
            return _evolve(
                state,
                version=version,
                decisions=(*state.decisions, decision),
                labels=_frozen({**state.labels, **event.labels}),
            )
        case ev.PhaseExtended():
            extra = state.extra_minutes + event.minutes
            return _evolve(state, version=version, extra_minutes=extra)
        case ev.PhaseSkipped():
            case_no = state.cases[-1].no if state.cases and state.frame == "method" else None
            skipped = (*state.skipped, (case_no, state.phase_path, event.reason))
            return _evolve(state, version=version, skipped=skipped)
        case ev.MeetingClosed():
            return _evolve(
                state,
                version=version,
                frame="closed",
                phase=None,
                closed_at=_utc(event.at),
                closed_reason=event.reason,
            )
    return _evolve(state, version=version)


def replay(events: list[ev.Event]) -> MeetingState:
    """Rebuild a meeting's state from its whole journal."""
    state: MeetingState | None = None
    for event in events:
        state = apply(state, event)
    if state is None:
        raise ValueError("no events to replay")
    return state
