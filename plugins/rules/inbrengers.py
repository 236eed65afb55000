"""Rule kinds for who brings the case: a pair bringing one case together, and the
group choosing whose example the case becomes inside the method.

Balint allows two members to bring one case; the Socratic dialogue and IMI let the
group choose the example (or incident) only after everyone has told theirs, so the
inbrenger named at the case choice may hand the case to another member there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervision.engine import (
    Advance,
    ChooseCase,
    ChooseInbrenger,
    ChooseMethod,
    Refusal,
    RuleContext,
    refuse,
)

if TYPE_CHECKING:  # listing the methods loads these rules; it needs no state model
    from intervision.engine import MeetingState

__all__ = ["choose_inbrenger", "inbrenger_pair"]


def _member_here(state: MeetingState, person: str) -> bool:
    return person in state.present and not state.members[person].external


def choose_inbrenger(ctx: RuleContext) -> Refusal | None:
    command, state, phase, method = ctx.command, ctx.state, ctx.phase, ctx.method
    if phase is None or not phase.inbrenger_chosen:
        return None
    if type(command) is Advance:
        if state.step_no in state.inbrenger_chosen:
            return None
        return refuse(
            "choose_inbrenger",
            "De groep kiest hier wiens voorbeeld het wordt; leg die keuze eerst vast.",
            "The group chooses here whose example it becomes; record that choice first.",
        )
    if type(command) is not ChooseInbrenger:
        return None
    chosen = command.inbrenger
    if not _member_here(state, chosen):
        return refuse(
            "choose_inbrenger",
            "Kies een lid van de groep dat er vandaag is.",
            "Choose a member of the group who is here today.",
        )
    if chosen == state.facilitator and (
        method is None or method.neutral_facilitator or method.facilitator_may_bring_case is None
    ):
        return refuse(
            "choose_inbrenger",
            "Wie het gesprek leidt, brengt zelf geen voorbeeld in; kies het voorbeeld van "
            "een ander lid.",
            "Whoever leads the conversation brings no example of their own; choose another "
            "member's example.",
        )
    if not command.consent:
        return refuse(
            "inbrenger_consents",
            "Wie gekozen wordt, moet ermee instemmen dat het eigen voorbeeld onderzocht wordt.",
            "The member chosen must agree to their own example being examined.",
        )
    return None


def inbrenger_pair(ctx: RuleContext) -> Refusal | None:
    command, state = ctx.command, ctx.state
    if type(command) is ChooseMethod:
        case = state.case
        if case is None or case.co_inbrenger is None or ctx.method is None:
            return None
        if ctx.method.inbrenger_pair:
            return None
        return refuse(
            "inbrenger_pair",
            "In deze methode brengt één lid de casus in; kies een methode waarin twee leden "
            "samen een casus inbrengen (zoals Balint), of kies de casus opnieuw.",
            "In this method one member brings the case; choose a method in which two members "
            "bring a case together (such as Balint), or choose the case again.",
        )
    if type(command) is not ChooseCase:
        return None
    had_a_case = {p for case in state.cases for p in case.inbrengers}
    if command.inbrenger in had_a_case:  # as the second of a pair (the frame checks the rest)
        return refuse(
            "inbrenger_pair",
            "Dit lid bracht vandaag al samen met een ander een casus in.",
            "This member already brought a case today, together with another.",
        )
    co = command.co_inbrenger
    if co is None:
        return None
    if co == command.inbrenger or not _member_here(state, co):
        return refuse(
            "inbrenger_pair",
            "Samen inbrengen doe je met een ander lid dat er vandaag is.",
            "A case is brought together with another member who is here today.",
        )
    if co in had_a_case:
        return refuse(
            "inbrenger_pair",
            "Dit lid bracht vandaag al een casus in.",
            "This member already brought a case today.",
        )
    return None
