"""The intervision method for incidents (IMI, Buijssen), as icoba.be describes it.

IMI is for aggression and difficult behaviour at work: a team takes it up regularly,
not only after a serious incident, so that small incidents are talked about too. The
source gives up to 15 participants and 60 minutes, and a strict order: an inventory
of recent incidents, one chosen together, the full story with questions, a summary
in at most fifteen words that everyone agrees with, the feelings, the wishes from
three standpoints (own, team, organisation), their feasibility, and the pros and
cons. Choosing the incident and the summary are where the group has to agree, so
both wait for consensus. The frame has already named an inbrenger before the method
starts; the inventory and the choice still run, so that the group sees the other
incidents and agrees that this one is the one to discuss, and the choice records
whose incident it is (``inbrenger_chosen``): that member is the inbrenger from then on.
The method ends with what the inbrenger takes up from the weighed solutions, which the
next meeting looks back on (ours: the source stops at the pros and cons). The minutes
per step are our split of the source's hour.

Version 1.1 (the chosen incident's owner recorded as the inbrenger, the inbrenger's
commitment at the end) keeps every phase of 1.0, so a meeting started with 1.0 resumes
under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["IMI", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="inventory",
        title=Text(nl="Incidenten inventariseren", en="Inventory of incidents"),
        minutes=10,
        allowed={"participant": ("statement",), "inbrenger": ("statement",)},
        everyone_contributes=True,
        instructions={
            "facilitator": Text(
                nl="Vraag iedereen kort te vertellen welke incidenten met agressie of lastig "
                "gedrag hij of zij de afgelopen tijd meemaakte. Ook kleine incidenten tellen.",
                en="Ask everyone to tell briefly which incidents of aggression or difficult "
                "behaviour they went through lately. Small incidents count too.",
            ),
            "inbrenger": Text(
                nl="Vertel kort welk incident je meemaakte; de details komen later.",
                en="Tell briefly which incident you went through; the details come later.",
            ),
            "participant": Text(
                nl="Vertel kort welke incidenten jij de afgelopen tijd meemaakte, ook als ze "
                "klein lijken.",
                en="Tell briefly which incidents you went through lately, even if they seem small.",
            ),
        },
    ),
    PhaseSpec(
        id="choice",
        title=Text(nl="Samen een incident kiezen", en="Choosing one together"),
        minutes=5,
        allowed={"participant": ("note",), "inbrenger": ("note",)},
        consensus=True,
        inbrenger_chosen=True,
        instructions={
            "facilitator": Text(
                nl="Bepaal met de groep welk incident jullie uitgebreid bespreken, en ga pas "
                "verder als iedereen het erover eens is. Leg vast wiens incident het is: "
                "die is vanaf nu de inbrenger.",
                en="Decide with the group which incident you discuss in depth, and only move "
                "on when everyone agrees. Record whose incident it is: that member is the "
                "inbrenger from now on.",
            ),
            "inbrenger": Text(
                nl="Zeg of je jouw incident uitgebreid wilt bespreken. Het besluit nemen "
                "jullie samen; kiezen jullie het incident van een ander, dan is die de "
                "inbrenger.",
                en="Say whether you want your incident discussed in depth. You decide "
                "together; if you choose someone else's incident, they are the inbrenger.",
            ),
            "participant": Text(
                nl="Zeg welk incident jij het belangrijkst vindt om te bespreken, en waarom. "
                "Jullie kiezen samen.",
                en="Say which incident you find most important to discuss, and why. You "
                "choose together.",
            ),
        },
    ),
    PhaseSpec(
        id="story",
        title=Text(nl="Het hele verhaal", en="The full story"),
        minutes=10,
        allowed={"inbrenger": ("statement", "reaction"), "participant": ("question",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger uitgebreid vertellen wat er gebeurde. Daarna stellen "
                "de anderen verhelderende vragen; nog geen oordelen of oplossingen.",
                en="Let the inbrenger tell at length what happened. Then the others ask "
                "clarifying questions; no judgements or solutions yet.",
            ),
            "inbrenger": Text(
                nl="Vertel uitgebreid wat er gebeurde, wie erbij waren en hoe het verliep. "
                "Beantwoord daarna de vragen.",
                en="Tell at length what happened, who was there and how it went. Then answer "
                "the questions.",
            ),
            "participant": Text(
                nl="Luister, en stel daarna vragen die het incident verhelderen.",
                en="Listen, then ask questions that clarify the incident.",
            ),
        },
    ),
    PhaseSpec(
        id="summary",
        title=Text(nl="Het incident in één zin", en="The incident in one sentence"),
        minutes=10,
        allowed={
            "participant": ("statement",),
            "inbrenger": ("statement", "reaction"),
            "facilitator": ("statement", "note"),
        },
        consensus=True,
        instructions={
            "facilitator": Text(
                nl="Vat het incident samen in één zin van hooguit vijftien woorden, samen "
                "met de groep. Ga pas verder als iedereen zich erin vindt; dat mag tijd "
                "kosten.",
                en="Sum up the incident in one sentence of at most fifteen words, together "
                "with the group. Only move on when everyone agrees with it; that may take "
                "time.",
            ),
            "inbrenger": Text(
                nl="Help de zin te vinden en zeg of hij klopt voor jou. Hooguit vijftien woorden.",
                en="Help find the sentence and say whether it fits for you. At most fifteen words.",
            ),
            "participant": Text(
                nl="Stel een zin voor van hooguit vijftien woorden die het incident "
                "samenvat, of verbeter die van een ander.",
                en="Propose a sentence of at most fifteen words that sums up the incident, "
                "or improve someone else's.",
            ),
        },
    ),
    PhaseSpec(
        id="feelings",
        title=Text(nl="Gevoelens", en="Feelings"),
        minutes=5,
        allowed={"inbrenger": ("statement",), "facilitator": ("open_question", "note")},
        instructions={
            "facilitator": Text(
                nl="Vraag de inbrenger wat het incident met hem of haar deed, en geef die "
                "gevoelens de ruimte. Niemand hoeft ze op te lossen.",
                en="Ask the inbrenger how the incident affected them, and give those "
                "feelings room. Nobody needs to fix them.",
            ),
            "inbrenger": Text(
                nl="Vertel wat het incident met je deed en wat je voelde, toen en nu.",
                en="Tell how the incident affected you and what you felt, then and now.",
            ),
            "participant": Text(
                nl="Luister naar de gevoelens van de inbrenger zonder te troosten, te "
                "relativeren of oplossingen te geven.",
                en="Listen to the inbrenger's feelings without comforting, playing them "
                "down or offering solutions.",
            ),
        },
    ),
    PhaseSpec(
        id="wishes",
        title=Text(nl="Wensen uit drie hoeken", en="Wishes from three standpoints"),
        minutes=10,
        allowed={
            "inbrenger": ("position",),
            "participant": ("open_question",),
            "facilitator": ("open_question", "note"),
        },
        instructions={
            "facilitator": Text(
                nl="Vraag: wat zou je het liefst willen dat eraan gedaan wordt, of wat had "
                "je nodig? Loop de drie hoeken langs: jijzelf, het team, de organisatie.",
                en="Ask: what would you most like to see done about it, or what did you "
                "need? Go through the three standpoints: yourself, the team, the "
                "organisation.",
            ),
            "inbrenger": Text(
                nl="Zeg wat je het liefst zou willen: wat kun je zelf doen, wat kan het team "
                "doen en wat de organisatie?",
                en="Say what you would most like: what can you do yourself, what can the "
                "team do and what the organisation?",
            ),
            "participant": Text(
                nl="Help de inbrenger met open vragen zijn of haar wensen te verwoorden, "
                "voor elk van de drie hoeken.",
                en="Help the inbrenger put their wishes into words with open questions, for "
                "each of the three standpoints.",
            ),
        },
    ),
    PhaseSpec(
        id="feasibility",
        title=Text(nl="Haalbaarheid", en="Feasibility"),
        minutes=5,
        allowed={
            "inbrenger": ("reaction", "position"),
            "participant": ("question",),
            "facilitator": ("question", "note"),
        },
        instructions={
            "facilitator": Text(
                nl="Vraag per oplossing: denk je dat dit echt kan? Ja: hoe dan? Nee: dan "
                "schrappen we hem; wat zou je dán het liefst willen?",
                en="Ask for each solution: do you think this is really possible? Yes: how? "
                "No: then we drop it; what would you like most instead?",
            ),
            "inbrenger": Text(
                nl="Zeg per oplossing of die echt haalbaar is, en hoe. Wat niet kan, laten "
                "we vallen.",
                en="Say for each solution whether it is really feasible, and how. What "
                "can't be done, we drop.",
            ),
            "participant": Text(
                nl="Vraag door op de haalbaarheid: wat is ervoor nodig, wie moet wat doen?",
                en="Ask on about feasibility: what does it take, who has to do what?",
            ),
        },
    ),
    PhaseSpec(
        id="pros_cons",
        title=Text(nl="Voor- en nadelen", en="Pros and cons"),
        minutes=5,
        allowed={"participant": ("analysis",), "inbrenger": ("analysis", "reaction")},
        decision=DecisionSpec(
            id="taken_up",
            title=Text(nl="Wat de inbrenger oppakt", en="What the inbrenger takes up"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Zet de voor- en nadelen van de overgebleven oplossingen op een rij en "
                "laat ze samen afwegen. Leg vast wat de inbrenger oppakt; daar kijken "
                "jullie volgende keer op terug.",
                en="List the pros and cons of the remaining solutions and have them weighed "
                "together. Record what the inbrenger takes up; you look back on it next "
                "time.",
            ),
            "inbrenger": Text(
                nl="Weeg de voor- en nadelen van de overgebleven oplossingen af, zeg welke "
                "je het meest ziet zitten en wat je daarvan oppakt.",
                en="Weigh the pros and cons of the remaining solutions, say which one you "
                "like best and what you will take up.",
            ),
            "participant": Text(
                nl="Noem voor- en nadelen van de overgebleven oplossingen, ook voor het team "
                "en de organisatie.",
                en="Name pros and cons of the remaining solutions, for the team and the "
                "organisation too.",
            ),
        },
    ),
)

IMI = MethodSpec(
    id="imi",
    version="1.1",
    title=Text(
        nl="Intervisiemethode Incidenten (IMI)", en="Intervision method for incidents (IMI)"
    ),
    summary=Text(
        nl="Voor incidenten met agressie en lastig gedrag. Jullie inventariseren recente "
        "incidenten, kiezen er samen één, vatten het samen in hooguit vijftien woorden tot "
        "iedereen het eens is, staan stil bij de gevoelens en werken wensen uit voor "
        "jezelf, het team en de organisatie.",
        en="For incidents of aggression and difficult behaviour. You take stock of recent "
        "incidents, choose one together, sum it up in at most fifteen words until everyone "
        "agrees, take time for the feelings and work out wishes for yourself, the team and "
        "the organisation.",
    ),
    sources=("https://www.icoba.be/tools/intervisiemethode-incidenten-imi",),
    fit=Fit(group_max=15, leervraag_kinds=("incident",)),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [IMI, IMI.model_copy(update={"version": "1.0"})]
