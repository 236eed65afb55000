"""The rule kinds the engine registers itself, like any plugin's rule kinds.

Kinds marked ``always`` run on every command; the others where a method lists them.
Each names the command types its check can refuse (``commands``), so that the engine
skips it for the rest; ``tests/engine/test_rule_kind_commands.py`` holds them to that.
The order is the order of checking, and so decides which explanation a person
hears first: whether it is theirs to do at all, then the frame, then what may be
said (an inbrenger who is away hears that, not that the kind is not allowed), then
who the group still waits for, then what must happen before moving on.
"""

from __future__ import annotations

from . import catalogue_rules as cr
from . import commands as cmd
from . import frame_rules as fr
from . import phase_rules as pr
from .rules import RuleKind
from .text import Text

__all__ = ["BUILTIN_RULE_KINDS"]

BUILTIN_RULE_KINDS: tuple[RuleKind, ...] = (
    RuleKind(
        "advance_by",
        Text(nl="Wie mag verder", en="Who moves on"),
        pr.who_moves_on,
        always=True,
        commands=(cmd.Advance, *pr.BY_ROLES),
    ),
    RuleKind(
        "reason_required",
        Text(nl="Reden nodig", en="Reason required"),
        pr.reasons_given,
        always=True,
        commands=(cmd.Skip, cmd.Close),
    ),
    RuleKind(
        "frame",
        Text(nl="Het kader", en="The frame"),
        fr.frame_steps,
        always=True,
        commands=(
            cmd.SubmitLeervraag,
            cmd.PassLeervraag,
            cmd.Advance,
            cmd.ChooseCase,
            cmd.HandOver,
            cmd.ChooseMethod,
        ),
    ),
    RuleKind(
        "group_size",
        Text(nl="Groepsgrootte", en="Group size"),
        fr.group_size,
        always=True,
        commands=(cmd.ChooseMethod,),
    ),
    RuleKind(
        "facilitator_not_inbrenger",
        Text(nl="Begeleider is niet de inbrenger", en="Facilitator is not the inbrenger"),
        fr.facilitator_not_inbrenger,
        commands=(cmd.ChooseMethod,),
    ),
    RuleKind(
        "inbrenger_mode",
        Text(nl="Rol van de inbrenger", en="The inbrenger's mode"),
        pr.inbrenger_mode,
        always=True,
        commands=(cmd.Contribute,),
    ),
    RuleKind(
        "allowed_kinds",
        Text(nl="Toegestane bijdragen", en="Allowed contributions"),
        pr.allowed_kinds,
        always=True,
        commands=(cmd.Contribute,),
    ),
    RuleKind(
        "answers_labelled",
        Text(nl="Alleen gelabelde vragen beantwoorden", en="Answer labelled questions only"),
        cr.answers_labelled,
        always=True,
        commands=(cmd.Contribute,),
    ),
    RuleKind(
        "everyone_contributes",
        Text(nl="Ieder een beurt", en="Everyone takes a turn"),
        cr.everyone_contributes,
        always=True,
        commands=(cmd.Advance,),
    ),
    RuleKind(
        "written_first",
        Text(nl="Eerst schrijven", en="Written first"),
        pr.written_first,
        always=True,
        commands=(cmd.Reveal, cmd.Contribute, cmd.Advance, cmd.Skip),
    ),
    RuleKind(
        "quota",
        Text(nl="Maximum per persoon", en="Quota per person"),
        pr.quota,
        always=True,
        commands=(cmd.Contribute,),
    ),
    RuleKind(
        "inbrenger_decides",
        Text(nl="De inbrenger besluit", en="The inbrenger decides"),
        pr.inbrenger_decides,
        always=True,
        commands=(cmd.Decide,),
    ),
    RuleKind(
        "labels",
        Text(nl="Labels van de inbrenger", en="The inbrenger's labels"),
        cr.labels,
        always=True,
        commands=(cmd.Decide,),
    ),
    RuleKind(
        "decision_required",
        Text(nl="Besluit nodig", en="Decision required"),
        pr.decision_required,
        always=True,
        commands=(cmd.Advance,),
    ),
    RuleKind(
        "consensus",
        Text(nl="Consensus", en="Consensus"),
        cr.consensus,
        always=True,
        commands=(cmd.Advance,),
    ),
    RuleKind(
        "loops",
        Text(nl="Terug in de methode", en="Going back"),
        cr.loops,
        always=True,
        commands=(cmd.TakeLoop,),
    ),
    RuleKind(
        "nesting",
        Text(nl="Werkvorm binnen een fase", en="A module inside a phase"),
        cr.nesting,
        always=True,
        commands=(cmd.Advance, cmd.ChooseModule),
    ),
)
