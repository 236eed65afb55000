"""The folds that keep the read models: pure functions from events to digests.

Every journal adapter stores what these give, in the same transaction as the
events they follow (the shapes are the core's journal port: :class:`MeetingDigest`,
:class:`GroupDigest`). Rebuilding the read models is folding every stored meeting
again; :data:`READ_MODEL_VERSION` names the fold, and a store kept by another fold
is rebuilt when it is opened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from intervision.engine import (
    CaseChosen,
    CaseDigest,
    ContributionAdded,
    DecisionDigest,
    DecisionMade,
    Event,
    FacilitatorChanged,
    GoalDigest,
    InbrengerChosen,
    LeervraagPassed,
    LeervraagSubmitted,
    MeetingClosed,
    MeetingDigest,
    MeetingStarted,
    MethodChosen,
    StepEntered,
)

__all__ = [
    "READ_MODEL_VERSION",
    "GroupDelta",
    "Position",
    "digest_stored",
    "fold_meeting",
    "group_delta",
    "position_change",
]

#: The version of the folds below; bump it when what they keep changes, and every
#: store rebuilds its read models when it is next opened.
READ_MODEL_VERSION = 2


@dataclass(frozen=True, slots=True)
class GroupDelta:
    """How one append changes its group's counts: the adapters add it to what they keep."""

    group_id: str
    meetings: int
    held: int
    #: (member, change in facilitated, change in inbrenger), only members that change.
    members: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True, slots=True)
class Position:
    """What most appends change in a digest: its version and time, and (after a step
    was entered) where the meeting is. An adapter that keeps these apart writes them
    without reading the rest of the digest (see :func:`position_change`)."""

    version: int
    updated_at: datetime
    #: (frame, phase, module) after the last step entered; None if no step was entered.
    where: tuple[str, str | None, str | None] | None = None
    #: A leervraag, a pass or a step entered is among the events: the meeting may
    #: have met (see ``MeetingDigest.met``; an intake or a refresh has met once it
    #: entered a step after its opening). The first time, its group's counts change:
    #: an adapter that finds the digest not yet met folds it instead.
    met: bool = False


def position_change(first_version: int, events: Sequence[Event]) -> Position | None:
    """The :class:`Position` an append of ``events`` to a started meeting leads to, if
    it changes nothing else in the digest; None when it does (a case, a method, a
    decision with text, the facilitator, the close), and the digest must be folded.

    Gives exactly what :func:`fold_meeting` would give for those fields; the
    property test of the read models holds every adapter to that.
    """
    where = None
    met = False
    for event in events:
        kind = type(event)
        if kind is LeervraagSubmitted or kind is LeervraagPassed:
            met = True
        elif kind is StepEntered:
            assert isinstance(event, StepEntered)
            where, met = (event.frame, event.phase, event.module), True
        elif kind is ContributionAdded:
            assert isinstance(event, ContributionAdded)
            if event.commitment is not None or event.kind in _KEPT_KINDS:
                return None  # perhaps a report at the opening, or a learning goal
        elif kind is DecisionMade:
            assert isinstance(event, DecisionMade)
            if event.text:  # only decisions with text are kept
                return None
        elif kind in _CHANGE_MORE:
            return None
    return Position(first_version + len(events) - 1, events[-1].at, where, met)


#: The events that change a digest beyond its position, besides a decision with text.
_CHANGE_MORE: frozenset[type] = frozenset(
    {
        MeetingStarted,
        CaseChosen,
        MethodChosen,
        InbrengerChosen,
        FacilitatorChanged,
        MeetingClosed,
    }
)

#: The kinds of contribution a digest may keep: a statement at the opening (how a
#: commitment went) and a learning goal in its frame step.
_KEPT_KINDS = frozenset({"statement", "learning_goal"})


def fold_meeting(
    digest: MeetingDigest | None, meeting_id: str, first_version: int, events: Iterable[Event]
) -> MeetingDigest | None:
    """The digest after ``events``, the first of them stored at ``first_version``.

    Pure, like :func:`~.state.apply`. A journal stores what it is given; a sequence
    no engine writes (a store edited behind its back) still folds, skipping what
    cannot follow (a meeting without its start event has no digest), and reading
    the meeting itself names the damage.
    """
    for version, event in enumerate(events, first_version):
        digest = _fold(digest, meeting_id, version, event)
    return digest


def digest_stored(meeting_id: str, events: list[Event]) -> MeetingDigest:
    """The digest of a whole stored meeting, for a rebuild: a meeting whose events
    make no meeting raises the :class:`CorruptJournalError` reading it would (the
    replay checks each event), so a rebuild names every meeting that cannot be read."""
    from .stored_replay import replay_stored  # the state machinery, only for a rebuild

    replay_stored(meeting_id, events)
    digest = fold_meeting(None, meeting_id, 1, events)
    assert digest is not None  # the replay found the start event
    return digest


def _fold(
    digest: MeetingDigest | None, meeting_id: str, version: int, event: Event
) -> MeetingDigest | None:
    kind = type(event)  # type() is, not isinstance: a pydantic miss costs ABCMeta, per event
    if kind is MeetingStarted:
        assert isinstance(event, MeetingStarted)
        if digest is not None:
            return _evolve(digest, version=version)
        return MeetingDigest(
            meeting_id=meeting_id,
            version=version,
            group_id=event.group_id,
            lang=event.lang,
            started_at=event.at,
            updated_at=event.at,
            facilitator=event.facilitator,
            present=event.present,
            purpose=event.purpose,
            roles=tuple((role, tuple(people)) for role, people in event.roles.items()),
        )
    if digest is None:
        return None
    current = digest.cases[-1] if digest.cases else None
    if kind is ContributionAdded:
        assert isinstance(event, ContributionAdded)
        return _contributed(digest, version, event)
    if kind is StepEntered:
        assert isinstance(event, StepEntered)
        return _evolve(
            digest,
            version=version,
            updated_at=event.at,
            frame=event.frame,
            phase=event.phase,
            module=event.module,
            # an intake or a refresh met once it got past its opening, case or not
            met=digest.met or digest.purpose != "regular",
        )
    if kind is CaseChosen:
        assert isinstance(event, CaseChosen)
        case = CaseDigest(event.case_no, event.inbrenger, co_inbrenger=event.co_inbrenger)
        cases = (*digest.cases, case)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases, met=True)
    if kind is LeervraagSubmitted or kind is LeervraagPassed:
        return _evolve(digest, version=version, updated_at=event.at, met=True)
    if kind is MethodChosen and current is not None:
        assert isinstance(event, MethodChosen)
        chosen = replace(
            current,
            method_id=event.method_id,
            method_version=event.method_version,
            variant=event.variant,
        )
        cases = (*digest.cases[:-1], chosen)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases)
    if kind is InbrengerChosen and current is not None:
        assert isinstance(event, InbrengerChosen)
        # the method's own choice of inbrenger: one, as the meeting's state keeps it
        chosen = replace(current, inbrenger=event.inbrenger, co_inbrenger=None)
        cases = (*digest.cases[:-1], chosen)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases)
    if kind is DecisionMade and current is not None:
        assert isinstance(event, DecisionMade)
        if event.text:
            decision = DecisionDigest(
                version,
                event.decision_id,
                event.by,
                digest.phase_path or "",
                current.no,
                event.at,
                event.text,
            )
            decisions = (*digest.decisions, decision)
            return _evolve(digest, version=version, updated_at=event.at, decisions=decisions)
    if kind is FacilitatorChanged:
        assert isinstance(event, FacilitatorChanged)
        return _evolve(digest, version=version, updated_at=event.at, facilitator=event.to)
    if kind is MeetingClosed:
        return _evolve(
            digest,
            version=version,
            updated_at=event.at,
            frame="closed",
            phase=None,
            closed_at=event.at,
        )
    return _evolve(digest, version=version, updated_at=event.at)


def _contributed(digest: MeetingDigest, version: int, event: ContributionAdded) -> MeetingDigest:
    """A contribution changes the digest only as a report at the opening (a statement,
    or one naming a commitment) or as a learning goal in its frame step."""
    if digest.frame == "opening" and (event.commitment is not None or event.kind == "statement"):
        reports = (*digest.reports, (event.commitment, event.author))
        return _evolve(digest, version=version, updated_at=event.at, reports=reports)
    if digest.frame == "learning_goals" and event.kind == "learning_goal":
        goals = (*digest.goals, GoalDigest(version, event.author, event.at, event.text))
        return _evolve(digest, version=version, updated_at=event.at, goals=goals)
    return _evolve(digest, version=version, updated_at=event.at)


# -- speed: a command folds its events on every append ---------------------------------

_FIELDS = tuple(f.name for f in fields(MeetingDigest))


def _evolve(digest: MeetingDigest, **changes: Any) -> MeetingDigest:
    """A copy with ``changes``: ``dataclasses.replace`` runs ``__init__`` with every
    field, three times as long, on every event of every command."""
    new = object.__new__(MeetingDigest)
    set_field = object.__setattr__
    for name in _FIELDS:
        set_field(new, name, changes[name] if name in changes else getattr(digest, name))
    return new


def group_delta(old: MeetingDigest | None, new: MeetingDigest) -> GroupDelta | None:
    """What an append that turned ``old`` into ``new`` adds to the group's counts
    (None: the meeting has no group, or nothing the group counts changed)."""
    if new.group_id is None:
        return None
    if (
        old is not None
        and old.facilitator == new.facilitator
        and old.cases is new.cases
        and old.closed_at == new.closed_at
        and old.met == new.met
    ):
        return None  # most appends: nothing the group counts changed
    meetings_before, held_before, before = _counts(old)
    meetings_after, held_after, after = _counts(new)
    changed = tuple(
        (
            m,
            after.get(m, (0, 0))[0] - before.get(m, (0, 0))[0],
            after.get(m, (0, 0))[1] - before.get(m, (0, 0))[1],
        )
        for m in sorted({*before, *after})
        if after.get(m) != before.get(m)
    )
    meetings, held = meetings_after - meetings_before, held_after - held_before
    if not (meetings or held or changed):
        return None
    return GroupDelta(new.group_id, meetings, held, changed)


def _counts(digest: MeetingDigest | None) -> tuple[int, int, dict[str, tuple[int, int]]]:
    if digest is None:
        return 0, 0, {}
    inbrenger = Counter(digest.inbrengers)
    facilitated = int(digest.met)  # opened and closed again: nobody facilitated
    members = {m: (facilitated * (m == digest.facilitator), inbrenger[m]) for m in inbrenger}
    members.setdefault(digest.facilitator, (facilitated, 0))
    return 1, int(digest.closed and digest.met), members
