"""Every word the CLI itself says, in Dutch and English side by side.

Kept apart from the commands so that a translator reads one file, and so that the
Dutch is written as a facilitator would say it (informal "je"), not translated
line by line. Plain tuples, not the engine's ``Text`` model: ``intervision --help``
should not have to import pydantic.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["INBRENGER_MODES", "KIND_NAMES", "ROLE_NAMES", "Lang", "pick", "t"]

Lang = Literal["nl", "en"]

_TEXTS: dict[str, tuple[str, str]] = {
    # -- shared ---------------------------------------------------------------
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "yes_no_hint": ("[J/n]", "[Y/n]"),
    "no_yes_hint": ("[j/N]", "[y/N]"),
    "answer_yes_no": ("Antwoord met j of n.", "Please answer y or n."),
    "min": ("min", "min"),
    # -- methods ----------------------------------------------------------------
    "col.id": ("id", "id"),
    "col.title": ("titel", "title"),
    "col.minutes": ("min", "min"),
    "col.group": ("groep", "group"),
    "col.plugin": ("plugin", "plugin"),
    "col.started": ("gestart", "started"),
    "col.version": ("versie", "version"),
    "col.where": ("waar nu", "where now"),
    "col.closed": ("klaar", "closed"),
    "methods.none": ("Er zijn geen methodes geïnstalleerd.", "No methods are installed."),
    "methods.more": (
        "Meer over een methode: intervision methods show ID",
        "More about a method: intervision methods show ID",
    ),
    "show.version": ("versie", "version"),
    "show.derived": ("afgeleid (geen gepubliceerde procedure)", "derived (no published procedure)"),
    "show.summary": ("Samenvatting", "Summary"),
    "show.sources": ("Bronnen", "Sources"),
    "show.fit": ("Past bij", "Fits"),
    "show.fit_line": (
        "groepen van {lo} tot {hi}, ongeveer {minutes} minuten, ervaring: {experience}",
        "groups of {lo} to {hi}, about {minutes} minutes, experience: {experience}",
    ),
    "show.leervraag_kinds": ("soorten leervragen: {kinds}", "kinds of leervraag: {kinds}"),
    "show.phases": ("Fasen", "Phases"),
    "show.plugin": ("plugin", "plugin"),
    "show.rules": ("regels voor de hele methode: {rules}", "rules for the whole method: {rules}"),
    "phase.header": (
        "Fase {no}/{total} · {title} · {minutes} min",
        "Phase {no}/{total} · {title} · {minutes} min",
    ),
    "phase.inbrenger": ("De inbrenger {mode}.", "The inbrenger {mode}."),
    "phase.may": ("inbreng: {kinds}", "may contribute: {kinds}"),
    "phase.may_nothing": ("geen inbreng", "no contributions"),
    "phase.written_first": (
        "Eerst schrijven: bijdragen blijven verborgen tot de begeleider ze onthult.",
        "Written first: contributions stay hidden until the facilitator reveals them.",
    ),
    "phase.quota": (
        "Hooguit {limit} × {kind} per persoon.",
        "At most {limit} × {kind} per person.",
    ),
    "phase.decision": ("Besluit van de {role}: {title}", "Decision by the {role}: {title}"),
    "phase.selects": ("kiest uit: {kinds}", "selects from: {kinds}"),
    "phase.advance_by": ("verder: {roles}", "moves on: {roles}"),
    "phase.rules": ("regels: {rules}", "rules: {rules}"),
    "phase.remaining": ("nog {minutes} min", "{minutes} min left"),
    "phase.over": ("{minutes} min over de tijd", "{minutes} min over time"),
    "experience.any": ("alle", "any"),
    "experience.beginning": ("beginnende groepen", "beginning groups"),
    "experience.experienced": ("ervaren groepen", "experienced groups"),
    # -- plugins ----------------------------------------------------------------
    "plugins.none": ("Er zijn geen plugins geïnstalleerd.", "No plugins are installed."),
    "plugins.methods": ("methodes: {ids}", "methods: {ids}"),
    "plugins.no_methods": ("geen methodes", "no methods"),
    "plugins.failed_one": ("MISLUKT: {error}", "FAILED: {error}"),
    "plugins.summary_ok": ("{n} plugin(s) geladen.", "{n} plugin(s) loaded."),
    "plugins.summary_failed": (
        "{failed} van de {n} plugin(s) konden niet laden.",
        "{failed} of {n} plugin(s) failed to load.",
    ),
    # -- meetings ---------------------------------------------------------------
    "meetings.none": (
        "Er staan nog geen bijeenkomsten in deze opslag.",
        "There are no meetings in this store yet.",
    ),
    "meetings.unreadable": ("onleesbaar", "unreadable"),
    # -- run: setup -------------------------------------------------------------
    "run.welcome": ("Intervisie · {store}", "Intervision · {store}"),
    "run.ask_members": (
        "Wie zijn er vandaag? Namen, gescheiden door komma's",
        "Who is here today? Names, separated by commas",
    ),
    "run.too_few": ("Noem minstens twee namen.", "Name at least two people."),
    "run.duplicate": ("Elke naam één keer, graag: {names}.", "Each name once, please: {names}."),
    "run.ask_facilitator": ("Wie begeleidt vandaag?", "Who facilitates today?"),
    "run.started": ("Bijeenkomst {id} is begonnen.", "Meeting {id} has started."),
    "run.resumed": (
        "Verder met bijeenkomst {id} ({where}).",
        "Resuming meeting {id} ({where}).",
    ),
    "run.already_closed": ("Bijeenkomst {id} is al afgesloten.", "Meeting {id} is already closed."),
    "run.no_resume_options": (
        "--members en --facilitator horen bij een nieuwe bijeenkomst, niet bij --resume.",
        "--members and --facilitator belong to a new meeting, not to --resume.",
    ),
    "run.saved": (
        "Alles wat is ingevoerd, is bewaard. Verder gaan met:\n    intervision run --resume {id}",
        "Everything entered is saved. To continue:\n    intervision run --resume {id}",
    ),
    "run.eof": ("Einde van de invoer.", "End of input."),
    "run.interrupted": ("Onderbroken.", "Interrupted."),
    "run.paused": ("Pauze.", "Paused."),
    "run.closed": (
        "De bijeenkomst is afgesloten. Dank jullie wel!",
        "The meeting is closed. Thank you all!",
    ),
    "run.refused": ("Niet toegestaan [{rule}]: {reason}", "Not allowed [{rule}]: {reason}"),
    "run.not_member": (
        "'{name}' is niet aanwezig bij deze bijeenkomst (aanwezig: {present}).",
        "'{name}' is not present at this meeting (present: {present}).",
    ),
    "run.conflict": (
        "Iemand anders schreef tegelijk in deze bijeenkomst; ik heb hem opnieuw geladen.",
        "Someone else wrote to this meeting at the same time; I reloaded it.",
    ),
    # -- run: frame -------------------------------------------------------------
    "opening.confidential": (
        "Wat hier gezegd wordt, blijft in de groep: geen namen, casussen of adviezen "
        "naar buiten, ook niet naar de organisatie.",
        "What is said here stays in the group: no names, cases or advice go outside, "
        "not to the organisation either.",
    ),
    "opening.roles": (
        "Begeleider: {facilitator}. Aanwezig: {present}.",
        "Facilitator: {facilitator}. Present: {present}.",
    ),
    "opening.enter": ("Enter om te beginnen", "Press Enter to begin"),
    "leervragen.ask": (
        "{name}, je leervraag (leeg = passen): ",
        "{name}, your leervraag (empty = pass): ",
    ),
    "leervragen.none": (
        "Niemand bracht een leervraag in. Zonder casus sluit de bijeenkomst hier.",
        "Nobody brought a leervraag. Without a case the meeting closes here.",
    ),
    "leervragen.none_reason": ("geen leervragen", "no leervragen"),
    "case.list": ("De leervragen:", "The leervragen:"),
    "case.ask": (
        "Welke leervraag bespreken jullie? (nummer) ",
        "Which leervraag will you discuss? (number) ",
    ),
    "case.bad_number": ("Kies een nummer uit de lijst.", "Choose a number from the list."),
    "case.consent": ("Stemt {name} in?", "Does {name} agree?"),
    "method.list": (
        "Methodes die passen bij een groep van {n}:",
        "Methods that fit a group of {n}:",
    ),
    "method.none_fit": (
        "Geen methode past bij een groep van {n}; dit zijn ze allemaal:",
        "No method fits a group of {n}; these are all of them:",
    ),
    "method.ask": ("Welke methode? (id) ", "Which method? (id) "),
    "method.unknown": ("Die methode ken ik niet: {id}.", "I don't know that method: {id}."),
    "method.agree": ("Stemt {name} in met de {title}?", "Does {name} agree to the {title}?"),
    "second.ask": ("Nog een casus bespreken?", "Discuss another case?"),
    "recognitions.ask": (
        "{name}, wat herkende en leerde je? ",
        "{name}, what did you recognise and learn? ",
    ),
    "recognitions.needed": (
        "Ieder deelt een herkenning; één zin is genoeg.",
        "Everyone shares a recognition; one sentence will do.",
    ),
    "evaluation.ask": (
        "Evaluatie: hoe gingen de methode en de rollen? (leeg = afsluiten) ",
        "Evaluation: how did the method and the roles go? (empty = close) ",
    ),
    # -- run: method phases -----------------------------------------------------
    "phase.help_hint": ("Typ 'hulp' voor de commando's.", "Type 'help' for the commands."),
    "phase.eligible": ("Om uit te kiezen:", "To choose from:"),
    "show.none": ("Nog geen bijdragen.", "No contributions yet."),
    "show.hidden": ("[geschreven; verborgen tot onthullen]", "[written; hidden until revealed]"),
    "show.decision": ("Besluit van {name}: {text}", "Decision by {name}: {text}"),
    "recorded": ("{id} vastgelegd.", "{id} recorded."),
    "decision.recorded": ("Besluit vastgelegd.", "Decision recorded."),
    "unknown_command": (
        "Dat begrijp ik niet. Typ 'hulp' voor de commando's.",
        "I don't understand that. Type 'help' for the commands.",
    ),
    "help": (
        "Commando's (Nederlands en Engels werken allebei):\n"
        "  <naam>: <soort>: <tekst>   bijdrage vastleggen (ook: <naam> <soort> <tekst>)\n"
        "  verder                     naar de volgende fase\n"
        "  onthul                     geschreven bijdragen zichtbaar maken\n"
        "  besluit <tekst> #C3 #C5    besluit van de inbrenger, met gekozen bijdragen\n"
        "  verleng <minuten>          de fase verlengen\n"
        "  overslaan <reden>          de fase overslaan\n"
        "  toon                       de bijdragen tot nu toe\n"
        "  afsluiten <reden>          de bijeenkomst eerder afsluiten\n"
        "  pauze / stop               stoppen; alles is bewaard\n"
        "Soorten: {kinds}",
        "Commands (Dutch and English both work):\n"
        "  <name>: <kind>: <text>     record a contribution (also: <name> <kind> <text>)\n"
        "  next                       go to the next phase\n"
        "  reveal                     make written contributions visible\n"
        "  decide <text> #C3 #C5      the inbrenger's decision, with selected contributions\n"
        "  extend <minutes>           extend the phase\n"
        "  skip <reason>              skip the phase\n"
        "  show                       the contributions so far\n"
        "  close <reason>             close the meeting early\n"
        "  pause / quit               leave; everything is saved\n"
        "Kinds: {kinds}",
    ),
    "parse.bad_minutes": (
        "Noem het aantal minuten: verleng 5.",
        "Give the number of minutes: extend 5.",
    ),
    "parse.need_reason": ("Noem de reden: overslaan <reden>.", "Give the reason: skip <reason>."),
    "parse.need_text": (
        "Wat is de bijdrage? <naam>: <soort>: <tekst>",
        "What is the contribution? <name>: <kind>: <text>",
    ),
    "parse.unknown_kind": (
        "Onbekende soort '{kind}'. Soorten: {kinds}",
        "Unknown kind '{kind}'. Kinds: {kinds}",
    ),
}

ROLE_NAMES: dict[str, tuple[str, str]] = {
    "facilitator": ("begeleider", "facilitator"),
    "inbrenger": ("inbrenger", "inbrenger"),
    "participant": ("deelnemers", "participants"),
    "scribe": ("notulist", "scribe"),
    "timekeeper": ("tijdbewaker", "timekeeper"),
}

INBRENGER_MODES: dict[str, tuple[str, str]] = {
    "speaks": ("vertelt en reageert", "speaks"),
    "answers_briefly": ("beantwoordt alleen kort de vragen", "only answers the questions briefly"),
    "listens": ("luistert en reageert niet", "listens and does not react"),
    "away": ("is even weg uit het gesprek", "is out of the conversation"),
}

KIND_NAMES: dict[str, tuple[str, str]] = {
    "question": ("vraag", "question"),
    "open_question": ("open vraag", "open question"),
    "association": ("associatie", "association"),
    "image": ("beeld", "image"),
    "analysis": ("analyse", "analysis"),
    "advice": ("advies", "advice"),
    "position": ("standpunt", "position"),
    "reaction": ("reactie", "reaction"),
    "statement": ("mededeling", "statement"),
    "recognition": ("herkenning", "recognition"),
    "learning_point": ("leerpunt", "learning point"),
    "note": ("notitie", "note"),
}


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    nl, en = _TEXTS[key]
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text


def pick(lang: Lang, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "nl" else pair[1]
