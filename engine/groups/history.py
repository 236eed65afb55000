"""A group's history, read from its meetings' digests: no meeting is replayed.

Who came, who facilitated, who brought a case, which methods were used and what
each inbrenger promised: all follow from the meetings' journals, and the journal
keeps them as read models (``MeetingDigest``) in the transaction that stores the
events, so reading a group's history costs its own meetings, whatever else the
store holds. The policies a facilitator leans on over a series are built on it:
who facilitates next (a plugin may decide instead), who has waited longest to
bring a case, which commitments come back at the next opening, whose learning
goals the series follows, and who holds the roles of the day.

A commitment is the text of a decision its method marks as one, made at a held
(closed) meeting; its id is :func:`commitment_id`. It stays open until its maker
tells how it went at the opening of a later meeting (a contribution that names the
commitment's id, kept in the record as a :class:`CommitmentReport`), so a member
who misses a meeting is asked at the next one they attend.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

from intervision.engine import MeetingDigest, MeetingState, PastMeeting, UnknownMethodError

from .group import GroupState

if TYPE_CHECKING:
    from intervision.engine import Engine, Registry


__all__ = [
    "DAY_ROLES",
    "Commitment",
    "CommitmentReport",
    "FacilitatorProposal",
    "GoalProgress",
    "InbrengerTurns",
    "LearningGoal",
    "MeetingRecord",
    "commitment_id",
    "facilitator_proposal",
    "fairness",
    "goal_progress",
    "group_history",
    "learning_goals",
    "look_back",
    "past_meeting",
    "propose_facilitator",
    "propose_roles",
    "proposed_purpose",
    "record_of",
    "record_of_digest",
]


@dataclass(frozen=True)
class Commitment:
    """What an inbrenger said they would do; comes back at every opening they attend
    until they tell how it went."""

    member: str
    meeting_id: str
    text: str
    at: datetime
    #: :func:`commitment_id`: what the report at a later opening names.
    id: str


@dataclass(frozen=True)
class CommitmentReport:
    """At a meeting's opening, ``member`` told how their commitment ``commitment_id`` went.

    Ids only: what they said stays in that meeting's contributions. A statement at
    the opening that names no commitment (said on a surface that does not link it,
    or before commitments had ids) has ``commitment_id`` None: it tells about the
    member's oldest commitment still open then.
    """

    commitment_id: str | None
    member: str


def commitment_id(meeting_id: str, case_no: int, phase: str, second: str | None = None) -> str:
    """The id of the commitment decided in ``phase`` (its path) of case ``case_no``.

    Made from ids alone, so a meeting's state and a stored summary of it give the
    same id. A decision taken again in that phase (after a loop) replaces the
    earlier one: the same id, the latest text. Of a case brought by two, the second
    of the pair (``second``, their id) decides too: their commitment has its own id.
    """
    base = f"{meeting_id}:{case_no}:{phase}"
    return base if second is None else f"{base}:{second}"


@dataclass(frozen=True)
class LearningGoal:
    """A member's personal learning goal for the series, written at an intake or a
    refresh: later openings recall it and the series view follows it."""

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
    #: How earlier commitments went, as told at this meeting's opening.
    reports: tuple[CommitmentReport, ...] = ()
    #: "regular", "intake" or "refresh".
    purpose: str = "regular"
    learning_goals: tuple[LearningGoal, ...] = ()
    #: The roles of the day (scribe, timekeeper, a method's own): who held them.
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()

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
    """A meeting's record from its digest: what :func:`group_history` reads. Equal to
    :func:`record_of` of the replayed meeting (the read models' property test)."""
    cases = {case.no: case for case in digest.cases}
    return MeetingRecord(
        meeting_id=digest.meeting_id,
        started_at=digest.started_at,
        closed_at=digest.closed_at,
        present=digest.present,
        facilitator=digest.facilitator,
        inbrengers=digest.inbrengers,
        methods=digest.methods,
        commitments=tuple(_commitments(digest.meeting_id, digest.decisions, cases.get, registry)),
        met=digest.met,
        reports=tuple(CommitmentReport(c, member) for c, member in digest.reports),
        purpose=digest.purpose,
        learning_goals=tuple(
            LearningGoal(g.member, digest.meeting_id, g.text, g.at) for g in digest.goals
        ),
        roles=digest.roles,
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
            _commitments(
                state.meeting_id, state.decisions, lambda no: state.cases[no - 1], registry
            )
        ),
        # an intake or a refresh met once it got past its opening, case or not
        met=bool(
            state.cases
            or state.leervragen
            or state.passed
            or (state.purpose != "regular" and state.step_no > 1)
        ),
        reports=tuple(
            CommitmentReport(c.commitment, c.author)
            for c in state.contributions
            if c.frame == "opening" and (c.commitment is not None or c.kind == "statement")
        ),
        purpose=state.purpose,
        roles=tuple((role, tuple(people)) for role, people in state.roles.items()),
        learning_goals=tuple(
            LearningGoal(c.author, state.meeting_id, c.text, c.at)
            for c in state.contributions
            if c.kind == "learning_goal" and c.frame == "learning_goals"
        ),
    )


class _CaseMethod(Protocol):
    @property
    def inbrenger(self) -> str: ...
    @property
    def method_id(self) -> str | None: ...
    @property
    def method_version(self) -> str | None: ...
    @property
    def variant(self) -> str | None: ...


class _Decision(Protocol):
    @property
    def by(self) -> str: ...
    @property
    def phase(self) -> str: ...
    @property
    def case_no(self) -> int: ...
    @property
    def at(self) -> datetime: ...
    @property
    def text(self) -> str: ...


def _commitments(
    meeting_id: str,
    decisions: Iterable[_Decision],
    case_of: Callable[[int], _CaseMethod | None],
    registry: Registry,
) -> list[Commitment]:
    """The commitments among a meeting's ``decisions`` (of a state or of a digest),
    ``case_of`` giving each one's case by number."""
    found: dict[str, Commitment] = {}
    for decision in decisions:
        case = case_of(decision.case_no)
        if case is None or not _is_commitment(registry, case, decision.phase, decision.text):
            continue
        second = None if decision.by == case.inbrenger else decision.by
        key = commitment_id(meeting_id, decision.case_no, decision.phase, second)
        found.pop(key, None)  # taken again: the latest, in its place in time
        found[key] = Commitment(decision.by, meeting_id, decision.text, decision.at, key)
    return list(found.values())


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


def look_back(history: list[MeetingRecord], *, before: str | None = None) -> list[Commitment]:
    """Every commitment still open when meeting ``before`` started, oldest first.

    Open: made at a held meeting of ``history`` (oldest first, as
    :func:`group_history` gives it) and not yet told about by its maker at a later
    opening (naming it, or, unnamed, as the oldest of theirs). With ``before``, only
    the meetings before that one count, so the meeting's own opening shows what it
    set out to look back on, told or not; without, every meeting in ``history``
    counts (what is open now).
    """
    open_: dict[str, Commitment] = {}
    for record in history:
        if record.meeting_id == before:
            break
        linked = {r.commitment_id for r in record.reports}
        for report in record.reports:
            if report.commitment_id is None:  # the maker's oldest open one, not linked
                report = _oldest(open_, report.member, linked)
            found = open_.get(report.commitment_id or "")
            if found is not None and found.member == report.member:
                del open_[found.id]
        if record.held:
            open_.update((c.id, c) for c in record.commitments)
    return list(open_.values())


def _oldest(open_: dict[str, Commitment], member: str, linked: set[str | None]) -> CommitmentReport:
    """A report that names no commitment, as one on ``member``'s oldest open commitment
    that the same opening did not name."""
    for commitment in open_.values():
        if commitment.member == member and commitment.id not in linked:
            return CommitmentReport(commitment.id, member)
    return CommitmentReport(None, member)


def learning_goals(history: list[MeetingRecord]) -> dict[str, LearningGoal]:
    """Each member's learning goal as last written (at an intake or a refresh),
    by member id; the goals of ``history`` oldest first, as :func:`group_history` gives it."""
    goals: dict[str, LearningGoal] = {}
    for record in history:
        for goal in record.learning_goals:
            goals[goal.member] = goal
    return goals


def proposed_purpose(group: GroupState, history: list[MeetingRecord]) -> str | None:
    """The meeting the group is due: its intake before it ever met, a refresh after
    members joined or left since its last meeting; None: a regular one."""
    if not history:
        return "intake" if group.members else None
    last = max(record.started_at for record in history)
    changed = group.members_changed
    if changed is not None and changed > last:
        return "refresh"
    return None


@dataclass(frozen=True)
class GoalProgress:
    """How the series follows a member's learning goal: the goal (None: none written
    yet), and since it was written how many meetings they attended and cases brought."""

    member: str
    goal: LearningGoal | None
    meetings: int = 0
    cases: int = 0


def goal_progress(group: GroupState, history: list[MeetingRecord]) -> list[GoalProgress]:
    """Each member of the group with their learning goal and what came after it."""
    goals = learning_goals(history)
    found = []
    for member in group.members:
        goal = goals.get(member)
        if goal is None:
            found.append(GoalProgress(member, None))
            continue
        after = [r for r in history if r.started_at > goal.at]
        found.append(
            GoalProgress(
                member,
                goal,
                meetings=sum(1 for r in after if member in r.present),
                cases=sum(r.inbrengers.count(member) for r in after),
            )
        )
    return found


#: The roles of the day the opening asks for, beside the facilitator.
DAY_ROLES: tuple[str, ...] = ("scribe", "timekeeper")


def propose_roles(
    present: list[str],
    history: list[MeetingRecord],
    *,
    facilitator: str | None,
    roles: tuple[str, ...] = DAY_ROLES,
    busy: Collection[str] = (),
) -> dict[str, str | None]:
    """Who holds each role of the day: in turn, like the facilitation.

    For each role the member present who held it least often, then longest ago,
    and who neither facilitates nor holds another role today (``busy``: the
    members already given one); None when nobody is left. The group can always
    name someone else.
    """
    taken = {facilitator, *busy}
    proposed: dict[str, str | None] = {}
    for role in roles:
        held = {
            m: [r.started_at for r in history if m in dict(r.roles).get(role, ())] for m in present
        }
        free = [m for m in present if m not in taken]
        if not free:
            proposed[role] = None
            continue

        def key(member: str, held: dict[str, list[datetime]] = held) -> tuple[int, float, int]:
            last = max((d.timestamp() for d in held[member]), default=float("-inf"))
            return (len(held[member]), last, present.index(member))

        proposed[role] = min(free, key=key)
        taken.add(proposed[role])
    return proposed
