"""Learning from successes (waarderende intervisie): a positive case, not a problem.

Most intervision starts from a problem. This procedure starts from something that went
well, so that the inbrenger and the group find out what made it work and can do it
again on purpose. The four steps and their minutes are those of talententoolbox.nl
(after De Caluwé, Janssen and Burger, "Mensen veranderen", as managementimpact.nl
quotes it): the inbrenger tells the success at length while the others note what made
it possible; the group takes stock of the success factors in two columns, the
inbrenger's own initiatives, qualities and actions and the circumstances and support
of others, while the inbrenger corrects and adds; a round of asking on distils the
factors nobody saw yet; and the group answers "what do we learn from this?".
hrdacademy.be describes the same appreciative approach (Appreciative Inquiry). The
sources end with the group's lesson; the inbrenger's own word on what they will do
again on purpose, kept for the next meeting's look-back, is ours.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["SUCCESSES", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="success",
        title=Text(nl="Het succes", en="The success"),
        minutes=15,
        allowed={"inbrenger": ("statement",), "participant": ("note",)},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger uitgebreid vertellen over iets dat echt goed ging, "
                "met de omstandigheden erbij. Vraag de anderen op te schrijven wat volgens "
                "hen het succes mogelijk maakte.",
                en="Have the inbrenger tell at length about something that really went "
                "well, with its circumstances. Ask the others to note what they think "
                "made the success possible.",
            ),
            "inbrenger": Text(
                nl="Vertel uitgebreid over een moment waarop je werk echt goed ging: wat "
                "gebeurde er, wat deed jij, en wat was er om je heen?",
                en="Tell at length about a moment when your work really went well: what "
                "happened, what did you do, and what was around you?",
            ),
            "participant": Text(
                nl="Luister en schrijf voor jezelf op wat volgens jou dit succes mogelijk "
                "maakte. Nog geen vragen.",
                en="Listen and note for yourself what you think made this success "
                "possible. No questions yet.",
            ),
        },
    ),
    PhaseSpec(
        id="factors",
        title=Text(nl="Succesfactoren", en="Success factors"),
        minutes=20,
        allowed={"participant": ("analysis",), "inbrenger": ("reaction", "analysis")},
        everyone_contributes=True,
        instructions={
            "facilitator": Text(
                nl="Zet de succesfactoren in twee kolommen op een rij: links wat de "
                "inbrenger zelf deed en inbracht (initiatieven, kwaliteiten, acties), rechts "
                "de omstandigheden en de steun van anderen. De inbrenger denkt mee.",
                en="List the success factors in two columns: on the left what the inbrenger "
                "did and brought (initiatives, qualities, actions), on the right the "
                "circumstances and other people's support. The inbrenger thinks along.",
            ),
            "inbrenger": Text(
                nl="Denk mee: vul de succesfactoren aan en verbeter wat niet klopt.",
                en="Think along: add to the success factors and correct what is not right.",
            ),
            "participant": Text(
                nl="Noem de succesfactoren die je zag, bij de inbrenger zelf of in de "
                "omstandigheden. Het gaat om wat goed ging, niet om wat beter kan.",
                en="Name the success factors you saw, in the inbrenger or in the "
                "circumstances. This is about what went well, not what could be better.",
            ),
        },
    ),
    PhaseSpec(
        id="deepening",
        title=Text(nl="Verdieping", en="Going deeper"),
        minutes=15,
        allowed={"participant": ("open_question", "analysis"), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Houd een ronde van vragen stellen en goed luisteren. Help de groep uit "
                "de antwoorden en de combinatie van factoren de succesfactoren te halen die "
                "nog niemand zag.",
                en="Hold a round of asking and listening well. Help the group draw from the "
                "answers, and from combining the factors, the success factors nobody saw "
                "yet.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen en zeg wat je zelf nu pas ziet.",
                en="Answer the questions and say what you only see now yourself.",
            ),
            "participant": Text(
                nl="Vraag door op wat het succes droeg, en benoem de verborgen "
                "succesfactoren die je uit de antwoorden haalt.",
                en="Ask on about what carried the success, and name the hidden success "
                "factors you draw from the answers.",
            ),
        },
    ),
    PhaseSpec(
        id="lessons",
        title=Text(nl="Wat leren we hiervan?", en="What do we learn from this?"),
        minutes=10,
        allowed={"participant": ("learning_point",), "inbrenger": ("learning_point",)},
        decision=DecisionSpec(
            id="do_again",
            title=Text(
                nl="Wat de inbrenger bewust opnieuw gaat doen",
                en="What the inbrenger will do again on purpose",
            ),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de groep samen de vraag beantwoorden: wat leren wij hiervan? Leg "
                "vast wat de inbrenger bewust opnieuw gaat doen; daar kijken jullie "
                "volgende keer op terug.",
                en="Have the group answer together: what do we learn from this? Record what "
                "the inbrenger will do again on purpose; you look back on it next time.",
            ),
            "inbrenger": Text(
                nl="Zeg wat je hiervan leert en wat je bewust opnieuw gaat doen.",
                en="Say what you learn from this and what you will do again on purpose.",
            ),
            "participant": Text(
                nl="Zeg wat jij hiervan leert voor je eigen werk.",
                en="Say what you learn from this for your own work.",
            ),
        },
    ),
)

SUCCESSES = MethodSpec(
    id="successes",
    version="1.0",
    title=Text(nl="Leren van successen", en="Learning from successes"),
    summary=Text(
        nl="Waarderende intervisie: de inbrenger vertelt over iets dat goed ging, de groep "
        "zet de succesfactoren op een rij (wat de inbrenger zelf deed, en de "
        "omstandigheden), vraagt door naar wat nog verborgen was, en samen beantwoorden "
        "jullie: wat leren we hiervan?",
        en="Appreciative intervision: the inbrenger tells about something that went well, "
        "the group lists the success factors (what the inbrenger did, and the "
        "circumstances), asks on about what was still hidden, and together you answer: "
        "what do we learn from this?",
    ),
    sources=(
        "https://talententoolbox.nl/portfolio/waarderend-reflecteren/",
        "https://www.managementimpact.nl/persoonlijke-groei/artikel/2018/02/intervisie-leren-van-successen-10114357",
        "https://www.hrdacademy.be/nl/blog/1281/coaching/creatieve-intervisie-methoden",
    ),
    fit=Fit(leervraag_kinds=("positive",)),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    return [SUCCESSES]
