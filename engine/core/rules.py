"""The rule contract, and the built-in rule kinds every method can rely on.

A rule kind is a named, parameterised check: it sees the meeting state and the
command and returns nothing or a :class:`Refusal` that names the rule and says why
in Dutch and English. Checks are pure: no I/O, no clock, no writing. Plugins add
kinds through the ``intervision_rule_kinds`` hook and methods reference them by id.

The built-in kinds are a plugin too, ``intervision.plugins.rules`` (what follows from
a phase spec's fields, and the frame around every method), which the registry
always loads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .glossary import GLOSSARY, Glossary
from .text import Lang, Text, installed_languages, translated

if TYPE_CHECKING:  # at run time only the annotations name them: loading methods needs neither
    from . import commands as cmd
    from .phases import ContributionKind, PhaseSpec
    from .specs import MethodSpec
    from .state import MeetingState

__all__ = [
    "FRAME_KINDS",
    "Refusal",
    "RuleContext",
    "RuleKind",
    "below_floor",
    "refuse",
    "roles_of",
    "turn_takers",
    "yet_to_speak",
]


@dataclass(frozen=True)
class Refusal:
    """Why a command is refused: the rule's id and an explanation in nl and en."""

    rule: str
    reason: Text


@dataclass(frozen=True)
class RuleContext:
    """What a rule check sees: state, command, method, phase, the actor's roles, the
    rule's parameters and the words of the meeting's kinds."""

    state: MeetingState
    command: cmd.Command
    method: MethodSpec | None
    phase: PhaseSpec | None
    roles: frozenset[str]
    params: Mapping[str, Any] = field(default_factory=dict)
    #: The registry's glossary, with the plugins' kinds: name a kind with
    #: ``kind_titles(kinds, ctx.glossary)``.
    glossary: Glossary = GLOSSARY


RuleCheck = Callable[[RuleContext], Refusal | None]


@dataclass(frozen=True)
class RuleKind:
    """A named check that method specs reference by id; ``always`` kinds run on every command.

    ``commands`` names the command types the check can refuse (subclasses included);
    the engine does not call it for any other command, which keeps a command cheap
    when many kinds run on every command. Empty (the default): every command.
    ``samples`` is a contribution text the check accepts and one it refuses, for a
    check that reads what is said: the conformance walk contributes the first where
    the kind applies, and tries the second to see it refused.
    """

    id: str
    title: Text
    check: RuleCheck
    always: bool = False
    commands: tuple[type[Any], ...] = ()
    samples: tuple[str, str] | None = None

    def concerns(self, command_type: type[Any]) -> bool:
        """Whether the check can refuse commands of this type."""
        return not self.commands or issubclass(command_type, self.commands)


def yet_to_speak(state: MeetingState, *, neutral_facilitator: bool = False) -> tuple[str, ...]:
    """The participants present who have said nothing yet in this step: whom a phase
    where everyone contributes waits for (the :func:`turn_takers` still to speak)."""
    said = {c.author for c in state.step_contributions()}
    return tuple(
        p for p in turn_takers(state, neutral_facilitator=neutral_facilitator) if p not in said
    )


def roles_of(
    state: MeetingState, person: str, *, neutral_facilitator: bool = False
) -> frozenset[str]:
    """The roles a person has right now.

    The inbrenger (both of a pair) is only the inbrenger while their case runs, even
    when they also facilitate; a member who facilitates is a participant too, unless
    the method wants a neutral facilitator; an external facilitator never is. A role
    of the day (scribe, timekeeper, a role the method declares) comes on top of these.
    """
    roles: set[str] = set()
    if person == state.facilitator:
        roles.add("facilitator")
    if state.frame == "method" and person in state.inbrengers:
        roles.add("inbrenger")
    elif (
        person in state.members
        and not state.members[person].external
        and not (neutral_facilitator and person == state.facilitator)
    ):
        roles.add("participant")
    for role, holders in state.roles.items():
        if person in holders:
            roles.add(role)
    return frozenset(roles)


def turn_takers(state: MeetingState, *, neutral_facilitator: bool = False) -> tuple[str, ...]:
    """Who takes a turn where everyone does (a round, a floor of "at least one each"):
    every member present but the inbrenger (both of a pair), an external facilitator,
    and a facilitator the method wants neutral."""
    inbrengers = state.inbrengers
    return tuple(
        p
        for p in state.present
        if p not in inbrengers
        and not state.members[p].external
        and not (neutral_facilitator and p == state.facilitator)
    )


def below_floor(
    state: MeetingState,
    floors: Mapping[ContributionKind, int],
    *,
    neutral_facilitator: bool = False,
) -> tuple[str, ...]:
    """The :func:`turn_takers` who have not yet given, in this step, the fewest
    contributions of each kind that ``floors`` asks (a phase's ``at_least``)."""
    if not floors:
        return ()
    step = state.step_contributions()
    return tuple(
        p
        for p in turn_takers(state, neutral_facilitator=neutral_facilitator)
        if any(
            sum(1 for c in step if c.author == p and c.kind == kind) < floor
            for kind, floor in floors.items()
        )
    )


def refuse(rule: str, nl: str, en: str, **values: object) -> Refusal:
    """A refusal whose texts are formatted with ``values``; a :class:`Text` value
    is put in each language as itself. An installed language pack that translates
    the English template gives the refusal in its language too."""

    def pick(lang: Lang) -> dict[str, object]:
        return {k: (v(lang) if isinstance(v, Text) else v) for k, v in values.items()}

    more = {}
    for code in installed_languages():
        template = translated(en, code)
        if template is not None:
            try:
                more[code] = template.format(**pick(code))
            except (LookupError, ValueError):  # a pack's placeholders do not fit: English
                continue
    pairs = tuple(sorted(more.items()))
    text = Text(nl=nl.format(**pick("nl")), en=en.format(**pick("en")), more=pairs)
    return Refusal(rule, text)


#: Kinds allowed in the frame steps that take contributions. In the evaluation the
#: members may give each other feedback on how they asked and advised; a meeting with
#: a feedback round (``feedback_round``) closes only once everyone has.
FRAME_KINDS: dict[str, tuple[str, ...]] = {
    #: At the opening, earlier inbrengers tell what came of their commitments.
    "opening": ("statement",),
    #: An intake: members ask about intervision and the methods; the facilitator notes.
    "introduction": ("question", "note"),
    #: An intake or refresh: what each member agrees to, or would change, in the contract.
    "contract": ("statement", "note"),
    #: An intake or refresh: each member writes a personal learning goal for the series.
    "learning_goals": ("learning_goal",),
    "recognitions": ("recognition",),
    "evaluation": ("note", "learning_point", "feedback"),
}
