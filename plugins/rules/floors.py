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
    kind_titles,
    refuse,
    turn_takers,
)

__all__ = ["at_least", "feedback_round", "on_request"]


def at_least(ctx: RuleContext) -> Refusal | None:
    """Moving on waits until every participant has given the phase's floor of each kind."""
    phase, state = ctx.phase, ctx.state
    if type(ctx.command) is not Advance or phase is None or not phase.at_least:
        return None
    neutral = ctx.method is not None and ctx.method.neutral_facilitator
    takers = turn_takers(state, neutral_facilitator=neutral)
    step = state.step_contributions()
    for kind, floor in phase.at_least.items():
        owing = [
            state.members[p].name
            for p in takers
            if sum(1 for c in step if c.author == p and c.kind == kind) < floor
        ]
        if owing:
            return refuse(
                "at_least",
                "Ieder geeft hier minstens {floor} keer een {kind}; nog niet: {names}.",
                "Everyone makes at least {floor} contribution(s) of the kind “{kind}” here; "
                "not yet: {names}.",
                floor=floor,
                kind=kind_titles([kind]),
                names=", ".join(owing),
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
        "Ieder geeft de anderen nog {kind} op hun vragen en adviezen; nog niet: {names}.",
        "Everyone still gives the others {kind} on their questions and advice; not yet: {names}.",
        kind=GLOSSARY.kind("feedback"),
        names=", ".join(state.members[p].name for p in owing),
    )
