"""The Balint method in its intervision form, as Movisie describes it.

methods.md marks the Movisie tool (11 steps) as the one to ship, with the minutes per
step from hrdacademy.be and the closing "sharing" step and the rule that the
facilitator is never the inbrenger from coachy.nl. The core principle is that problem
statement, image forming, judging and deciding stay strictly apart; that is why the
associations and the individual judgement are written first and revealed together, and
why the inbrenger only listens while the group judges.

The medical Balint group (balintaustralianewzealand.org, balint.co.uk) is a different
method; it ships as the variant ``balint-group``: 6 to 10 members, about 45 minutes per
case, and never any advice or solutions, so no phase of it allows advice. The members
associate and share the images and feelings the case stirs up while the presenter sits
back and listens. The leader protects the presenter from interrogation; a limit of two
questions each in the question phase is our reading of that, not a number the sources
give, and so is the split of the 45 minutes; so is the presenter's closing word on
what they take away, which the next meeting looks back on.

The method's own last step, sharing, is the recognitions round of the frame: the
participants tell what they recognise from their own work. So the frame does not hold
its recognitions again after a Balint case (``closes_with``). Two members who went
through the situation together may bring it as a pair (``inbrenger_pair``): both tell,
both answer, and each says what they did or will do.

Version 1.1 (closing with the sharing, pairs, the presenter's take-away in the Balint
group) keeps every phase of 1.0, so a meeting started with 1.0 resumes under it.
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

__all__ = ["BALINT", "intervision_methods"]

_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="explanation",
        title=Text(nl="Toelichting", en="Explanation"),
        minutes=10,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger de ruimte om de casus uitgebreid te vertellen, "
                "gevoelens inbegrepen. Let erop dat de afloop of het besluit nog niet "
                "verteld wordt.",
                en="Give the inbrenger room to tell the case at length, feelings "
                "included. Make sure the outcome or the decision is not told yet.",
            ),
            "inbrenger": Text(
                nl="Vertel je casus uitgebreid: wat er speelt, wie erbij betrokken zijn en "
                "wat het met je doet. Vertel nog niet hoe het afliep of wat je besloot. "
                "Breng je de casus met z'n tweeën in, vertel dan allebei.",
                en="Tell your case at length: what is going on, who is involved and how it "
                "affects you. Don't say yet how it ended or what you decided. If you "
                "bring the case as a pair, both of you tell it.",
            ),
            "participant": Text(
                nl="Luister zonder te onderbreken. Merk ook op wat de casus bij jou oproept.",
                en="Listen without interrupting. Notice, too, what the case stirs up in you.",
            ),
        },
    ),
    PhaseSpec(
        id="associations",
        title=Text(nl="Associaties", en="Associations"),
        minutes=5,
        inbrenger_mode="listens",
        written_first=True,
        allowed={"participant": ("association",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedereen in stilte de eerste associaties opschrijven. Maak ze "
                "daarna allemaal tegelijk zichtbaar, zonder bespreking.",
                en="Have everyone write down their first associations in silence. Then "
                "reveal them all at once, without discussing them.",
            ),
            "inbrenger": Text(
                nl="Je wacht in stilte terwijl de anderen schrijven. Als de associaties "
                "zichtbaar worden, lees je mee zonder te reageren.",
                en="You wait in silence while the others write. When the associations are "
                "revealed, you read along without responding.",
            ),
            "participant": Text(
                nl="Schrijf in stilte op wat er bij je opkomt: beelden, gevoelens, "
                "woorden. Niet filteren; niemand ziet het voordat alles tegelijk zichtbaar "
                "wordt.",
                en="Write down in silence whatever comes up: images, feelings, words. "
                "Don't filter; nobody sees it until everything is revealed together.",
            ),
        },
    ),
    PhaseSpec(
        id="image_forming",
        title=Text(nl="Beeldvorming", en="Image forming"),
        minutes=15,
        inbrenger_mode="answers_briefly",
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat de deelnemers verhelderende vragen stellen, zodat iedereen een "
                "scherp beeld krijgt. Geen discussie en geen adviezen; grijp in als dat "
                "toch gebeurt.",
                en="Let the participants ask clarifying questions so everyone gets a clear "
                "picture. No discussion and no advice; step in if either creeps in.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort. Vertel nog steeds niet wat je besloten of "
                "gedaan hebt.",
                en="Answer the questions briefly. Still don't tell what you decided or did.",
            ),
            "participant": Text(
                nl="Stel verhelderende vragen om een goed beeld van de casus te krijgen. "
                "Geen discussie met elkaar en geen adviezen.",
                en="Ask clarifying questions to get a good picture of the case. No "
                "discussion among yourselves and no advice.",
            ),
        },
    ),
    PhaseSpec(
        id="judgement",
        title=Text(nl="Individueel oordeel", en="Individual judgement"),
        minutes=5,
        inbrenger_mode="listens",
        written_first=True,
        allowed={"participant": ("advice",)},
        instructions={
            "facilitator": Text(
                nl="Laat iedere deelnemer in stilte en zonder overleg een eigen advies "
                "opschrijven. Maak de adviezen pas zichtbaar als iedereen klaar is.",
                en="Have each participant write down their own advice, in silence and "
                "without conferring. Reveal the advice only once everyone is done.",
            ),
            "inbrenger": Text(
                nl="Je wacht in stilte terwijl de deelnemers hun oordeel opschrijven.",
                en="You wait in silence while the participants write down their judgement.",
            ),
            "participant": Text(
                nl="Schrijf op wat jij de inbrenger zou adviseren, zonder te overleggen. "
                "Het blijft verborgen tot de begeleider alles tegelijk laat zien.",
                en="Write down what you would advise the inbrenger, without conferring. "
                "It stays hidden until the facilitator reveals everything together.",
            ),
        },
    ),
    PhaseSpec(
        id="group_judgement",
        title=Text(nl="Oordeelsvorming in de groep", en="Judgement in the group"),
        minutes=15,
        inbrenger_mode="listens",
        allowed={"participant": ("advice", "analysis")},
        instructions={
            "facilitator": Text(
                nl="Laat de deelnemers hun adviezen toelichten en met elkaar bespreken. "
                "Houd de inbrenger buiten het gesprek: niet tussendoor reageren.",
                en="Have the participants explain their advice and discuss it with each "
                "other. Keep the inbrenger out of the conversation: no reacting in "
                "between.",
            ),
            "inbrenger": Text(
                nl="Je luistert en mag aantekeningen maken. Reageer niet tussendoor; zo "
                "meteen krijg jij het woord.",
                en="You listen and may take notes. Don't react in between; you get the floor next.",
            ),
            "participant": Text(
                nl="Licht je advies toe en bespreek de verschillende oordelen met elkaar: "
                "wat weegt voor jou zwaar, en waarom? Praat met elkaar, niet met de "
                "inbrenger.",
                en="Explain your advice and discuss the different judgements with each "
                "other: what weighs most for you, and why? Talk with each other, not with "
                "the inbrenger.",
            ),
        },
    ),
    PhaseSpec(
        id="decision",
        title=Text(nl="Besluit", en="Decision"),
        minutes=10,
        allowed={"inbrenger": ("reaction", "statement")},
        decision=DecisionSpec(
            id="decision",
            title=Text(
                nl="Wat de inbrenger deed of gaat doen",
                en="What the inbrenger did or will do",
            ),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger het woord: wat is er gedaan of wat gaat er gebeuren, "
                "en wat waren de adviezen waard? Leg het besluit vast voor de terugblik "
                "volgende keer.",
                en="Give the inbrenger the floor: what was done or will be done, and what "
                "was the advice worth? Record the decision for the look-back at the next "
                "meeting.",
            ),
            "inbrenger": Text(
                nl="Vertel wat je gedaan hebt of gaat doen, en wat de adviezen je "
                "opleverden. Jij besluit (met z'n tweeën: ieder voor zich); wat je "
                "toezegt, komt de volgende keer terug.",
                en="Say what you did or will do, and what the advice was worth to you. "
                "You decide (as a pair: each for themselves); what you commit to comes "
                "back at the next meeting.",
            ),
            "participant": Text(
                nl="Luister naar het besluit van de inbrenger. Ga niet opnieuw adviseren "
                "en verdedig je oordeel niet.",
                en="Listen to the inbrenger's decision. Don't start advising again or "
                "defend your judgement.",
            ),
        },
    ),
    PhaseSpec(
        id="sharing",
        title=Text(nl="Delen", en="Sharing"),
        minutes=10,
        inbrenger_mode="listens",
        allowed={"participant": ("recognition",)},
        instructions={
            "facilitator": Text(
                nl="Nodig de deelnemers uit te vertellen waar zij zelf tegenaan lopen in "
                "vergelijkbare situaties. Het gaat om herkenning, niet om nieuwe adviezen. "
                "Dit is de herkenningsronde: na de casus komt die niet nog eens.",
                en="Invite the participants to tell what they struggle with themselves in "
                "similar situations. This is about recognition, not new advice. This is "
                "the recognitions round: it does not come again after the case.",
            ),
            "inbrenger": Text(
                nl="Je luistert hoe anderen met vergelijkbare situaties worstelen. Je hoeft "
                "niet te reageren.",
                en="You listen to how others struggle with similar situations. You don't "
                "need to respond.",
            ),
            "participant": Text(
                nl="Vertel waar jij zelf tegenaan loopt in een vergelijkbare situatie. "
                "Geen adviezen meer aan de inbrenger.",
                en="Tell what you run into yourself in a similar situation. No more advice "
                "for the inbrenger.",
            ),
        },
    ),
)

_GROUP_PHASES: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        id="presentation",
        title=Text(nl="Casus vertellen", en="Presenting the case"),
        minutes=10,
        allowed={"inbrenger": ("statement",)},
        instructions={
            "facilitator": Text(
                nl="Geef de inbrenger het woord om uit het hoofd over een patiënt of "
                "cliënt te vertellen die hem of haar bezighoudt. Laat het verhaal lopen.",
                en="Give the inbrenger the floor to tell, from memory, about a patient or "
                "client who is on their mind. Let the story flow.",
            ),
            "inbrenger": Text(
                nl="Vertel uit je hoofd, zonder aantekeningen, over een patiënt of cliënt "
                "die je bezighoudt: wat er gebeurde en wat het met je doet.",
                en="Tell from memory, without notes, about a patient or client who is on "
                "your mind: what happened and how it affects you.",
            ),
            "participant": Text(
                nl="Luister en let op wat het verhaal bij jou oproept: beelden, gevoelens, "
                "ergernis of ontroering.",
                en="Listen and notice what the story stirs up in you: images, feelings, "
                "irritation or being moved.",
            ),
        },
    ),
    PhaseSpec(
        id="questions",
        title=Text(nl="Feitelijke vragen", en="Factual questions"),
        minutes=5,
        inbrenger_mode="answers_briefly",
        quotas={"question": 2},
        allowed={"participant": ("question",), "inbrenger": ("reaction",)},
        instructions={
            "facilitator": Text(
                nl="Laat alleen een paar feitelijke vragen toe, hooguit twee per persoon. "
                "Bescherm de inbrenger tegen een kruisverhoor.",
                en="Allow only a few factual questions, at most two each. Protect the "
                "inbrenger from interrogation.",
            ),
            "inbrenger": Text(
                nl="Beantwoord de vragen kort. Je hoeft niets te verantwoorden.",
                en="Answer the questions briefly. You don't have to justify anything.",
            ),
            "participant": Text(
                nl="Stel hooguit twee feitelijke vragen, alleen als je iets echt mist. "
                "Geen vragen die de inbrenger ter verantwoording roepen.",
                en="Ask at most two factual questions, only if you really miss something. "
                "No questions that call the inbrenger to account.",
            ),
        },
    ),
    PhaseSpec(
        id="associations",
        title=Text(nl="Associëren", en="Associating"),
        minutes=20,
        inbrenger_mode="listens",
        allowed={"participant": ("association", "image")},
        instructions={
            "facilitator": Text(
                nl="Laat de inbrenger iets naar achteren schuiven en luisteren. Nodig de "
                "groep uit te delen welke beelden, gevoelens en fantasieën de casus "
                "oproept. Grijp in bij adviezen of oplossingen.",
                en="Have the inbrenger sit back a little and listen. Invite the group to "
                "share the images, feelings and fantasies the case brings up. Step in at "
                "advice or solutions.",
            ),
            "inbrenger": Text(
                nl="Schuif iets naar achteren en luister. Je hoeft niet te reageren; merk "
                "op wat je raakt.",
                en="Sit back a little and listen. You don't need to respond; notice what "
                "touches you.",
            ),
            "participant": Text(
                nl="Deel wat de casus bij je oproept: beelden, gevoelens, hoe de patiënt of "
                "cliënt op jou overkomt. Geen adviezen en geen oplossingen.",
                en="Share what the case brings up in you: images, feelings, how the "
                "patient or client comes across to you. No advice and no solutions.",
            ),
        },
    ),
    PhaseSpec(
        id="return",
        title=Text(nl="Terug in de groep", en="Back in the group"),
        minutes=10,
        allowed={"inbrenger": ("reaction", "statement"), "participant": ("association", "image")},
        decision=DecisionSpec(
            id="taken_away",
            title=Text(nl="Wat de inbrenger meeneemt", en="What the inbrenger takes away"),
            commitment=True,
        ),
        instructions={
            "facilitator": Text(
                nl="Nodig de inbrenger uit weer aan te schuiven en te zeggen wat hem of "
                "haar trof en wat hij of zij meeneemt. Rond af zonder conclusie of advies.",
                en="Invite the inbrenger to rejoin and say what struck them and what they "
                "take away. Close without a conclusion or advice.",
            ),
            "inbrenger": Text(
                nl="Schuif weer aan en vertel wat je trof in wat je hoorde, en wat je "
                "meeneemt naar je patiënt of cliënt. Een besluit of plan hoeft niet.",
                en="Rejoin the group and say what struck you in what you heard, and what "
                "you take back to your patient or client. No decision or plan is needed.",
            ),
            "participant": Text(
                nl="Luister naar de inbrenger en deel eventueel nog een beeld of gevoel. "
                "Ook nu geen adviezen.",
                en="Listen to the inbrenger and share another image or feeling if you "
                "have one. Still no advice.",
            ),
        },
    ),
)

BALINT = MethodSpec(
    id="balint",
    version="1.1",
    title=Text(nl="Balint-methode", en="Balint method"),
    summary=Text(
        nl="De inbrenger vertelt een casus uitgebreid, gevoelens inbegrepen, maar nog "
        "zonder afloop. Daarna houdt de groep beeldvorming, oordeel en besluit strikt "
        "uit elkaar: eerst associaties en vragen, dan ieders eigen oordeel op papier, "
        "dan het gesprek daarover. De inbrenger besluit; tot slot delen de deelnemers "
        "eigen ervaringen.",
        en="The inbrenger tells a case at length, feelings included, but without the "
        "outcome. The group then keeps image forming, judgement and decision strictly "
        "apart: first associations and questions, then each person's own judgement in "
        "writing, then the discussion of it. The inbrenger decides; finally the "
        "participants share their own experiences.",
    ),
    sources=(
        "https://movisie.nl/tool/balint-methode-intervisie",
        "https://hrdacademy.be",
        "https://coachy.nl/intervisiemethodieken/",
        "https://bpopleidingen.nl/e-learning-werkvorm-de-balint-methode/",
    ),
    fit=Fit(group_min=5, experience="experienced", leervraag_kinds=("relational", "advice")),
    phases=_PHASES,
    rules=(RuleRef(kind="facilitator_not_inbrenger"),),
    closes_with=("recognitions",),
    inbrenger_pair=True,
    variants=(
        VariantSpec(
            id="balint-group",
            title=Text(nl="Balintgroep", en="Balint group"),
            summary=Text(
                nl="De medische Balintgroep: de inbrenger vertelt over een patiënt of "
                "cliënt, de groep stelt een paar feitelijke vragen en deelt daarna beelden "
                "en gevoelens terwijl de inbrenger luistert. Nooit adviezen of oplossingen.",
                en="The medical Balint group: the inbrenger tells about a patient or client, "
                "the group asks a few factual questions and then shares images and feelings "
                "while the inbrenger listens. Never any advice or solutions.",
            ),
            sources=("https://balintaustralianewzealand.org", "https://balint.co.uk"),
            phases=_GROUP_PHASES,
            fit=Fit(group_min=6, group_max=10, leervraag_kinds=("relational",)),
            closes_with=(),  # no sharing round: the frame's recognitions follow
        ),
    ),
)


@hookimpl
def intervision_methods() -> list[MethodSpec]:
    # 1.0 meetings resume under 1.1: it keeps every phase of 1.0 (see the docstring)
    return [BALINT, BALINT.model_copy(update={"version": "1.0"})]
