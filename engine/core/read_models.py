"""Read models: what listings and a group's history need, kept beside the events.

No command may cost more because the store holds more meetings, so nothing that
lists meetings or reads a group's history replays them. Every journal adapter keeps
a digest of each meeting, and the counts of each group, in the same transaction as
the events they follow. They are defined here, once, as pure folds over events;
the adapters only store what the folds give:

- :class:`MeetingDigest`: group, language, where the meeting is (frame, phase,
  version, open or closed), its times, facilitator, the members present, its cases
  (inbrenger, method, variant) and its decisions with their text, from which a
  group's history takes the commitments;
- :class:`GroupDigest`: how many meetings a group held, and per member how often
  they facilitated and brought a case.

A digest holds ids, steps and times, and one kind of content: a decision's text,
as the store has it (sealed where the store is encrypted; the encrypted journal
opens it on the way out, bound to the decision's version).

Which decisions are commitments depends on the method's spec, which a journal does
not have: the digest keeps every decision that has text, and the reader with the
registry picks the commitments. Rebuilding the read models is folding every stored
meeting again; :data:`READ_MODEL_VERSION` names the fold, and a store kept by
another fold is rebuilt when it is opened. Listings are newest first by default,
paged by an opaque cursor (:func:`page_key`, :func:`encode_cursor`, :func:`decode_cursor`).
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
    "GroupDelta",
    "GroupDigest",
    "MeetingDigest",
    "Position",
    "decode_cursor",
    "digest_stored",
    "encode_cursor",
    "fold_meeting",
    "group_delta",
    "page_key",
    "page_start",
    "position_change",
]

#: The version of the folds below; bump it when what they keep changes, and every
#: store rebuilds its read models when it is next opened.
READ_MODEL_VERSION = 1


@dataclass(frozen=True, slots=True)
class CaseDigest:
    """A case of the meeting: whose leervraag, and the method it ran (once chosen)."""

    no: int
    inbrenger: str
    method_id: str | None = None
    method_version: str | None = None
    variant: str | None = None


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

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def case(self) -> CaseDigest | None:
        """The case under discussion (the latest chosen), if any."""
        return self.cases[-1] if self.cases else None

    @property
    def inbrengers(self) -> tuple[str, ...]:
        """Whose cases ran a method, in order (a case chosen but never started is not one)."""
        return tuple(case.inbrenger for case in self.cases if case.method_id)

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
    #: A leervraag or a pass is among the events: the meeting has met (see
    #: ``MeetingDigest.met``). The first time, its group's counts change: an adapter
    #: that finds the digest not yet met folds it instead.
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
            where = (event.frame, event.phase, event.module)
        elif kind is ev.DecisionMade:
            assert isinstance(event, ev.DecisionMade)
            if event.text:  # only decisions with text are kept
                return None
        elif kind in _CHANGE_MORE:
            return None
    return Position(first_version + len(events) - 1, events[-1].at, where, met)


#: The events that change a digest beyond its position, besides a decision with text.
_CHANGE_MORE: frozenset[type] = frozenset(
    {ev.MeetingStarted, ev.CaseChosen, ev.MethodChosen, ev.FacilitatorChanged, ev.MeetingClosed}
)


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
        )
    if digest is None:
        return None
    current = digest.cases[-1] if digest.cases else None
    if kind is ev.StepEntered:
        assert isinstance(event, ev.StepEntered)
        return _evolve(
            digest,
            version=version,
            updated_at=event.at,
            frame=event.frame,
            phase=event.phase,
            module=event.module,
        )
    if kind is ev.CaseChosen:
        assert isinstance(event, ev.CaseChosen)
        case = CaseDigest(event.case_no, event.inbrenger)
        cases = (*digest.cases, case)
        return _evolve(digest, version=version, updated_at=event.at, cases=cases, met=True)
    if kind is ev.LeervraagSubmitted or kind is ev.LeervraagPassed:
        return _evolve(digest, version=version, updated_at=event.at, met=True)
    if kind is ev.MethodChosen and current is not None:
        assert isinstance(event, ev.MethodChosen)
        chosen = CaseDigest(
            current.no, current.inbrenger, event.method_id, event.method_version, event.variant
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


def page_key(started_at: datetime, meeting_id: str) -> tuple[int, str]:
    """Where a meeting stands in a listing: its start in microseconds, then its id.

    An integer, so that stores order starts given with different offsets as instants
    (naive times count as local, as :meth:`datetime.timestamp` does).
    """
    return round(started_at.timestamp() * 1_000_000), meeting_id


def encode_cursor(key: tuple[int, str]) -> str:
    """The cursor of the page after the meeting at ``key``; opaque to a caller."""
    return f"{key[0]}.{key[1]}"


def page_start(limit: int | None, cursor: str | None) -> tuple[int, str] | None:
    """The key a page starts after (None: the first page), once its ``limit`` and
    ``cursor`` are checked; ``ValueError`` for a limit below one or a foreign cursor."""
    if limit is not None and limit < 1:
        raise ValueError(f"a page holds at least one meeting, not {limit}")
    return decode_cursor(cursor) if cursor else None


def decode_cursor(cursor: str) -> tuple[int, str]:
    """The key a cursor stands for; ``ValueError`` for a text no listing gave."""
    micros, dot, meeting_id = cursor.partition(".")
    if not dot or not meeting_id or not micros.lstrip("-").isdigit():
        raise ValueError(
            f"{cursor!r} is not a cursor a listing of meetings gave; leave it out to "
            "start from the first page"
        )
    return int(micros), meeting_id
