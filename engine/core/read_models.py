"""Read models: what listings and a group's history need, kept beside the events.

No command may cost more because the store holds more meetings, so nothing that
lists meetings or reads a group's history replays them. Every journal adapter keeps
a digest of each meeting, and the counts of each group, in the same transaction as
the events they follow. Their shapes are part of the journal port and defined here;
the pure folds that compute them from events are the runtime's (``fold_meeting``,
``group_delta``, ``position_change``), and the adapters only store what they give:

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
registry picks the commitments. Listings are newest first by default, paged by an
opaque cursor (the runtime's ``encode_cursor``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

__all__ = [
    "CaseDigest",
    "DecisionDigest",
    "DigestPage",
    "GoalDigest",
    "GroupDigest",
    "MeetingDigest",
]


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
