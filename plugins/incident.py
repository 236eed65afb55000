"""The incident method (Hendriksen), as the timed variant of fotoscholing.nl.

methods.md marks the fotoscholing.nl variant as the one to ship: five phases of 5, 15,
10, 10 and 10 minutes. The other sources (coachy.nl, Hendriksen's ten rounds as listed
by eenmeesterinleren.nl, me-we-elearning.com) are cited because they describe the same
method; their variations (written advice from everyone, a second question round, the
"blind position") are not part of this spec. What makes the method work is that the
phases keep asking, analysing and advising apart, and that the inbrenger is out of the
room while the group analyses, so the engine enforces exactly that.
"""

from __future__ import annotations

from intervision.engine.hookspecs import hookimpl
from intervision.engine.specs import DecisionSpec, Fit, MethodSpec, PhaseSpec
from intervision.engine.text import Text

__all__ = ["INCIDENT", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="situation",
        title=Text(nl="Situatieschets", en="Sketching the situation"),
        minutes=5,
        inbrenger_mode="speaks",
        allowed={"inbrenger": ("statement",), "facilitator": ("note",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger het woord en let erop dat het bij de kern van het "
                "incident blijft. Houd de vijf minuten in de gaten.",
                en="Give the inbrenger the floor and keep it to the core of the incident. "
                "Keep an eye on the five minutes.",
            ),
            "inbrenger": Text(
                nl="Vertel kort wat er gebeurde: de situatie, wie erbij waren en wat jij "
                "deed. Alleen de kern; de details komen bij de vragen wel.",
                en="Tell briefly what happened: the situation, who was involved and what "
                "you did. Just the core; the details come up in the questions.",
            ),
            "participant": Text(
                nl="Luister en onderbreek niet. Schrijf vragen die opkomen alvast voor jezelf op.",
                en="Listen without interrupting. Jot down any questions that come up, for later.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Informatieve vragen", en="Informative questions"),
        minutes=15,
        inbrenger_mode="answers_briefly",
        allowed={
            "participant": ("question",),
            "inbrenger": ("reaction",),
            "facilitator": ("note",),
        },
        instructions={
            "facilitator": Text(
                nl="Let erop dat er alleen informatieve vragen gesteld worden. Grijp in "
                "bij adviezen, oordelen of interpretaties, ook als ze als vraag verpakt zijn.",
                en="Make sure only informative questions are asked. Step in at advice, "
                "judgements or interpretations, even when they are dressed up as questions.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort en feitelijk. Je hoeft nog niets uit te "
                "leggen of te verdedigen.",
                en="Answer the questions briefly and factually. You don't need to explain "
                "or defend anything yet.",
            ),
            "participant": Text(
                nl="Stel alleen informatieve vragen; geen adviezen, oordelen of "
                "interpretaties. Vraag door tot je het incident helder voor je ziet.",
                en="Ask informative questions only; no advice, judgements or "
                "interpretations. Keep asking until you have a clear picture of the incident.",
            ),
        },
    ),
    PhaseSpec(
        id="analysis",
        title=Text(nl="Analyse", en="Analysis"),
        minutes=10,
        inbrenger_mode="away",
        allowed={"participant": ("analysis",), "facilitator": ("note",)},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger even de ruimte te verlaten (online: camera en "
                "microfoon uit). Laat de groep oorzaken en factoren benoemen, ook het "
                "aandeel van de inbrenger zelf; nog geen adviezen.",
                en="Ask the inbrenger to step out for a while (online: camera and "
                "microphone off). Have the group name causes and factors, including the "
                "inbrenger's own part; no advice yet.",
            ),
            "inbrenger": Text(
                nl="Je bent even weg (online: camera en microfoon uit). De groep praat "
                "zonder jou over het incident.",
                en="You step out for a while (online: camera and microphone off). The "
                "group talks about the incident without you.",
            ),
            "participant": Text(
                nl="Wat speelt hier? Benoem mogelijke oorzaken en factoren, ook wat de "
                "inbrenger er zelf aan bijdraagt. Adviezen bewaar je voor de volgende ronde.",
                en="What is going on here? Name possible causes and factors, including "
                "the inbrenger's own part. Save advice for the next round.",
            ),
        },
    ),
    PhaseSpec(
        id="advice",
        title=Text(nl="Adviesronde", en="Advice round"),
        minutes=10,
        inbrenger_mode="listens",
        allowed={"participant": ("advice",), "facilitator": ("note",)},
        instructions={
            "facilitator": Text(
                nl="Haal de inbrenger terug. Geef iedere deelnemer om de beurt het woord "
                "voor een advies en zorg dat er geen discussie ontstaat.",
                en="Bring the inbrenger back. Give each participant a turn to give "
                "advice, and make sure no discussion starts.",
            ),
            "inbrenger": Text(
                nl="Je luistert en mag aantekeningen maken. Reageer nog niet, ook niet als "
                "je het ergens niet mee eens bent.",
                en="You listen and may take notes. Don't respond yet, not even where you disagree.",
            ),
            "participant": Text(
                nl="Geef om de beurt je advies: wat zou jij doen in deze situatie? Houd "
                "het concreet en kort.",
                en="Take turns to give your advice: what would you do in this situation? "
                "Keep it concrete and short.",
            ),
        },
    ),
    PhaseSpec(
        id="choice",
        title=Text(nl="Keuze en vervolg", en="Choice and follow-up"),
        minutes=10,
        inbrenger_mode="speaks",
        allowed={"inbrenger": ("reaction", "statement"), "facilitator": ("note",)},
        decision=DecisionSpec(
            id="usable_advice",
            title=Text(
                nl="Bruikbare adviezen en hoe je ze toepast",
                en="Usable advice and how it will be applied",
            ),
            selects_from=("advice",),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger welke adviezen bruikbaar zijn en wat er concreet "
                "mee gaat gebeuren. Leg die afspraak vast: volgende keer kijken jullie "
                "erop terug.",
                en="Ask the inbrenger which advice is usable and what will concretely be "
                "done with it. Record that commitment: you look back on it at the next "
                "meeting.",
            ),
            "inbrenger": Text(
                nl="Jij kiest welke adviezen bruikbaar zijn en vertelt hoe je ze gaat "
                "toepassen. Wat je toezegt, komt de volgende keer terug.",
                en="You choose which advice is usable and say how you will apply it. "
                "What you commit to comes back at the next meeting.",
            ),
            "participant": Text(
                nl="Luister naar de keuze van de inbrenger. Je hoeft je advies niet te "
                "verdedigen of nog eens toe te lichten.",
                en="Listen to the inbrenger's choice. There is no need to defend or "
                "explain your advice again.",
            ),
        },
    ),
)

INCIDENT = MethodSpec(
    id="incident",
    version="1.0",
    title=Text(nl="Incidentmethode", en="Incident method"),
    summary=Text(
        nl="De inbrenger schetst kort een concreet incident uit het eigen werk. De groep "
        "stelt alleen informatieve vragen, analyseert zonder de inbrenger erbij en geeft "
        "daarna adviezen; de inbrenger kiest wat bruikbaar is.",
        en="The inbrenger briefly sketches a concrete incident from their own work. The "
        "group asks informative questions only, analyses the incident while the "
        "inbrenger is away, then gives advice; the inbrenger chooses what is usable.",
    ),
    sources=(
        "https://fotoscholing.nl/index.php/incidentmethode/",
        "https://coachy.nl/intervisiemethodieken/",
        "https://eenmeesterinleren.nl/de-incidentmethode",
        "https://me-we-elearning.com/les/incidentmethode-copy/",
    ),
    fit=Fit(
        group_min=4,
        group_max=8,
        minutes=sum(phase.minutes for phase in _PHASES),
        leervraag_kinds=("incident", "advice"),
    ),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    return [INCIDENT]
