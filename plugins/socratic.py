"""The Socratic method in its intervision form: seven steps around open questions.

methods.md marks the seven steps of me-we-elearning.com as the variant to ship, with
the minutes, the limit of one to three questions each and the warm/neutral/cold labels
from hrdacademy.be. The labels mean what hrdacademy.be says: a cold question is one the
inbrenger has asked themselves already and knows the answer to, a neutral one is new
and still open, a warm one an eye-opener. The method does not fix on solutions: the
questions are written first so that nobody steers the others, the inbrenger alone
decides how the questions are divided, and tips come only when the inbrenger asks for
them: the asking is the inbrenger's decision in the forces step, and until then a tip
is refused.

The variant ``half-day`` is the practice methods.md describes besides the seven
steps: a Socratic intervision takes its time (half a day, about three hours, for one or
two cases, with five to eight participants), asks on until it really understands, and
builds on each other with "yes, and" instead of "yes, but". It adds a round of asking
on after the answers and gives every step more time; the split of the time is ours.

The Nelson-Heckmann Socratic dialogue (a general question answered from one lived
example) is a different method and not this spec.

Version 1.1 (the labels as the source defines them, a floor of one question each, tips
on request, the half-day variant) keeps every phase of 1.0, so a meeting started with
1.0 resumes under it.
"""

from __future__ import annotations

from intervision.engine import (
    DecisionSpec,
    Fit,
    LabelSpec,
    MethodSpec,
    PhaseSpec,
    Text,
    VariantSpec,
    hookimpl,
)

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
        at_least={"open_question": 1},
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
        title=Text(nl="Vragen indelen", en="Dividing the questions"),
        minutes=5,
        allowed={"inbrenger": ("reaction",)},
        decision=DecisionSpec(
            id="warm_questions",
            title=Text(nl="Warm, neutraal of koud", en="Warm, neutral or cold"),
            selects_from=("open_question",),
        ),
        labels=LabelSpec(
            kinds=("open_question",),
            values=("warm", "neutral", "cold"),
            titles={
                "warm": Text(nl="warm: een eyeopener", en="warm: an eye-opener"),
                "neutral": Text(nl="neutraal: nieuw, nog open", en="neutral: new, still open"),
                "cold": Text(
                    nl="koud: al eens gesteld, ik weet het antwoord",
                    en="cold: asked it myself, I know the answer",
                ),
            },
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de vragen indelen: bij elke vraag hardop zeggen of die "
                "warm, neutraal of koud is. Er wordt nog niets beantwoord of besproken.",
                en="Have the inbrenger divide the questions: say aloud for each question "
                "whether it is warm, neutral or cold. Nothing is answered or discussed yet.",
            ),
            "inbrenger": Text(
                nl="Jij deelt de vragen in. Warm: een eyeopener, daar had je nog niet aan "
                "gedacht. Neutraal: nieuw voor je en nog open. Koud: die vraag stelde je "
                "jezelf al eens en je weet het antwoord.",
                en="You divide the questions. Warm: an eye-opener, you hadn't thought of "
                "it. Neutral: new to you and still open. Cold: you have asked yourself that "
                "already and know the answer.",
            ),
            "participant": Text(
                nl="Luister hoe de inbrenger de vragen indeelt. Licht je vragen niet toe en "
                "verdedig ze niet.",
                en="Listen to how the inbrenger divides the questions. Don't explain or "
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
                "dat wil. Koude vragen worden overgeslagen: het antwoord is al bekend.",
                en="Have the inbrenger answer the warm questions, and the neutral ones if "
                "they wish. Cold questions are skipped: their answer is known already.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de warme vragen; neutrale mag je ook beantwoorden als je "
                "wilt. Koude vragen sla je over: het antwoord weet je al.",
                en="Answer the warm questions; you may answer neutral ones too if you "
                "like. Skip the cold ones: you know their answer already.",
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
        on_request=("advice",),
        decision=DecisionSpec(
            id="tips_asked",
            title=Text(nl="De inbrenger vraagt om tips", en="The inbrenger asks for tips"),
            required=False,
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de deelnemers benoemen welke krachten in de persoon of de "
                "organisatie achter het probleem zitten, en de inbrenger zeggen wat past. "
                "Tips pas als de inbrenger erom vraagt: leg die vraag vast als besluit van "
                "de inbrenger. 'Ja, en' in plaats van 'ja, maar'.",
                en="Have the participants name the forces in the person or the "
                "organisation behind the problem, and the inbrenger say what fits. Tips "
                "only once the inbrenger asks for them: record the asking as the "
                "inbrenger's decision. 'Yes, and' rather than 'yes, but'.",
            ),
            "inbrenger": Text(
                nl="Zeg welke krachten je herkent en wat niet past. Wil je tips, vraag er "
                "dan zelf om en zeg waarover; eerder komen ze niet.",
                en="Say which of the forces you recognise and which don't fit. If you want "
                "tips, ask for them yourself and say what about; they don't come before.",
            ),
            "participant": Text(
                nl="Benoem welke krachten in de persoon of de organisatie achter het "
                "probleem zitten, en bouw voort op wat anderen zeggen: 'ja, en'. Een tip "
                "geef je pas als de inbrenger erom vraagt.",
                en="Name the forces in the person or the organisation that lie behind the "
                "problem, and build on what others say: 'yes, and'. Give a tip only once "
                "the inbrenger asks for it.",
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

_ASKING_ON = PhaseSpec(
    id="asking_on",
    title=Text(nl="Doorvragen", en="Asking on"),
    minutes=20,
    allowed={"participant": ("open_question",), "inbrenger": ("reaction",)},
    instructions={
        "facilitator": Text(
            nl="Laat de deelnemers doorvragen op de antwoorden tot ze echt begrijpen wat de "
            "inbrenger bedoelt. Ze bouwen voort op elkaars vragen met 'ja, en', niet met "
            "'ja, maar'; geen oplossingen.",
            en="Let the participants ask on about the answers until they really understand "
            "what the inbrenger means. They build on each other's questions with 'yes, "
            "and', not 'yes, but'; no solutions.",
        ),
        "inbrenger": Text(
            nl="Beantwoord de vragen zo eerlijk als je kunt, en neem de tijd om na te denken.",
            en="Answer the questions as honestly as you can, and take time to think.",
        ),
        "participant": Text(
            nl="Vraag door op wat de inbrenger zei, en bouw voort op de vraag van een ander: "
            "'ja, en …'. Begrijpen gaat voor oplossen.",
            en="Ask on about what the inbrenger said, and build on someone else's question: "
            "'yes, and …'. Understanding comes before solving.",
        ),
    },
)

#: Half a day for one or two cases: every step gets its time, and asking on is a step.
_HALF_DAY = VariantSpec(
    id="half-day",
    title=Text(nl="Socratische intervisie (halve dag)", en="Socratic intervision (half a day)"),
    summary=Text(
        nl="De Socratische intervisie zoals de praktijk haar houdt: een halve dag, zo'n "
        "drie uur, voor een of twee casussen, met vijf tot acht deelnemers. Er is tijd om "
        "door te vragen tot je echt begrijpt, je bouwt voort op elkaar met 'ja, en' in "
        "plaats van 'ja, maar', en niemand zoekt al naar oplossingen.",
        en="Socratic intervision as practised: half a day, about three hours, for one or "
        "two cases, with five to eight participants. There is time to ask on until you "
        "really understand, you build on each other with 'yes, and' instead of 'yes, "
        "but', and nobody is looking for solutions yet.",
    ),
    change={
        "introduction": {"minutes": 10},
        "answering": {"minutes": 20},
    },
    add=(_ASKING_ON,),
    order=(
        "introduction",
        "writing",
        "sorting",
        "answering",
        "asking_on",
        "reformulation",
        "forces",
        "next_step",
    ),
    fit=Fit(group_min=5, group_max=8, leervraag_kinds=("values", "pattern")),
)

SOCRATIC = MethodSpec(
    id="socratic",
    version="1.1",
    title=Text(nl="Socratische methode", en="Socratic method"),
    summary=Text(
        nl="De inbrenger legt de leervraag in hooguit drie zinnen voor. De deelnemers "
        "schrijven open vragen; de inbrenger deelt ze in als warm, neutraal of koud en "
        "beantwoordt de warme. Na een nieuwe formulering van de leervraag zoekt de groep "
        "de krachten achter het probleem, en de inbrenger bepaalt de volgende stap. Het "
        "gaat om begrijpen, niet om oplossingen.",
        en="The inbrenger puts the leervraag in at most three sentences. The participants "
        "write open questions; the inbrenger divides them into warm, neutral and cold and "
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
    variants=(_HALF_DAY,),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [SOCRATIC, SOCRATIC.model_copy(update={"version": "1.0"})]
