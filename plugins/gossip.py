"""The gossip method (roddelmethode), with the minutes of ssprong.nl.

methods.md marks ssprong.nl as the one to ship: five phases of 5, 15, 15, 15 and 5
minutes. bpopleidingen.nl adds the limit of three open questions each,
managementissues.com the method itself, palliaweb.nl (PATZ) the closing round. What
makes it work is distance: the inbrenger sits outside the circle with their back to the
group and hears the others talk about them in the third person, as if they were not
there, without being able to step in. That is confronting, so the method is for groups
whose members know and trust each other well. Only afterwards does the inbrenger say
what touched them and what they accept or reject; that choice is theirs alone. The
variant in which the inbrenger chooses which questions to answer is not part of this
spec. The method ends with its own process evaluation (PATZ's closing round), so the
frame's evaluation does not evaluate the method again (``closes_with``).

Version 1.1 (the frame's evaluation not repeated) keeps every phase of 1.0, so a
meeting started with 1.0 resumes under it.
"""

from __future__ import annotations

from intervision.engine import DecisionSpec, Fit, MethodSpec, PhaseSpec, Text, hookimpl

__all__ = ["GOSSIP", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="introduction",
        title=Text(nl="Introductie", en="Introduction"),
        minutes=5,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger kort het woord voor de casus en de leervraag. Leg "
                "uit hoe de roddelronde straks gaat, zodat niemand erdoor overvallen wordt.",
                en="Give the inbrenger the floor briefly for the case and the leervraag. "
                "Explain how the gossip round will go, so nobody is taken by surprise.",
            ),
            "inbrenger": Text(
                nl="Vertel kort wat er speelt en wat je leervraag is. Houd het beknopt; "
                "de groep vraagt straks door.",
                en="Tell briefly what is going on and what your leervraag is. Keep it "
                "short; the group will ask more in a moment.",
            ),
            "participant": Text(
                nl="Luister zonder te onderbreken en let op wat je opvalt aan de inbrenger "
                "en aan de situatie.",
                en="Listen without interrupting and notice what strikes you about the "
                "inbrenger and the situation.",
            ),
        },
    ),
    PhaseSpec(
        id="exploration",
        title=Text(nl="Verkenning", en="Exploration"),
        minutes=15,
        inbrenger_mode="answers_briefly",
        quotas={"open_question": 3},
        allowed={"participant": ("open_question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer hooguit drie open vragen stellen. Let erop dat "
                "het echte vragen zijn en geen verkapte adviezen of oordelen.",
                en="Let each participant ask at most three open questions. Make sure they "
                "are real questions and not advice or judgements in disguise.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort. Je hoeft niets te verdedigen of uit te leggen.",
                en="Answer the questions briefly. You don't need to defend or explain anything.",
            ),
            "participant": Text(
                nl="Stel hooguit drie open vragen om de situatie en de inbrenger beter te "
                "begrijpen. Nog geen meningen of adviezen.",
                en="Ask at most three open questions to understand the situation and the "
                "inbrenger better. No opinions or advice yet.",
            ),
        },
    ),
    PhaseSpec(
        id="gossip",
        title=Text(nl="Roddelronde", en="Gossip round"),
        minutes=15,
        inbrenger_mode="away",
        allowed={"participant": ("analysis", "advice", "image")},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger buiten de kring gaan zitten, met de rug naar de "
                "groep (online: camera en microfoon uit). Zorg dat de deelnemers over de "
                "inbrenger praten in de derde persoon en dat de inbrenger niet ingrijpt. "
                "Bewaak dat het respectvol blijft.",
                en="Have the inbrenger sit outside the circle with their back to the "
                "group (online: camera and microphone off). Make sure the participants "
                "talk about the inbrenger in the third person and that the inbrenger does "
                "not step in. Keep it respectful.",
            ),
            "inbrenger": Text(
                nl="Je zit buiten de kring met je rug naar de groep (online: camera en "
                "microfoon uit). De anderen praten over je alsof je er niet bent. Je "
                "luistert en grijpt niet in.",
                en="You sit outside the circle with your back to the group (online: camera "
                "and microphone off). The others talk about you as if you weren't there. "
                "You listen and don't step in.",
            ),
            "participant": Text(
                nl="Praat met elkaar over de inbrenger in de derde persoon: 'Ik denk dat "
                "zij…'. Wat zijn de achtergronden, oorzaken en aannames, welke oplossingen "
                "zie je? Eerlijk en respectvol; spreek de inbrenger niet aan.",
                en="Talk with each other about the inbrenger in the third person: 'I think "
                "she…'. What are the backgrounds, causes and assumptions, which solutions "
                "do you see? Honest and respectful; don't address the inbrenger.",
            ),
        },
    ),
    PhaseSpec(
        id="reactions",
        title=Text(nl="Reactie van de inbrenger", en="The inbrenger's reactions"),
        minutes=15,
        allowed={"inbrenger": ("reaction", "statement")},
        decision=DecisionSpec(
            id="accepted",
            title=Text(
                nl="Wat de inbrenger aanneemt en wat niet",
                en="What the inbrenger accepts and what not",
            ),
            selects_from=("analysis", "advice"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Haal de inbrenger terug in de kring. Vraag wat er raakte, wat de "
                "inbrenger aanneemt en wat niet, en wat daarmee gaat gebeuren. Leg dat "
                "vast voor de terugblik volgende keer.",
                en="Bring the inbrenger back into the circle. Ask what touched them, what "
                "they accept and what not, and what they will do with it. Record that "
                "for the look-back at the next meeting.",
            ),
            "inbrenger": Text(
                nl="Vertel wat je raakte in wat je hoorde. Jij kiest wat je aanneemt en "
                "wat je naast je neerlegt, en wat je ermee gaat doen; dat komt de "
                "volgende keer terug.",
                en="Say what touched you in what you heard. You choose what you accept and "
                "what you set aside, and what you will do with it; that comes back at the "
                "next meeting.",
            ),
            "participant": Text(
                nl="Luister naar de inbrenger. Ga niet in discussie en verdedig niet wat je "
                "in de roddelronde zei.",
                en="Listen to the inbrenger. Don't argue and don't defend what you said in "
                "the gossip round.",
            ),
        },
    ),
    PhaseSpec(
        id="process_evaluation",
        title=Text(nl="Procesevaluatie", en="Process evaluation"),
        minutes=5,
        allowed={"inbrenger": ("learning_point",), "participant": ("learning_point",)},
        instructions={
            "facilitator": Text(
                nl="Sluit af met een korte ronde: hoe was het om over iemand te praten "
                "die erbij zat, en hoe was het voor de inbrenger om dat te horen? Dit is "
                "de evaluatie van de methode; die komt aan het eind niet nog eens.",
                en="Close with a short round: what was it like to talk about someone who "
                "was sitting right there, and what was it like for the inbrenger to hear "
                "it? This is the method's evaluation; it does not come again at the end.",
            ),
            "inbrenger": Text(
                nl="Vertel hoe het was om over jezelf te horen praten zonder te kunnen "
                "reageren, en wat het je heeft opgeleverd.",
                en="Say what it was like to hear yourself talked about without being able "
                "to respond, and what it gave you.",
            ),
            "participant": Text(
                nl="Vertel hoe het voor jou was om over de inbrenger te roddelen, en wat je "
                "van deze ronde meeneemt.",
                en="Say what it was like for you to gossip about the inbrenger, and what "
                "you take away from this round.",
            ),
        },
    ),
)

GOSSIP = MethodSpec(
    id="gossip",
    version="1.1",
    title=Text(nl="Roddelmethode", en="Gossip method"),
    summary=Text(
        nl="Na een korte introductie en open vragen draait de inbrenger de groep de rug "
        "toe. De deelnemers praten dan over de inbrenger in de derde persoon: "
        "achtergronden, oorzaken, aannames en oplossingen. Daarna zegt de inbrenger wat "
        "raakte en wat hij of zij aanneemt. Voor groepen die elkaar goed kennen.",
        en="After a short introduction and open questions, the inbrenger turns their "
        "back on the group. The participants then talk about the inbrenger in the third "
        "person: backgrounds, causes, assumptions and solutions. Afterwards the "
        "inbrenger says what touched them and what they accept. For groups whose members "
        "know each other well.",
    ),
    sources=(
        "https://ssprong.nl/de-roddelmethode",
        "https://bpopleidingen.nl",
        "https://managementissues.com",
        "https://palliaweb.nl/patz",
    ),
    fit=Fit(group_min=4, experience="experienced", leervraag_kinds=("pattern", "relational")),
    phases=_PHASES,
    closes_with=("evaluation",),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [GOSSIP, GOSSIP.model_copy(update={"version": "1.0"})]
