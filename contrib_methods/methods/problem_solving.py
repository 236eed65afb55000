"""The problem-solving method (probleemoplossende methode), from "Methodieken voor intervisie".

The source (docplayer.nl) describes a straightforward method for questions where
knowledge matters: questions about the situation the inbrenger describes, a
diagnosis, advice the inbrenger reacts to; if the inbrenger is not helped, the
inbrenger says why and the group asks and advises again. That way back is what makes
the method: the spec declares it as a loop from the advice phase to the questions,
taken only by the inbrenger. The source gives no minutes; the 45 minutes here are
our timing, and the short opening in which the inbrenger describes the situation is
the source's "the situation he describes" given a phase of its own. Once helped, the
inbrenger says which advice they take and what they will do (the source's "then the
case is closed" made a commitment the next meeting looks back on).

Version 1.1 (that commitment) keeps every phase of 1.0, so a meeting started with 1.0
resumes under it.
"""

from __future__ import annotations

from intervision.engine import (
    DecisionSpec,
    Fit,
    LoopSpec,
    MethodSpec,
    PhaseSpec,
    Text,
    hookimpl,
)

__all__ = ["PROBLEM_SOLVING", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="situation",
        title=Text(nl="Situatie en vraag", en="Situation and question"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger het woord om de situatie en de vraag te beschrijven. "
                "Houd het kort: de vragen komen hierna.",
                en="Give the inbrenger the floor to describe the situation and the "
                "question. Keep it short: the questions come next.",
            ),
            "inbrenger": Text(
                nl="Beschrijf kort de situatie en wat je vraag is. Wat wil je aan het eind "
                "weten of kunnen?",
                en="Describe the situation and your question briefly. What do you want to "
                "know or be able to do at the end?",
            ),
            "participant": Text(
                nl="Luister en noteer wat je nog wilt weten over de situatie.",
                en="Listen and note what you still want to know about the situation.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Vragen over de situatie", en="Questions about the situation"),
        minutes=15,
        inbrenger_mode="answers_briefly",
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de groep vragen stellen over de situatie, niet over oplossingen. "
                "Komen jullie hier terug omdat de inbrenger nog niet geholpen is, begin dan "
                "bij wat de inbrenger miste.",
                en="Have the group ask about the situation, not about solutions. If you are "
                "back here because the inbrenger was not helped yet, start from what the "
                "inbrenger missed.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort en feitelijk.",
                en="Answer the questions briefly and factually.",
            ),
            "participant": Text(
                nl="Vraag naar de situatie en de feiten, zodat je ziet wat er precies speelt. "
                "Nog geen adviezen.",
                en="Ask about the situation and the facts, so you see what exactly is going "
                "on. No advice yet.",
            ),
        },
    ),
    PhaseSpec(
        id="diagnosis",
        title=Text(nl="Diagnose", en="Diagnosis"),
        minutes=10,
        allowed={"participant": ("analysis",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Vraag de groep wat volgens hen het probleem is en waar het door komt. "
                "Check bij de inbrenger of de diagnose herkenbaar is.",
                en="Ask the group what they think the problem is and what causes it. Check "
                "with the inbrenger whether the diagnosis rings true.",
            ),
            "inbrenger": Text(
                nl="Luister naar de diagnose en zeg of je die herkent.",
                en="Listen to the diagnosis and say whether you recognise it.",
            ),
            "participant": Text(
                nl="Zeg wat volgens jou het eigenlijke probleem is en welke oorzaken je ziet. "
                "Adviezen komen in de volgende stap.",
                en="Say what you think the actual problem is and which causes you see. Advice "
                "comes in the next step.",
            ),
        },
    ),
    PhaseSpec(
        id="advice",
        title=Text(nl="Adviezen en reactie", en="Advice and reaction"),
        minutes=15,
        allowed={"participant": ("advice",), "inbrenger": ("reaction",)},
        decision=DecisionSpec(
            id="helped",
            title=Text(
                nl="Welk advies de inbrenger neemt en wat die gaat doen",
                en="Which advice the inbrenger takes, and what they will do",
            ),
            selects_from=("advice",),
            commitment=True,
        ),
        loops=(
            LoopSpec(
                id="not_helped",
                to="questions",
                title=Text(
                    nl="Nog niet geholpen: opnieuw vragen en adviseren",
                    en="Not helped yet: ask and advise again",
                ),
            ),
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de groep adviezen geven en de inbrenger erop reageren. Is de "
                "inbrenger geholpen, leg dan vast welk advies die neemt en wat die gaat "
                "doen; zo niet, laat de inbrenger zeggen waarom, en ga terug naar de vragen.",
                en="Have the group give advice and the inbrenger react to it. If the "
                "inbrenger is helped, record which advice they take and what they will do; "
                "if not, let the inbrenger say why, and go back to the questions.",
            ),
            "inbrenger": Text(
                nl="Reageer op de adviezen. Ben je geholpen, zeg dan welk advies je neemt en "
                "wat je gaat doen. Ben je nog niet geholpen, zeg dan waarom niet; dan gaan "
                "jullie terug naar de vragen.",
                en="React to the advice. If you are helped, say which advice you take and "
                "what you will do. If you are not helped yet, say why not; then you go back "
                "to the questions.",
            ),
            "participant": Text(
                nl="Geef concrete adviezen bij de diagnose. Luister naar de reactie van de "
                "inbrenger zonder in discussie te gaan.",
                en="Give concrete advice that follows from the diagnosis. Listen to the "
                "inbrenger's reaction without arguing.",
            ),
        },
    ),
)

PROBLEM_SOLVING = MethodSpec(
    id="problem-solving",
    version="1.1",
    title=Text(nl="Probleemoplossende methode", en="Problem-solving method"),
    summary=Text(
        nl="Voor vragen waarbij kennis een grote rol speelt. De groep vraagt naar de "
        "situatie, stelt een diagnose en geeft adviezen. Is de inbrenger nog niet geholpen, "
        "dan zegt die waarom, en vraagt en adviseert de groep opnieuw.",
        en="For questions where knowledge plays a large part. The group asks about the "
        "situation, makes a diagnosis and gives advice. If the inbrenger is not helped yet, "
        "the inbrenger says why, and the group asks and advises again.",
    ),
    sources=("https://docplayer.nl/13730839-Methodieken-voor-intervisie.html",),
    fit=Fit(leervraag_kinds=("advice",)),
    phases=_PHASES,
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [PROBLEM_SOLVING, PROBLEM_SOLVING.model_copy(update={"version": "1.0"})]
