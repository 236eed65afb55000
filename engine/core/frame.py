"""The meeting frame: the steps around every method, with what each role does.

Kept as data beside the method specs so the CLI, a host app and a report all show
the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .state import FRAME
from .text import Text

__all__ = ["FRAME", "FRAME_STEPS", "FrameStep"]


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
