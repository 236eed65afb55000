"""The incident method (Hendriksen), as the timed variant of fotoscholing.nl.

methods.md marks the fotoscholing.nl variant as the one to ship: five phases of 5, 15,
10, 10 and 10 minutes. The other sources (coachy.nl, Hendriksen's ten rounds as listed
by eenmeesterinleren.nl, me-we-elearning.com) are cited because they describe the same
method. Two of their variations ship as variants: written advice from every
participant, revealed together, and Hendriksen's "blind position", in which everyone
writes what they would have done before the inbrenger's actual action is revealed (the
second question round is not offered). What makes the method work is that the phases
keep asking, analysing and advising apart, and that the inbrenger is out of the room
while the group analyses, so the engine enforces exactly that.
"""

from __future__ import annotations

from typing import Any

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, VariantSpec, hookimpl

__all__ = ["INCIDENT", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="situation",
        title=Text(nl="Situatieschets", en="Sketching the situation"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
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
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
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
        allowed={"participant": ("analysis",)},
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
        allowed={"participant": ("advice",)},
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
        allowed={"inbrenger": ("reaction", "statement")},
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

#: Written advice: the advice round is written in silence, and revealed at once.
_WRITTEN_ADVICE: dict[str, dict[str, Any]] = {
    "advice": {
        "written_first": True,
        "everyone_contributes": True,
        "instructions": {
            "facilitator": Text(
                nl="Haal de inbrenger terug. Laat iedere deelnemer in stilte een advies "
                "opschrijven en maak de adviezen pas zichtbaar als iedereen er een heeft.",
                en="Bring the inbrenger back. Have each participant write down their advice "
                "in silence, and reveal the advice only once everyone has written one.",
            ),
            "inbrenger": Text(
                nl="Je wacht terwijl de deelnemers schrijven. Als de adviezen zichtbaar worden, "
                "lees je ze en maak je aantekeningen; reageer nog niet.",
                en="You wait while the participants write. When the advice is revealed, you "
                "read it and take notes; don't respond yet.",
            ),
            "participant": Text(
                nl="Schrijf je advies op zonder te overleggen: wat zou jij doen in deze "
                "situatie? Niemand ziet het voordat alle adviezen tegelijk zichtbaar worden.",
                en="Write down your advice without conferring: what would you do in this "
                "situation? Nobody sees it until all the advice is revealed together.",
            ),
        },
    },
}

#: Blind position: the incident is told up to the moment of action, and the advice
#: draws on the comparison of what was done with what everyone would have done...
_BLIND_CHANGES: dict[str, dict[str, Any]] = {
    "situation": {
        "instructions": {
            "facilitator": Text(
                nl="Laat de inbrenger het incident vertellen tot het moment waarop hij of "
                "zij moest handelen. Let erop dat nog niet verteld wordt wat er gedaan is.",
                en="Have the inbrenger tell the incident up to the moment they had to act. "
                "Make sure nobody hears yet what was actually done.",
            ),
            "inbrenger": Text(
                nl="Vertel kort wat er gebeurde, tot het moment waarop je moest handelen. "
                "Stop daar: wat je toen deed, vertel je nog niet.",
                en="Tell briefly what happened, up to the moment you had to act. Stop "
                "there: don't tell yet what you did.",
            ),
            "participant": Text(
                nl="Luister en onderbreek niet. Stel je voor dat jij op dat moment moest handelen.",
                en="Listen without interrupting. Imagine that you had to act at that moment.",
            ),
        },
    },
    "questions": {
        "instructions": {
            "facilitator": Text(
                nl="Laat alleen informatieve vragen toe over de situatie tot het moment van "
                "handelen. Grijp in als een vraag of antwoord verraadt wat er gedaan is.",
                en="Allow informative questions only, about the situation up to the moment "
                "of action. Step in if a question or answer gives away what was done.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort en feitelijk, maar verklap niet wat je op het "
                "moment van handelen deed.",
                en="Answer the questions briefly and factually, but don't give away what "
                "you did at the moment of action.",
            ),
            "participant": Text(
                nl="Stel informatieve vragen over de situatie tot het moment van handelen. "
                "Vraag niet wat de inbrenger deed; geen adviezen of oordelen.",
                en="Ask informative questions about the situation up to the moment of "
                "action. Don't ask what the inbrenger did; no advice or judgements.",
            ),
        },
    },
    "advice": {
        "instructions": {
            "facilitator": Text(
                nl="Geef iedere deelnemer om de beurt het woord voor een advies, met wat de "
                "vergelijking heeft opgeleverd. Zorg dat er geen discussie ontstaat.",
                en="Give each participant a turn to give advice, drawing on what the "
                "comparison brought up. Make sure no discussion starts.",
            ),
        },
    },
}

#: ... which happens in the phases it adds.
_BLIND_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="actual",
        title=Text(nl="Wat er echt gebeurde", en="What was actually done"),
        minutes=3,
        hidden_until="compare",
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger opschrijven wat hij of zij werkelijk deed. Het blijft "
                "verborgen voor de groep tot de vergelijking.",
                en="Have the inbrenger write down what they actually did. It stays hidden "
                "from the group until the comparison.",
            ),
            "inbrenger": Text(
                nl="Schrijf op wat je op dat moment werkelijk deed. De groep ziet het pas "
                "bij de vergelijking.",
                en="Write down what you actually did at that moment. The group sees it only "
                "at the comparison.",
            ),
            "participant": Text(
                nl="Wacht even terwijl de inbrenger schrijft. Bedenk alvast wat jij zou "
                "hebben gedaan.",
                en="Wait while the inbrenger writes. Start thinking about what you would "
                "have done.",
            ),
        },
    ),
    PhaseSpec(
        id="positions",
        title=Text(nl="Standpunt bepalen", en="Taking a position"),
        minutes=7,
        inbrenger_mode="listens",
        written_first=True,
        everyone_contributes=True,
        allowed={"participant": ("position",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer opschrijven wat hij of zij op dat moment zou "
                "hebben gedaan, zonder overleg. Ga pas verder als iedereen een standpunt "
                "heeft; maak ze daarna tegelijk zichtbaar.",
                en="Have each participant write down what they would have done at that "
                "moment, without conferring. Move on only once everyone has a position; "
                "then reveal them together.",
            ),
            "inbrenger": Text(
                nl="Je wacht terwijl de deelnemers hun standpunt opschrijven. Reageer niet "
                "als ze zichtbaar worden.",
                en="You wait while the participants write their positions. Don't respond "
                "when they are revealed.",
            ),
            "participant": Text(
                nl="Schrijf op wat jij op dat moment zou hebben gedaan, en waarom. Kies "
                "echt een standpunt; 'het hangt ervan af' telt niet.",
                en="Write down what you would have done at that moment, and why. Really "
                "take a position; 'it depends' doesn't count.",
            ),
        },
    ),
    PhaseSpec(
        id="compare",
        title=Text(nl="Vergelijken", en="Comparing"),
        minutes=15,
        allowed={"inbrenger": ("statement", "reaction"), "participant": ("analysis", "question")},
        instructions={
            "facilitator": Text(
                nl="Maak zichtbaar wat de inbrenger werkelijk deed en laat de groep het "
                "vergelijken met de standpunten: waar lijken ze op elkaar, waar verschillen "
                "ze, en waarom?",
                en="Reveal what the inbrenger actually did and have the group compare it "
                "with the positions: where are they alike, where do they differ, and why?",
            ),
            "inbrenger": Text(
                nl="Vertel wat je werkelijk deed en wat daarbij meewoog. Reageer op de "
                "standpunten die anders zijn dan jouw aanpak.",
                en="Tell what you actually did and what weighed with you. Respond to the "
                "positions that differ from what you did.",
            ),
            "participant": Text(
                nl="Vergelijk je standpunt met wat de inbrenger deed: wat valt op, waar "
                "zitten de verschillen? Vraag door, maar oordeel niet.",
                en="Compare your position with what the inbrenger did: what stands out, "
                "where are the differences? Ask further, but don't judge.",
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
    fit=Fit(group_min=4, leervraag_kinds=("incident", "advice")),
    phases=_PHASES,
    variants=(
        VariantSpec(
            id="written-advice",
            title=Text(nl="Schriftelijke adviezen", en="Written advice"),
            summary=Text(
                nl="Zoals de incidentmethode, maar in de adviesronde schrijft iedere "
                "deelnemer eerst een eigen advies op; de adviezen worden tegelijk zichtbaar.",
                en="As the incident method, but in the advice round every participant first "
                "writes their own advice; the advice is revealed all at once.",
            ),
            change=_WRITTEN_ADVICE,
        ),
        VariantSpec(
            id="blind-position",
            title=Text(nl="Blinde standpuntbepaling", en="Blind position"),
            summary=Text(
                nl="De inbrenger vertelt het incident tot het moment van handelen en schrijft "
                "verborgen op wat er werkelijk gedaan is. Iedere deelnemer schrijft op wat "
                "hij of zij zou hebben gedaan; daarna worden beide vergeleken, volgen de "
                "adviezen en kiest de inbrenger.",
                en="The inbrenger tells the incident up to the moment of action and writes "
                "down, hidden, what was actually done. Every participant writes what they "
                "would have done; then the two are compared, advice follows and the "
                "inbrenger chooses.",
            ),
            sources=("https://eenmeesterinleren.nl/de-incidentmethode",),
            change=_BLIND_CHANGES,
            add=_BLIND_PHASES,
            order=("situation", "questions", "actual", "positions", "compare", "advice", "choice"),
        ),
    ),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    return [INCIDENT]
