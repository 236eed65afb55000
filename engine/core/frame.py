"""The meeting frame: the steps around every method, with what each role does.

Kept as data beside the method specs so the CLI, a host app and a report all show
the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .state import MeetingState
from .steps import FRAME
from .text import Text

if TYPE_CHECKING:
    from .registry import Registry

__all__ = ["FRAME", "FRAME_STEPS", "FrameStep", "frame_step"]


@dataclass(frozen=True)
class FrameStep:
    """A step of the frame with its title and what the facilitator says there."""

    id: str
    title: Text
    instructions: Text


FRAME_STEPS: dict[str, FrameStep] = {
    step.id: step
    for step in (
        FrameStep(
            "opening",
            Text(nl="Opening", en="Opening"),
            Text(
                nl="Wie is er? Herinner aan de afspraak: wat hier gezegd wordt, blijft in de "
                "groep. Spreek de rollen van vandaag af.",
                en="Who is here? Recall the agreement: what is said here stays in the group. "
                "Agree on today's roles.",
            ),
        ),
        FrameStep(
            "introduction",
            Text(nl="Kennismaking met intervisie", en="Introducing intervision"),
            Text(
                nl="Wat intervisie is: leren van elkaars vragen over het eigen werk, als "
                "gelijken, onder begeleiding van een vaste structuur. Hoe een bijeenkomst "
                "loopt, en welke methodes de groep gaat gebruiken. Vragen zijn welkom.",
                en="What intervision is: learning from each other's questions about your own "
                "work, as equals, guided by a fixed structure. How a meeting runs, and which "
                "methods the group will use. Questions are welcome.",
            ),
        ),
        FrameStep(
            "contract",
            Text(nl="Het contract", en="The contract"),
            Text(
                nl="Lees de afspraken samen door: vertrouwelijkheid, hoe casusmateriaal wordt "
                "ingebracht, aanwezigheid, werktijd en een ongestoorde plek, en wie begeleidt "
                "(vast of om de beurt). Ieder zegt waar hij of zij mee instemt of wat anders "
                "moet.",
                en="Go through the agreements together: confidentiality, how case material is "
                "brought in, attendance, working time and an undisturbed place, and who "
                "facilitates (one guide or in turn). Each member says what they agree to or "
                "what should change.",
            ),
        ),
        FrameStep(
            "learning_goals",
            Text(nl="Persoonlijke leerdoelen", en="Personal learning goals"),
            Text(
                nl="Ieder schrijft een persoonlijk leerdoel voor deze reeks: wat wil je in je "
                "eigen werk leren? Latere bijeenkomsten komen erop terug.",
                en="Each member writes a personal learning goal for this series: what do you "
                "want to learn in your own work? Later meetings come back to it.",
            ),
        ),
        FrameStep(
            "leervragen",
            Text(nl="Leervragen", en="Leervragen"),
            Text(
                nl="Ieder brengt een leervraag over het eigen handelen in (actueel, concreet, "
                "in de ik-vorm, hooguit drie zinnen) of past.",
                en="Each member brings a leervraag about their own acting as a professional "
                "(current, concrete, first person, at most three sentences) or passes.",
            ),
        ),
        FrameStep(
            "case_choice",
            Text(nl="Casuskeuze", en="Case choice"),
            Text(
                nl="De groep kiest welke leervraag besproken wordt; de inbrenger moet ermee "
                "instemmen.",
                en="The group chooses which leervraag to discuss; the inbrenger must agree.",
            ),
        ),
        FrameStep(
            "method_choice",
            Text(nl="Methodekeuze", en="Method choice"),
            Text(
                nl="Kies samen met de inbrenger een methode die past bij de leervraag.",
                en="Choose, with the inbrenger, a method that fits the leervraag.",
            ),
        ),
        FrameStep(
            "method",
            Text(nl="Methode", en="Method"),
            Text(nl="De fasen van de gekozen methode.", en="The phases of the chosen method."),
        ),
        FrameStep(
            "second_case",
            Text(nl="Tweede casus?", en="A second case?"),
            Text(
                nl="Is er tijd voor nog een leervraag? Kies dan een volgende casus, anders "
                "door naar de herkenningen.",
                en="Is there time for another leervraag? Then choose the next case; "
                "otherwise go on to recognitions.",
            ),
        ),
        FrameStep(
            "recognitions",
            Text(nl="Herkenningen", en="Recognitions"),
            Text(
                nl="Ieder deelt wat hij of zij herkende en leerde, ook wie geen casus inbracht.",
                en="Each member shares what they recognised and learned, including those "
                "whose leervraag was not discussed.",
            ),
        ),
        FrameStep(
            "evaluation",
            Text(nl="Evaluatie", en="Evaluation"),
            Text(
                nl="Hoe gingen de methode en de rollen? Welke thema's voor de volgende keer?",
                en="How did the method and the roles go? Themes for next time?",
            ),
        ),
        FrameStep(
            "closed",
            Text(nl="Afgesloten", en="Closed"),
            Text(nl="De bijeenkomst is afgesloten.", en="The meeting is closed."),
        ),
    )
}

assert tuple(FRAME_STEPS) == FRAME

#: The evaluation, where today's methods already evaluated themselves (``closes_with``).
_EVALUATION_HELD = Text(
    nl="De methode is in haar laatste fase al geëvalueerd; doe dat niet nog eens. Hoe "
    "gingen de rollen? Welke thema's voor de volgende keer?",
    en="The method was evaluated in its own last phase already; don't do it again. How "
    "did the roles go? Themes for next time?",
)
#: Added to the evaluation's instructions where the meeting holds a feedback round.
_FEEDBACK_ROUND = Text(
    nl="Daarna geeft ieder de anderen feedback op hoe zij vragen stelden en adviezen "
    "gaven; de bijeenkomst sluit als iedereen dat gedaan heeft.",
    en="Then each member gives the others feedback on how they asked questions and gave "
    "advice; the meeting closes once everyone has.",
)


def held_by_methods(state: MeetingState, registry: Registry, step: str) -> bool:
    """Whether every case today ran a method whose own last phases hold the frame's
    closing round ``step`` (``closes_with``): then the frame does not hold it again."""
    methods = [
        registry.method(c.method_id, c.method_version, c.variant)
        for c in state.cases
        if c.method_id is not None
    ]
    return bool(methods) and all(step in m.closes_with for m in methods)


def frame_step(state: MeetingState, registry: Registry) -> FrameStep:
    """The frame step the meeting is in, with what the facilitator says there today:
    the evaluation leaves out what the methods' own closing rounds held, and names the
    feedback round where the group holds one."""
    step = FRAME_STEPS[state.frame]
    if step.id != "evaluation":
        return step
    text = _EVALUATION_HELD if held_by_methods(state, registry, "evaluation") else step.instructions
    if state.feedback_round:
        text = Text(nl=f"{text.nl} {_FEEDBACK_ROUND.nl}", en=f"{text.en} {_FEEDBACK_ROUND.en}")
    return replace(step, instructions=text)
