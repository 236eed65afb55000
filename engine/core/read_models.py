"""Read models: what listings and a group's history need, kept beside the events.

No command may cost more because the store holds more meetings, so nothing that
lists meetings or reads a group's history replays them. Every journal adapter keeps
a digest of each meeting, and the counts of each group, in the same transaction as
the events they follow. They are defined here, once, as pure folds over events;
the adapters only store what the folds give:

- :class:`MeetingDigest`: group, language, purpose, where the meeting is (frame,
  phase, version, open or closed), its times, facilitator, the members present and
  the roles of the day, its cases (inbrenger and the second of a pair, method,
  variant), its decisions with their text, from which a group's history takes the
  commitments, which commitments the opening told about (ids only), and the
  learning goals written at an intake or a refresh;
- :class:`GroupDigest`: how many meetings a group held, and per member how often
  they facilitated and brought a case.

A digest holds ids, steps and times, and two kinds of content: a decision's text
and a learning goal's, as the store has them (sealed where the store is encrypted;
the encrypted journal opens them on the way out, each bound to its event's version).

Which decisions are commitments depends on the method's spec, which a journal does
not have: the digest keeps every decision that has text, and the reader with the
registry picks the commitments. Rebuilding the read models is folding every stored
meeting again; :data:`READ_MODEL_VERSION` names the fold, and a store kept by
another fold is rebuilt when it is opened. Listings are newest first by default,
paged by an opaque cursor (:mod:`.paging`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from . import events as ev

__all__ = [
    "READ_MODEL_VERSION",
    "CaseDigest",
    "DecisionDigest",
    "DigestPage",
    "GoalDigest",
    "GroupDelta",
    "GroupDigest",
    "MeetingDigest",
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
class CaseDigest:
    """A case of the meeting: whose leervraag, and the method it ran (once chosen)."""

    no: int
    inbrenger: str
    method_id: str | None = None
    method_version: str | None = None
    variant: str | None = None
    #: The second member bringing the case together with the inbrenger, if any.
    co_inbrenger: str | None = None

    @property
    def inbrengers(self) -> tuple[str, ...]:
        """Who brings the case: the inbrenger, and the second of a pair."""
        return (
            (self.inbrenger,) if self.co_inbrenger is None else (self.inbrenger, self.co_inbrenger)
        )


@dataclass(frozen=True, slots=True)
class GoalDigest:
    """A learning goal written at an intake or a refresh; ``version`` is its event's,
    to which a sealed text is bound."""

    version: int
    member: str
    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class DecisionDigest:
    """A decision with text; ``version`` is its event's, to which a sealed text is bound."""

    version: int
    decision_id: str
    by: str
    phase: str
    case_no: int
    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class MeetingDigest:
    """What a listing and a group's history need of one meeting, without replaying it."""

    meeting_id: str
    version: int
    group_id: str | None
    lang: str
    started_at: datetime
    updated_at: datetime
    facilitator: str
    present: tuple[str, ...]
    frame: str = "opening"
    phase: str | None = None
    #: The nested module running now (``id@version``), as the state has it.
    module: str | None = None
    cases: tuple[CaseDigest, ...] = ()
    decisions: tuple[DecisionDigest, ...] = ()
    closed_at: datetime | None = None
    #: The group got past the opening (a leervraag, a pass, or a case): a meeting
    #: opened and closed again is not one they held, nor one anybody facilitated.
    met: bool = False
    #: "regular", "intake" or "refresh".
    purpose: str = "regular"
    #: The roles of the day (scribe, timekeeper, a method's own) and who held them.
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: At the opening, who told how a commitment went: (its id, or None when the
    #: statement named none; the member).
    reports: tuple[tuple[str | None, str], ...] = ()
    goals: tuple[GoalDigest, ...] = ()

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def case(self) -> CaseDigest | None:
        """The case under discussion (the latest chosen), if any."""
        return self.cases[-1] if self.cases else None

    @property
    def inbrengers(self) -> tuple[str, ...]:
        """Whose cases ran a method, in order, both of a pair (a case chosen but never
        started is not one)."""
        return tuple(p for case in self.cases if case.method_id for p in case.inbrengers)

    @property
    def methods(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.method_id for c in self.cases if c.method_id))

    @property
    def phase_path(self) -> str | None:
        if self.phase is None or self.module is None:
            return self.phase
        return f"{self.module.split('@')[0]}/{self.phase}"


@dataclass(frozen=True, slots=True)
class GroupDigest:
    """A group's counts over its meetings: every meeting started for it, those held
    (closed, and the group met), and per member how often they facilitated a meeting
    where the group met, and brought a case."""

    group_id: str
    meetings: int = 0
    held: int = 0
    facilitated: Mapping[str, int] = field(default_factory=dict)
    inbrenger: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DigestPage:
    """One page of a listing; ``next_cursor`` asks for the page after it (None: the last)."""

    digests: tuple[MeetingDigest, ...]
    next_cursor: str | None = None


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


def position_change(first_version: int, events: Sequence[ev.Event]) -> Position | None:
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
        if kind is ev.LeervraagSubmitted or kind is ev.LeervraagPassed:
            met = True
        elif kind is ev.StepEntered:
            assert isinstance(event, ev.StepEntered)
            where, met = (event.frame, event.phase, event.module), True
        elif kind is ev.ContributionAdded:
            assert isinstance(event, ev.ContributionAdded)
            if event.commitment is not None or event.kind in _KEPT_KINDS:
                return None  # perhaps a report at the opening, or a learning goal
        elif kind is ev.DecisionMade:
            assert isinstance(event, ev.DecisionMade)
            if event.text:  # only decisions with text are kept
                return None
        elif kind in _CHANGE_MORE:
            return None
    return Position(first_version + len(events) - 1, events[-1].at, where, met)


#: The events that change a digest beyond its position, besides a decision with text.
_CHANGE_MORE: frozenset[type] = frozenset(
    {
        ev.MeetingStarted,
        ev.CaseChosen,
        ev.MethodChosen,
        ev.InbrengerChosen,
        ev.FacilitatorChanged,
        ev.MeetingClosed,
    }
)

#: The kinds of contribution a digest may keep: a statement at the opening (how a
#: commitment went) and a learning goal in its frame step.
_KEPT_KINDS = frozenset({"statement", "learning_goal"})


def fold_meeting(
    digest: MeetingDigest | None, meeting_id: str, first_version: int, events: Iterable[ev.Event]
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


def digest_stored(meeting_id: str, events: list[ev.Event]) -> MeetingDigest:
    """The digest of a whole stored meeting, for a rebuild: a meeting whose events
    make no meeting raises the :class:`CorruptJournalError` reading it would (the
    replay checks each event), so a rebuild names every meeting that cannot be read."""
    from .stored_replay import replay_stored  # the state machinery, only for a rebuild

    replay_stored(meeting_id, events)
    digest = fold_meeting(None, meeting_id, 1, events)
    assert digest is not None  # the replay found the start event
    return digest


def _fold(
    digest: MeetingDigest | None, meeting_id: str, version: int, event: ev.Event
) -> MeetingDigest | None:
    kind = type(event)  # type() is, not isinstance: a pydantic miss costs ABCMeta, per event
    if kind is ev.MeetingStarted:
        assert isinstance(event, ev.MeetingStarted)
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
    if kind is ev.ContributionAdded:
        assert isinstance(event, ev.ContributionAdded)
        return _contributed(digest, version, event)
    if kind is ev.StepEntered:
        assert isinstance(event, ev.StepEntered)
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
    if kind is ev.CaseChosen:
        assert isinstance(event, ev.CaseChosen)
        case = CaseDigest(event.case_no, event.inbrenger, co_inbrenger=event.co_inbrenger)
        cases = (*digest.cases, case)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases, met=True)
    if kind is ev.LeervraagSubmitted or kind is ev.LeervraagPassed:
        return _evolve(digest, version=version, updated_at=event.at, met=True)
    if kind is ev.MethodChosen and current is not None:
        assert isinstance(event, ev.MethodChosen)
        chosen = CaseDigest(
            current.no,
            current.inbrenger,
            event.method_id,
            event.method_version,
            event.variant,
            current.co_inbrenger,
        )
        cases = (*digest.cases[:-1], chosen)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases)
    if kind is ev.InbrengerChosen and current is not None:
        assert isinstance(event, ev.InbrengerChosen)
        # the method's own choice of inbrenger: one, as the meeting's state keeps it
        chosen = CaseDigest(
            current.no, event.inbrenger, current.method_id, current.method_version, current.variant
        )
        cases = (*digest.cases[:-1], chosen)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases)
    if kind is ev.DecisionMade and current is not None:
        assert isinstance(event, ev.DecisionMade)
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
    if kind is ev.FacilitatorChanged:
        assert isinstance(event, ev.FacilitatorChanged)
        return _evolve(digest, version=version, updated_at=event.at, facilitator=event.to)
    if kind is ev.MeetingClosed:
        return _evolve(
            digest,
            version=version,
            updated_at=event.at,
            frame="closed",
            phase=None,
            closed_at=event.at,
        )
    return _evolve(digest, version=version, updated_at=event.at)


def _contributed(digest: MeetingDigest, version: int, event: ev.ContributionAdded) -> MeetingDigest:
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
