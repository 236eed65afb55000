"""The Socratic method in its intervision form: seven steps around open questions.

methods.md marks the seven steps of me-we-elearning.com as the variant to ship, with
the minutes, the limit of three questions each and the warm/neutral/cold sorting from
hrdacademy.be. The method does not fix on solutions: the questions are written first
so that nobody steers the others, the inbrenger alone decides which questions are
warm, and tips come only when the inbrenger asks for them. The Nelson-Heckmann
Socratic dialogue (a general question answered from one lived example) is a different
method and not this spec.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, LabelSpec, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["SOCRATIC", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="introduction",
        title=Text(nl="Introductie", en="Introduction"),
        minutes=5,
        allowed={"inbrenger": ("statement", "reaction"), "participant": ("question",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de leervraag in hooguit drie zinnen verwoorden en "
                "geef ruimte voor een paar verhelderende vragen. Vat de leervraag daarna "
                "kort samen en check of het klopt.",
                en="Have the inbrenger put the leervraag in at most three sentences and "
                "allow a few clarifying questions. Then summarise the leervraag briefly "
                "and check that it is right.",
            ),
            "inbrenger": Text(
                nl="Verwoord je leervraag in hooguit drie zinnen en beantwoord kort de "
                "verhelderende vragen.",
                en="Put your leervraag in at most three sentences and briefly answer the "
                "clarifying questions.",
            ),
            "participant": Text(
                nl="Luister, en stel alleen een verhelderende vraag als iets niet duidelijk "
                "is. Nog geen adviezen of meningen.",
                en="Listen, and ask a clarifying question only if something is unclear. "
                "No advice or opinions yet.",
            ),
        },
    ),
    PhaseSpec(
        id="writing",
        title=Text(nl="Vragen schrijven", en="Writing questions"),
        minutes=10,
        inbrenger_mode="listens",
        written_first=True,
        quotas={"open_question": 3},
        allowed={"participant": ("open_question",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer een tot drie open vragen opschrijven. Kijk of het "
                "echt open vragen zijn en geen verkapte adviezen, en maak ze pas zichtbaar "
                "als iedereen klaar is.",
                en="Have each participant write one to three open questions. Check that "
                "they really are open and not advice in disguise, and reveal them only "
                "once everyone is done.",
            ),
            "inbrenger": Text(
                nl="Je wacht even terwijl de deelnemers hun vragen opschrijven. Je ziet ze "
                "pas als de begeleider ze zichtbaar maakt.",
                en="You wait while the participants write their questions. You see them "
                "only when the facilitator reveals them.",
            ),
            "participant": Text(
                nl="Schrijf een tot drie open vragen op die de inbrenger verder helpen "
                "denken. Geen adviezen, ook niet in de vorm van een vraag.",
                en="Write one to three open questions that help the inbrenger think "
                "further. No advice, not even phrased as a question.",
            ),
        },
    ),
    PhaseSpec(
        id="sorting",
        title=Text(nl="Vragen indelen", en="Sorting the questions"),
        minutes=5,
        allowed={"inbrenger": ("reaction",)},
        decision=DecisionSpec(
            id="warm_questions",
            title=Text(nl="De warme vragen", en="The warm questions"),
            selects_from=("open_question",),
        ),
        labels=LabelSpec(
            kinds=("open_question",),
            values=("warm", "neutral", "cold"),
            titles={
                "warm": Text(nl="warm: raakt me", en="warm: touches me"),
                "neutral": Text(nl="neutraal", en="neutral"),
                "cold": Text(nl="koud: zegt me niets", en="cold: says nothing to me"),
            },
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger bij elke vraag hardop zeggen of die warm, neutraal of "
                "koud is. Er wordt nog niets beantwoord of besproken.",
                en="Have the inbrenger say aloud for each question whether it is warm, "
                "neutral or cold. Nothing is answered or discussed yet.",
            ),
            "inbrenger": Text(
                nl="Jij bepaalt: zeg bij elke vraag hardop of die warm, neutraal of koud "
                "voor je is. Een warme vraag raakt je of helpt je verder.",
                en="You decide: say aloud for each question whether it is warm, neutral or "
                "cold for you. A warm question touches you or moves you on.",
            ),
            "participant": Text(
                nl="Luister hoe de inbrenger de vragen indeelt. Licht je vragen niet toe en "
                "verdedig ze niet.",
                en="Listen to how the inbrenger sorts the questions. Don't explain or "
                "defend your questions.",
            ),
        },
    ),
    PhaseSpec(
        id="answering",
        title=Text(nl="Beantwoorden", en="Answering"),
        minutes=10,
        answers_labelled=("warm", "neutral"),
        allowed={"inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de warme vragen beantwoorden, en de neutrale als die "
                "dat wil. Koude vragen worden overgeslagen.",
                en="Have the inbrenger answer the warm questions, and the neutral ones if "
                "they wish. Cold questions are skipped.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de warme vragen; neutrale mag je ook beantwoorden als je "
                "wilt. Koude vragen sla je over.",
                en="Answer the warm questions; you may answer neutral ones too if you "
                "like. Skip the cold ones.",
            ),
            "participant": Text(
                nl="Luister naar de antwoorden, zonder te reageren of in discussie te gaan.",
                en="Listen to the answers without responding or starting a discussion.",
            ),
        },
    ),
    PhaseSpec(
        id="reformulation",
        title=Text(nl="Herformuleren", en="Reformulation"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger de leervraag opnieuw te formuleren, met wat de "
                "vragen en antwoorden hebben opgeleverd.",
                en="Ask the inbrenger to reformulate the leervraag in the light of what "
                "the questions and answers brought up.",
            ),
            "inbrenger": Text(
                nl="Formuleer je leervraag opnieuw: wat is nu eigenlijk je vraag?",
                en="Reformulate your leervraag: what is your question, really, now?",
            ),
            "participant": Text(
                nl="Luister naar de nieuwe leervraag. Je hoeft er niets aan toe te voegen.",
                en="Listen to the new leervraag. You don't need to add anything.",
            ),
        },
    ),
    PhaseSpec(
        id="forces",
        title=Text(nl="Krachten", en="Forces"),
        minutes=15,
        allowed={"participant": ("analysis", "advice"), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de deelnemers benoemen welke krachten in de persoon of de "
                "organisatie achter het probleem zitten, en de inbrenger zeggen wat past. "
                "Tips alleen als de inbrenger erom vraagt; 'ja, en' in plaats van 'ja, maar'.",
                en="Have the participants name the forces in the person or the "
                "organisation behind the problem, and the inbrenger say what fits. Tips "
                "only if the inbrenger asks for them; 'yes, and' rather than 'yes, but'.",
            ),
            "inbrenger": Text(
                nl="Zeg welke krachten je herkent en wat niet past. Wil je tips, vraag er "
                "dan zelf om.",
                en="Say which of the forces you recognise and which don't fit. If you want "
                "tips, ask for them yourself.",
            ),
            "participant": Text(
                nl="Benoem welke krachten in de persoon of de organisatie achter het "
                "probleem zitten. Geef alleen tips als de inbrenger erom vraagt.",
                en="Name the forces in the person or the organisation that lie behind the "
                "problem. Give tips only if the inbrenger asks for them.",
            ),
        },
    ),
    PhaseSpec(
        id="next_step",
        title=Text(nl="Volgende stap", en="Next step"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        decision=DecisionSpec(
            id="next_step",
            title=Text(nl="De eerste volgende actie", en="The first next action"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger hoe het nu verder gaat en wat de eerste concrete "
                "stap is. Leg die vast voor de terugblik volgende keer.",
                en="Ask the inbrenger how they will go on and what the first concrete "
                "action is. Record it for the look-back at the next meeting.",
            ),
            "inbrenger": Text(
                nl="Jij bepaalt hoe je verdergaat. Noem de eerste concrete stap die je gaat "
                "zetten; daar kijken jullie de volgende keer op terug.",
                en="You decide how to go on. Name the first concrete action you will take; "
                "the group looks back on it at the next meeting.",
            ),
            "participant": Text(
                nl="Luister naar de volgende stap van de inbrenger. Geen nieuwe adviezen meer.",
                en="Listen to the inbrenger's next step. No new advice.",
            ),
        },
    ),
)

SOCRATIC = MethodSpec(
    id="socratic",
    version="1.0",
    title=Text(nl="Socratische methode", en="Socratic method"),
    summary=Text(
        nl="De inbrenger legt de leervraag in hooguit drie zinnen voor. De deelnemers "
        "schrijven open vragen; de inbrenger deelt ze in als warm, neutraal of koud en "
        "beantwoordt de warme. Na een nieuwe formulering van de leervraag zoekt de groep "
        "de krachten achter het probleem, en de inbrenger bepaalt de volgende stap. Het "
        "gaat om begrijpen, niet om oplossingen.",
        en="The inbrenger puts the leervraag in at most three sentences. The participants "
        "write open questions; the inbrenger sorts them into warm, neutral and cold and "
        "answers the warm ones. After the leervraag is reformulated, the group looks for "
        "the forces behind the problem and the inbrenger decides the next step. The aim "
        "is understanding, not solutions.",
    ),
    sources=(
        "https://me-we-elearning.com/les/3-07-de-socratische-dialoog/",
        "https://hrdacademy.be/nl/blog/1282",
    ),
    fit=Fit(group_min=4, leervraag_kinds=("values", "pattern")),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    return [SOCRATIC]
