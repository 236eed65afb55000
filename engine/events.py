"""What happened in a meeting: the versioned events the journal stores.

Events are the only thing written; the meeting state is what applying them gives.
Each event carries its schema version (``v``) so an older shape can be migrated by
a small function instead of guessed at, and its timestamp, so replay needs no clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .groups import GroupContract, GroupMember, SeriesPlan

__all__ = [
    "CaseChosen",
    "ConsensusRecorded",
    "ContractSet",
    "ContributionAdded",
    "DecisionMade",
    "Event",
    "FacilitatorChanged",
    "GroupCreated",
    "GuidedSet",
    "LeervraagPassed",
    "LeervraagSubmitted",
    "LoopTaken",
    "MeetingClosed",
    "MeetingStarted",
    "MemberAdded",
    "MemberRef",
    "MemberRemoved",
    "MethodChosen",
    "ModuleChosen",
    "PhaseExtended",
    "PhaseSkipped",
    "SeriesPlanned",
    "StepEntered",
    "WrittenRevealed",
    "event_adapter",
]

#: The schema version of every event type whose shape never changed. Versions are
#: counted per type: a type that changes shape overrides ``v`` with its next number
#: and gets an upgrade step in :mod:`.migrations`; the other types keep theirs, so
#: they need no steps. Reading refuses a version newer than the class says.
SCHEMA_VERSION = 1


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    v: int = SCHEMA_VERSION
    at: datetime


class MemberRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    name: str
    external: bool = False


class MeetingStarted(_Event):
    type: Literal["meeting_started"] = "meeting_started"
    meeting_id: str
    group_id: str | None = None
    lang: Literal["nl", "en"]
    members: tuple[MemberRef, ...]
    present: tuple[str, ...]
    facilitator: str
    scribe: str | None = None
    timekeeper: str | None = None


class StepEntered(_Event):
    """The meeting moved to a frame step, or to a phase of the chosen method.

    ``module`` names the nested module (``id@version``) whose phase this is.
    """

    type: Literal["step_entered"] = "step_entered"
    frame: str
    phase: str | None = None
    module: str | None = None


class LeervraagSubmitted(_Event):
    type: Literal["leervraag_submitted"] = "leervraag_submitted"
    leervraag_id: str
    by: str
    text: str


class LeervraagPassed(_Event):
    type: Literal["leervraag_passed"] = "leervraag_passed"
    by: str


class CaseChosen(_Event):
    type: Literal["case_chosen"] = "case_chosen"
    case_no: int
    leervraag_id: str
    inbrenger: str
    #: Chosen by the method's rotation (every member inbrenger once), not by the group.
    auto: bool = False


class MethodChosen(_Event):
    type: Literal["method_chosen"] = "method_chosen"
    case_no: int
    method_id: str
    method_version: str
    variant: str | None = None


class ContributionAdded(_Event):
    type: Literal["contribution_added"] = "contribution_added"
    contribution_id: str
    author: str
    kind: str
    text: str
    written: bool = False
    reply_to: str | None = None
    hidden_until: str | None = None


class WrittenRevealed(_Event):
    type: Literal["written_revealed"] = "written_revealed"
    by: str


class DecisionMade(_Event):
    type: Literal["decision_made"] = "decision_made"
    decision_id: str
    by: str
    selected: tuple[str, ...] = ()
    text: str = ""
    labels: dict[str, str] = Field(default_factory=dict)


class PhaseExtended(_Event):
    type: Literal["phase_extended"] = "phase_extended"
    by: str
    minutes: int


class PhaseSkipped(_Event):
    type: Literal["phase_skipped"] = "phase_skipped"
    by: str
    reason: str


class LoopTaken(_Event):
    type: Literal["loop_taken"] = "loop_taken"
    by: str
    loop_id: str


class ConsensusRecorded(_Event):
    type: Literal["consensus_recorded"] = "consensus_recorded"
    by: str
    text: str = ""


class ModuleChosen(_Event):
    type: Literal["module_chosen"] = "module_chosen"
    by: str
    method_id: str
    method_version: str


class GroupCreated(_Event):
    type: Literal["group_created"] = "group_created"
    group_id: str
    name: str
    lang: Literal["nl", "en"]
    contract: GroupContract


class MemberAdded(_Event):
    type: Literal["member_added"] = "member_added"
    member: GroupMember


class MemberRemoved(_Event):
    type: Literal["member_removed"] = "member_removed"
    member_id: str


class ContractSet(_Event):
    type: Literal["contract_set"] = "contract_set"
    contract: GroupContract


class GuidedSet(_Event):
    type: Literal["guided_set"] = "guided_set"
    facilitator: str | None = None


class SeriesPlanned(_Event):
    type: Literal["series_planned"] = "series_planned"
    plan: SeriesPlan


class FacilitatorChanged(_Event):
    type: Literal["facilitator_changed"] = "facilitator_changed"
    by: str
    to: str


class MeetingClosed(_Event):
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
    | MeetingClosed
    | GroupCreated
    | MemberAdded
    | MemberRemoved
    | ContractSet
    | GuidedSet
    | SeriesPlanned,
    Field(discriminator="type"),
]

event_adapter: TypeAdapter[Event] = TypeAdapter(Event, config=ConfigDict(defer_build=True))
