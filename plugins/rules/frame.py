"""Rule kinds of the frame around every method, and of choosing a method.

One leervraag each, everyone heard before the case choice, the inbrenger's consent
and agreement, recognitions from everyone, the method's group size, and that whoever
facilitates does not bring the case (unless the method says why it may).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from intervision.engine import (
    Advance,
    ChooseCase,
    ChooseMethod,
    Command,
    Contribute,
    HandOver,
    PassLeervraag,
    Refusal,
    RuleContext,
    SubmitLeervraag,
    refuse,
)

if TYPE_CHECKING:
    from intervision.engine import MeetingState

__all__ = ["facilitator_not_inbrenger", "frame_steps", "group_size"]


def frame_steps(ctx: RuleContext) -> Refusal | None:
    """The frame's rule for this command, if the frame has one for its type.

    A lookup on ``type(command)``, not a chain of ``isinstance``: this runs on every
    advance, and ``isinstance`` against a pydantic model that does not match goes
    through ``ABCMeta`` (the engine accepts the command classes only, no subclass).
    """
    check = _FRAME_CHECKS.get(type(ctx.command))
    return None if check is None else check(ctx.state, ctx.command)


def _one_leervraag_each(state: MeetingState, command: Command) -> Refusal | None:
    if command.by in state.passed or any(lv.by == command.by for lv in state.leervragen.values()):
        return refuse(
            "one_leervraag_each",
            "Ieder brengt één leervraag in of past; jij deed dat al.",
            "Each member brings one leervraag or passes; you already did.",
        )
    return None


def _everyone_heard(state: MeetingState, command: Command) -> Refusal | None:
    if state.frame == "leervragen":
        done = set(state.passed) | {lv.by for lv in state.leervragen.values()}
        waiting = [p for p in state.present if p not in done]
        if waiting:  # counted, never named: a refusal may end up in a log
            return refuse(
                "leervragen_complete",
                "Nog geen leervraag of pas van {count} van de aanwezigen.",
                "Still waiting for a leervraag or a pass from {count} of those present.",
                count=len(waiting),
            )
        if not state.leervragen and state.purpose == "regular":
            return refuse(
                "leervragen_complete",
                "Niemand bracht een leervraag in; sluit de bijeenkomst met een reden.",
                "Nobody brought a leervraag; close the meeting with a reason.",
            )
    if state.frame == "learning_goals":
        written = {c.author for c in state.step_contributions()}
        waiting = [
            state.members[p].name
            for p in state.present
            if p not in written and not state.members[p].external
        ]
        if waiting:
            return refuse(
                "learning_goals_complete",
                "Ieder schrijft een persoonlijk leerdoel; nog niet: {names}.",
                "Every member writes a personal learning goal; not yet: {names}.",
                names=", ".join(waiting),
            )
    if state.frame == "recognitions":
        shared = {c.author for c in state.step_contributions()}
        waiting = [p for p in state.present if p not in shared]
        if waiting:
            return refuse(
                "recognitions_complete",
                "Ieder deelt een herkenning; {count} van de aanwezigen nog niet.",
                "Every member shares a recognition; {count} of those present have not yet.",
                count=len(waiting),
            )
    return None


def _told_at_the_opening(state: MeetingState, command: Contribute) -> Refusal | None:
    """How an earlier commitment went is told at the opening, where the group looks back."""
    if command.commitment is not None and state.frame != "opening":
        return refuse(
            "look_back",
            "Hoe een voornemen ging, vertel je bij de opening, als de groep terugblikt.",
            "How a commitment went is told at the opening, when the group looks back.",
        )
    return None


def _hand_over(state: MeetingState, command: HandOver) -> Refusal | None:
    if command.to not in state.present or command.to == state.facilitator:
        return refuse(
            "hand_over",
            "Geef de begeleiding aan iemand anders die er vandaag is.",
            "Hand the facilitation to someone else who is here today.",
        )
    return None


def _inbrenger_agrees(state: MeetingState, command: ChooseMethod) -> Refusal | None:
    if not command.inbrenger_agrees:
        return refuse(
            "inbrenger_agrees",
            "De methode wordt altijd met de inbrenger afgestemd; de inbrenger stemt niet in.",
            "The method is always agreed with the inbrenger; the inbrenger does not agree.",
        )
    return None


def _case_choice(state: MeetingState, command: ChooseCase) -> Refusal | None:
    mine = [lv for lv in state.leervragen.values() if lv.by == command.inbrenger]
    if not mine:
        return refuse(
            "case_choice",
            "Deze persoon bracht geen leervraag in.",
            "This person brought no leervraag.",
        )
    if any(case.inbrenger == command.inbrenger for case in state.cases):
        return refuse(
            "case_choice",
            "Deze leervraag is vandaag al besproken.",
            "This leervraag has already been discussed today.",
        )
    if not command.consent:
        return refuse(
            "inbrenger_consents",
            "De gekozen inbrenger moet ermee instemmen dat de casus besproken wordt.",
            "The chosen inbrenger must agree to the case being discussed.",
        )
    return None


#: The frame's check per command type (the ``commands`` of the "frame" rule kind).
_FRAME_CHECKS: dict[type[Any], Callable[[MeetingState, Any], Refusal | None]] = {
    SubmitLeervraag: _one_leervraag_each,
    PassLeervraag: _one_leervraag_each,
    Advance: _everyone_heard,
    ChooseCase: _case_choice,
    HandOver: _hand_over,
    ChooseMethod: _inbrenger_agrees,
    Contribute: _told_at_the_opening,
}


def group_size(ctx: RuleContext) -> Refusal | None:
    if type(ctx.command) is not ChooseMethod or ctx.method is None:
        return None
    fit = ctx.method.fit
    group = [p for p in ctx.state.present if not ctx.state.members[p].external]
    if fit.group_min <= len(group) <= fit.group_max:
        return None
    return refuse(
        "group_size",
        "Deze methode is voor groepen van {lo} tot {hi}; vandaag zijn jullie met {n}.",
        "This method is for groups of {lo} to {hi}; today there are {n} of you.",
        lo=fit.group_min,
        hi=fit.group_max,
        n=len(group),
    )


def facilitator_not_inbrenger(ctx: RuleContext) -> Refusal | None:
    """Whoever facilitates does not bring the case, in every method that does not say
    otherwise (``MethodSpec.facilitator_may_bring_case``): the facilitation is handed
    over first, before the method starts."""
    if type(ctx.command) is not ChooseMethod or ctx.method is None:
        return None
    if ctx.state.facilitator not in ctx.state.inbrengers:
        return None
    if ctx.method.facilitator_may_bring_case is not None:
        return None
    return refuse(
        "facilitator_not_inbrenger",
        "Wie begeleidt, brengt zelf geen casus in: geef de begeleiding eerst aan iemand "
        "anders die er is (overdragen), dan kiest die met jou de methode.",
        "Whoever facilitates does not bring the case: hand the facilitation to someone "
        "else who is here first (hand over), who then chooses the method with you.",
    )
