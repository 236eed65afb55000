"""Which stored fields are case content, and a way to rewrite just those.

Encryption at rest seals what members said or wrote and who they are (leervragen,
contributions, decisions, reasons, names, the group's contract) and leaves the
structure readable: ids, types, versions, timestamps, phases, roles. Listings,
the concurrency check and anything that only counts or orders keep working on a
store whose key is elsewhere.

Every ``str`` field of every stored model is named in :data:`CONTENT` or
:data:`STRUCTURE`. A field that is in neither stops the encrypted journal from
writing at all (:func:`content_plan` raises), and a test fails: a new field can
never slip into the store in the clear because nobody thought about it.

Member ids are slugs of the names (``bram`` for Bram) and group ids slugs of the
group's name; they are keys of the streams and of every ``by``, so they stay
readable. Whoever needs a name out of the store picks neutral ids.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from intervision.engine import (
    CaseChosen,
    ConsensusRecorded,
    ContractSet,
    ContributionAdded,
    DecisionMade,
    Event,
    FacilitatorChanged,
    FeedbackRoundSet,
    GroupContract,
    GroupCreated,
    GroupMember,
    GuidedSet,
    InbrengerChosen,
    LeervraagPassed,
    LeervraagSubmitted,
    LoopTaken,
    MeetingClosed,
    MeetingStarted,
    MemberAdded,
    MemberRef,
    MemberRemoved,
    MethodChosen,
    ModuleChosen,
    PhaseExtended,
    PhaseSkipped,
    SeriesMethodSet,
    SeriesPlan,
    SeriesPlanned,
    StepEntered,
    WrittenRevealed,
)

__all__ = ["CONTENT", "STRUCTURE", "FieldPlan", "content_plan", "map_content", "stored_models"]

#: What a member said, wrote or chose about a case, and personal data: sealed.
CONTENT: dict[type[BaseModel], frozenset[str]] = {
    MemberRef: frozenset({"name"}),
    LeervraagSubmitted: frozenset({"text"}),
    ContributionAdded: frozenset({"text"}),
    # The labels are the inbrenger's verdict on each contribution ("warm", "cold").
    DecisionMade: frozenset({"text", "labels"}),
    PhaseSkipped: frozenset({"reason"}),
    ConsensusRecorded: frozenset({"text"}),
    MeetingClosed: frozenset({"reason"}),
    GroupCreated: frozenset({"name"}),
    # The external facilitator of a guided group is a person's name, not a member id.
    GuidedSet: frozenset({"facilitator"}),
    GroupContract: frozenset({"confidentiality", "attendance", "material", "working_time"}),
    GroupMember: frozenset({"name", "function", "reports_to", "relation_reason"}),
}

#: Ids, kinds, phases, versions and settings: readable, so the store keeps its shape.
STRUCTURE: dict[type[BaseModel], frozenset[str]] = {
    MemberRef: frozenset({"id"}),
    MeetingStarted: frozenset(
        {
            "type",
            "meeting_id",
            "group_id",
            "lang",
            "present",
            "facilitator",
            "roles",
            "purpose",
        }
    ),
    StepEntered: frozenset({"type", "frame", "phase", "module"}),
    # typed_by is a member id, as by is (the facilitator who typed it in).
    LeervraagSubmitted: frozenset({"type", "leervraag_id", "by", "typed_by"}),
    LeervraagPassed: frozenset({"type", "by"}),
    CaseChosen: frozenset({"type", "leervraag_id", "inbrenger", "co_inbrenger"}),
    InbrengerChosen: frozenset({"type", "by", "inbrenger"}),
    MethodChosen: frozenset({"type", "method_id", "method_version", "variant"}),
    ContributionAdded: frozenset(
        {
            "type",
            "contribution_id",
            "author",
            "kind",
            "reply_to",
            "hidden_until",
            "typed_by",
            "commitment",
        }
    ),
    WrittenRevealed: frozenset({"type", "by"}),
    DecisionMade: frozenset({"type", "decision_id", "by", "selected", "typed_by"}),
    PhaseExtended: frozenset({"type", "by"}),
    PhaseSkipped: frozenset({"type", "by"}),
    LoopTaken: frozenset({"type", "by", "loop_id"}),
    ConsensusRecorded: frozenset({"type", "by"}),
    ModuleChosen: frozenset({"type", "by", "method_id", "method_version"}),
    FacilitatorChanged: frozenset({"type", "by", "to"}),
    MeetingClosed: frozenset({"type", "by"}),
    GroupCreated: frozenset({"type", "group_id", "lang"}),
    MemberAdded: frozenset({"type"}),
    MemberRemoved: frozenset({"type", "member_id"}),
    ContractSet: frozenset({"type"}),
    GuidedSet: frozenset({"type"}),
    FeedbackRoundSet: frozenset({"type"}),
    SeriesPlanned: frozenset({"type"}),
    SeriesMethodSet: frozenset({"type", "method_id", "variant"}),
    GroupMember: frozenset({"id"}),
    SeriesPlan: frozenset({"zone"}),
}

M = TypeVar("M", bound=BaseModel)

Shape = Literal["text", "texts", "mapping", "model", "models"]


@dataclass(frozen=True)
class FieldPlan:
    """One field to visit: a content string (or strings), or a model to walk into."""

    name: str
    shape: Shape
    model: type[BaseModel] | None = None


def stored_models() -> list[type[BaseModel]]:
    """Every model the journal stores, the events and the models inside them."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.append(model)
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                visit(inner)

    for event in typing.get_args(typing.get_args(Event)[0]):
        visit(event)
    return found


@cache
def content_plan(model: type[BaseModel]) -> tuple[FieldPlan, ...]:
    """The fields of ``model`` that hold content or lead to it.

    Raises ``TypeError`` for a string field that is neither content nor structure:
    an unclassified field must stop the encrypted journal, not pass in the clear.
    """
    plan: list[FieldPlan] = []
    content = CONTENT.get(model, frozenset())
    structure = STRUCTURE.get(model, frozenset())
    for name, info in model.model_fields.items():
        annotation = info.annotation
        nested = _models_in(annotation)
        if nested:
            (inner,) = nested
            many = typing.get_origin(annotation) is tuple
            if content_plan(inner):
                plan.append(FieldPlan(name, "models" if many else "model", inner))
            continue
        if not _holds_str(annotation):
            continue
        if name in content:
            plan.append(FieldPlan(name, _text_shape(annotation)))
        elif name not in structure:
            raise TypeError(
                f"{model.__name__}.{name} is a text field that intervision.engine.storage."
                "content does not classify; add it to CONTENT (sealed at rest) or STRUCTURE"
            )
    return tuple(plan)


def map_content(model: M, seal: Callable[[str, str], str], path: str = "") -> M:
    """``model`` with every content string ``s`` at ``path`` replaced by ``seal(path, s)``.

    Paths name the field (``text``, ``members.1.name``, ``labels.C3``), so a
    sealed value can be bound to its place. A model without content comes back as is.
    """
    plan = content_plan(type(model))
    if not plan:
        return model
    update: dict[str, Any] = {}
    for field in plan:
        value = getattr(model, field.name)
        where = f"{path}{field.name}"
        if value is None:
            continue
        if field.shape == "text":
            update[field.name] = seal(where, value)
        elif field.shape == "texts":
            update[field.name] = tuple(seal(f"{where}.{i}", v) for i, v in enumerate(value))
        elif field.shape == "mapping":
            update[field.name] = {k: seal(f"{where}.{k}", v) for k, v in value.items()}
        elif field.shape == "model":
            update[field.name] = map_content(value, seal, f"{where}.")
        else:
            update[field.name] = tuple(
                map_content(item, seal, f"{where}.{i}.") for i, item in enumerate(value)
            )
    return model.model_copy(update=update)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _holds_str(annotation: Any) -> bool:
    if annotation is str:
        return True
    if typing.get_origin(annotation) is Literal:
        return any(isinstance(arg, str) for arg in typing.get_args(annotation))
    return any(_holds_str(arg) for arg in typing.get_args(annotation))


def _text_shape(annotation: Any) -> Shape:
    """How a content field holds its strings: one (maybe None), a tuple, or a dict's values."""
    origin = typing.get_origin(annotation)
    if origin is tuple:
        return "texts"
    if origin is dict:
        return "mapping"
    if origin in (typing.Union, types.UnionType):
        shapes = {_text_shape(arg) for arg in typing.get_args(annotation) if arg is not type(None)}
        if len(shapes) == 1:
            return shapes.pop()
    if annotation is str:
        return "text"
    raise TypeError(f"a content field of type {annotation!r} is not one intervision can seal")
