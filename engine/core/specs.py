"""What a method is, as data: the records a method plugin registers.

Methods are declarations: phases, roles and the rules that hold in each phase. The
engine turns them into a state machine and into rule checks. The records are
frozen pydantic models so that a method can also be written as TOML with the same
fields, and so that a spec can be compared, hashed and pinned by a meeting. The
phases' own records are in ``phases``; a variant's overlay is worked out in
``variants``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from .phases import _ID, PhaseSpec, RuleRef, _Frozen
from .text import Text
from .variants import overlaid_phases, typed_changes

__all__ = [
    "FRAME_ROLES",
    "STANDARD_ROLES",
    "Fit",
    "MethodSpec",
    "RoleSpec",
    "VariantSpec",
]


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
#: The roles the frame gives every meeting: a method needs them, and nobody is assigned them.
FRAME_ROLES = frozenset({"facilitator", "inbrenger", "participant"})


class Fit(_Frozen):
    """When a method fits: group size, time, experience and kinds of leervraag.

    ``minutes`` left at 0 is the sum of the phases' minutes, filled in by the method
    (or the variant) the fit belongs to.
    """

    group_min: int = Field(default=3, ge=2)
    group_max: int = Field(default=8, ge=2)
    minutes: int = Field(default=0, ge=0)
    experience: Literal["any", "beginning", "experienced"] = "any"
    leervraag_kinds: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _range(self) -> Fit:
        if self.group_max < self.group_min:
            raise ValueError(
                f"group_max ({self.group_max}) is smaller than group_min ({self.group_min})"
            )
        return self

    def timed(self, phases: tuple[PhaseSpec, ...]) -> Fit:
        """This fit with ``minutes`` filled in from ``phases`` when left at 0."""
        if self.minutes:
            return self
        return self.model_copy(update={"minutes": sum(phase.minutes for phase in phases)})


class VariantSpec(_Frozen):
    """A published variant of a method, chosen at method choice (``--variant``).

    Mostly an overlay on the method: ``change`` names the phases the variant changes
    by id, with only the fields it changes (``instructions``, ``allowed`` and
    ``quotas`` merge role by role, kind by kind); ``add`` brings new phases; ``order``
    lists the variant's phase ids when it adds, drops or reorders phases. A variant
    that is a procedure of its own lists all its ``phases`` instead. ``rules``,
    ``fit`` and ``closes_with`` replace the method's when given; without a fit the variant has the
    method's, with the minutes of its own phases. The rest (roles, titles, ...) it
    shares with the method.
    """

    id: str = Field(pattern=_ID)
    title: Text
    summary: Text
    sources: tuple[str, ...] = ()
    change: dict[str, dict[str, Any]] = Field(default_factory=dict)
    add: tuple[PhaseSpec, ...] = ()
    order: tuple[str, ...] = ()
    phases: tuple[PhaseSpec, ...] = ()
    rules: tuple[RuleRef, ...] | None = None
    fit: Fit | None = None
    closes_with: tuple[Literal["recognitions", "evaluation"], ...] | None = None

    @field_validator("change", mode="before")
    @classmethod
    def _typed(cls, change: Any) -> Any:
        return typed_changes(change) if isinstance(change, dict) else change

    @model_validator(mode="after")
    def _one_form(self) -> VariantSpec:
        if self.phases and (self.change or self.add or self.order):
            raise ValueError(
                "phases: a variant either lists all its phases, or changes the method's "
                "(change, add, order); not both"
            )
        return self

    def phases_of(self, method_phases: tuple[PhaseSpec, ...]) -> tuple[PhaseSpec, ...]:
        """The phases this variant runs, given the method's."""
        if self.phases:
            return self.phases
        return overlaid_phases(method_phases, self.change, self.add, self.order)


class MethodSpec(_Frozen):
    """An intervision method: the unit a plugin registers and a meeting pins."""

    id: str = Field(pattern=_ID)
    version: str = Field(pattern=r"^\d+(\.\d+)*$")
    title: Text
    summary: Text
    sources: tuple[str, ...] = ()
    derived: bool = False
    #: ``fit.minutes`` left out is the sum of the phases' minutes.
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
    #: Whoever facilitates does not bring the case: the frame refuses a method for a
    #: case of the facilitator's own, until the facilitation is handed over. A method
    #: where the facilitator may bring it says so here, with the reason in Dutch and
    #: English (troika: every member is the client once, the one who keeps time too).
    facilitator_may_bring_case: Text | None = None
    #: The frame's closing rounds this method's own last phases already hold (balint's
    #: sharing is the recognitions), so the frame does not hold them twice.
    closes_with: tuple[Literal["recognitions", "evaluation"], ...] = ()
    #: Two members may bring the case together (``choose_case`` with a
    #: ``co_inbrenger``): both are the inbrenger, and each makes the decisions (Balint).
    inbrenger_pair: bool = False

    @model_validator(mode="after")
    def _coherent(self) -> MethodSpec:
        if not self.sources and not self.derived:
            raise ValueError(
                "sources: a method cites at least one source, or is marked derived = true"
            )
        role_ids = [role.id for role in self.roles]
        _unique(role_ids, "roles")
        _unique(list(self.closes_with), "closes_with")
        missing = FRAME_ROLES - set(role_ids)
        if missing:
            raise ValueError(f"roles: the roles {sorted(missing)} are required by the frame")
        _check_phases(self.phases, role_ids, "phases")
        # Frozen, and filled in once here, while the spec is being built.
        object.__setattr__(self, "fit", self.fit.timed(self.phases))
        _unique([v.id for v in self.variants], "variants")
        for index, variant in enumerate(self.variants):
            at = f"variants[{index}] ({variant.id})"
            try:
                phases = variant.phases_of(self.phases)
            except ValueError as exc:
                raise ValueError(f"{at} of method {self.id!r}: {exc}") from None
            _check_phases(phases, role_ids, f"{at}.phases")
        return self

    @model_serializer(mode="wrap")
    def _without_defaults(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        fit = data.get("fit")
        total = sum(phase.minutes for phase in self.phases)
        if info.exclude_defaults and isinstance(fit, dict) and fit.get("minutes") == total:
            del fit["minutes"]
        return data

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def variant(self, variant_id: str | None) -> MethodSpec:
        """This method as the named variant runs it (itself for ``None``)."""
        if variant_id is None:
            return self
        for variant in self.variants:
            if variant.id == variant_id:
                phases = variant.phases_of(self.phases)
                fit = variant.fit or self.fit.model_copy(update={"minutes": 0})
                return self.model_copy(
                    update={
                        "phases": phases,
                        "rules": self.rules if variant.rules is None else variant.rules,
                        "fit": fit.timed(phases),
                        "closes_with": (
                            self.closes_with if variant.closes_with is None else variant.closes_with
                        ),
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

    def kinds_referenced(self) -> dict[str, str]:
        """Every contribution kind the method or a variant mentions, mapped to the first
        field that does (``phases[1] (questions).allowed.participant``)."""
        refs: dict[str, str] = {}
        runs = [("", self.phases)]
        for index, variant in enumerate(self.variants):
            runs.append((f"variants[{index}] ({variant.id}).", variant.phases_of(self.phases)))
        for at, phases in runs:
            for index, phase in enumerate(phases):
                for kind, field in phase.kinds_referenced().items():
                    refs.setdefault(kind, f"{at}phases[{index}] ({phase.id}).{field}")
        return refs

    def rule_kinds(self) -> set[str]:
        """Every rule kind the method or any of its variants references."""
        kinds = {rule.kind for rule in self.rules}
        phases = list(self.phases)
        for variant in self.variants:
            kinds.update(rule.kind for rule in variant.rules or ())
            phases.extend(variant.phases_of(self.phases))
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
