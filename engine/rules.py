"""The rule contract, and the built-in rule kinds every method can rely on.

A rule kind is a named, parameterised check: it sees the meeting state and the
command and returns nothing or a :class:`Refusal` that names the rule and says why
in Dutch and English. Checks are pure: no I/O, no clock, no writing. Plugins add
kinds through the ``intervision_rule_kinds`` hook and methods reference them by id.

Built-in kinds marked ``always`` follow from the fields of a phase spec (allowed
kinds, inbrenger mode, written-first, quotas, decisions, who advances) and from
the frame; the others apply where a method lists them in ``rules``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import commands as cmd
from .specs import MethodSpec, PhaseSpec
from .state import MeetingState
from .text import Text

__all__ = ["BUILTIN_RULE_KINDS", "Refusal", "RuleContext", "RuleKind", "roles_of"]


@dataclass(frozen=True)
class Refusal:
    rule: str
    reason: Text


@dataclass(frozen=True)
class RuleContext:
    state: MeetingState
    command: cmd.Command
    method: MethodSpec | None
    phase: PhaseSpec | None
    roles: frozenset[str]
    params: Mapping[str, Any] = field(default_factory=dict)


RuleCheck = Callable[[RuleContext], Refusal | None]


@dataclass(frozen=True)
class RuleKind:
    id: str
    title: Text
    check: RuleCheck
    always: bool = False


def roles_of(state: MeetingState, person: str) -> frozenset[str]:
    """The roles a person has right now.

    The inbrenger is only the inbrenger while their case runs, even when they also
    facilitate; a member who facilitates is a participant too, an external
    facilitator is not.
    """
    roles: set[str] = set()
    if person == state.facilitator:
        roles.add("facilitator")
    if state.frame == "method" and person == state.inbrenger:
        roles.add("inbrenger")
    elif person in state.members and not state.members[person].external:
        roles.add("participant")
    if person == state.scribe:
        roles.add("scribe")
    if person == state.timekeeper:
        roles.add("timekeeper")
    return frozenset(roles)


def _refuse(rule: str, nl: str, en: str, **values: object) -> Refusal:
    return Refusal(rule, Text(nl=nl.format(**values), en=en.format(**values)))


#: Kinds allowed in the frame steps that take contributions.
FRAME_KINDS: dict[str, tuple[str, ...]] = {
    "recognitions": ("recognition",),
    "evaluation": ("note", "learning_point"),
}

_MODE_TEXT = {
    "listens": ("luistert in deze fase en reageert niet", "listens in this phase and does not react"),
    "away": ("is in deze fase even weg uit het gesprek", "is out of the conversation in this phase"),
}


def _allowed_kinds(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if not isinstance(command, cmd.Contribute):
        return None
    if ctx.phase is None:
        allowed = FRAME_KINDS.get(ctx.state.frame, ())
    elif "inbrenger" in ctx.roles:
        allowed = ctx.phase.allowed.get("inbrenger", ())
    else:
        allowed = tuple(k for role in ctx.roles for k in ctx.phase.allowed.get(role, ()))
    if command.kind in allowed:
        return None
    if not allowed:
        return _refuse(
            "allowed_kinds",
            "In deze fase draag jij in je rol niets in.",
            "In this phase your role makes no contributions.",
        )
    return _refuse(
        "allowed_kinds",
        "Een bijdrage van het soort '{kind}' hoort niet in deze fase; toegestaan voor jou: {ok}.",
        "A contribution of kind '{kind}' does not belong in this phase; allowed for you: {ok}.",
        kind=command.kind,
        ok=", ".join(dict.fromkeys(allowed)),
    )


def _inbrenger_mode(ctx: RuleContext) -> Refusal | None:
    if ctx.phase is None or "inbrenger" not in ctx.roles:
        return None
    if not isinstance(ctx.command, cmd.Contribute):
        return None
    mode = ctx.phase.inbrenger_mode
    if mode in _MODE_TEXT:
        nl, en = _MODE_TEXT[mode]
        return _refuse("inbrenger_mode", "De inbrenger " + nl + ".", "The inbrenger " + en + ".")
    if mode == "answers_briefly" and ctx.command.kind != "reaction":
        return _refuse(
            "inbrenger_mode",
            "De inbrenger beantwoordt in deze fase alleen kort de vragen.",
            "In this phase the inbrenger only answers the questions briefly.",
        )
    return None


def _written_first(ctx: RuleContext) -> Refusal | None:
    state, command, phase = ctx.state, ctx.command, ctx.phase
    revealed = state.step_key in state.revealed
    if isinstance(command, cmd.Reveal):
        if phase is None or not phase.written_first:
            return _refuse(
                "written_first",
                "Er valt niets te onthullen: in deze fase wordt niet eerst geschreven.",
                "There is nothing to reveal: this phase is not written first.",
            )
        if revealed:
            return _refuse(
                "written_first",
                "Wat geschreven is, is al onthuld.",
                "What was written has already been revealed.",
            )
        return None
    if phase is None or not phase.written_first:
        return None
    if isinstance(command, cmd.Contribute) and revealed:
        return _refuse(
            "written_first",
            "De geschreven ronde is al onthuld; nieuwe bijdragen horen in de volgende fase.",
            "The written round has been revealed; new contributions belong in the next phase.",
        )
    written = any(c.written for c in state.step_contributions())
    if isinstance(command, cmd.Advance | cmd.Skip) and written and not revealed:
        return _refuse(
            "written_first",
            "Eerst onthullen wat er geschreven is, dan pas verder.",
            "Reveal what was written before moving on.",
        )
    return None


def _quota(ctx: RuleContext) -> Refusal | None:
    command, phase = ctx.command, ctx.phase
    if phase is None or not isinstance(command, cmd.Contribute):
        return None
    limit = phase.quotas.get(command.kind)  # type: ignore[call-overload]
    if limit is None:
        return None
    used = sum(
        1 for c in ctx.state.step_contributions() if c.author == command.by and c.kind == command.kind
    )
    if used < limit:
        return None
    return _refuse(
        "quota",
        "In deze fase zijn per persoon hooguit {limit} bijdragen van het soort '{kind}' toegestaan.",
        "In this phase each person gives at most {limit} contributions of kind '{kind}'.",
        limit=limit,
        kind=command.kind,
    )


def _inbrenger_decides(ctx: RuleContext) -> Refusal | None:
    command, phase, state = ctx.command, ctx.phase, ctx.state
    if not isinstance(command, cmd.Decide):
        return None
    decision = phase.decision if phase is not None else None
    if decision is None:
        return _refuse(
            "inbrenger_decides",
            "In deze fase valt er niets te besluiten.",
            "There is no decision to make in this phase.",
        )
    if decision.by not in ctx.roles:
        return _refuse(
            "inbrenger_decides",
            "Dit besluit is aan de {role}, niet aan jou.",
            "This decision belongs to the {role}, not to you.",
            role=decision.by,
        )
    case_no = state.case.no if state.case else None
    eligible = {
        c.id
        for c in state.contributions
        if c.case_no == case_no and c.kind in decision.selects_from
    }
    unknown = [ref for ref in command.selected if ref not in eligible]
    if unknown:
        return _refuse(
            "inbrenger_decides",
            "Je kunt alleen kiezen uit bijdragen van het soort {kinds}; onbekend: {refs}.",
            "You can only select contributions of kind {kinds}; not among them: {refs}.",
            kinds=", ".join(decision.selects_from) or "-",
            refs=", ".join(unknown),
        )
    if not command.selected and not command.text.strip():
        return _refuse(
            "inbrenger_decides",
            "Een besluit noemt wat je kiest of wat je gaat doen.",
            "A decision names what you select or what you will do.",
        )
    return None


def _decision_required(ctx: RuleContext) -> Refusal | None:
    phase = ctx.phase
    if not isinstance(ctx.command, cmd.Advance) or phase is None or phase.decision is None:
        return None
    if not phase.decision.required or ctx.state.step_decisions():
        return None
    title = phase.decision.title
    return Refusal(
        "decision_required",
        Text(
            nl=f"Eerst besluit de inbrenger: {title.nl}.",
            en=f"The inbrenger decides first: {title.en}.",
        ),
    )


def _who_moves_on(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if isinstance(command, cmd.Advance):
        allowed = ctx.phase.advance_by if ctx.phase is not None else ("facilitator",)
    elif isinstance(command, cmd.Extend | cmd.Skip | cmd.Reveal | cmd.Close | cmd.ChooseCase):
        allowed = ("facilitator",)
    elif isinstance(command, cmd.ChooseMethod):
        allowed = ("facilitator", "inbrenger")
    else:
        return None
    roles = ctx.roles | ({"inbrenger"} if command.by == _chosen_inbrenger(ctx) else set())
    if roles & set(allowed):
        return None
    return _refuse(
        "advance_by",
        "Dit is aan de {roles}.",
        "This is for the {roles} to do.",
        roles=" / ".join(allowed),
    )


def _chosen_inbrenger(ctx: RuleContext) -> str | None:
    return ctx.state.inbrenger if ctx.state.frame == "method_choice" else None


def _reasons_given(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if isinstance(command, cmd.Skip) and not command.reason.strip():
        return _refuse(
            "reason_required",
            "Een fase overslaan kan, maar noem de reden.",
            "A phase can be skipped, but give the reason.",
        )
    early = ctx.state.frame != "evaluation"
    if isinstance(command, cmd.Close) and early and not (command.reason or "").strip():
        return _refuse(
            "reason_required",
            "De bijeenkomst eerder afsluiten kan, maar noem de reden.",
            "The meeting can be closed early, but give the reason.",
        )
    return None


def _frame_steps(ctx: RuleContext) -> Refusal | None:
    state, command = ctx.state, ctx.command
    if isinstance(command, cmd.SubmitLeervraag | cmd.PassLeervraag):
        if command.by in state.passed or any(
            lv.by == command.by for lv in state.leervragen.values()
        ):
            return _refuse(
                "one_leervraag_each",
                "Ieder brengt één leervraag in of past; jij deed dat al.",
                "Each member brings one leervraag or passes; you already did.",
            )
    if isinstance(command, cmd.Advance) and state.frame == "leervragen":
        done = set(state.passed) | {lv.by for lv in state.leervragen.values()}
        waiting = [state.members[p].name for p in state.present if p not in done]
        if waiting:
            return _refuse(
                "leervragen_complete",
                "Nog geen leervraag of pas van: {names}.",
                "Still waiting for a leervraag or a pass from: {names}.",
                names=", ".join(waiting),
            )
        if not state.leervragen:
            return _refuse(
                "leervragen_complete",
                "Niemand bracht een leervraag in; sluit de bijeenkomst met een reden.",
                "Nobody brought a leervraag; close the meeting with a reason.",
            )
    if isinstance(command, cmd.Advance) and state.frame == "recognitions":
        shared = {c.author for c in state.step_contributions()}
        waiting = [state.members[p].name for p in state.present if p not in shared]
        if waiting:
            return _refuse(
                "recognitions_complete",
                "Ieder deelt een herkenning; nog niet: {names}.",
                "Every member shares a recognition; not yet: {names}.",
                names=", ".join(waiting),
            )
    if isinstance(command, cmd.ChooseCase):
        return _case_choice(state, command)
    if isinstance(command, cmd.ChooseMethod) and not command.inbrenger_agrees:
        return _refuse(
            "inbrenger_agrees",
            "De methode wordt altijd met de inbrenger afgestemd; de inbrenger stemt niet in.",
            "The method is always agreed with the inbrenger; the inbrenger does not agree.",
        )
    return None


def _case_choice(state: MeetingState, command: cmd.ChooseCase) -> Refusal | None:
    mine = [lv for lv in state.leervragen.values() if lv.by == command.inbrenger]
    if not mine:
        return _refuse(
            "case_choice",
            "Deze persoon bracht geen leervraag in.",
            "This person brought no leervraag.",
        )
    if any(case.inbrenger == command.inbrenger for case in state.cases):
        return _refuse(
            "case_choice",
            "Deze leervraag is vandaag al besproken.",
            "This leervraag has already been discussed today.",
        )
    if not command.consent:
        return _refuse(
            "inbrenger_consents",
            "De gekozen inbrenger moet ermee instemmen dat de casus besproken wordt.",
            "The chosen inbrenger must agree to the case being discussed.",
        )
    return None


def _group_size(ctx: RuleContext) -> Refusal | None:
    if not isinstance(ctx.command, cmd.ChooseMethod) or ctx.method is None:
        return None
    fit = ctx.method.fit
    group = [p for p in ctx.state.present if not ctx.state.members[p].external]
    if fit.group_min <= len(group) <= fit.group_max:
        return None
    return _refuse(
        "group_size",
        "Deze methode is voor groepen van {lo} tot {hi}; vandaag zijn jullie met {n}.",
        "This method is for groups of {lo} to {hi}; today there are {n} of you.",
        lo=fit.group_min,
        hi=fit.group_max,
        n=len(group),
    )


def _facilitator_not_inbrenger(ctx: RuleContext) -> Refusal | None:
    if not isinstance(ctx.command, cmd.ChooseMethod):
        return None
    if ctx.state.inbrenger != ctx.state.facilitator:
        return None
    return _refuse(
        "facilitator_not_inbrenger",
        "Bij deze methode is de begeleider nooit zelf de inbrenger; "
        "laat iemand anders begeleiden of kies een andere methode.",
        "In this method the facilitator is never the inbrenger; "
        "let someone else facilitate or choose another method.",
    )


BUILTIN_RULE_KINDS: tuple[RuleKind, ...] = (
    RuleKind("inbrenger_mode", Text(nl="Rol van de inbrenger", en="The inbrenger's mode"),
             _inbrenger_mode, always=True),
    RuleKind("allowed_kinds", Text(nl="Toegestane bijdragen", en="Allowed contributions"),
             _allowed_kinds, always=True),
    RuleKind("written_first", Text(nl="Eerst schrijven", en="Written first"),
             _written_first, always=True),
    RuleKind("quota", Text(nl="Maximum per persoon", en="Quota per person"), _quota, always=True),
    RuleKind("inbrenger_decides", Text(nl="De inbrenger besluit", en="The inbrenger decides"),
             _inbrenger_decides, always=True),
    RuleKind("decision_required", Text(nl="Besluit nodig", en="Decision required"),
             _decision_required, always=True),
    RuleKind("advance_by", Text(nl="Wie mag verder", en="Who moves on"), _who_moves_on,
             always=True),
    RuleKind("reason_required", Text(nl="Reden nodig", en="Reason required"), _reasons_given,
             always=True),
    RuleKind("frame", Text(nl="Het kader", en="The frame"), _frame_steps, always=True),
    RuleKind("group_size", Text(nl="Groepsgrootte", en="Group size"), _group_size, always=True),
    RuleKind(
        "facilitator_not_inbrenger",
        Text(nl="Begeleider is niet de inbrenger", en="Facilitator is not the inbrenger"),
        _facilitator_not_inbrenger,
    ),
)
