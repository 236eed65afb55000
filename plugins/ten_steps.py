"""The ten-step method (tien-stappenmethode), as guidetocoach.com describes it.

methods.md marks guidetocoach.com as the one to ship; bpopleidingen.nl describes the
same ten steps, teamchange.nl adds that the method takes at least 90 minutes and that
its aim is a redefinition of the question rather than a solution. It suits beginning
groups because every step does one thing: the inbrenger's questions are written first
so nobody steers, the inbrenger values the questions before answering them, and the
participants' formulations of the core problem come before any tip. The sources give
120 to 150 minutes for a group of six without minutes per step; the split of 120
minutes is ours. Step 9 follows guidetocoach.com (tips and advice allowed), where
teamchange.nl wants no solutions at all. The last step's round, in which every
participant says what they take away, is the frame's recognitions round, so the frame
does not hold it again (``closes_with``).

Version 1.1 (the recognitions not repeated) keeps every phase of 1.0, so a meeting
started with 1.0 resumes under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["TEN_STEPS", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="problem",
        title=Text(nl="Probleemschets", en="Sketching the problem"),
        minutes=10,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger het woord en let erop dat het over de eigen rol gaat, "
                "niet alleen over anderen of de organisatie.",
                en="Give the inbrenger the floor and make sure it is about their own role, "
                "not only about others or the organisation.",
            ),
            "inbrenger": Text(
                nl="Schets het probleem vanuit je eigen rol: wat speelt er, wat deed jij, "
                "en waar loop je tegenaan?",
                en="Sketch the problem from your own role: what is going on, what did you "
                "do, and what are you running into?",
            ),
            "participant": Text(
                nl="Luister zonder te onderbreken. Let op wat je nog niet weet; daar gaan "
                "je vragen straks over.",
                en="Listen without interrupting. Notice what you don't know yet; that is "
                "what your questions will be about.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Vragen opschrijven", en="Writing questions"),
        minutes=10,
        inbrenger_mode="listens",
        written_first=True,
        allowed={"participant": ("question",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer in stilte verhelderende vragen opschrijven. Maak "
                "ze pas zichtbaar als iedereen klaar is.",
                en="Have each participant write down clarifying questions in silence. "
                "Reveal them only once everyone is done.",
            ),
            "inbrenger": Text(
                nl="Je wacht terwijl de deelnemers hun vragen opschrijven. Je ziet ze als "
                "de begeleider ze zichtbaar maakt.",
                en="You wait while the participants write their questions. You see them "
                "when the facilitator reveals them.",
            ),
            "participant": Text(
                nl="Schrijf verhelderende vragen op: wat wil je weten om het probleem goed "
                "te begrijpen? Geen adviezen, ook niet als vraag.",
                en="Write down clarifying questions: what do you need to know to "
                "understand the problem well? No advice, not even as a question.",
            ),
        },
    ),
    PhaseSpec(
        id="valuing_questions",
        title=Text(nl="Vragen waarderen", en="Valuing the questions"),
        minutes=10,
        allowed={"inbrenger": ("reaction",)},
        decision=DecisionSpec(
            id="valued_questions",
            title=Text(nl="De vragen die ertoe doen", en="The questions that matter"),
            selects_from=("question",),
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de vragen doorlopen en zeggen welke ertoe doen. Er "
                "wordt nog niets beantwoord.",
                en="Have the inbrenger go through the questions and say which ones matter. "
                "Nothing is answered yet.",
            ),
            "inbrenger": Text(
                nl="Jij bepaalt welke vragen je het meest raken of verder helpen. Zeg het "
                "per vraag; beantwoorden komt hierna.",
                en="You decide which questions touch you most or help you further. Say so "
                "for each question; answering comes next.",
            ),
            "participant": Text(
                nl="Luister hoe de inbrenger je vragen waardeert. Licht ze niet toe en "
                "verdedig ze niet.",
                en="Listen to how the inbrenger values your questions. Don't explain or "
                "defend them.",
            ),
        },
    ),
    PhaseSpec(
        id="answers",
        title=Text(nl="Beantwoorden", en="Answering"),
        minutes=15,
        allowed={"inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger de vragen beantwoorden, te beginnen met de vragen die "
                "ertoe doen. Houd de deelnemers uit de discussie.",
                en="Have the inbrenger answer the questions, starting with the ones that "
                "matter. Keep the participants out of discussion.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen, de belangrijkste eerst. Neem de tijd om na te "
                "denken over wat ze bij je oproepen.",
                en="Answer the questions, the most important first. Take time to think "
                "about what they bring up in you.",
            ),
            "participant": Text(
                nl="Luister naar de antwoorden zonder te reageren. Noteer wat je nog mist "
                "voor de laatste vragenronde.",
                en="Listen to the answers without responding. Note what you still miss, "
                "for the last question round.",
            ),
        },
    ),
    PhaseSpec(
        id="last_questions",
        title=Text(nl="Laatste vragenronde", en="Last question round"),
        minutes=10,
        inbrenger_mode="answers_briefly",
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Geef ruimte voor een laatste ronde verhelderende vragen. Daarna is het "
                "beeld compleet; let op verkapte adviezen.",
                en="Allow a last round of clarifying questions. After that the picture is "
                "complete; watch for advice in disguise.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de laatste vragen kort.",
                en="Answer the last questions briefly.",
            ),
            "participant": Text(
                nl="Stel nog verhelderende vragen als je beeld niet compleet is. Nog steeds "
                "geen adviezen.",
                en="Ask any clarifying questions still needed to complete your picture. "
                "Still no advice.",
            ),
        },
    ),
    PhaseSpec(
        id="core_problem",
        title=Text(nl="Kernprobleem formuleren", en="Formulating the core problem"),
        minutes=15,
        inbrenger_mode="listens",
        everyone_contributes=True,
        allowed={"participant": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer in één of twee zinnen formuleren wat volgens hem "
                "of haar het kernprobleem van de inbrenger is. Ga pas verder als iedereen "
                "een formulering heeft gegeven.",
                en="Have each participant put in one or two sentences what they think the "
                "inbrenger's core problem is. Move on only once everyone has given one.",
            ),
            "inbrenger": Text(
                nl="Je luistert en schrijft de formuleringen op. Reageer nog niet; zo "
                "meteen waardeer je ze.",
                en="You listen and write the formulations down. Don't respond yet; you "
                "value them next.",
            ),
            "participant": Text(
                nl="Formuleer in één of twee zinnen wat volgens jou het kernprobleem is, "
                "vanuit de inbrenger: 'Mijn probleem is dat ik…'. Geen oplossingen.",
                en="Put in one or two sentences what you think the core problem is, from "
                "the inbrenger's side: 'My problem is that I…'. No solutions.",
            ),
        },
    ),
    PhaseSpec(
        id="valuing_formulations",
        title=Text(nl="Formuleringen waarderen", en="Valuing the formulations"),
        minutes=10,
        allowed={"inbrenger": ("reaction", "statement")},
        decision=DecisionSpec(
            id="valued_formulations",
            title=Text(
                nl="De formuleringen die het probleem raken",
                en="The formulations that hit the problem",
            ),
            selects_from=("statement",),
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger welke formuleringen het probleem raken en waarom, en "
                "laat het probleem daarna opnieuw definiëren.",
                en="Ask the inbrenger which formulations hit the problem and why, then "
                "have them redefine the problem.",
            ),
            "inbrenger": Text(
                nl="Zeg welke formuleringen je herkent en welke niet. Definieer daarna je "
                "probleem opnieuw, in je eigen woorden.",
                en="Say which formulations you recognise and which not. Then redefine your "
                "problem, in your own words.",
            ),
            "participant": Text(
                nl="Luister hoe de inbrenger de formuleringen waardeert. Verdedig de jouwe niet.",
                en="Listen to how the inbrenger values the formulations. Don't defend yours.",
            ),
        },
    ),
    PhaseSpec(
        id="new_approach",
        title=Text(nl="Nieuwe aanpak", en="New approach"),
        minutes=10,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger hoe het opnieuw gedefinieerde probleem anders "
                "aangepakt kan worden. De groep luistert.",
                en="Ask the inbrenger how the redefined problem could be approached "
                "differently. The group listens.",
            ),
            "inbrenger": Text(
                nl="Vertel hoe je het probleem nu anders zou aanpakken, vanuit de nieuwe "
                "definitie.",
                en="Say how you would now approach the problem differently, from the new "
                "definition.",
            ),
            "participant": Text(
                nl="Luister naar de nieuwe aanpak van de inbrenger, zonder aan te vullen of "
                "bij te sturen.",
                en="Listen to the inbrenger's new approach without adding to it or steering it.",
            ),
        },
    ),
    PhaseSpec(
        id="forces",
        title=Text(nl="Krachten en tips", en="Forces and tips"),
        minutes=20,
        allowed={"participant": ("analysis", "advice"), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de deelnemers benoemen welke krachten het probleem in stand houden, "
                "en daarna tips en adviezen geven voor de nieuwe aanpak.",
                en="Have the participants name the forces that keep the problem in place, "
                "then give tips and advice for the new approach.",
            ),
            "inbrenger": Text(
                nl="Luister naar de krachten en tips en reageer op wat je herkent of wat je "
                "kunt gebruiken.",
                en="Listen to the forces and tips and respond to what you recognise or can use.",
            ),
            "participant": Text(
                nl="Welke krachten, in de inbrenger of de omgeving, houden het probleem in "
                "stand? Geef daarna tips en adviezen bij de nieuwe aanpak.",
                en="Which forces, in the inbrenger or around them, keep the problem in "
                "place? Then give tips and advice for the new approach.",
            ),
        },
    ),
    PhaseSpec(
        id="closing",
        title=Text(nl="Afspraak en opbrengst", en="Commitment and take-away"),
        minutes=10,
        everyone_contributes=True,
        allowed={"inbrenger": ("statement",), "participant": ("learning_point",)},
        decision=DecisionSpec(
            id="will_do",
            title=Text(nl="Wat de inbrenger gaat doen", en="What the inbrenger will do"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger wat hij of zij concreet gaat doen en leg dat vast "
                "voor de terugblik volgende keer. Laat daarna iedere deelnemer zeggen wat "
                "hij of zij meeneemt: dat is de herkenningsronde, die komt niet nog eens.",
                en="Ask the inbrenger what they will concretely do, and record it for the "
                "look-back at the next meeting. Then have each participant say what they "
                "take away: this is the recognitions round, it does not come again.",
            ),
            "inbrenger": Text(
                nl="Zeg wat je concreet gaat doen. Dat is jouw besluit, en daar kijken "
                "jullie de volgende keer op terug.",
                en="Say what you will concretely do. That is your decision, and the group "
                "looks back on it at the next meeting.",
            ),
            "participant": Text(
                nl="Vertel wat je zelf uit deze casus meeneemt voor je eigen werk.",
                en="Say what you take away from this case for your own work.",
            ),
        },
    ),
)

TEN_STEPS = MethodSpec(
    id="ten-steps",
    version="1.1",
    title=Text(nl="Tien-stappenmethode", en="Ten-step method"),
    summary=Text(
        nl="De inbrenger schetst een probleem vanuit de eigen rol. De deelnemers "
        "schrijven vragen op, de inbrenger waardeert en beantwoordt ze. Na een laatste "
        "vragenronde formuleert ieder het kernprobleem; de inbrenger kiest wat raakt, "
        "definieert het probleem opnieuw en kiest een nieuwe aanpak. Pas dan volgen "
        "krachten en tips, en een afspraak. Geschikt voor beginnende groepen.",
        en="The inbrenger sketches a problem from their own role. The participants write "
        "questions, which the inbrenger values and answers. After a last question round "
        "each participant formulates the core problem; the inbrenger picks what hits "
        "home, redefines the problem and chooses a new approach. Only then come forces "
        "and tips, and a commitment. Suited to beginning groups.",
    ),
    sources=(
        "https://guidetocoach.com/methode-2",
        "https://bpopleidingen.nl/e-learning-intervisie-10-stappen-methode/",
        "https://teamchange.nl",
    ),
    fit=Fit(group_min=4, experience="beginning", leervraag_kinds=("incident", "pattern")),
    phases=_PHASES,
    closes_with=("recognitions",),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [TEN_STEPS, TEN_STEPS.model_copy(update={"version": "1.0"})]
