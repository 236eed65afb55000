"""What a method is, as data: the records a method plugin registers.

Methods are declarations: phases, roles and the rules that hold in each phase. The
engine turns them into a state machine and into rule checks. The records are
frozen pydantic models so that a method can also be written as TOML with the same
fields, and so that a spec can be compared, hashed and pinned by a meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .text import Text

__all__ = [
    "CONTRIBUTION_KINDS",
    "KIND_TITLES",
    "STANDARD_ROLES",
    "ContributionKind",
    "DecisionSpec",
    "Fit",
    "InbrengerMode",
    "LabelSpec",
    "LoopSpec",
    "MethodSpec",
    "NestSpec",
    "PhaseSpec",
    "RoleSpec",
    "RuleRef",
    "VariantSpec",
    "kind_titles",
]

ContributionKind = Literal[
    "question",
    "open_question",
    "association",
    "image",
    "analysis",
    "advice",
    "position",
    "reaction",
    "statement",
    "recognition",
    "learning_point",
    "note",
]
CONTRIBUTION_KINDS: tuple[str, ...] = ContributionKind.__args__  # type: ignore[attr-defined]

#: What each kind is called, for messages and screens.
KIND_TITLES: dict[str, Text] = {
    "question": Text(nl="vraag", en="question"),
    "open_question": Text(nl="open vraag", en="open question"),
    "association": Text(nl="associatie", en="association"),
    "image": Text(nl="beeld", en="image"),
    "analysis": Text(nl="analyse", en="analysis"),
    "advice": Text(nl="advies", en="advice"),
    "position": Text(nl="positie (wat ik zou doen)", en="position (what I would do)"),
    "reaction": Text(nl="reactie", en="reaction"),
    "statement": Text(nl="uitspraak", en="statement"),
    "recognition": Text(nl="herkenning", en="recognition"),
    "learning_point": Text(nl="leerpunt", en="learning point"),
    "note": Text(nl="notitie", en="note"),
}


def kind_titles(kinds: Iterable[str]) -> Text:
    """Kinds named in both languages, comma-separated (unknown kinds by their id)."""
    titles = [KIND_TITLES.get(k, Text(nl=k, en=k)) for k in dict.fromkeys(kinds)]
    return Text(
        nl=", ".join(t.nl for t in titles) or "-", en=", ".join(t.en for t in titles) or "-"
    )


InbrengerMode = Literal["speaks", "answers_briefly", "listens", "away"]

_ID = r"^[a-z][a-z0-9_-]*$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RoleSpec(_Frozen):
    """A role people take in a method (facilitator, inbrenger, participant, scribe, ...)."""

    id: str = Field(pattern=_ID)
    title: Text
    description: Text | None = None


STANDARD_ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        id="facilitator",
        title=Text(nl="Begeleider", en="Facilitator"),
        description=Text(
            nl="Bewaakt de structuur en de veiligheid, niet de inhoud.",
            en="Guards the structure and safety, not the content.",
        ),
    ),
    RoleSpec(
        id="inbrenger",
        title=Text(nl="Inbrenger", en="Inbrenger (case giver)"),
        description=Text(
            nl="Brengt de leervraag over het eigen werk in.",
            en="Brings the leervraag about their own work.",
        ),
    ),
    RoleSpec(
        id="participant",
        title=Text(nl="Deelnemer", en="Participant"),
        description=Text(
            nl="Denkt mee volgens de regels van de fase.",
            en="Consults, following the rules of the phase.",
        ),
    ),
)
_REQUIRED_ROLES = frozenset({"facilitator", "inbrenger", "participant"})


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


class NestSpec(_Frozen):
    """In this phase a module (a method of kind ``module``) is chosen, runs, and returns."""

    choose_from: tuple[str, ...] = ()
    by: tuple[str, ...] = ("inbrenger", "facilitator")


class PhaseSpec(_Frozen):
    """One phase of a method: who speaks, what may be said, who moves on."""

    id: str = Field(pattern=_ID)
    title: Text
    minutes: int = Field(gt=0)
    instructions: dict[str, Text] = Field(default_factory=dict)
    allowed: dict[str, tuple[ContributionKind, ...]] = Field(default_factory=dict)
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
    #: Moving on waits until the group has recorded consensus here.
    consensus: bool = False
    loops: tuple[LoopSpec, ...] = ()
    nested: NestSpec | None = None

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
        return self

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


class Fit(_Frozen):
    """When a method fits: group size, time, experience and kinds of leervraag."""

    group_min: int = Field(default=3, ge=2)
    group_max: int = Field(default=8, ge=2)
    minutes: int = Field(gt=0)
    experience: Literal["any", "beginning", "experienced"] = "any"
    leervraag_kinds: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _range(self) -> Fit:
        if self.group_max < self.group_min:
            raise ValueError(
                f"group_max ({self.group_max}) is smaller than group_min ({self.group_min})"
            )
        return self


class VariantSpec(_Frozen):
    """A published variant of a method, chosen at method choice (``--variant``).

    A variant replaces the method's phases and, if given, its rules and fit; the
    rest (roles, sources, titles) it shares with the method.
    """

    id: str = Field(pattern=_ID)
    title: Text
    summary: Text
    sources: tuple[str, ...] = ()
    phases: tuple[PhaseSpec, ...] = Field(min_length=1)
    rules: tuple[RuleRef, ...] | None = None
    fit: Fit | None = None


class MethodSpec(_Frozen):
    """An intervision method: the unit a plugin registers and a meeting pins."""

    id: str = Field(pattern=_ID)
    version: str = Field(pattern=r"^\d+(\.\d+)*$")
    title: Text
    summary: Text
    sources: tuple[str, ...] = ()
    derived: bool = False
    fit: Fit
    roles: tuple[RoleSpec, ...] = STANDARD_ROLES
    phases: tuple[PhaseSpec, ...] = Field(min_length=1)
    rules: tuple[RuleRef, ...] = ()
    #: ``module``: a sub-procedure another method nests (not offered at method choice).
    kind: Literal["method", "module"] = "method"
    #: ``per_member``: the phases run once for every member present as inbrenger (troika).
    rounds: Literal["once", "per_member"] = "once"
    variants: tuple[VariantSpec, ...] = ()
    #: The facilitator only gives the floor, even when a member facilitates: no
    #: content of their own, and no turn where everyone takes one (Socratic dialogue).
    neutral_facilitator: bool = False

    @model_validator(mode="after")
    def _coherent(self) -> MethodSpec:
        if not self.sources and not self.derived:
            raise ValueError(
                "sources: a method cites at least one source, or is marked derived = true"
            )
        role_ids = [role.id for role in self.roles]
        _unique(role_ids, "roles")
        missing = _REQUIRED_ROLES - set(role_ids)
        if missing:
            raise ValueError(f"roles: the roles {sorted(missing)} are required by the frame")
        _check_phases(self.phases, role_ids, "phases")
        _unique([v.id for v in self.variants], "variants")
        for index, variant in enumerate(self.variants):
            _check_phases(variant.phases, role_ids, f"variants[{index}] ({variant.id}).phases")
        return self

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def variant(self, variant_id: str | None) -> MethodSpec:
        """This method as the named variant runs it (itself for ``None``)."""
        if variant_id is None:
            return self
        for variant in self.variants:
            if variant.id == variant_id:
                return self.model_copy(
                    update={
                        "phases": variant.phases,
                        "rules": self.rules if variant.rules is None else variant.rules,
                        "fit": variant.fit or self.fit,
                        "variants": (),
                    }
                )
        known = ", ".join(v.id for v in self.variants) or "none"
        raise KeyError(f"method {self.id!r} has no variant {variant_id!r} (variants: {known})")

    def phase(self, phase_id: str) -> PhaseSpec:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def rule_kinds(self) -> set[str]:
        """Every rule kind the method or any of its variants references."""
        kinds = {rule.kind for rule in self.rules}
        phases = list(self.phases)
        for variant in self.variants:
            kinds.update(rule.kind for rule in variant.rules or ())
            phases.extend(variant.phases)
        for phase in phases:
            kinds.update(rule.kind for rule in phase.rules)
        return kinds


def _check_phases(phases: tuple[PhaseSpec, ...], role_ids: list[str], where: str) -> None:
    _unique([phase.id for phase in phases], where)
    ids = {phase.id for phase in phases}
    for index, phase in enumerate(phases):
        at = f"{where}[{index}] ({phase.id})"
        for role, field in phase.roles_referenced().items():
            if role not in role_ids:
                raise ValueError(
                    f"{at}.{field}: unknown role {role!r}; "
                    f"declare it in roles (known: {', '.join(role_ids)})"
                )
        for loop in phase.loops:
            if loop.to not in ids:
                raise ValueError(f"{at}.loops.{loop.id}.to: no phase {loop.to!r} in this method")
        if phase.hidden_until is not None and phase.hidden_until not in ids:
            raise ValueError(f"{at}.hidden_until: no phase {phase.hidden_until!r} in this method")


def _unique(ids: list[str], field: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"{field}: the id {value!r} is used twice")
        seen.add(value)
