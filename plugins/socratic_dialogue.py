"""The Socratic dialogue after Nelson and Heckmann: a general question, one lived example.

methods.md marks the steps of filosofischegesprekken.nl as the ones to ship; appa.edu
adds that the group seeks consensus at every stage, reflectiesite.nl and
onderwijs.stadenesch.nl the conversation rules. It is not a problem case: the group
answers a general question ("what is trust?") from one example that really happened to
one member, and reaches understanding by agreeing, step by step, on what it has found.
That is why every step in which the group has to agree (the theme, the starting question,
the example, the examination of the justifications and the underlying principles) only
moves on once the facilitator has recorded consensus, and why the facilitator gives the
floor and summarises but never adds an opinion on the content: notes only.

The frame names an inbrenger at its case choice, before the method starts; here the
inbrenger is the owner of the example, and the sources let the group choose the example
only in the third step, after everyone has told theirs. So that step records the
group's choice (``inbrenger_chosen``): the member whose example it becomes is the
inbrenger from then on, and the one named at the case choice steps back. The sources
give no minutes per step ("90 minutes to a day"); the split of 90 minutes over the ten
steps is ours, and so is the split of a day in the variant ``day``, the longer form.
methods.md gives the dialogue five to ten members, where the issue that asked for this
form said five to eight; the reference is followed.

Version 1.1 (the group's choice of the example recorded, the example owner's take-away
at the end, the day variant) keeps every phase of 1.0, so a meeting started with 1.0
resumes under it.
"""

from __future__ import annotations

from intervision.engine import (
    DecisionSpec,
    Fit,
    MethodSpec,
    PhaseSpec,
    RuleRef,
    Text,
    VariantSpec,
    hookimpl,
)

__all__ = ["SOCRATIC_DIALOGUE", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="theme",
        title=Text(nl="Thema kiezen", en="Choosing the theme"),
        minutes=5,
        consensus=True,
        allowed={"participant": ("statement",), "inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Vraag wie een thema wil voorstellen en geef iedereen om de beurt het "
                "woord. Je brengt zelf geen thema in. Ga pas verder als de groep het eens "
                "is en leg die consensus vast.",
                en="Ask who wants to propose a theme and give everyone the floor in turn. "
                "You don't propose a theme yourself. Move on only when the group agrees, "
                "and record that consensus.",
            ),
            "inbrenger": Text(
                nl="Denk mee als ieder ander: welk thema houdt je bezig in je werk? Stel "
                "het voor, en zoek met de groep naar een thema waar iedereen achter staat.",
                en="Take part like everyone else: which theme occupies you in your work? "
                "Propose it, and look with the group for a theme everyone can support.",
            ),
            "participant": Text(
                nl="Stel een thema voor dat je bezighoudt, zoals vertrouwen, "
                "verantwoordelijkheid of respect. Luister naar de anderen en zoek samen "
                "naar een thema waar iedereen achter staat.",
                en="Propose a theme that occupies you, such as trust, responsibility or "
                "respect. Listen to the others and look together for a theme everyone "
                "can support.",
            ),
        },
    ),
    PhaseSpec(
        id="question",
        title=Text(nl="Startvraag formuleren", en="Formulating the starting question"),
        minutes=10,
        consensus=True,
        allowed={
            "participant": ("open_question", "statement"),
            "inbrenger": ("open_question", "statement"),
        },
        instructions={
            "facilitator": Text(
                nl="Help de groep het thema om te zetten in één algemene, open vraag, "
                "zoals 'Wat is vertrouwen?'. Schrijf de voorstellen op en ga pas verder "
                "als iedereen met dezelfde vraag verder wil.",
                en="Help the group turn the theme into one general, open question, such "
                "as 'What is trust?'. Write down the proposals and move on only when "
                "everyone wants to go on with the same question.",
            ),
            "inbrenger": Text(
                nl="Formuleer mee aan de startvraag. Zeg het als een formulering voor jou "
                "niet klopt; de vraag moet van de hele groep zijn.",
                en="Help formulate the starting question. Say so when a wording doesn't "
                "feel right to you; the question has to belong to the whole group.",
            ),
            "participant": Text(
                nl="Stel een formulering voor de startvraag voor: algemeen en open, niet "
                "over één geval. Werk met de voorstellen van anderen verder, 'ja, en' in "
                "plaats van 'ja, maar'.",
                en="Propose a wording for the starting question: general and open, not "
                "about one case. Build on the others' proposals: 'yes, and' rather than "
                "'yes, but'.",
            ),
        },
    ),
    PhaseSpec(
        id="examples",
        title=Text(nl="Voorbeelden en keuze", en="Examples and choice"),
        minutes=10,
        consensus=True,
        everyone_contributes=True,
        inbrenger_chosen=True,
        allowed={"participant": ("statement",), "inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedereen kort een voorbeeld vertellen dat hij of zij zelf heeft "
                "meegemaakt en dat bij de startvraag past. Check dat het echt gebeurd is. "
                "Laat de groep samen één voorbeeld kiezen, leg de consensus vast, en leg "
                "vast wiens voorbeeld het is: die is vanaf nu de inbrenger.",
                en="Have everyone briefly tell an example they lived through themselves "
                "that fits the starting question. Check that it really happened. Let the "
                "group choose one example together, record the consensus, and record "
                "whose example it is: that member is the inbrenger from now on.",
            ),
            "inbrenger": Text(
                nl="Vertel net als de anderen kort een voorbeeld dat je zelf hebt "
                "meegemaakt en dat afgerond is. Kiest de groep het voorbeeld van een ander, "
                "dan is die de inbrenger en denk jij verder mee als deelnemer.",
                en="Like the others, briefly tell an example you lived through yourself "
                "and that is over. If the group chooses someone else's example, they are "
                "the inbrenger and you take part as a participant.",
            ),
            "participant": Text(
                nl="Vertel kort een voorbeeld dat je zelf hebt meegemaakt, geen verhaal "
                "van een ander en geen verzonnen geval. Kies daarna samen het voorbeeld "
                "waarin de startvraag het best te onderzoeken is; kiest de groep het jouwe, "
                "dan ben jij vanaf nu de inbrenger.",
                en="Briefly tell an example you lived through yourself: not someone "
                "else's story and not a made-up case. Then choose together the example "
                "in which the starting question is best examined; if the group chooses "
                "yours, you are the inbrenger from now on.",
            ),
        },
    ),
    PhaseSpec(
        id="clarification",
        title=Text(nl="Het voorbeeld verhelderen", en="Clarifying the example"),
        minutes=15,
        allowed={"participant": ("open_question",), "inbrenger": ("statement", "reaction")},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger het voorbeeld uitgebreid vertellen en de groep open "
                "vragen stellen tot iedereen het voor zich ziet. Vat regelmatig samen en "
                "check bij de inbrenger of het klopt; geef geen eigen interpretatie.",
                en="Have the inbrenger tell the example at length, and the group ask open "
                "questions until everyone can picture it. Summarise regularly and check "
                "with the inbrenger that it is right; give no interpretation of your own.",
            ),
            "inbrenger": Text(
                nl="Vertel je voorbeeld zo precies mogelijk: wat gebeurde er, wat dacht en "
                "voelde je, wat deed je? Beantwoord de vragen vanuit wat je toen beleefde.",
                en="Tell your example as precisely as you can: what happened, what did you "
                "think and feel, what did you do? Answer the questions from what you "
                "lived through then.",
            ),
            "participant": Text(
                nl="Stel open vragen om het voorbeeld te begrijpen alsof je er zelf bij "
                "was. Nog geen oordeel en geen interpretatie; vraag door.",
                en="Ask open questions to understand the example as if you had been there "
                "yourself. No judgement and no interpretation yet; keep asking.",
            ),
        },
    ),
    PhaseSpec(
        id="core_statement",
        title=Text(nl="Kernuitspraak", en="Core statement"),
        minutes=5,
        allowed={"participant": ("open_question",), "inbrenger": ("statement", "reaction")},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger het cruciale moment in het voorbeeld aan te wijzen "
                "en daarover één kernuitspraak te doen die de startvraag beantwoordt. "
                "Schrijf de uitspraak letterlijk op.",
                en="Ask the inbrenger to point out the crucial moment in the example and "
                "to make one core statement about it that answers the starting question. "
                "Write the statement down word for word.",
            ),
            "inbrenger": Text(
                nl="Wijs het moment aan waar het in je voorbeeld om draait, en zeg in één "
                "zin wat daar de startvraag beantwoordt, bijvoorbeeld 'Hier vertrouwde ik "
                "haar, omdat…'.",
                en="Point out the moment your example turns on, and say in one sentence "
                "what answers the starting question there, for example 'Here I trusted "
                "her, because…'.",
            ),
            "participant": Text(
                nl="Help de inbrenger met open vragen om de uitspraak scherp te krijgen. "
                "Het blijft de uitspraak van de inbrenger, niet de jouwe.",
                en="Help the inbrenger sharpen the statement with open questions. It stays "
                "the inbrenger's statement, not yours.",
            ),
        },
    ),
    PhaseSpec(
        id="justification",
        title=Text(nl="Onderbouwing", en="Justification"),
        minutes=5,
        allowed={"participant": ("open_question",), "inbrenger": ("statement", "reaction")},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger waarom de kernuitspraak klopt: welke redenen had je "
                "op dat moment? Schrijf de redenen op onder de uitspraak.",
                en="Ask the inbrenger why the core statement holds: what reasons did you "
                "have at that moment? Write the reasons down under the statement.",
            ),
            "inbrenger": Text(
                nl="Leg uit waarom je uitspraak klopt: op grond waarvan dacht of deed je "
                "op dat moment wat je deed?",
                en="Explain why your statement holds: on what grounds did you think or do "
                "what you did at that moment?",
            ),
            "participant": Text(
                nl="Vraag door op de redenen van de inbrenger met open vragen. Nog geen "
                "tegenargumenten; eerst begrijpen.",
                en="Probe the inbrenger's reasons with open questions. No counter-"
                "arguments yet; understand first.",
            ),
        },
    ),
    PhaseSpec(
        id="own_versions",
        title=Text(nl="Eigen versies", en="Own versions"),
        minutes=10,
        everyone_contributes=True,
        allowed={"participant": ("statement",), "inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer een eigen versie van de kernuitspraak formuleren, "
                "met onderbouwing, alsof het voorbeeld het zijne was. Schrijf alle "
                "versies naast elkaar op; ga pas verder als iedereen er een heeft gegeven.",
                en="Have each participant formulate their own version of the core "
                "statement, with a justification, as if the example were theirs. Write "
                "all versions side by side; move on only once everyone has given one.",
            ),
            "inbrenger": Text(
                nl="Luister naar de versies van de anderen. Je mag je eigen uitspraak "
                "bijstellen als een andere formulering beter past.",
                en="Listen to the others' versions. You may adjust your own statement if "
                "another wording fits better.",
            ),
            "participant": Text(
                nl="Formuleer je eigen versie van de kernuitspraak en zeg waarom: zou jij "
                "in dat voorbeeld hetzelfde zeggen, of iets anders?",
                en="Formulate your own version of the core statement and say why: would "
                "you say the same in that example, or something else?",
            ),
        },
    ),
    PhaseSpec(
        id="examination",
        title=Text(nl="Onderbouwingen onderzoeken", en="Examining the justifications"),
        minutes=10,
        consensus=True,
        allowed={
            "participant": ("open_question", "analysis", "statement"),
            "inbrenger": ("open_question", "analysis", "statement"),
        },
        instructions={
            "facilitator": Text(
                nl="Laat de groep de onderbouwingen samen onderzoeken: waar verschillen ze, "
                "welke houden stand? Vat samen, check de samenvatting en ga pas verder als "
                "de groep het eens is. Geef zelf geen inhoudelijk oordeel.",
                en="Have the group examine the justifications together: where do they "
                "differ, which ones hold? Summarise, check the summary, and move on only "
                "when the group agrees. Give no judgement on the content yourself.",
            ),
            "inbrenger": Text(
                nl="Onderzoek mee hoe sterk de onderbouwingen zijn, ook die van jezelf. "
                "Zeg het als je ergens niet mee instemt; instemmen moet echt zijn.",
                en="Examine with the others how strong the justifications are, your own "
                "included. Say so when you don't agree; agreement has to be real.",
            ),
            "participant": Text(
                nl="Toets de onderbouwingen: wat klopt, wat schuurt, waar zit het "
                "verschil? Zeg het als je niet instemt, en zoek samen naar wat iedereen "
                "kan onderschrijven.",
                en="Test the justifications: what holds, what grates, where is the "
                "difference? Say so when you don't agree, and look together for what "
                "everyone can endorse.",
            ),
        },
    ),
    PhaseSpec(
        id="principles",
        title=Text(nl="Waarden en principes", en="Values and principles"),
        minutes=15,
        consensus=True,
        allowed={
            "participant": ("open_question", "analysis", "statement"),
            "inbrenger": ("open_question", "analysis", "statement"),
        },
        instructions={
            "facilitator": Text(
                nl="Laat de groep zoeken naar de waarden en principes achter de "
                "onderbouwingen: wat is hier, in het algemeen, het antwoord op de "
                "startvraag? Schrijf de formuleringen op en leg de consensus vast als de "
                "groep er een heeft gevonden.",
                en="Have the group look for the values and principles behind the "
                "justifications: what, in general, is the answer to the starting "
                "question here? Write down the wordings and record the consensus once the "
                "group has found one.",
            ),
            "inbrenger": Text(
                nl="Zoek mee naar wat onder jouw voorbeeld ligt: welke waarde of welk "
                "principe gaf daar de doorslag? Stem alleen in met een formulering die je "
                "echt deelt.",
                en="Look with the group for what lies beneath your example: which value "
                "or principle decided it there? Agree only with a wording you really share.",
            ),
            "participant": Text(
                nl="Benoem welke waarden en principes je achter de onderbouwingen ziet en "
                "werk naar een formulering die voor iedereen opgaat. Blijf dicht bij het "
                "voorbeeld.",
                en="Name the values and principles you see behind the justifications and "
                "work towards a wording that holds for everyone. Stay close to the example.",
            ),
        },
    ),
    PhaseSpec(
        id="evaluation",
        title=Text(nl="Terugblik", en="Looking back"),
        minutes=5,
        allowed={"participant": ("learning_point",), "inbrenger": ("learning_point",)},
        decision=DecisionSpec(
            id="taken_away",
            title=Text(nl="Wat de inbrenger meeneemt", en="What the inbrenger takes away"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Blik met de groep terug op het gesprek: wat heeft het opgeleverd, hoe "
                "verliep het zoeken naar overeenstemming, hoe ging je met elkaar om? Leg "
                "vast wat de inbrenger meeneemt; daar kijken jullie volgende keer op terug.",
                en="Look back on the dialogue with the group: what did it yield, how did "
                "the search for agreement go, how did you treat each other? Record what "
                "the inbrenger takes away; you look back on it next time.",
            ),
            "inbrenger": Text(
                nl="Vertel wat het gesprek je heeft gebracht, hoe het was om je eigen "
                "voorbeeld zo grondig te laten onderzoeken, en wat je ervan meeneemt in je "
                "werk.",
                en="Say what the dialogue brought you, what it was like to have your own "
                "example examined so thoroughly, and what you take from it into your work.",
            ),
            "participant": Text(
                nl="Vertel wat je van het gesprek meeneemt, en wat je opviel aan hoe jullie "
                "samen naar overeenstemming zochten.",
                en="Say what you take away from the dialogue, and what struck you about how "
                "you looked for agreement together.",
            ),
        },
    ),
)

#: The longer form: a day. The same steps, each with the time a day gives it (ours).
_DAY = VariantSpec(
    id="day",
    title=Text(nl="Een hele dag", en="A whole day"),
    summary=Text(
        nl="Het Socratisch gesprek in de lange vorm: dezelfde stappen over een dag, met de "
        "tijd om het voorbeeld grondig te verhelderen en de onderbouwingen en de waarden "
        "eronder echt uit te zoeken tot de groep het eens is.",
        en="The Socratic dialogue in its long form: the same steps over a day, with the "
        "time to clarify the example thoroughly and to work through the justifications "
        "and the values beneath them until the group agrees.",
    ),
    change={
        "theme": {"minutes": 15},
        "question": {"minutes": 30},
        "examples": {"minutes": 30},
        "clarification": {"minutes": 45},
        "core_statement": {"minutes": 20},
        "justification": {"minutes": 20},
        "own_versions": {"minutes": 30},
        "examination": {"minutes": 60},
        "principles": {"minutes": 60},
        "evaluation": {"minutes": 20},
    },
)

SOCRATIC_DIALOGUE = MethodSpec(
    id="socratic-dialogue",
    version="1.1",
    title=Text(nl="Socratisch gesprek", en="Socratic dialogue"),
    summary=Text(
        nl="De groep beantwoordt een algemene vraag, zoals 'Wat is vertrouwen?', aan de "
        "hand van één voorbeeld dat een van de deelnemers echt heeft meegemaakt. Stap "
        "voor stap, en telkens in overeenstemming, komt de groep van het voorbeeld via "
        "een kernuitspraak en de onderbouwingen ervan bij de waarden en principes die "
        "eronder liggen. De begeleider geeft het woord, maar geen mening.",
        en="The group answers a general question, such as 'What is trust?', from one "
        "example that one of the members really lived through. Step by step, and each "
        "time in agreement, the group moves from the example through a core statement "
        "and its justifications to the values and principles beneath it. The "
        "facilitator gives the floor, but no opinion.",
    ),
    sources=(
        "https://filosofischegesprekken.nl",
        "https://appa.edu",
        "https://reflectiesite.nl",
        "https://onderwijs.stadenesch.nl",
    ),
    fit=Fit(group_min=5, group_max=10, leervraag_kinds=("values",)),
    phases=_PHASES,
    rules=(RuleRef(kind="facilitator_not_inbrenger"),),
    neutral_facilitator=True,
    variants=(_DAY,),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [SOCRATIC_DIALOGUE, SOCRATIC_DIALOGUE.model_copy(update={"version": "1.0"})]
