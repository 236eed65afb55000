"""A group's history, read from its meetings' digests: no meeting is replayed.

Who came, who facilitated, who brought a case, which methods were used and what
each inbrenger promised: all follow from the meetings' journals, and the journal
keeps them as read models (``MeetingDigest``) in the transaction that stores the
events, so reading a group's history costs its own meetings, whatever else the
store holds. The policies a facilitator leans on over a series are built on it:
who facilitates next (a plugin may decide instead), who has waited longest to
bring a case, and which commitments come back at the next opening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

from intervision.engine import MeetingDigest, MeetingState, PastMeeting, UnknownMethodError

from .group import GroupState

if TYPE_CHECKING:
    from intervision.engine import Engine, Registry


__all__ = [
    "Commitment",
    "FacilitatorProposal",
    "InbrengerTurns",
    "MeetingRecord",
    "facilitator_proposal",
    "fairness",
    "group_history",
    "look_back",
    "past_meeting",
    "propose_facilitator",
    "record_of",
    "record_of_digest",
]


@dataclass(frozen=True)
class Commitment:
    """What an inbrenger said they would do; comes back at the next opening."""

    member: str
    meeting_id: str
    text: str
    at: datetime


@dataclass(frozen=True)
class MeetingRecord:
    """One held meeting of a group, as its history needs it."""

    meeting_id: str
    started_at: datetime
    closed_at: datetime | None
    present: tuple[str, ...]
    facilitator: str
    inbrengers: tuple[str, ...]
    methods: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    #: The group got past the opening (to the leervragen round, or a case): a meeting
    #: opened and closed again, by mistake or for want of people, is not one they held.
    met: bool = True

    @property
    def held(self) -> bool:
        """Closed, and the group met: what counts as held and as facilitated."""
        return self.closed_at is not None and self.met

    @property
    def minutes(self) -> int | None:
        if self.closed_at is None:
            return None
        return round((self.closed_at - self.started_at).total_seconds() / 60)


@dataclass(frozen=True)
class InbrengerTurns:
    """How often a member brought a case, and when last: the fairness view."""

    member: str
    times: int
    last: datetime | None


def record_of_digest(digest: MeetingDigest, registry: Registry) -> MeetingRecord:
    """A meeting's record from its digest: what :func:`group_history` reads."""
    cases = {case.no: case for case in digest.cases}
    return MeetingRecord(
        meeting_id=digest.meeting_id,
        started_at=digest.started_at,
        closed_at=digest.closed_at,
        present=digest.present,
        facilitator=digest.facilitator,
        inbrengers=digest.inbrengers,
        methods=digest.methods,
        commitments=tuple(
            Commitment(d.by, digest.meeting_id, d.text, d.at)
            for d in digest.decisions
            if d.case_no in cases and _is_commitment(registry, cases[d.case_no], d.phase, d.text)
        ),
        met=digest.met,
    )


def record_of(state: MeetingState, registry: Registry) -> MeetingRecord:
    """One meeting as the group's history sees it, also while it runs: a screen shows
    the commitments made so far from it without reading every meeting of the group
    (a closed meeting's record is the same as its digest gives)."""
    return MeetingRecord(
        meeting_id=state.meeting_id,
        started_at=state.started_at,
        closed_at=state.closed_at,
        present=state.present,
        facilitator=state.facilitator,
        inbrengers=tuple(p for case in state.cases if case.method_id for p in case.inbrengers),
        methods=tuple(dict.fromkeys(c.method_id for c in state.cases if c.method_id)),
        commitments=tuple(
            Commitment(d.by, state.meeting_id, d.text, d.at)
            for d in state.decisions
            if _is_commitment(registry, state.cases[d.case_no - 1], d.phase, d.text)
        ),
        met=bool(state.cases or state.leervragen or state.passed),
    )


class _CaseMethod(Protocol):
    @property
    def method_id(self) -> str | None: ...
    @property
    def method_version(self) -> str | None: ...
    @property
    def variant(self) -> str | None: ...


def _is_commitment(registry: Registry, case: _CaseMethod, phase: str, text: str) -> bool:
    """Whether a decision with ``text``, in ``phase`` of ``case``'s method, is a
    commitment the inbrenger comes back to at the next opening."""
    if case.method_id is None or not text.strip():
        return False
    module, _, phase_id = phase.rpartition("/")
    try:
        method = (
            registry.method(module)
            if module
            else registry.method(case.method_id, case.method_version, case.variant)
        )
        spec = method.phase(phase_id).decision
    except (UnknownMethodError, KeyError):
        return False  # a method no longer installed: its commitments cannot be told apart
    return spec is not None and spec.commitment


def group_history(engine: Engine, group_id: str) -> list[MeetingRecord]:
    """The group's meetings, oldest first, from their digests (nothing is replayed)."""
    page = engine.journal.digests(group_id=group_id, limit=None, oldest_first=True)
    return [record_of_digest(digest, engine.registry) for digest in page.digests]


@dataclass(frozen=True)
class FacilitatorProposal:
    """Who facilitates today, and why: the group's guide, a policy plugin, or the rotation.

    For the rotation, ``times`` and ``last`` say how often and when the proposed
    member facilitated before; ``failed`` names policy plugins that raised (their
    answer was skipped, the rotation proposes instead).
    """

    member: str | None
    why: Literal["guided", "plugin", "rotation"]
    times: int = 0
    last: datetime | None = None
    failed: tuple[str, ...] = ()


def propose_facilitator(
    engine: Engine,
    group: GroupState,
    present: list[str],
    history: list[MeetingRecord],
    *,
    not_: str | None = None,
    failed: list[str] | None = None,
) -> str | None:
    """Who facilitates today (see :func:`facilitator_proposal`, which also says why)."""
    proposal = facilitator_proposal(engine, group, present, history, not_=not_)
    if failed is not None:
        failed.extend(proposal.failed)
    return proposal.member


def facilitator_proposal(
    engine: Engine,
    group: GroupState,
    present: list[str],
    history: list[MeetingRecord],
    *,
    not_: str | None = None,
) -> FacilitatorProposal:
    """Who facilitates today: the group's guide, a plugin's choice, or the rotation.

    The rotation proposes the member present who facilitated least often, then
    longest ago; ``not_`` leaves one out (today's inbrenger, when the method
    forbids them to facilitate). The facilitator can always choose someone else.

    A policy plugin that raises is skipped, not obeyed and not fatal: the proposal
    is only a proposal, and a broken plugin must not keep a group from meeting.
    Its name is logged and kept in ``failed``, so the caller can say so.
    """
    present = [p for p in present if p != not_]
    if group.guided_by:
        return FacilitatorProposal(group.guided_by, "guided")
    history = [r for r in history if r.met]  # opened and closed again: nobody facilitated
    args = {"members": list(present), "history": [past_meeting(r) for r in history]}
    failed: list[str] = []
    answer = None
    for _, answer in engine.registry.call_each("intervision_next_facilitator", args, failed=failed):
        if answer is not None:
            break  # firstresult, as pluggy would
    if answer in present:
        return FacilitatorProposal(str(answer), "plugin", failed=tuple(failed))
    if not present:
        return FacilitatorProposal(None, "rotation", failed=tuple(failed))
    held = {m: [r.started_at for r in history if r.facilitator == m] for m in present}

    def key(member: str) -> tuple[int, float, int]:
        last = max((d.timestamp() for d in held[member]), default=float("-inf"))
        return (len(held[member]), last, present.index(member))

    member = min(present, key=key)
    return FacilitatorProposal(
        member,
        "rotation",
        times=len(held[member]),
        last=max(held[member], default=None),
        failed=tuple(failed),
    )


def past_meeting(record: MeetingRecord) -> PastMeeting:
    """A held meeting as the facilitator policy hook sees it: no case content."""
    return PastMeeting(
        record.meeting_id, record.started_at, record.facilitator, record.inbrengers, record.present
    )


def fairness(group: GroupState, history: list[MeetingRecord]) -> list[InbrengerTurns]:
    """Each member with how often they brought a case; longest waiting first."""
    turns = []
    for member in group.members:
        held = [r.started_at for r in history if member in r.inbrengers]
        times = sum(r.inbrengers.count(member) for r in history)
        turns.append(InbrengerTurns(member, times, max(held) if held else None))
    return sorted(
        turns,
        key=lambda t: (t.last is not None, t.last.replace(tzinfo=None) if t.last else 0, t.times),
    )


def look_back(history: list[MeetingRecord]) -> list[Commitment]:
    """The commitments made at the group's last meeting, to be reported on now."""
    held = [r for r in history if r.held]
    return list(held[-1].commitments) if held else []
