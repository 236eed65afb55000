"""Kollegiale Beratung (Tietze), the six phases of kollegiale-beratung.de.

The source's six phases are casting, spontaneous narration, key question, method
choice, consultation and closing. Method choice and consultation are one phase here
("consultation") because that is where the engine nests a module: a consultation
module is picked from the pool and its own phases run, then the method goes on with
the closing. The phase's 15 minutes are the choice (about 5) plus the module (about
10), so the method's schedule adds up. The modules are methods of kind ``module``
registered from this same plugin; three of the source's published modules are
shipped: brainstorming, headstand brainstorming and good advice. In every module the
case teller only listens and the advisers give one contribution per turn, which is
what makes the method work: the case teller hears many angles without having to
answer any of them. When no key question can be found, the case teller takes the
group back to the narration. The closing records what the case teller found valuable
and will do with it, which the next meeting looks back on.

Version 1.1 (that commitment) keeps every phase of 1.0, so a meeting started with 1.0
resumes under it.
"""

from __future__ import annotations

from intervision.engine import (
    STANDARD_ROLES,
    ContributionKind,
    DecisionSpec,
    Fit,
    LoopSpec,
    MethodSpec,
    NestSpec,
    PhaseSpec,
    RoleSpec,
    Text,
    hookimpl,
)

__all__ = [
    "CB_BRAINSTORMING",
    "CB_GOOD_ADVICE",
    "CB_HEADSTAND",
    "COLLEGIAL_CONSULTATION",
    "MODULES",
    "intervision_methods",
]

_SOURCES = (
    "https://kollegiale-beratung.de/ablauf-und-methodik-von-kollegialer-beratung-in-sechs-phasen.html",
    "https://kollegiale-beratung.de/beratungsmodule-fur-kollegiale-beratung.html",
)

_ROLES: tuple[RoleSpec, ...] = (
    *STANDARD_ROLES,
    RoleSpec(
        id="scribe",
        title=Text(nl="Notulist", en="Scribe"),
        description=Text(
            nl="Schrijft de bijdragen van de adviseurs op, zodat de inbrenger kan luisteren.",
            en="Writes down the advisers' contributions so the inbrenger can listen.",
        ),
    ),
)

#: Group size: 4 to 6 advisers, plus the case teller and the moderator.
_GROUP_MIN, _GROUP_MAX = 6, 8
_MODULE_MINUTES = 10

_SCRIBE_NOTES = Text(
    nl="Schrijf elke bijdrage kort op, in de woorden van de adviseur, zodat de inbrenger "
    "alles terug kan lezen.",
    en="Write down every contribution briefly, in the adviser's words, so the inbrenger "
    "can read it all back.",
)


def _module_phase(
    phase_id: str,
    title: Text,
    minutes: int,
    participant: Text,
    facilitator: Text,
    kind: ContributionKind,
) -> PhaseSpec:
    return PhaseSpec(
        id=phase_id,
        title=title,
        minutes=minutes,
        inbrenger_mode="listens",
        allowed={"participant": (kind,), "scribe": ("note",)},
        instructions={
            "facilitator": facilitator,
            "inbrenger": Text(
                nl="Je luistert alleen en laat de ideeën op je inwerken. Reageer niet; de "
                "notulist schrijft alles voor je op.",
                en="You only listen and let the ideas sink in. Don't respond; the scribe "
                "writes everything down for you.",
            ),
            "participant": participant,
            "scribe": _SCRIBE_NOTES,
        },
    )


CB_BRAINSTORMING = MethodSpec(
    id="cb-brainstorming",
    version="1.0",
    kind="module",
    title=Text(nl="Ideeën verzamelen (brainstorm)", en="Collecting ideas (brainstorming)"),
    summary=Text(
        nl="De adviseurs bedenken zoveel mogelijk ideeën bij de kernvraag: elk idee mag, "
        "ideeën van anderen mag je verder uitbouwen, kritiek niet. Voor een kernvraag "
        "waarbij de inbrenger veel verschillende mogelijkheden wil.",
        en="The advisers come up with as many ideas for the key question as they can: any "
        "idea is welcome, others' ideas may be built on, criticism is not. For a key "
        "question where the inbrenger wants many different options.",
    ),
    sources=_SOURCES,
    fit=Fit(group_min=_GROUP_MIN, group_max=_GROUP_MAX),
    roles=_ROLES,
    phases=(
        _module_phase(
            "ideas",
            Text(nl="Ideeën verzamelen", en="Collecting ideas"),
            _MODULE_MINUTES,
            kind="advice",
            facilitator=Text(
                nl="Noem de vier regels: elk idee mag, ideeën van anderen mag je oppakken, "
                "geen kritiek, hoeveelheid gaat voor kwaliteit. Eén idee per beurt, en niet "
                "te snel achter elkaar.",
                en="State the four rules: any idea is welcome, you may pick up others' "
                "ideas, no criticism, quantity before quality. One idea per turn, and not "
                "too quickly one after another.",
            ),
            participant=Text(
                nl="Noem per beurt één idee bij de kernvraag. Alles mag, ook het "
                "onverwachte; bouw gerust voort op een idee van een ander, maar kritiek "
                "bewaar je voor je.",
                en="Give one idea for the key question per turn. Anything goes, the "
                "unexpected too; build on someone else's idea if you like, but keep "
                "criticism to yourself.",
            ),
        ),
    ),
)

CB_HEADSTAND = MethodSpec(
    id="cb-headstand",
    version="1.0",
    kind="module",
    title=Text(nl="Omgekeerde brainstorm", en="Headstand brainstorming"),
    summary=Text(
        nl="Eerst bedenken de adviseurs hoe de inbrenger het probleem zo erg mogelijk kan "
        "maken; daarna draaien ze die ideeën om tot adviezen. Voor wie vastzit in de "
        "gebruikelijke oplossingen.",
        en="First the advisers think of how the inbrenger could make the problem as bad as "
        "possible; then they turn those ideas round into advice. For someone stuck in the "
        "usual solutions.",
    ),
    sources=_SOURCES,
    fit=Fit(group_min=_GROUP_MIN, group_max=_GROUP_MAX),
    roles=_ROLES,
    phases=(
        _module_phase(
            "worse",
            Text(nl="Hoe maak je het erger?", en="How to make it worse?"),
            5,
            kind="association",
            facilitator=Text(
                nl="Vraag de adviseurs: wat zou de inbrenger moeten doen om het zo erg "
                "mogelijk te maken? Eén idee per beurt; lachen mag.",
                en="Ask the advisers: what would the inbrenger have to do to make it as bad "
                "as possible? One idea per turn; laughing is allowed.",
            ),
            participant=Text(
                nl="Noem per beurt één manier waarop de inbrenger het probleem nog groter "
                "kan maken. Hoe gekker, hoe beter.",
                en="Give one way per turn in which the inbrenger could make the problem "
                "even bigger. The crazier, the better.",
            ),
        ),
        _module_phase(
            "reversed",
            Text(nl="Omdraaien", en="Turning it round"),
            5,
            kind="advice",
            facilitator=Text(
                nl="Laat de adviseurs de ideeën van zonet omdraaien tot adviezen. Let erop "
                "dat het bij één advies per beurt blijft.",
                en="Have the advisers turn the ideas from just now round into advice. Keep "
                "it to one piece of advice per turn.",
            ),
            participant=Text(
                nl="Kies een idee uit de vorige ronde en draai het om: wat kan de inbrenger "
                "dus juist wél doen? Eén advies per beurt.",
                en="Take an idea from the previous round and turn it round: so what could "
                "the inbrenger do instead? One piece of advice per turn.",
            ),
        ),
    ),
)

CB_GOOD_ADVICE = MethodSpec(
    id="cb-good-advice",
    version="1.0",
    kind="module",
    title=Text(nl="Goede raad", en="Good advice"),
    summary=Text(
        nl="De adviseurs geven om de beurt een concreet advies bij de kernvraag, elk "
        "beginnend met 'Mijn advies is …'. Voor een inbrenger die uitdrukkelijk om "
        "raad vraagt.",
        en="The advisers take turns to give a concrete piece of advice for the key question, "
        "each starting with 'My advice is …'. For an inbrenger who explicitly asks for "
        "advice.",
    ),
    sources=_SOURCES,
    fit=Fit(group_min=_GROUP_MIN, group_max=_GROUP_MAX),
    roles=_ROLES,
    phases=(
        _module_phase(
            "advice",
            Text(nl="Adviezen", en="Advice"),
            _MODULE_MINUTES,
            kind="advice",
            facilitator=Text(
                nl="Geef de adviseurs om de beurt het woord voor één advies. Houd het tempo "
                "rustig, zodat elk advies even kan landen.",
                en="Give the advisers the floor in turn for one piece of advice each time. "
                "Keep the pace calm so every piece of advice can land.",
            ),
            participant=Text(
                nl="Geef per beurt één concreet advies, te beginnen met 'Mijn advies is …'. "
                "Geen uitleg of discussie erbij.",
                en="Give one concrete piece of advice per turn, starting with 'My advice "
                "is …'. No explanation or discussion with it.",
            ),
        ),
    ),
)

MODULES: tuple[MethodSpec, ...] = (CB_BRAINSTORMING, CB_HEADSTAND, CB_GOOD_ADVICE)

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="casting",
        title=Text(nl="Rollen verdelen", en="Casting"),
        minutes=5,
        instructions={
            "facilitator": Text(
                nl="Bevestig de rollen: jij leidt het gesprek, de inbrenger vertelt de "
                "casus, en er is een notulist die de bijdragen opschrijft. De anderen zijn "
                "adviseur.",
                en="Confirm the roles: you lead the conversation, the inbrenger tells the "
                "case, and a scribe writes down the contributions. The others are advisers.",
            ),
            "inbrenger": Text(
                nl="Jij bent vandaag de inbrenger: jouw casus staat centraal. Check of je "
                "je prettig voelt bij de rolverdeling.",
                en="Today you are the inbrenger: your case is the focus. Check that you are "
                "comfortable with the roles.",
            ),
            "participant": Text(
                nl="Jij bent adviseur. Wie notulist is, schrijft straks de bijdragen op "
                "voor de inbrenger.",
                en="You are an adviser. Whoever is the scribe will write down the "
                "contributions for the inbrenger.",
            ),
        },
    ),
    PhaseSpec(
        id="narration",
        title=Text(nl="Vertellen en begripsvragen", en="Narration and comprehension questions"),
        minutes=15,
        allowed={
            "inbrenger": ("statement", "reaction"),
            "participant": ("question",),
            "facilitator": ("question", "note"),
        },
        instructions={
            "facilitator": Text(
                nl="Help de inbrenger het verhaal te vertellen met verhelderende vragen. "
                "Daarna mogen de adviseurs begripsvragen stellen; let erop dat er nog geen "
                "ideeën of adviezen in sluipen.",
                en="Help the inbrenger tell the story with clarifying questions. Then the "
                "advisers may ask comprehension questions; make sure no ideas or advice "
                "creep in yet.",
            ),
            "inbrenger": Text(
                nl="Vertel spontaan wat er speelt: de situatie, de mensen, wat jij deed en "
                "wat het met je doet. Beantwoord daarna de begripsvragen.",
                en="Tell spontaneously what is going on: the situation, the people, what "
                "you did and how it affects you. Then answer the comprehension questions.",
            ),
            "participant": Text(
                nl="Luister eerst. Stel daarna alleen vragen om het verhaal te begrijpen; "
                "ideeën en adviezen komen later.",
                en="Listen first. Then ask only questions to understand the story; ideas "
                "and advice come later.",
            ),
        },
    ),
    PhaseSpec(
        id="key_question",
        title=Text(nl="Kernvraag", en="Key question"),
        minutes=5,
        allowed={"inbrenger": ("statement",), "facilitator": ("question", "note")},
        loops=(
            LoopSpec(
                id="no_key_question",
                to="narration",
                title=Text(
                    nl="Nog geen kernvraag: terug naar het verhaal",
                    en="No key question yet: back to the narration",
                ),
            ),
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger: wat is je kernvraag aan de adviseurs, wat wil je "
                "dat dit gesprek je oplevert? Help met formuleren. Lukt het niet, dan "
                "kan de inbrenger terug naar het verhaal.",
                en="Ask the inbrenger: what is your key question to the advisers, what do "
                "you want this consultation to give you? Help with the wording. If it "
                "doesn't work, the inbrenger can go back to the narration.",
            ),
            "inbrenger": Text(
                nl="Formuleer je kernvraag in één zin: waar wil je dat de adviseurs je mee "
                "helpen? Lukt dat nog niet, dan ga je terug naar het verhaal.",
                en="Put your key question in one sentence: what do you want the advisers "
                "to help you with? If that doesn't work yet, go back to the narration.",
            ),
            "participant": Text(
                nl="Luister hoe de inbrenger de kernvraag formuleert. Het is de vraag van de "
                "inbrenger, niet die van jou.",
                en="Listen to how the inbrenger words the key question. It is the "
                "inbrenger's question, not yours.",
            ),
        },
    ),
    PhaseSpec(
        id="consultation",
        title=Text(nl="Methode kiezen en adviseren", en="Method choice and consultation"),
        minutes=5 + _MODULE_MINUTES,
        nested=NestSpec(
            choose_from=tuple(module.id for module in MODULES),
        ),
        instructions={
            "facilitator": Text(
                nl="Kies samen met de inbrenger een adviesvorm die bij de kernvraag past; "
                "de adviseurs mogen er een voorstellen. Leg kort uit hoe die vorm gaat en "
                "bewaak daarna de tien minuten en één bijdrage per beurt.",
                en="Choose a consultation module that fits the key question together with "
                "the inbrenger; the advisers may propose one. Explain briefly how it works, "
                "then guard the ten minutes and one contribution per turn.",
            ),
            "inbrenger": Text(
                nl="Zeg welke adviesvorm je het meest helpt bij je kernvraag. Zodra de "
                "adviseurs beginnen, luister je alleen.",
                en="Say which consultation module helps you most with your key question. As "
                "soon as the advisers start, you only listen.",
            ),
            "participant": Text(
                nl="Stel gerust een adviesvorm voor. Daarna adviseer je in die vorm, met één "
                "bijdrage per beurt.",
                en="Feel free to propose a consultation module. Then advise in that style, "
                "one contribution per turn.",
            ),
        },
    ),
    PhaseSpec(
        id="closing",
        title=Text(nl="Afsluiting", en="Closing"),
        minutes=5,
        allowed={"inbrenger": ("reaction", "statement")},
        decision=DecisionSpec(
            id="valuable",
            title=Text(
                nl="Wat waardevol was en wat je ermee doet",
                en="What was valuable, and what you will do with it",
            ),
            selects_from=("advice",),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger wat waardevol was en wat hij of zij ermee gaat doen; "
                "leg dat vast voor de terugblik. Laat de adviseurs niet reageren en sluit "
                "af met een bedankje aan iedereen.",
                en="Ask the inbrenger what was valuable and what they will do with it; "
                "record that for the look-back. Don't let the advisers respond, and close "
                "with a thank-you to everyone.",
            ),
            "inbrenger": Text(
                nl="Kijk naar wat de notulist opschreef, zeg wat voor jou waardevol was en "
                "wat je ermee gaat doen. Je hoeft niet op elk idee in te gaan.",
                en="Look at what the scribe wrote down, say what was valuable to you and "
                "what you will do with it. You don't need to respond to every idea.",
            ),
            "participant": Text(
                nl="Luister naar wat de inbrenger waardevol vond. Je hoeft je ideeën niet "
                "toe te lichten of te verdedigen.",
                en="Listen to what the inbrenger found valuable. No need to explain or "
                "defend your ideas.",
            ),
        },
    ),
)

COLLEGIAL_CONSULTATION = MethodSpec(
    id="collegial-consultation",
    version="1.1",
    title=Text(
        nl="Collegiale consultatie (Kollegiale Beratung, Tietze)",
        en="Collegial consultation (Tietze)",
    ),
    summary=Text(
        nl="De inbrenger vertelt de casus en formuleert een kernvraag. Samen kiezen jullie "
        "een adviesvorm, zoals een brainstorm of goede raad; de adviseurs adviseren tien "
        "minuten in die vorm terwijl de inbrenger alleen luistert en de notulist "
        "meeschrijft. Tot slot zegt de inbrenger wat waardevol was.",
        en="The inbrenger tells the case and puts a key question. Together you choose a "
        "consultation module, such as brainstorming or good advice; the advisers advise "
        "for ten minutes in that style while the inbrenger only listens and the scribe "
        "writes along. Finally the inbrenger says what was valuable.",
    ),
    sources=_SOURCES,
    fit=Fit(group_min=_GROUP_MIN, group_max=_GROUP_MAX, leervraag_kinds=("advice", "relational")),
    roles=_ROLES,
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    earlier = COLLEGIAL_CONSULTATION.model_copy(update={"version": "1.0"})
    return [COLLEGIAL_CONSULTATION, earlier, *MODULES]
