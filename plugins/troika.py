"""Troika Consulting (Liberating Structures): quick help in trios, every member in turn.

methods.md takes the steps from liberatingstructures-uncovered.com and workshopr.io, and
the online form (camera and microphone off) from opencreativity.trubox.ca. The sources
give ranges (1-2, 1-2, 4-5 and 1-2 minutes); this spec takes the upper end, 11 minutes a
round, so a trio is done in about half an hour. The round runs once for every member
present, so everyone is the client once; the facilitator keeps time and is not exempt
from a turn, which is why this method lets the facilitator bring a case. Turning the
client's back is the point: the consultants talk freely with each other, and the
client hears it without having to respond. A group of four has three consultants to a
client, a trio two, so the texts speak of "your fellow consultants" for both. Each round
ends with what the client takes away, which comes back at the next meeting.

Version 1.1 (the client's take-away kept for the look-back, texts for groups of three
and four) keeps every phase of 1.0, so a meeting started with 1.0 resumes under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["TROIKA", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="challenge",
        title=Text(nl="Vraagstuk", en="The challenge"),
        minutes=2,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger twee minuten voor het vraagstuk en de hulp die hij "
                "of zij zoekt. Houd de tijd strak.",
                en="Give the inbrenger two minutes for the challenge and the help they "
                "want. Keep strictly to time.",
            ),
            "inbrenger": Text(
                nl="Vertel in twee minuten je vraagstuk en wat voor hulp je van de anderen wilt.",
                en="In two minutes, tell your challenge and what kind of help you want "
                "from the others.",
            ),
            "participant": Text(
                nl="Luister goed. Je bent zo meteen adviseur; onderbreek nog niet.",
                en="Listen carefully. You are a consultant in a moment; don't interrupt yet.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Verhelderende vragen", en="Clarifying questions"),
        minutes=2,
        inbrenger_mode="answers_briefly",
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de adviseurs alleen verhelderende vragen stellen, geen suggesties. "
                "Na twee minuten is het klaar.",
                en="Let the consultants ask clarifying questions only, no suggestions. "
                "After two minutes it is over.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort.",
                en="Answer the questions briefly.",
            ),
            "participant": Text(
                nl="Stel verhelderende vragen. Nog geen suggesties of adviezen.",
                en="Ask clarifying questions. No suggestions or advice yet.",
            ),
        },
    ),
    PhaseSpec(
        id="consulting",
        title=Text(nl="Adviseurs in gesprek", en="Consultants in conversation"),
        minutes=5,
        inbrenger_mode="away",
        allowed={"participant": ("advice", "analysis", "image")},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger zich omdraaien (online: camera en microfoon uit). De "
                "adviseurs praten vijf minuten met elkaar, niet met de inbrenger.",
                en="Have the inbrenger turn around (online: camera and microphone off). "
                "The consultants talk with each other for five minutes, not with the "
                "inbrenger.",
            ),
            "inbrenger": Text(
                nl="Draai je om, met je rug naar de anderen (online: camera en microfoon "
                "uit). Luister mee en maak aantekeningen, maar reageer niet.",
                en="Turn around, your back to the others (online: camera and microphone "
                "off). Listen and take notes, but don't respond.",
            ),
            "participant": Text(
                nl="Praat met je mede-adviseurs over het vraagstuk: wat zie je, wat speelt "
                "er, wat zou je de inbrenger aanraden? Praat over de inbrenger, niet tegen "
                "hem of haar.",
                en="Talk with your fellow consultants about the challenge: what do you see, "
                "what is going on, what would you suggest to the inbrenger? Talk about "
                "the inbrenger, not to them.",
            ),
        },
    ),
    PhaseSpec(
        id="feedback",
        title=Text(nl="Wat waardevol was", en="What was most valuable"),
        minutes=2,
        allowed={"inbrenger": ("reaction",)},
        decision=DecisionSpec(
            id="most_valuable",
            title=Text(
                nl="Wat het meest waardevol was en wat je meeneemt",
                en="What was most valuable, and what you take away",
            ),
            selects_from=("advice",),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger zich weer omdraaien en zeggen wat het meest waardevol "
                "was en wat hij of zij ermee gaat doen; leg dat vast voor de terugblik. "
                "Daarna wisselen de rollen: de volgende is aan de beurt.",
                en="Have the inbrenger turn back and say what was most valuable and what "
                "they will do with it; record that for the look-back. Then the roles "
                "rotate: the next member is up.",
            ),
            "inbrenger": Text(
                nl="Draai je weer om en vertel wat voor jou het meest waardevol was in wat "
                "je hoorde, en wat je ermee gaat doen.",
                en="Turn back and say what was most valuable to you in what you heard, and "
                "what you will do with it.",
            ),
            "participant": Text(
                nl="Luister naar wat de inbrenger waardevol vond. Geen nieuwe adviezen.",
                en="Listen to what the inbrenger found valuable. No new advice.",
            ),
        },
    ),
)

TROIKA = MethodSpec(
    id="troika",
    version="1.1",
    title=Text(nl="Troika-consultatie", en="Troika Consulting"),
    summary=Text(
        nl="In een trio (of een groep van vier) is iedereen om de beurt inbrenger; een "
        "ronde duurt elf minuten, een trio is in een half uur klaar. De inbrenger vertelt "
        "kort het vraagstuk, de andere twee (of drie) stellen als adviseurs "
        "verhelderende vragen, praten dan met elkaar terwijl de inbrenger met de rug "
        "naar hen toe zit, en de inbrenger zegt wat het meest waardevol was.",
        en="In a trio (or a group of four), everyone takes a turn as inbrenger; a round "
        "takes eleven minutes, so a trio is done in half an hour. The inbrenger briefly "
        "tells the challenge, the other two (or three) ask clarifying questions as "
        "consultants, then talk with each other while the inbrenger sits with their back "
        "to them, and the inbrenger says what was most valuable.",
    ),
    sources=(
        "https://liberatingstructures-uncovered.com/troika-consulting",
        "https://workshopr.io",
        "https://opencreativity.trubox.ca",
    ),
    fit=Fit(group_max=4, leervraag_kinds=("advice", "incident")),
    phases=_PHASES,
    rounds="per_member",
    facilitator_may_bring_case=Text(
        nl="Ieder is één keer de inbrenger, wie begeleidt ook: begeleiden is hier de tijd "
        "bewaken, en dat gaat door terwijl de begeleider zelf inbrenger is.",
        en="Every member is the client once, whoever facilitates too: facilitating here is "
        "keeping time, which goes on while the facilitator is the client.",
    ),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [TROIKA, TROIKA.model_copy(update={"version": "1.0"})]
