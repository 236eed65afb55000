"""Rule kinds for what the group still owes before moving on, and what waits to be asked.

A floor under a quota ("at least one advice each"), kinds the inbrenger has to ask
for (socratic: tips only when the inbrenger asks), and the feedback round a group
can hold in the evaluation. Like ``everyone_contributes`` they name who is still
waited for, and ``capabilities`` reports the same people.
"""

from __future__ import annotations

from intervision.engine import (
    GLOSSARY,
    Advance,
    Close,
    Contribute,
    Refusal,
    RuleContext,
    below_floor,
    kind_titles,
    refuse,
)

__all__ = ["at_least", "feedback_round", "on_request"]


def at_least(ctx: RuleContext) -> Refusal | None:
    """Moving on waits until every participant has given the phase's floor of each kind."""
    phase, state = ctx.phase, ctx.state
    if type(ctx.command) is not Advance or phase is None or not phase.at_least:
        return None
    neutral = ctx.method is not None and ctx.method.neutral_facilitator
    for kind, floor in phase.at_least.items():
        owing = below_floor(state, {kind: floor}, neutral_facilitator=neutral)
        if owing:
            return refuse(
                "at_least",
                "Ieder geeft hier minstens {floor} keer een {kind}; {count} van de deelnemers "
                "nog niet.",
                "Everyone makes at least {floor} contribution(s) of the kind “{kind}” here; "
                "{count} of the participants have not yet.",
                floor=floor,
                kind=kind_titles([kind]),
                count=len(owing),
            )
    return None


def on_request(ctx: RuleContext) -> Refusal | None:
    """The kinds the inbrenger has to ask for, refused until they have asked here."""
    phase, command, state = ctx.phase, ctx.command, ctx.state
    if phase is None or type(command) is not Contribute or command.kind not in phase.on_request:
        return None
    if "inbrenger" in ctx.roles:
        return None
    if any(d.by in state.inbrengers for d in state.step_decisions()):
        return None
    assert phase.decision is not None  # on_request needs one (PhaseSpec checks it)
    return refuse(
        "on_request",
        "Een {kind} alleen als de inbrenger erom vraagt; dat heeft de inbrenger nog niet "
        "gedaan ({asking}).",
        "A contribution of the kind {kind} only when the inbrenger asks for it; the "
        "inbrenger has not asked yet ({asking}).",
        kind=kind_titles([command.kind]),
        asking=phase.decision.title,
    )


def feedback_round(ctx: RuleContext) -> Refusal | None:
    """A meeting with a feedback round closes once every member present has given
    feedback in the evaluation."""
    state = ctx.state
    if type(ctx.command) is not Close or state.frame != "evaluation" or not state.feedback_round:
        return None
    given = {c.author for c in state.step_contributions() if c.kind == "feedback"}
    owing = [p for p in state.present if not state.members[p].external and p not in given]
    if not owing:
        return None
    return refuse(
        "feedback_round",
        "Ieder geeft de anderen nog {kind} op hun vragen en adviezen; {count} van de leden "
        "nog niet.",
        "Everyone still gives the others {kind} on their questions and advice; {count} of "
        "the members have not yet.",
        kind=GLOSSARY.kind("feedback"),
        count=len(owing),
    )
