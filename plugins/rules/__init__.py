"""The built-in rule kinds: the meaning of a phase spec's fields and of the frame.

A plugin like any other (entry point ``builtin-rules`` of the ``intervision`` distribution);
the registry loads it whatever ``INTERVISION_PLUGINS`` or ``entry_points=False`` say,
since the frame of every meeting and every method's phase fields rely on it.

Kinds marked ``always`` run on every command; the others where a method lists them.
Each names the command types its check can refuse (``commands``), so that the engine
skips it for the rest; ``tests/engine/test_rule_kind_commands.py`` holds them to that.
The order is the order of checking, and so decides which explanation a person
hears first: whether it is theirs to do at all, then the frame, then what may be
said (an inbrenger who is away hears that, not that the kind is not allowed), then
who the group still waits for, then what must happen before moving on.
"""

from __future__ import annotations

from intervision.engine import (
    Advance,
    ChooseCase,
    ChooseInbrenger,
    ChooseMethod,
    ChooseModule,
    Close,
    Contribute,
    Decide,
    HandOver,
    PassLeervraag,
    Reveal,
    RuleKind,
    Skip,
    SubmitLeervraag,
    TakeLoop,
    Text,
    hookimpl,
)

from . import catalogue as cr
from . import floors as fl
from . import frame as fr
from . import inbrengers as ib
from . import phase as pr

__all__ = ["BUILTIN_RULE_KINDS", "intervision_rule_kinds"]

BUILTIN_RULE_KINDS: tuple[RuleKind, ...] = (
    RuleKind(
        "advance_by",
        Text(nl="Wie mag verder", en="Who moves on"),
        pr.who_moves_on,
        always=True,
        commands=(Advance, *pr.BY_ROLES),
    ),
    RuleKind(
        "reason_required",
        Text(nl="Reden nodig", en="Reason required"),
        pr.reasons_given,
        always=True,
        commands=(Skip, Close),
    ),
    RuleKind(
        "frame",
        Text(nl="Het kader", en="The frame"),
        fr.frame_steps,
        always=True,
        commands=(
            SubmitLeervraag,
            PassLeervraag,
            Advance,
            ChooseCase,
            HandOver,
            ChooseMethod,
            Contribute,
        ),
    ),
    RuleKind(
        "inbrenger_pair",
        Text(nl="Samen een casus inbrengen", en="Bringing a case together"),
        ib.inbrenger_pair,
        always=True,
        commands=(ChooseCase, ChooseMethod),
    ),
    RuleKind(
        "feedback_round",
        Text(nl="Feedbackronde", en="Feedback round"),
        fl.feedback_round,
        always=True,
        commands=(Close,),
    ),
    RuleKind(
        "group_size",
        Text(nl="Groepsgrootte", en="Group size"),
        fr.group_size,
        always=True,
        commands=(ChooseMethod,),
    ),
    RuleKind(
        "facilitator_not_inbrenger",
        Text(nl="Begeleider is niet de inbrenger", en="Facilitator is not the inbrenger"),
        fr.facilitator_not_inbrenger,
        always=True,
        commands=(ChooseMethod,),
    ),
    RuleKind(
        "inbrenger_mode",
        Text(nl="Rol van de inbrenger", en="The inbrenger's mode"),
        pr.inbrenger_mode,
        always=True,
        commands=(Contribute,),
    ),
    RuleKind(
        "allowed_kinds",
        Text(nl="Toegestane bijdragen", en="Allowed contributions"),
        pr.allowed_kinds,
        always=True,
        commands=(Contribute,),
    ),
    RuleKind(
        "references",
        Text(nl="Verwijzingen naar bijdragen", en="References to contributions"),
        pr.references,
        always=True,
        commands=(Contribute,),
    ),
    RuleKind(
        "on_request",
        Text(nl="Alleen als de inbrenger erom vraagt", en="Only when the inbrenger asks"),
        fl.on_request,
        always=True,
        commands=(Contribute,),
    ),
    RuleKind(
        "answers_labelled",
        Text(nl="Alleen gelabelde vragen beantwoorden", en="Answer labelled questions only"),
        cr.answers_labelled,
        always=True,
        commands=(Contribute,),
    ),
    RuleKind(
        "everyone_contributes",
        Text(nl="Ieder een beurt", en="Everyone takes a turn"),
        cr.everyone_contributes,
        always=True,
        commands=(Advance,),
    ),
    RuleKind(
        "at_least",
        Text(nl="Minimum per persoon", en="At least per person"),
        fl.at_least,
        always=True,
        commands=(Advance,),
    ),
    RuleKind(
        "written_first",
        Text(nl="Eerst schrijven", en="Written first"),
        pr.written_first,
        always=True,
        commands=(Reveal, Contribute, Advance, Skip),
    ),
    RuleKind(
        "quota",
        Text(nl="Maximum per persoon", en="Quota per person"),
        pr.quota,
        always=True,
        commands=(Contribute,),
    ),
    RuleKind(
        "inbrenger_decides",
        Text(nl="De inbrenger besluit", en="The inbrenger decides"),
        pr.inbrenger_decides,
        always=True,
        commands=(Decide,),
    ),
    RuleKind(
        "labels",
        Text(nl="Labels van de inbrenger", en="The inbrenger's labels"),
        cr.labels,
        always=True,
        commands=(Decide,),
    ),
    RuleKind(
        "decision_required",
        Text(nl="Besluit nodig", en="Decision required"),
        pr.decision_required,
        always=True,
        commands=(Advance,),
    ),
    RuleKind(
        "consensus",
        Text(nl="Consensus", en="Consensus"),
        cr.consensus,
        always=True,
        commands=(Advance,),
    ),
    RuleKind(
        "choose_inbrenger",
        Text(nl="De groep kiest het voorbeeld", en="The group chooses the example"),
        ib.choose_inbrenger,
        always=True,
        commands=(Advance, ChooseInbrenger),
    ),
    RuleKind(
        "loops",
        Text(nl="Terug in de methode", en="Going back"),
        cr.loops,
        always=True,
        commands=(TakeLoop,),
    ),
    RuleKind(
        "nesting",
        Text(nl="Werkvorm binnen een fase", en="A module inside a phase"),
        cr.nesting,
        always=True,
        commands=(Advance, ChooseModule),
    ),
)


@hookimpl
def intervision_rule_kinds() -> list[RuleKind]:
    return list(BUILTIN_RULE_KINDS)
