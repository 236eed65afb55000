"""The five-step method (vijfstappenmethode), as lessonup.com and bpopleidingen.nl give it.

Both sources agree on the five steps: the question is introduced, the group explores
it with questions and summaries, the group formulates the core of the problem, every
member gives at least one piece of advice that the inbrenger reacts to, and the
inbrenger evaluates the process. bpopleidingen.nl adds that the inbrenger says
whether the question is about the bovenstroom (more effective behaviour) or the
onderstroom (own obstacles and sources of strength), which steers the questions. No
source gives minutes; the 50 minutes here are our timing. "At least one piece of
advice each" is a floor the advice round waits for (``at_least``), not merely a turn:
a note does not count. The evaluation ends with what the inbrenger takes away, which
the next meeting looks back on. The variant in which the inbrenger answers only the
questions found relevant is not part of this spec.

Version 1.1 (the floor of one advice each, the take-away) keeps every phase of 1.0, so
a meeting started with 1.0 resumes under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["FIVE_STEPS", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="introduction",
        title=Text(nl="Vraagintroductie", en="Introducing the question"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de vraag kort toelichten en vraag of die over de "
                "bovenstroom gaat (ander gedrag) of over de onderstroom (wat je tegenhoudt "
                "of drijft).",
                en="Have the inbrenger explain the question briefly, and ask whether it is "
                "about the bovenstroom (different behaviour) or the onderstroom (what holds "
                "you back or drives you).",
            ),
            "inbrenger": Text(
                nl="Vertel je vraag en geef een korte toelichting. Zeg erbij of je vooral "
                "ander gedrag zoekt, of inzicht in wat je tegenhoudt of juist kracht geeft.",
                en="State your question and explain it briefly. Say whether you mainly look "
                "for different behaviour, or for insight into what holds you back or gives "
                "you strength.",
            ),
            "participant": Text(
                nl="Luister naar de vraag en let op of het om bovenstroom of onderstroom "
                "gaat: daar stem je straks je vragen op af.",
                en="Listen to the question and notice whether it is about the bovenstroom or "
                "the onderstroom: your questions will follow from that.",
            ),
        },
    ),
    PhaseSpec(
        id="exploration",
        title=Text(nl="Probleemverkenning", en="Exploring the problem"),
        minutes=15,
        inbrenger_mode="answers_briefly",
        allowed={"participant": ("open_question", "statement"), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Zorg dat er open vragen gesteld worden die bij de vraag van de inbrenger "
                "horen, en vraag af en toe iemand om samen te vatten. Geen adviezen.",
                en="Make sure open questions are asked that fit the inbrenger's question, "
                "and now and then ask someone to summarise. No advice.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort en krachtig. Klopt een samenvatting niet, zeg "
                "dat dan.",
                en="Answer the questions briefly and to the point. If a summary is off, say so.",
            ),
            "participant": Text(
                nl="Stel open vragen om de vraag te verhelderen en vat af en toe samen wat je "
                "gehoord hebt. Adviezen bewaar je voor de adviesronde.",
                en="Ask open questions to clarify the question and now and then summarise "
                "what you heard. Save advice for the advice round.",
            ),
        },
    ),
    PhaseSpec(
        id="core",
        title=Text(nl="De kern van het probleem", en="The core of the problem"),
        minutes=10,
        inbrenger_mode="listens",
        allowed={"participant": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Vraag de groep om de kern van het probleem in een paar woorden te "
                "formuleren. Laat verschillende formuleringen naast elkaar staan.",
                en="Ask the group to put the core of the problem in a few words. Let "
                "different wordings stand side by side.",
            ),
            "inbrenger": Text(
                nl="Luister hoe de anderen de kern van je probleem verwoorden. Reageer nog "
                "niet; schrijf op wat je raakt.",
                en="Listen to how the others put the core of your problem into words. Don't "
                "respond yet; write down what strikes you.",
            ),
            "participant": Text(
                nl="Formuleer in een of twee zinnen wat volgens jou de kern van het probleem is.",
                en="Put in one or two sentences what you think the core of the problem is.",
            ),
        },
    ),
    PhaseSpec(
        id="advice",
        title=Text(nl="Adviesronde", en="Advice round"),
        minutes=15,
        allowed={"participant": ("advice",), "inbrenger": ("reaction",)},
        at_least={"advice": 1},
        instructions={
            "facilitator": Text(
                nl="Ga de kring rond: iedereen geeft minstens één advies, en de inbrenger "
                "reageert op elk advies. Houd discussie tegen.",
                en="Go round the circle: everyone gives at least one piece of advice, and "
                "the inbrenger reacts to each one. Keep discussion out.",
            ),
            "inbrenger": Text(
                nl="Reageer op elk advies: spreekt het je aan of niet, en waarom? Je hoeft je "
                "niet te verdedigen.",
                en="React to each piece of advice: does it appeal to you or not, and why? "
                "You don't need to defend yourself.",
            ),
            "participant": Text(
                nl="Geef minstens één concreet advies aan de inbrenger en laat de reactie "
                "daarop zonder discussie staan.",
                en="Give the inbrenger at least one concrete piece of advice and let the "
                "reaction stand without discussion.",
            ),
        },
    ),
    PhaseSpec(
        id="evaluation",
        title=Text(nl="Evaluatie", en="Evaluation"),
        minutes=5,
        allowed={"inbrenger": ("reaction", "learning_point")},
        decision=DecisionSpec(
            id="taken_away",
            title=Text(nl="Wat de inbrenger meeneemt", en="What the inbrenger takes away"),
            selects_from=("advice",),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger hoe het proces was: wat hielp, wat minder? Leg vast "
                "wat de inbrenger meeneemt en gaat doen, en sluit daarna de casus af.",
                en="Ask the inbrenger how the process went: what helped, what less so? "
                "Record what the inbrenger takes away and will do, then close the case.",
            ),
            "inbrenger": Text(
                nl="Kijk terug op het hele proces: wat heb je eraan gehad, wat hielp je en "
                "wat had anders gekund? Zeg welk advies je meeneemt en wat je gaat doen.",
                en="Look back on the whole process: what did you get out of it, what helped "
                "you and what could have been different? Say which advice you take away "
                "and what you will do.",
            ),
            "participant": Text(
                nl="Luister naar de evaluatie van de inbrenger; het is een terugblik, geen "
                "nieuwe adviesronde.",
                en="Listen to the inbrenger's evaluation; it is a look back, not a new "
                "advice round.",
            ),
        },
    ),
)

FIVE_STEPS = MethodSpec(
    id="five-steps",
    version="1.1",
    title=Text(nl="Vijfstappenmethode", en="Five-step method"),
    summary=Text(
        nl="Een korte, overzichtelijke methode: de inbrenger introduceert de vraag, de "
        "groep verkent die met open vragen en samenvattingen, formuleert de kern van het "
        "probleem en geeft ieder minstens één advies. De inbrenger reageert op elk advies "
        "en evalueert het proces.",
        en="A short, clear method: the inbrenger introduces the question, the group "
        "explores it with open questions and summaries, formulates the core of the problem "
        "and each gives at least one piece of advice. The inbrenger reacts to each piece of "
        "advice and evaluates the process.",
    ),
    sources=(
        "https://lessonup.com/en/lesson/dncGB5TdsSNqQXH7C",
        "https://www.bpopleidingen.nl/e-learning-methodiek-intervisiemethode/",
    ),
    fit=Fit(leervraag_kinds=("advice", "pattern")),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [FIVE_STEPS, FIVE_STEPS.model_copy(update={"version": "1.0"})]
