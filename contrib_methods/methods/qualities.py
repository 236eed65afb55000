"""The seven-step model on qualities (Ofman's core quadrant), as teamchange.nl gives it.

The model behind it is Ofman's core quadrant: a core quality, its pitfall (too much
of it), the challenge (the positive opposite of the pitfall) and the allergy. The
seven steps of teamchange.nl: situation and question, two clarifying questions each
and no advice, the inbrenger answers without discussion, a round on the quality the
inbrenger used, a written round "your challenge is …", the inbrenger names their own
challenge, and a round on what each takes away. The challenges are written first so
that no one echoes the first one said; they are revealed together. The challenge the
inbrenger names for themselves is their commitment, which the next meeting looks back
on; the last round, what each takes away, is the frame's recognitions round, so the
frame does not hold it again (``closes_with``). The minutes are our split of the
source's hour.

Version 1.1 (the inbrenger's challenge kept, the recognitions not repeated) keeps every
phase of 1.0, so a meeting started with 1.0 resumes under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["QUALITIES", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="situation",
        title=Text(nl="Situatie en vraag", en="Situation and question"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de situatie schetsen en eindigen met een vraag. Houd "
                "het bij vijf minuten.",
                en="Have the inbrenger sketch the situation and end with a question. Keep "
                "it to five minutes.",
            ),
            "inbrenger": Text(
                nl="Schets de situatie kort en sluit af met je vraag.",
                en="Sketch the situation briefly and end with your question.",
            ),
            "participant": Text(
                nl="Luister en bedenk welke twee vragen je het meest zou helpen het te begrijpen.",
                en="Listen and think of the two questions that would help you most to "
                "understand it.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Twee verhelderende vragen", en="Two clarifying questions"),
        minutes=10,
        inbrenger_mode="listens",
        allowed={"participant": ("question",)},
        quotas={"question": 2},
        instructions={
            "facilitator": Text(
                nl="Iedereen stelt hooguit twee verhelderende vragen; de inbrenger "
                "antwoordt straks. Grijp in bij adviezen in vraagvorm.",
                en="Everyone asks at most two clarifying questions; the inbrenger answers "
                "afterwards. Step in at advice dressed up as a question.",
            ),
            "inbrenger": Text(
                nl="Luister naar de vragen en schrijf ze op. Je beantwoordt ze in de "
                "volgende stap.",
                en="Listen to the questions and write them down. You answer them in the next step.",
            ),
            "participant": Text(
                nl="Stel hooguit twee verhelderende vragen. Geen adviezen.",
                en="Ask at most two clarifying questions. No advice.",
            ),
        },
    ),
    PhaseSpec(
        id="answers",
        title=Text(nl="Antwoorden", en="Answers"),
        minutes=10,
        allowed={"inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de vragen beantwoorden. Er volgt geen discussie.",
                en="Let the inbrenger answer the questions. No discussion follows.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen die gesteld zijn, een voor een.",
                en="Answer the questions that were asked, one by one.",
            ),
            "participant": Text(
                nl="Luister naar de antwoorden zonder door te vragen of te discussiëren.",
                en="Listen to the answers without asking on or discussing.",
            ),
        },
    ),
    PhaseSpec(
        id="quality",
        title=Text(nl="Welke kwaliteit zag je?", en="Which quality did you see?"),
        minutes=10,
        inbrenger_mode="listens",
        allowed={"participant": ("statement",)},
        everyone_contributes=True,
        instructions={
            "facilitator": Text(
                nl="Doe een rondje: welke kwaliteit heeft de inbrenger in deze situatie "
                "ingezet? Iedereen zegt er iets over.",
                en="Go round: which quality did the inbrenger use in this situation? "
                "Everyone says something.",
            ),
            "inbrenger": Text(
                nl="Luister welke kwaliteiten de anderen in jouw handelen zien. Je hoeft "
                "niet te reageren.",
                en="Listen to which qualities the others see in what you did. You don't need "
                "to respond.",
            ),
            "participant": Text(
                nl="Noem de kwaliteit die de inbrenger hier volgens jou inzette, met het "
                "moment waarop je die zag.",
                en="Name the quality you think the inbrenger used here, with the moment you "
                "saw it.",
            ),
        },
    ),
    PhaseSpec(
        id="challenge",
        title=Text(nl="Jouw uitdaging is …", en="Your challenge is …"),
        minutes=10,
        inbrenger_mode="listens",
        allowed={"participant": ("statement",)},
        written_first=True,
        everyone_contributes=True,
        instructions={
            "facilitator": Text(
                nl="Laat iedereen eerst voor zichzelf opschrijven: 'Jouw uitdaging is …'. "
                "Onthul alles tegelijk en laat het daarna een voor een voorlezen.",
                en="Have everyone first write down on their own: 'Your challenge is …'. "
                "Reveal everything at once and then have it read out one by one.",
            ),
            "inbrenger": Text(
                nl="Luister naar de uitdagingen die de anderen voor je zien. Reageer nog "
                "niet; straks noem je je eigen uitdaging.",
                en="Listen to the challenges the others see for you. Don't respond yet; "
                "next you name your own challenge.",
            ),
            "participant": Text(
                nl="Schrijf één zin op: 'Jouw uitdaging is …'. Denk aan de valkuil van de "
                "kwaliteit die je zag, en wat daar het positieve tegendeel van is.",
                en="Write down one sentence: 'Your challenge is …'. Think of the pitfall of "
                "the quality you saw, and what its positive opposite is.",
            ),
        },
    ),
    PhaseSpec(
        id="own_challenge",
        title=Text(nl="Je eigen uitdaging", en="Your own challenge"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        decision=DecisionSpec(
            id="own_challenge",
            title=Text(nl="De uitdaging die de inbrenger aangaat", en="The challenge taken on"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger welke uitdaging hij of zij zelf ziet, in eigen "
                "woorden, en leg die vast: daar kijken jullie volgende keer op terug.",
                en="Ask the inbrenger which challenge they see for themselves, in their own "
                "words, and record it: you look back on it next time.",
            ),
            "inbrenger": Text(
                nl="Noem je eigen uitdaging, in je eigen woorden. Je mag een formulering van "
                "een ander overnemen of aanpassen.",
                en="Name your own challenge, in your own words. You may take over or adapt "
                "someone else's wording.",
            ),
            "participant": Text(
                nl="Luister welke uitdaging de inbrenger voor zichzelf kiest, ook als die "
                "anders is dan de jouwe.",
                en="Listen to which challenge the inbrenger chooses, even if it differs from "
                "yours.",
            ),
        },
    ),
    PhaseSpec(
        id="takeaway",
        title=Text(nl="Wat neem je mee?", en="What do you take away?"),
        minutes=10,
        allowed={"participant": ("learning_point",), "inbrenger": ("learning_point",)},
        everyone_contributes=True,
        instructions={
            "facilitator": Text(
                nl="Sluit af met een rondje: wat neemt ieder mee uit deze casus, voor het "
                "eigen werk? Dit is de herkenningsronde; die komt na de casus niet nog eens.",
                en="Close with a round: what does each take away from this case, for their "
                "own work? This is the recognitions round; it does not come again.",
            ),
            "inbrenger": Text(
                nl="Zeg wat jij meeneemt uit dit gesprek.",
                en="Say what you take away from this conversation.",
            ),
            "participant": Text(
                nl="Vertel wat jij meeneemt uit deze casus voor je eigen werk.",
                en="Tell what you take away from this case for your own work.",
            ),
        },
    ),
)

QUALITIES = MethodSpec(
    id="qualities",
    version="1.1",
    title=Text(nl="Zevenstappenmodel kwaliteiten", en="Seven-step model on qualities"),
    summary=Text(
        nl="Met het kernkwadrant van Ofman: na de situatie en twee verhelderende vragen "
        "per persoon benoemt de groep welke kwaliteit de inbrenger inzette, en schrijft "
        "ieder op: 'Jouw uitdaging is …'. De inbrenger noemt daarna de eigen uitdaging.",
        en="With Ofman's core quadrant: after the situation and two clarifying questions "
        "each, the group names the quality the inbrenger used, and everyone writes down: "
        "'Your challenge is …'. Then the inbrenger names their own challenge.",
    ),
    sources=("https://teamchange.nl/werkvorm/vier-korte-intervisie-methoden/",),
    fit=Fit(leervraag_kinds=("pattern", "relational")),
    phases=_PHASES,
    closes_with=("recognitions",),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [QUALITIES, QUALITIES.model_copy(update={"version": "1.0"})]
