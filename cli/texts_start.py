"""The words of a group's intake, a refresh and the learning goals, Dutch and English.

Apart from :mod:`.texts` like :mod:`.texts_series`: the frame steps an intake or a
refresh adds, and the "voortgaande lijn" (each member's learning goal, recalled at
later openings and followed in the series view).
"""

from __future__ import annotations

from .texts import Lang, said

__all__ = ["TEXTS", "t"]

_TEXTS: dict[str, tuple[str, str]] = {
    "start.propose_intake": (
        "Dit is de eerste bijeenkomst van {name}: beginnen met de intake (kennismaking met "
        "intervisie, het contract, de methodes en ieders leerdoel)?",
        "This is {name}'s first meeting: begin with the intake (introducing intervision, the "
        "contract, the methods and everyone's learning goal)?",
    ),
    "start.propose_refresh": (
        "Sinds de vorige bijeenkomst kwamen er leden bij of gingen er weg: een herstart "
        "(het contract, de rotatie en de leerdoelen opnieuw)?",
        "Members joined or left since the last meeting: a refresh (the contract, the "
        "rotation and the learning goals again)?",
    ),
    "roles.ask": (
        "Rollen van vandaag: {roles}. Enter = akkoord, '-' = geen, of typ andere namen "
        "in die volgorde (met een komma): ",
        "Today's roles: {roles}. Enter = agreed, '-' = none, or type other names in that "
        "order (with a comma): ",
    ),
    "roles.not_present": (
        "Niet aanwezig of geen lid: {names} die je noemde. Noem wie er vandaag is.",
        "Not here or not a member: {names} you gave. Name who is here today.",
    ),
    "roles.too_many": (
        "Noem hoogstens {n} namen, in de volgorde van de rollen.",
        "Name at most {n} people, in the order of the roles.",
    ),
    "intro.frame": (
        "Zo loopt elke bijeenkomst: opening, terugblik, leervragen, casuskeuze, methodekeuze, "
        "de methode, herkenningen en evaluatie. Wie begeleidt, bewaakt de structuur, niet de "
        "inhoud, en brengt zelf geen casus in.",
        "Every meeting runs like this: opening, looking back, leervragen, case choice, method "
        "choice, the method, recognitions and evaluation. Whoever facilitates guards the "
        "structure, not the content, and does not bring a case.",
    ),
    "intro.methods": (
        "Methodes voor een groep van {n} (meer over een methode: intervision methods show ID):",
        "Methods for a group of {n} (more about one: intervision methods show ID):",
    ),
    "intro.fixed": (
        "Deze reeks houdt de groep de methode {title} aan, tot iedereen haar kent.",
        "In this series the group keeps the method {title} until everyone knows it.",
    ),
    "intro.ask": (
        "Een vraag van een lid (NAAM: vraag), of Enter om verder te gaan: ",
        "A member's question (NAME: question), or Enter to go on: ",
    ),
    "contract.guided": (
        "Begeleiding: {name} begeleidt de groep vast.",
        "Facilitation: {name} guides the group throughout.",
    ),
    "contract.self_run": (
        "Begeleiding: de leden begeleiden om de beurt; tot nu toe: {counts}.",
        "Facilitation: the members facilitate in turn; so far: {counts}.",
    ),
    "contract.not_yet": ("nog niemand", "nobody yet"),
    "contract.ask": (
        "Een opmerking bij de afspraken (NAAM: tekst), of Enter als iedereen instemt: ",
        "A remark on the agreements (NAME: text), or Enter when everyone agrees: ",
    ),
    "contract.change_hint": (
        "Een afspraak aanpassen: intervision group contract {id} --material TEKST (of "
        "--confidentiality, --attendance, --working-time); de begeleiding: intervision "
        "group guided {id}.",
        "To change an agreement: intervision group contract {id} --material TEXT (or "
        "--confidentiality, --attendance, --working-time); the facilitation: intervision "
        "group guided {id}.",
    ),
    "goals.ask": (
        "{name}, je persoonlijke leerdoel voor deze reeks: ",
        "{name}, your personal learning goal for this series: ",
    ),
    "goals.keep": (
        "{name}, je leerdoel was: {text}\n  Enter = houden, of schrijf een nieuw: ",
        "{name}, your learning goal was: {text}\n  Enter = keep it, or write a new one: ",
    ),
    "goals.needed": (
        "Een leerdoel is nodig: wat wil je in je eigen werk leren? Eén zin is genoeg.",
        "A learning goal is needed: what do you want to learn in your own work? One "
        "sentence will do.",
    ),
    "goals.title": (
        "Leerdoelen (de voortgaande lijn) van wie er is:",
        "Learning goals (the thread through the series) of those present:",
    ),
    "goals.line": ("{name} (sinds {day}): {text}", "{name} (since {day}): {text}"),
    "goals.none_yet": (
        "{names}: nog geen leerdoel; schrijf het bij een herstart.",
        "{names}: no learning goal yet; write it at a refresh.",
    ),
    "leervragen.none_intake": (
        "Niemand brengt vandaag een leervraag in; door naar de herkenningen.",
        "Nobody brings a leervraag today; on to the recognitions.",
    ),
    "series.goals": (
        "Leerdoelen en hoe de reeks ze volgt:",
        "Learning goals and how the series follows them:",
    ),
    "series.goal_line": (
        "{name}: leerdoel sinds {day}; daarna {meetings}, {cases} ingebracht",
        "{name}: learning goal since {day}; since then {meetings}, brought {cases}",
    ),
    "series.no_goal": (
        "{name}: nog geen leerdoel (een intake of herstart vraagt erom)",
        "{name}: no learning goal yet (an intake or a refresh asks for it)",
    ),
}


#: Every text here, for a language pack to translate (``intervision check LANG``).
TEXTS = _TEXTS


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    return said(lang, _TEXTS[key], values)
