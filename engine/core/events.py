"""What happened in a meeting: the versioned events the journal stores.

Events are the only thing written; the meeting state is what applying them gives.
Each event carries its schema version (``v``) so an older shape can be migrated by
a small function instead of guessed at, and its timestamp, so replay needs no clock.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, ClassVar, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

__all__ = [
    "CaseChosen",
    "ConsensusRecorded",
    "ContractSet",
    "ContributionAdded",
    "DecisionMade",
    "Event",
    "FacilitatorChanged",
    "FeedbackRoundSet",
    "GroupContract",
    "GroupCreated",
    "GroupMember",
    "GuidedSet",
    "InbrengerChosen",
    "LeervraagPassed",
    "LeervraagSubmitted",
    "LoopTaken",
    "MeetingClosed",
    "MeetingPurpose",
    "MeetingStarted",
    "MemberAdded",
    "MemberRef",
    "MemberRemoved",
    "MethodChosen",
    "ModuleChosen",
    "PhaseExtended",
    "PhaseSkipped",
    "SeriesMethodSet",
    "SeriesPlan",
    "SeriesPlanned",
    "StepEntered",
    "WrittenRevealed",
    "event_adapter",
]

#: What a meeting is for: a regular meeting, a group's intake, or a refresh.
MeetingPurpose = Literal["regular", "intake", "refresh"]

#: The schema version of every event type whose shape never changed. Versions are
#: counted per type: a type that changes shape overrides ``v`` with its next number
#: and gets an upgrade step in :mod:`.migrations`; the other types keep theirs, so
#: they need no steps. Reading refuses a version newer than the class says.
SCHEMA_VERSION = 1


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    #: The lifecycle hooks this event fires after it is committed, in order.
    hooks: ClassVar[tuple[str, ...]] = ()
    v: int = SCHEMA_VERSION
    at: datetime


# -- records that group events carry ---------------------------------------------


class GroupMember(BaseModel):
    """A member: a display name, and what makes relations between members visible."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    function: str | None = None
    #: Whom this member reports to at work (a name, maybe of another member).
    reports_to: str | None = None
    #: Why a relation with another member was accepted anyway, if one was.
    relation_reason: str | None = None


class GroupContract(BaseModel):
    """The group's agreements, recalled at every opening."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    confidentiality: str
    attendance: str
    #: The group agreed that topics and learning goals may go into accreditation reports.
    consent_topics: bool = False
    #: How case material is brought in (orally, without names; what happens to paper).
    #: None: a contract made before intervision asked for it; not agreed yet.
    material: str | None = None
    #: When and where the group meets: in working time, undisturbed. None: not agreed yet.
    working_time: str | None = None


class SeriesPlan(BaseModel):
    """The planned meetings of a group (a reeks): how many, how often, how long.

    How often is ``every_days`` or ``every_months`` (calendar months: the same
    weekday in the same week of the month, as a group that meets on the second
    Tuesday keeps doing); the other one is 0.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: datetime
    meetings: int
    every_days: int = 0
    minutes: int
    every_months: int = 0
    #: The time zone's name ("Europe/Amsterdam"): a stored datetime keeps only its
    #: offset, and without the name summer meetings would move an hour.
    zone: str | None = None

    @property
    def local_start(self) -> datetime:
        """The first meeting's start in the plan's own time zone."""
        start = self.start if self.start.tzinfo else self.start.replace(tzinfo=UTC)
        return start.astimezone(ZoneInfo(self.zone)) if self.zone else start


class MemberRef(BaseModel):
    """A member as a meeting started knew them: the id commands use, the name people read."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    name: str
    external: bool = False


class MeetingStarted(_Event):
    """The first event of every meeting: who is there, who facilitates, who holds which
    role of the day, in which language.

    ``roles`` maps a role id (``scribe``, ``timekeeper``, a role a method declares) to
    the members holding it. Version 1 had a ``scribe`` and a ``timekeeper`` field
    instead; the storage's upgrade step turns them into ``roles``.
    """

    hooks: ClassVar[tuple[str, ...]] = ("intervision_meeting_started", "intervision_phase_entered")
    #: 2: ``roles`` (version 1 had ``scribe`` and ``timekeeper``); 3: ``feedback_round``
    #: (version 2 had none: off).
    v: int = 3
    type: Literal["meeting_started"] = "meeting_started"
    meeting_id: str
    group_id: str | None = None
    #: ``nl``, ``en`` or a language an installed pack adds.
    lang: str
    members: tuple[MemberRef, ...]
    present: tuple[str, ...]
    facilitator: str
    roles: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    #: A regular meeting; the group's intake (kick-off: intervision, the contract and
    #: the methods introduced, personal learning goals written); or a refresh after
    #: members changed (the contract and the rotation revisited, learning goals again).
    purpose: MeetingPurpose = "regular"
    #: The group gives each other feedback on their questions and advice, as a round
    #: in the evaluation (a group's setting).
    feedback_round: bool = False


class StepEntered(_Event):
    """The meeting moved to a frame step, or to a phase of the chosen method.

    ``module`` names the nested module (``id@version``) whose phase this is.
    """

    hooks: ClassVar[tuple[str, ...]] = ("intervision_phase_left", "intervision_phase_entered")
    type: Literal["step_entered"] = "step_entered"
    frame: str
    phase: str | None = None
    module: str | None = None


class LeervraagSubmitted(_Event):
    """A member brought a leervraag; case content, encrypted at rest where the store is.

    ``typed_by``: who typed it in for ``by`` (the facilitator), if not ``by``; a row
    written before the field existed was typed by its member.
    """

    type: Literal["leervraag_submitted"] = "leervraag_submitted"
    leervraag_id: str
    by: str
    text: str
    typed_by: str | None = None


class LeervraagPassed(_Event):
    """A member brings no leervraag today."""

    type: Literal["leervraag_passed"] = "leervraag_passed"
    by: str


class CaseChosen(_Event):
    """The group chose whose leervraag is discussed; its inbrenger consented."""

    #: 2: ``co_inbrenger`` (version 1 had none: one inbrenger).
    v: int = 2
    type: Literal["case_chosen"] = "case_chosen"
    case_no: int
    leervraag_id: str
    inbrenger: str
    #: Chosen by the method's rotation (every member inbrenger once), not by the group.
    auto: bool = False
    #: The second member bringing the case together with the inbrenger, if any.
    co_inbrenger: str | None = None


class MethodChosen(_Event):
    """The method (version and variant pinned) for the current case, agreed with the inbrenger."""

    type: Literal["method_chosen"] = "method_chosen"
    case_no: int
    method_id: str
    method_version: str
    variant: str | None = None


class InbrengerChosen(_Event):
    """Inside the method, the group chose whose example the case becomes; that member
    is the inbrenger from now on (Socratic dialogue, IMI)."""

    type: Literal["inbrenger_chosen"] = "inbrenger_chosen"
    by: str
    inbrenger: str


class ContributionAdded(_Event):
    """Something a member said, of one kind; ``written`` ones stay hidden until revealed.

    ``typed_by``: who typed it in for the author (the facilitator, for a member
    without a device of their own), if not the author.
    """

    hooks: ClassVar[tuple[str, ...]] = ("intervision_contribution_added",)
    type: Literal["contribution_added"] = "contribution_added"
    contribution_id: str
    author: str
    kind: str
    text: str
    written: bool = False
    reply_to: str | None = None
    hidden_until: str | None = None
    typed_by: str | None = None
    #: The commitment of an earlier meeting this tells about (at the opening).
    commitment: str | None = None


class WrittenRevealed(_Event):
    """What was written in silence in this step is shown to everyone."""

    type: Literal["written_revealed"] = "written_revealed"
    by: str


class DecisionMade(_Event):
    """The decision of a phase: what the decider selected, labelled or said they will do.

    ``typed_by``: who typed it in for ``by``, if not ``by``.
    """

    type: Literal["decision_made"] = "decision_made"
    decision_id: str
    by: str
    selected: tuple[str, ...] = ()
    text: str = ""
    labels: dict[str, str] = Field(default_factory=dict)
    typed_by: str | None = None


class PhaseExtended(_Event):
    """The current phase got more minutes (timeboxes are advisory)."""

    type: Literal["phase_extended"] = "phase_extended"
    by: str
    minutes: int


class PhaseSkipped(_Event):
    """The current phase was skipped, with the reason given."""

    type: Literal["phase_skipped"] = "phase_skipped"
    by: str
    reason: str


class LoopTaken(_Event):
    """The meeting went back along a loop the phase declares."""

    type: Literal["loop_taken"] = "loop_taken"
    by: str
    loop_id: str


class ConsensusRecorded(_Event):
    """The facilitator recorded that the group agrees (the step may then close)."""

    type: Literal["consensus_recorded"] = "consensus_recorded"
    by: str
    text: str = ""


class ModuleChosen(_Event):
    """A nesting phase chose the module it runs."""

    type: Literal["module_chosen"] = "module_chosen"
    by: str
    method_id: str
    method_version: str


class GroupCreated(_Event):
    """The first event of a group's stream: its name, language and default contract."""

    type: Literal["group_created"] = "group_created"
    group_id: str
    name: str
    #: ``nl``, ``en`` or a language an installed pack adds.
    lang: str
    contract: GroupContract


class MemberAdded(_Event):
    """A member joined the group."""

    type: Literal["member_added"] = "member_added"
    member: GroupMember


class MemberRemoved(_Event):
    """A member left the group; their meetings keep them."""

    type: Literal["member_removed"] = "member_removed"
    member_id: str


class ContractSet(_Event):
    """The group's contract changed, as a whole."""

    type: Literal["contract_set"] = "contract_set"
    contract: GroupContract


class GuidedSet(_Event):
    """The group is guided by a fixed external facilitator, or (None) runs itself."""

    type: Literal["guided_set"] = "guided_set"
    facilitator: str | None = None


class FeedbackRoundSet(_Event):
    """The group switched its feedback round on or off: the members give each other
    feedback on their questions and advice at every meeting's evaluation."""

    type: Literal["feedback_round_set"] = "feedback_round_set"
    on: bool


class SeriesPlanned(_Event):
    """The group planned its series of meetings, replacing any earlier plan.

    A plan replaces the earlier one as a change of the same series (its calendar
    events keep their ids), unless ``new_series`` says it begins another series.
    """

    type: Literal["series_planned"] = "series_planned"
    plan: SeriesPlan
    new_series: bool = False


class SeriesMethodSet(_Event):
    """The group fixed one method (and variant) for its series, or (None) freed it again.

    A beginning group keeps one method over several meetings until its members
    know it; method choice proposes it first, and the inbrenger still agrees.
    """

    type: Literal["series_method_set"] = "series_method_set"
    method_id: str | None = None
    variant: str | None = None


class FacilitatorChanged(_Event):
    """The facilitation was handed to another member present."""

    type: Literal["facilitator_changed"] = "facilitator_changed"
    by: str
    to: str


class MeetingClosed(_Event):
    """The meeting was closed, at the end or early with a reason."""

    hooks: ClassVar[tuple[str, ...]] = ("intervision_phase_left", "intervision_meeting_closed")
    type: Literal["meeting_closed"] = "meeting_closed"
    by: str
    reason: str | None = None


Event = Annotated[
    MeetingStarted
    | StepEntered
    | LeervraagSubmitted
    | LeervraagPassed
    | CaseChosen
    | MethodChosen
    | ContributionAdded
    | WrittenRevealed
    | DecisionMade
    | PhaseExtended
    | PhaseSkipped
    | LoopTaken
    | ConsensusRecorded
    | ModuleChosen
    | FacilitatorChanged
    | InbrengerChosen
    | MeetingClosed
    | GroupCreated
    | MemberAdded
    | MemberRemoved
    | ContractSet
    | GuidedSet
    | FeedbackRoundSet
    | SeriesPlanned
    | SeriesMethodSet,
    Field(discriminator="type"),
]

event_adapter: TypeAdapter[Event] = TypeAdapter(Event, config=ConfigDict(defer_build=True))
