"""What a phase is, as data: who speaks, what may be said, who moves on.

The records a method's phases are built from (``PhaseSpec`` and the decisions,
loops, labels and nested modules it may carry). They are frozen pydantic models, so
a phase written in TOML loads into the same record as one written in Python.

A phase declares only what is particular to it. What nearly every phase would
repeat is the default: the inbrenger speaks, the facilitator moves on, and the
facilitator may take notes (``FACILITATOR_KINDS``) unless the phase says what else
the facilitator contributes, or, with an empty tuple, that they contribute nothing.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from .glossary import GLOSSARY
from .text import Text

__all__ = [
    "CONTRIBUTION_KINDS",
    "FACILITATOR_KINDS",
    "ContributionKind",
    "DecisionSpec",
    "InbrengerMode",
    "LabelSpec",
    "LoopSpec",
    "NestSpec",
    "PhaseSpec",
    "RuleRef",
]

_ID = r"^[a-z][a-z0-9_-]*$"

#: A contribution kind's id: one of the glossary's (``CONTRIBUTION_KINDS``) or one a
#: plugin declares. Only its form is checked here; whether an installed plugin knows
#: it is the registry's check, when the method is registered, so a typo is reported
#: naming the plugin, the method and the field.
ContributionKind = Annotated[str, Field(pattern=_ID)]
#: The kinds the engine itself knows, in the glossary's order.
CONTRIBUTION_KINDS: tuple[str, ...] = tuple(GLOSSARY.kinds)

InbrengerMode = Literal["speaks", "answers_briefly", "listens", "away"]

#: What the facilitator contributes in a phase whose ``allowed`` does not name them:
#: notes, and no content of their own (the facilitator guards the structure).
FACILITATOR_KINDS: tuple[ContributionKind, ...] = ("note",)


class _Frozen(BaseModel):
    """A spec record: immutable, and a field it does not know is an error, not ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleRef(_Frozen):
    """A named, parameterised rule kind that applies in a phase or the whole method."""

    kind: str = Field(pattern=_ID)
    params: dict[str, Any] = Field(default_factory=dict)


class DecisionSpec(_Frozen):
    """A decision one role (the inbrenger, by default) makes in a phase.

    ``selects_from`` lists the contribution kinds the decider may pick from (the
    usable advice, say); ``commitment`` marks the decision text as a commitment the
    group looks back on at a later meeting.
    """

    id: str = Field(pattern=_ID)
    title: Text
    by: str = "inbrenger"
    selects_from: tuple[ContributionKind, ...] = ()
    commitment: bool = False
    required: bool = True


class LoopSpec(_Frozen):
    """A declared way back to an earlier phase, taken only by the role it names.

    problem-solving goes back to the questions when the inbrenger is not helped;
    collegial consultation when no key question is found. Taking it is recorded.
    """

    id: str = Field(pattern=_ID)
    to: str = Field(pattern=_ID)
    by: str = "inbrenger"
    title: Text


class LabelSpec(_Frozen):
    """The decider sorts the contributions of some kinds under labels.

    socratic: the inbrenger labels every open question warm, neutral or cold; a
    later phase with ``answers_labelled`` only lets the inbrenger answer some.
    """

    kinds: tuple[ContributionKind, ...] = Field(min_length=1)
    values: tuple[str, ...] = Field(min_length=2)
    titles: dict[str, Text] = Field(default_factory=dict)

    def title(self, value: str) -> Text:
        """A label's title: the method's own, else its name in the glossary."""
        return self.titles.get(value) or GLOSSARY.label(value)


class NestSpec(_Frozen):
    """In this phase a module (a method of kind ``module``) is chosen, runs, and returns."""

    choose_from: tuple[str, ...] = ()
    by: tuple[str, ...] = ("inbrenger", "facilitator")


class PhaseSpec(_Frozen):
    """One phase of a method: who speaks, what may be said, who moves on.

    ``allowed`` holds the facilitator's kinds too once validated: ``FACILITATOR_KINDS``
    when the phase does not name the facilitator, so every reader sees what the
    rules enforce. Dumped with ``exclude_defaults`` (as ``intervision methods
    export`` writes a method), that default is left out again.
    """

    id: str = Field(pattern=_ID)
    title: Text
    minutes: int = Field(gt=0)
    instructions: dict[str, Text] = Field(default_factory=dict)
    allowed: dict[str, tuple[ContributionKind, ...]] = Field(
        default_factory=dict, validate_default=True
    )
    inbrenger_mode: InbrengerMode = "speaks"
    written_first: bool = False
    quotas: dict[ContributionKind, int] = Field(default_factory=dict)
    advance_by: tuple[str, ...] = ("facilitator",)
    decision: DecisionSpec | None = None
    rules: tuple[RuleRef, ...] = ()
    #: The inbrenger labels contributions here (needs a ``decision``: the labelling is it).
    labels: LabelSpec | None = None
    #: The inbrenger's reactions must answer a contribution carrying one of these labels.
    answers_labelled: tuple[str, ...] = ()
    #: What is said in this phase stays hidden until the named phase is entered.
    hidden_until: str | None = None
    #: Moving on waits until every participant present has contributed here.
    everyone_contributes: bool = False
    #: Kind -> the fewest contributions of that kind each participant gives here before
    #: moving on ("at least one advice each"); the floor under ``quotas``.
    at_least: dict[ContributionKind, int] = Field(default_factory=dict)
    #: Kinds the others give only once the inbrenger has asked for them here; the
    #: asking is the phase's decision (socratic: tips only when the inbrenger asks).
    on_request: tuple[ContributionKind, ...] = ()
    #: The group chooses here whose example the case becomes: the facilitator records
    #: the new inbrenger (``choose_inbrenger``), and moving on waits for it.
    inbrenger_chosen: bool = False
    #: Moving on waits until the group has recorded consensus here.
    consensus: bool = False
    loops: tuple[LoopSpec, ...] = ()
    nested: NestSpec | None = None

    @field_validator("allowed")
    @classmethod
    def _facilitator_notes(
        cls, allowed: dict[str, tuple[ContributionKind, ...]]
    ) -> dict[str, tuple[ContributionKind, ...]]:
        if "facilitator" in allowed:
            return allowed
        return {**allowed, "facilitator": FACILITATOR_KINDS}

    @model_serializer(mode="wrap")
    def _without_defaults(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if info.exclude_defaults and self.allowed.get("facilitator") == FACILITATOR_KINDS:
            allowed = {k: v for k, v in data.get("allowed", {}).items() if k != "facilitator"}
            if allowed:
                data["allowed"] = allowed
            else:
                data.pop("allowed", None)
        return data

    @model_validator(mode="after")
    def _consistent(self) -> PhaseSpec:
        if self.labels is not None and self.decision is None:
            raise ValueError("labels: labelling is a decision; add a decision to this phase")
        if self.inbrenger_mode in ("listens", "away") and self.allowed.get("inbrenger"):
            raise ValueError(
                f"allowed.inbrenger: the inbrenger {self.inbrenger_mode.replace('_', ' ')} "
                "in this phase and cannot also contribute; remove the kinds or change "
                "inbrenger_mode"
            )
        for kind, limit in self.quotas.items():
            if limit < 1:
                raise ValueError(f"quotas.{kind}: must be at least 1, got {limit}")
        self._floors()
        self._requested()
        return self

    def _floors(self) -> None:
        for kind, floor in self.at_least.items():
            if floor < 1:
                raise ValueError(f"at_least.{kind}: must be at least 1, got {floor}")
            if kind not in self.allowed.get("participant", ()):
                raise ValueError(
                    f"at_least.{kind}: the participants cannot give the kind {kind!r} here; "
                    "add it to allowed.participant"
                )
            if floor > self.quotas.get(kind, floor):
                raise ValueError(
                    f"at_least.{kind}: {floor} is more than the quota of {self.quotas[kind]}"
                )

    def _requested(self) -> None:
        if not self.on_request:
            return
        decision = self.decision
        if decision is None or decision.by != "inbrenger" or decision.required:
            raise ValueError(
                "on_request: the inbrenger asks by deciding; give this phase a decision "
                "by the inbrenger with required = false (asking is never owed)"
            )
        given = {
            kind for role, kinds in self.allowed.items() if role != "inbrenger" for kind in kinds
        }
        for kind in self.on_request:
            if kind not in given:
                raise ValueError(
                    f"on_request: nobody but the inbrenger may give the kind {kind!r} here"
                )

    def kinds_referenced(self) -> dict[str, str]:
        """Every contribution kind this phase mentions, mapped to the field that mentions it."""
        refs: dict[str, str] = {}
        for role, kinds in self.allowed.items():
            for kind in kinds:
                refs.setdefault(kind, f"allowed.{role}")
        for kind in self.quotas:
            refs.setdefault(kind, "quotas")
        for kind in self.at_least:
            refs.setdefault(kind, "at_least")
        for kind in self.on_request:
            refs.setdefault(kind, "on_request")
        if self.decision is not None:
            for kind in self.decision.selects_from:
                refs.setdefault(kind, "decision.selects_from")
        if self.labels is not None:
            for kind in self.labels.kinds:
                refs.setdefault(kind, "labels.kinds")
        return refs

    def roles_referenced(self) -> dict[str, str]:
        """Every role id this phase mentions, mapped to the field that mentions it."""
        refs: dict[str, str] = {}
        for role in self.instructions:
            refs.setdefault(role, f"instructions.{role}")
        for role in self.allowed:
            refs.setdefault(role, f"allowed.{role}")
        for role in self.advance_by:
            refs.setdefault(role, "advance_by")
        if self.decision is not None:
            refs.setdefault(self.decision.by, "decision.by")
        for index, loop in enumerate(self.loops):
            refs.setdefault(loop.by, f"loops[{index}].by")
        if self.nested is not None:
            for role in self.nested.by:
                refs.setdefault(role, "nested.by")
        return refs
