"""A compliment round: a contribution kind, a role and a rule kind of the plugin's own.

Everything a method author may add beyond the built-in vocabulary, in one plugin:
the kind ``compliment`` (which the frame's closing round, ``recognition``, is not),
a ``secretary`` who notes while the others compliment, and the rule kind ``rated``
that reads the text: each compliment starts with a score from 0 to 10. Its
lifecycle hook counts only what happens in its own method's meetings.
"""

from __future__ import annotations

import re
from collections import Counter

from intervision.engine import (
    STANDARD_ROLES,
    Contribute,
    Contribution,
    DecisionSpec,
    Fit,
    MeetingState,
    MethodSpec,
    PhaseSpec,
    Refusal,
    RoleSpec,
    RuleContext,
    RuleKind,
    RuleRef,
    Term,
    Text,
    for_method,
    hookimpl,
    kind_titles,
    refuse,
)

METHOD_ID = "compliment-round"

COMPLIMENT = Term(
    id="compliment",
    name=Text(nl="compliment", en="compliment"),
    short=Text(nl="co", en="co"),
    words=("kudos",),
    board=Text(nl="Compliment geven", en="Give a compliment"),
)

SECRETARY = RoleSpec(
    id="secretary",
    title=Text(nl="Secretaris", en="Secretary"),
    description=Text(nl="Schrijft de complimenten op.", en="Writes the compliments down."),
)

_SCORE = re.compile(r"^\s*(\d{1,2})\s*[:.-]")


def rated(ctx: RuleContext) -> Refusal | None:
    """A contribution of the kinds in ``params["kinds"]`` starts with a score 0-10."""
    command = ctx.command
    kinds = tuple(ctx.params.get("kinds", ("compliment",)))
    if not isinstance(command, Contribute) or command.kind not in kinds:
        return None
    found = _SCORE.match(command.text)
    if found is not None and 0 <= int(found.group(1)) <= 10:
        return None
    return refuse(
        "rated",
        "Begin een {kinds} met een cijfer van 0 tot 10, zoals '8: ...'.",
        "Start a {kinds} with a score from 0 to 10, as in '8: ...'.",
        kinds=kind_titles(kinds, ctx.glossary),
    )


RATED = RuleKind(
    id="rated",
    title=Text(nl="Met een cijfer", en="With a score"),
    check=rated,
    commands=(Contribute,),
    samples=("8: you stayed calm", "you stayed calm"),
)


def _say(nl: str, en: str) -> Text:
    return Text(nl=nl, en=en)


COMPLIMENT_ROUND = MethodSpec(
    id=METHOD_ID,
    version="1.0",
    title=_say("Complimentenronde", "Compliment round"),
    summary=_say(
        "De inbrenger vertelt; ieder geeft een compliment met een cijfer; de secretaris noteert.",
        "The inbrenger tells; everyone gives a rated compliment; the secretary notes.",
    ),
    derived=True,
    fit=Fit(leervraag_kinds=("pattern",)),
    roles=(*STANDARD_ROLES, SECRETARY),
    phases=(
        PhaseSpec(
            id="telling",
            title=_say("Vertellen", "Telling"),
            minutes=5,
            allowed={"inbrenger": ("statement",)},
            instructions={
                "facilitator": _say("Nodig de inbrenger uit.", "Invite the inbrenger."),
                "inbrenger": _say("Vertel wat er goed ging.", "Tell what went well."),
                "participant": _say("Luister.", "Listen."),
            },
        ),
        PhaseSpec(
            id="compliments",
            title=_say("Complimenten", "Compliments"),
            minutes=10,
            inbrenger_mode="listens",
            allowed={"participant": ("compliment",), "secretary": ("note",)},
            quotas={"compliment": 1},
            everyone_contributes=True,
            rules=(RuleRef(kind="rated"),),
            instructions={
                "facilitator": _say("Geef ieder het woord.", "Give everyone the floor."),
                "inbrenger": _say("Luister alleen.", "Only listen."),
                "participant": _say(
                    "Geef één compliment, met een cijfer.", "Give one compliment, with a score."
                ),
                "secretary": _say("Schrijf ze op.", "Write them down."),
            },
        ),
        PhaseSpec(
            id="taking",
            title=_say("Meenemen", "Taking away"),
            minutes=5,
            allowed={"inbrenger": ("statement",)},
            decision=DecisionSpec(
                id="kept",
                title=_say("Wat ik meeneem", "What I take away"),
                selects_from=("compliment",),
            ),
            instructions={
                "facilitator": _say("Vraag wat blijft.", "Ask what stays."),
                "inbrenger": _say("Kies wat je meeneemt.", "Choose what you take away."),
                "participant": _say("Luister.", "Listen."),
            },
        ),
    ),
)

#: What the lifecycle hooks saw, per hook: only this method's meetings count.
SEEN: Counter[str] = Counter()


@hookimpl
def intervision_contribution_kinds() -> list[Term]:
    return [COMPLIMENT]


@hookimpl
def intervision_rule_kinds() -> list[RuleKind]:
    return [RATED]


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    return [COMPLIMENT_ROUND]


@hookimpl
@for_method(METHOD_ID)
def intervision_contribution_added(state: MeetingState, contribution: Contribution) -> None:
    SEEN[contribution.kind] += 1


@hookimpl
@for_method(METHOD_ID)
def intervision_phase_entered(state: MeetingState, frame: str, phase: str | None) -> None:
    SEEN[f"entered {phase or frame}"] += 1
