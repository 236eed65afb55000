"""Wise Crowds (Liberating Structures), as liberatingstructures-uncovered.com times it.

methods.md ships the source's timing: 2 minutes to present, 3 to ask, 8 for the
consultants while the client is turned away, 2 for the client's feedback; 15 minutes
per client. The point of the structure is that everyone gets the same time to ask for
help, so the method runs once per member present (``rounds="per_member"``), each in
turn as inbrenger. What keeps the help useful is that the consultants talk about the
challenge among themselves while the client only hears it: the inbrenger is away
then, and may not steer the ideas with a word or a face. The facilitator is a member
like the others here and has a round as client too. Each round ends with what the
client takes away, which the next meeting looks back on.

Version 1.1 (that take-away) keeps every phase of 1.0, so a meeting started with 1.0
resumes under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["WISE_CROWDS", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="present",
        title=Text(nl="Vraag om hulp", en="Asking for help"),
        minutes=2,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger twee minuten. Let erop dat de vraag om hulp aan het "
                "eind duidelijk is: waar wil je hulp bij?",
                en="Give the inbrenger two minutes. Make sure the request for help is clear "
                "by the end: what do you want help with?",
            ),
            "inbrenger": Text(
                nl="Vertel in twee minuten wat je uitdaging is en waar je hulp bij wilt. "
                "Sluit af met je hulpvraag.",
                en="Tell in two minutes what your challenge is and what you want help with. "
                "End with your request for help.",
            ),
            "participant": Text(
                nl="Luister met volle aandacht en onderbreek niet. Je vragen komen zo.",
                en="Listen with full attention and don't interrupt. Your questions come next.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Verhelderende vragen", en="Clarifying questions"),
        minutes=3,
        inbrenger_mode="answers_briefly",
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Drie minuten voor verhelderende vragen. Grijp in als iemand al een tip "
                "of oplossing in een vraag verpakt.",
                en="Three minutes for clarifying questions. Step in when someone slips a tip "
                "or a solution into a question.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort. Uitleggen of verdedigen hoeft niet.",
                en="Answer the questions briefly. No need to explain or defend.",
            ),
            "participant": Text(
                nl="Stel alleen vragen die het beeld helderder maken; nog geen tips of "
                "oplossingen.",
                en="Ask only questions that make the picture clearer; no tips or solutions yet.",
            ),
        },
    ),
    PhaseSpec(
        id="consultation",
        title=Text(nl="De consultants aan het woord", en="The consultants talk"),
        minutes=8,
        inbrenger_mode="away",
        allowed={"participant": ("analysis", "advice")},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger de stoel om te draaien, met de rug naar de groep "
                "(online: camera en microfoon uit). Laat de groep acht minuten met elkaar "
                "praten over de uitdaging, niet tegen de inbrenger.",
                en="Ask the inbrenger to turn their chair around, back to the group (online: "
                "camera and microphone off). Let the group talk with each other about the "
                "challenge for eight minutes, not to the inbrenger.",
            ),
            "inbrenger": Text(
                nl="Draai je om (online: camera en microfoon uit) en luister alleen. Je "
                "reageert niet, ook niet met een blik; maak gerust aantekeningen.",
                en="Turn around (online: camera and microphone off) and just listen. Don't "
                "respond, not even with a look; do take notes.",
            ),
            "participant": Text(
                nl="Praat met elkaar over wat je hoorde: wat speelt er volgens jou, welke "
                "ideeën en adviezen heb je? Spreek over de inbrenger, niet tegen hem of haar.",
                en="Talk with each other about what you heard: what do you think is going "
                "on, which ideas and advice do you have? Talk about the inbrenger, not to them.",
            ),
        },
    ),
    PhaseSpec(
        id="feedback",
        title=Text(nl="Wat je meeneemt", en="What you take away"),
        minutes=2,
        allowed={"inbrenger": ("reaction",)},
        decision=DecisionSpec(
            id="taken_away",
            title=Text(nl="Wat de inbrenger meeneemt", en="What the inbrenger takes away"),
            selects_from=("advice",),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger zich weer omdraaien, vraag wat het waardevolst was en "
                "leg vast wat de inbrenger ermee gaat doen. Daarna is de volgende aan de "
                "beurt.",
                en="Have the inbrenger turn back, ask what was most valuable and record what "
                "they will do with it. Then it is the next member's turn.",
            ),
            "inbrenger": Text(
                nl="Draai je terug naar de groep en vertel in twee minuten wat voor jou het "
                "waardevolst was en wat je ermee gaat doen.",
                en="Turn back to the group and tell in two minutes what was most valuable to "
                "you and what you will do with it.",
            ),
            "participant": Text(
                nl="Luister naar wat de inbrenger meeneemt. Je hoeft niets toe te lichten of "
                "te verdedigen.",
                en="Listen to what the inbrenger takes away. No need to explain or defend "
                "anything.",
            ),
        },
    ),
)

WISE_CROWDS = MethodSpec(
    id="wise-crowds",
    version="1.1",
    title=Text(nl="Wise Crowds: de wijsheid van de groep", en="Wise Crowds"),
    summary=Text(
        nl="Iedereen krijgt om de beurt een kwartier hulp: je vraagt om hulp, krijgt een "
        "paar verhelderende vragen, en luistert met je rug naar de groep terwijl de "
        "anderen over je uitdaging praten. Daarna zeg je wat het waardevolst was.",
        en="Everyone in turn gets fifteen minutes of help: you ask for help, answer a few "
        "clarifying questions, and listen with your back to the group while the others "
        "talk about your challenge. Then you say what was most valuable.",
    ),
    sources=("https://liberatingstructures-uncovered.com/wise-crowds",),
    fit=Fit(group_min=4, group_max=7, leervraag_kinds=("advice",)),
    phases=_PHASES,
    rounds="per_member",
    facilitator_may_bring_case=Text(
        nl="Iedereen krijgt om de beurt hulp, wie begeleidt ook: de vaste tijden per stap "
        "houden de ronde, en de begeleider geeft de eigen beurt niet weg.",
        en="Everyone in turn gets help, whoever facilitates too: the fixed times per step "
        "keep the round, and the facilitator does not give up their own turn.",
    ),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [WISE_CROWDS, WISE_CROWDS.model_copy(update={"version": "1.0"})]
