"""The reflection cycle (Korthagen, ALACT), as an intervision procedure of our own.

Korthagen's model (explained on toolshero.nl) is a cycle for one person reflecting on
their own action: action, looking back, awareness of essential aspects, alternatives,
trial. No source describes it as a group procedure, so this method is marked
``derived``: our design on top of the published model, citing the model as context.
The group helps the inbrenger through the cycle: questions while looking back (what
did I and the other want, do, think, feel), a round of core formulations, then
alternatives from which the inbrenger chooses. The trial is the inbrenger's
commitment, and the next meeting's look-back is the start of the next cycle, which
is where the model says a new round begins.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["REFLECTION", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="action",
        title=Text(nl="Handelen: de casus", en="Action: the case"),
        minutes=10,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger een concrete situatie vertellen waarin hij of zij zelf "
                "handelde. Vraag wat het doel was.",
                en="Have the inbrenger tell a concrete situation in which they acted "
                "themselves. Ask what the aim was.",
            ),
            "inbrenger": Text(
                nl="Vertel een concrete situatie waarin jij handelde: wat wilde je bereiken "
                "en wat deed je?",
                en="Tell a concrete situation in which you acted: what did you want to "
                "achieve and what did you do?",
            ),
            "participant": Text(
                nl="Luister naar de situatie. Je vragen komen in de volgende stap.",
                en="Listen to the situation. Your questions come in the next step.",
            ),
        },
    ),
    PhaseSpec(
        id="looking_back",
        title=Text(nl="Terugblikken", en="Looking back"),
        minutes=15,
        allowed={
            "participant": ("open_question",),
            "inbrenger": ("reaction", "statement"),
            "facilitator": ("open_question", "note"),
        },
        instructions={
            "facilitator": Text(
                nl="Zorg dat de vragen alle kanten van het moment langsgaan: wat wilde, "
                "deed, dacht en voelde de inbrenger, en wat de ander? Nog geen oordeel.",
                en="Make sure the questions cover every side of the moment: what did the "
                "inbrenger want, do, think and feel, and what did the other? No judgement "
                "yet.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen: wat wilde, deed, dacht en voelde jij, en wat denk "
                "je dat de ander wilde, deed, dacht en voelde?",
                en="Answer the questions: what did you want, do, think and feel, and what do "
                "you think the other wanted, did, thought and felt?",
            ),
            "participant": Text(
                nl="Stel open vragen naar willen, doen, denken en voelen, van de inbrenger "
                "en van de ander. Geen adviezen.",
                en="Ask open questions about wanting, doing, thinking and feeling, of the "
                "inbrenger and of the other. No advice.",
            ),
        },
    ),
    PhaseSpec(
        id="awareness",
        title=Text(nl="Bewustwording: de kern", en="Awareness of essential aspects"),
        minutes=10,
        allowed={"participant": ("statement",), "inbrenger": ("statement", "reaction")},
        everyone_contributes=True,
        instructions={
            "facilitator": Text(
                nl="Doe een rondje: ieder formuleert in één zin wat volgens hem of haar de "
                "kern is. Vraag de inbrenger daarna wat de kern voor hem of haar is.",
                en="Go round: everyone puts in one sentence what they think the core is. "
                "Then ask the inbrenger what the core is for them.",
            ),
            "inbrenger": Text(
                nl="Luister naar de formuleringen en zeg daarna in je eigen woorden wat voor "
                "jou de kern is.",
                en="Listen to the wordings and then say in your own words what the core is "
                "for you.",
            ),
            "participant": Text(
                nl="Formuleer in één zin wat volgens jou de kern is: hoe hangt wat je hoorde "
                "samen?",
                en="Put in one sentence what you think the core is: how does what you heard "
                "hang together?",
            ),
        },
    ),
    PhaseSpec(
        id="alternatives",
        title=Text(nl="Alternatieven", en="Alternatives"),
        minutes=15,
        allowed={"participant": ("advice",), "inbrenger": ("advice", "reaction")},
        decision=DecisionSpec(
            id="chosen_alternative",
            title=Text(nl="Het alternatief dat je kiest", en="The alternative you choose"),
            selects_from=("advice",),
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de groep en de inbrenger alternatieven bedenken, met voor- en "
                "nadelen. De inbrenger kiest er daarna een.",
                en="Have the group and the inbrenger come up with alternatives, with pros "
                "and cons. Then the inbrenger chooses one.",
            ),
            "inbrenger": Text(
                nl="Bedenk mee welke andere manieren er zijn, en kies het alternatief dat "
                "bij jou en de kern past.",
                en="Think along about other ways, and choose the alternative that fits you "
                "and the core.",
            ),
            "participant": Text(
                nl="Stel alternatieven voor die bij de kern passen. De inbrenger kiest; je "
                "hoeft niet te overtuigen.",
                en="Propose alternatives that fit the core. The inbrenger chooses; you don't "
                "need to convince.",
            ),
        },
    ),
    PhaseSpec(
        id="trial",
        title=Text(nl="Uitproberen", en="Trial"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        decision=DecisionSpec(
            id="trial",
            title=Text(nl="Wat je gaat uitproberen", en="What you will try"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger wat hij of zij concreet gaat uitproberen, en wanneer. "
                "Leg het vast: volgende keer kijken jullie erop terug.",
                en="Ask the inbrenger what they will concretely try, and when. Record it: "
                "you look back on it at the next meeting.",
            ),
            "inbrenger": Text(
                nl="Zeg concreet wat je gaat uitproberen en wanneer. Volgende keer vertel je "
                "hoe het ging.",
                en="Say concretely what you will try and when. Next time you tell how it went.",
            ),
            "participant": Text(
                nl="Luister naar het voornemen van de inbrenger. Volgende keer vraag je hoe "
                "het ging.",
                en="Listen to the inbrenger's intention. Next time you ask how it went.",
            ),
        },
    ),
)

REFLECTION = MethodSpec(
    id="reflection",
    version="1.0",
    title=Text(nl="Reflectiecyclus (Korthagen)", en="Reflection cycle (Korthagen, ALACT)"),
    summary=Text(
        nl="De groep helpt de inbrenger de reflectiecyclus van Korthagen te doorlopen: "
        "terugblikken op een concrete situatie, de kern ervan zien, alternatieven bedenken "
        "en er een kiezen om uit te proberen. Volgende keer kijken jullie terug.",
        en="The group helps the inbrenger through Korthagen's reflection cycle: looking "
        "back on a concrete situation, seeing its core, finding alternatives and choosing "
        "one to try. Next time you look back.",
    ),
    sources=("https://www.toolshero.nl/persoonlijke-ontwikkeling/reflectiemodel-van-korthagen/",),
    derived=True,
    fit=Fit(leervraag_kinds=("incident", "pattern")),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    return [REFLECTION]
