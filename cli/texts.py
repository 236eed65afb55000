"""Every word the CLI itself says, in Dutch and English side by side.

Kept apart from the commands so that a translator reads one file, and so that the
Dutch is written as a facilitator would say it (informal "je"), not translated
line by line. Plain tuples, not the engine's ``Text`` model: ``intervision --help``
should not have to import pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervision.engine import Text

__all__ = ["INBRENGER_MODES", "TEXTS", "Lang", "both", "count", "pick", "said", "t"]

#: ``nl``, ``en``, or a language an installed language pack adds (the engine's
#: ``Lang``, without importing the engine for ``--help``).
Lang = str

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
    "methods.variants": ("varianten: {ids}", "variants: {ids}"),
    "methods.more": (
        "Meer over een methode: intervision methods show ID",
        "More about a method: intervision methods show ID",
    ),
    "methods.plugin_failed": (
        "intervision: waarschuwing: plugin {name} ({distribution}) niet geladen: {error}; "
        "zie `intervision plugins`",
        "intervision: warning: plugin {name} ({distribution}) not loaded: {error}; see "
        "`intervision plugins`",
    ),
    "methods.file_failed": (
        "intervision: waarschuwing: methodebestand niet geladen: {error}",
        "intervision: warning: method file not loaded: {error}",
    ),
    "show.version": ("versie", "version"),
    "show.variant": ("variant", "variant"),
    "show.variants": ("Varianten", "Variants"),
    "show.variant_hint": (
        "Een variant kies je bij de methodekeuze als ID/VARIANT, of met "
        "`intervision run --method {id} --variant VARIANT`.",
        "Choose a variant at method choice as ID/VARIANT, or with "
        "`intervision run --method {id} --variant VARIANT`.",
    ),
    "show.module": (
        "Dit is een werkvorm: hij draait binnen een fase van een andere methode.",
        "This is a module: it runs inside a phase of another method.",
    ),
    "show.per_member": (
        "De fasen worden doorlopen voor elk aanwezig lid, steeds met een andere inbrenger.",
        "The phases run once for every member present, each time with another inbrenger.",
    ),
    "export.written": ("{id} geschreven naar {path}.", "{id} written to {path}."),
    "export.bad_id": (
        "een id begint met een kleine letter en bevat alleen a-z, 0-9, - en _.",
        "an id starts with a lowercase letter and has only a-z, 0-9, - and _.",
    ),
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
    "phase.may": ("bijdragen: {kinds}", "may contribute: {kinds}"),
    "phase.may_nothing": ("geen bijdragen", "no contributions"),
    "phase.also_member": (
        "als lid van de groep ook: {kinds}",
        "as a member of the group also: {kinds}",
    ),
    "phase.also_participant": ("als deelnemer ook: {kinds}", "as a participant also: {kinds}"),
    "phase.written_first": (
        "Eerst schrijven: bijdragen blijven verborgen tot de begeleider ze onthult.",
        "Written first: contributions stay hidden until the facilitator reveals them.",
    ),
    "phase.quota": (
        "Hooguit {limit} × {kind} per persoon.",
        "At most {limit} × {kind} per person.",
    ),
    "phase.hidden_until": (
        "Wat hier gezegd wordt, blijft verborgen tot de fase '{phase}'.",
        "What is said here stays hidden until the phase '{phase}'.",
    ),
    "phase.everyone": (
        "Iedere deelnemer komt aan de beurt voordat je verder kunt.",
        "Every participant takes a turn before you can move on.",
    ),
    "phase.consensus": (
        "Verder pas als de groep het eens is: de begeleider legt de consensus vast (eens).",
        "Move on only once the group agrees: the facilitator records consensus (consensus).",
    ),
    "phase.labels": (
        "De {role} geeft elke {kinds} een label: {values}.",
        "The {role} gives every {kinds} a label: {values}.",
    ),
    "phase.answers_labelled": (
        "De inbrenger beantwoordt alleen vragen met het label {labels}.",
        "The inbrenger answers only questions labelled {labels}.",
    ),
    "phase.loop": (
        "Terug naar '{to}' ({title}) kan, als de {role} dat wil: terug {id}.",
        "Going back to '{to}' ({title}) is possible if the {role} wants it: loop {id}.",
    ),
    "phase.nested": (
        "Hier kiest de {roles} een werkvorm: {modules}.",
        "Here the {roles} chooses a module: {modules}.",
    ),
    "phase.any_module": ("elke geïnstalleerde werkvorm", "any installed module"),
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
    "plugins.summary_ok": ("{plugins} geladen.", "{plugins} loaded."),
    "plugins.summary_failed": (
        "Niet geladen: {failed} van de {plugins}.",
        "{failed} of {plugins} failed to load.",
    ),
    # -- meetings ---------------------------------------------------------------
    "meetings.none": (
        "Er staan nog geen bijeenkomsten in deze opslag.",
        "There are no meetings in this store yet.",
    ),
    "meetings.more": (
        "Er zijn meer bijeenkomsten: de volgende pagina met --cursor {cursor}",
        "There are more meetings: the next page with --cursor {cursor}",
    ),
    "meetings.bad_cursor": (
        "dit is geen cursor die een lijst van bijeenkomsten gaf; laat --cursor weg "
        "om bij de eerste pagina te beginnen",
        "this is not a cursor a listing of meetings gave; leave --cursor out to start "
        "from the first page",
    ),
    "meetings.encrypted": ("versleuteld", "encrypted"),
    "meetings.sealed": (
        "{n} bijeenkomst(en) zijn versleuteld: waar ze staan, is te zien met de sleutel "
        "(INTERVISION_KEY of INTERVISION_KEY_FILE).",
        "{n} meeting(s) are encrypted: where they stand shows with the key "
        "(INTERVISION_KEY or INTERVISION_KEY_FILE).",
    ),
    # -- run: setup -------------------------------------------------------------
    "run.welcome": ("Intervisie · {store}", "Intervision · {store}"),
    "run.ask_members": (
        "Wie zijn er vandaag? Namen, gescheiden door komma's",
        "Who is here today? Names, separated by commas",
    ),
    "run.too_few": ("Noem minstens twee namen.", "Name at least two people."),
    "run.duplicate": (
        "Naam {first} en naam {second} zijn gelijk of lijken zo op elkaar dat ze verward "
        "kunnen worden; maak ze verschillend, met een initiaal of een achternaam.",
        "Name {first} and name {second} are the same or look so alike that they could be "
        "mixed up; make them differ, with an initial or a surname.",
    ),
    "run.guest": (
        "{name} staat niet tussen de leden. Begeleidt {name} als gast van buiten de groep?",
        "{name} is not among the members. Does {name} facilitate as a guest from outside?",
    ),
    "run.not_a_guest": (
        "De begeleider is geen lid en geen gast; noem een lid zoals de ledenlijst het schrijft.",
        "The facilitator is neither a member nor a guest; name a member as the member list "
        "writes it.",
    ),
    "meeting.external_needed": (
        "De begeleider is geen lid; is het een begeleider van buiten, zeg dat dan met "
        "--external-facilitator.",
        "The facilitator is not a member; for a facilitator from outside, say so with "
        "--external-facilitator.",
    ),
    "run.ask_facilitator": ("Wie begeleidt vandaag?", "Who facilitates today?"),
    "run.started": ("Bijeenkomst {id} is begonnen.", "Meeting {id} has started."),
    "run.resumed": (
        "Verder met bijeenkomst {id} ({where}).",
        "Resuming meeting {id} ({where}).",
    ),
    "run.already_closed": ("Bijeenkomst {id} is al afgesloten.", "Meeting {id} is already closed."),
    "run.no_resume_options": (
        "--members, --facilitator en --role horen bij een nieuwe bijeenkomst, niet bij --resume.",
        "--members, --facilitator and --role belong to a new meeting, not to --resume.",
    ),
    "run.variant_needs_method": (
        "--variant hoort bij een methode: noem die met --method.",
        "--variant belongs to a method: name it with --method.",
    ),
    "run.module_not_method": (
        "dit is een werkvorm binnen een andere methode, geen methode op zich.",
        "this is a module of another method, not a method of its own.",
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
    "run.refused": ("Niet toegestaan: {reason}", "Not allowed: {reason}"),
    "run.refused_rule": ("Niet toegestaan [{rule}]: {reason}", "Not allowed [{rule}]: {reason}"),
    "kind.which": (
        "{name} kan nu meer dan één soort bijdrage geven: {kinds}. Welke? ",
        "{name} may contribute more than one kind now: {kinds}. Which one? ",
    ),
    "kind.several": (
        "{name} kan nu meer dan één soort bijdrage geven: {kinds}. Zeg welke, bijvoorbeeld: "
        "{name}: {short}: <tekst>",
        "{name} may contribute more than one kind now: {kinds}. Say which, for example: "
        "{name}: {short}: <text>",
    ),
    "wait.line": ("Wacht op: {what}", "Waiting for: {what}"),
    "wait.leervraag": ("leervraag of passen", "leervraag or pass"),
    "wait.learning_goal": ("persoonlijk leerdoel", "personal learning goal"),
    "wait.recognition": ("herkenning", "recognition"),
    "wait.turn": ("nog een beurt", "a turn still"),
    "wait.reveal": ("onthullen: onthul", "reveal: reveal"),
    "wait.consensus": ("consensus: eens", "consensus: consensus"),
    "wait.decision": ("besluit", "decision"),
    "wait.module": ("keuze van een werkvorm", "choice of a module"),
    "wait.feedback": ("feedback op elkaar", "feedback to each other"),
    "wait.at_least": ("het minimum aan bijdragen", "the least number of contributions"),
    "wait.inbrenger": ("keuze van wiens voorbeeld het wordt", "choice of whose example it is"),
    "decide.word": ("besluit", "decide"),
    "decide.labels": (
        "Besluit van {who}: typ {typed} <tekst>, met bij elke bijdrage een van: {values}.",
        "Decision by {who}: type {typed} <text>, giving each contribution one of: {values}.",
    ),
    "decide.select": (
        "Besluit van {who}: typ {word} <wat je besluit> {example}, met # voor wat je kiest "
        "uit: {kinds}.",
        "Decision by {who}: type {word} <what you decide> {example}, with # before what "
        "you choose from: {kinds}.",
    ),
    "decide.text": (
        "Besluit van {who}: typ {word} <wat je besluit>, in je eigen woorden.",
        "Decision by {who}: type {word} <what you decide>, in your own words.",
    ),
    "kind.not_offered": (
        "Niets vastgelegd: kies een van {kinds}.",
        "Nothing recorded: choose one of {kinds}.",
    ),
    "kind.unknown": (
        "'{word}' is geen soort bijdrage. Wat {name} nu kan bijdragen: {kinds}.",
        "'{word}' is not a kind of contribution. What {name} may contribute now: {kinds}.",
    ),
    "kind.unknown_none": (
        "'{word}' is geen soort bijdrage, en {name} kan nu niets bijdragen.",
        "'{word}' is not a kind of contribution, and {name} may contribute nothing now.",
    ),
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
        "Welke leervraag bespreken jullie? (nummer; met z'n tweeën: 2+3) ",
        "Which leervraag will you discuss? (number; two together: 2+3) ",
    ),
    "inbrenger.chosen": (
        "{name} is vanaf nu de inbrenger.",
        "{name} is the inbrenger from now on.",
    ),
    "case.bad_number": ("Kies een nummer uit de lijst.", "Choose a number from the list."),
    "case.consent": ("Stemt {name} in?", "Does {name} agree?"),
    "method.hand_over": (
        "Wie begeleidt, brengt zelf geen casus in; {name} geeft de begeleiding voor deze "
        "casus door.",
        "Whoever facilitates does not bring the case; {name} hands the facilitation over "
        "for this case.",
    ),
    "method.hand_over_ask": ("Wie neemt de begeleiding over? ", "Who takes over? "),
    "method.suggested": (
        "Voorstel van methodes (de inbrenger beslist mee), met waarom:",
        "Suggested methods (the inbrenger agrees or not), and why:",
    ),
    "method.list": (
        "Methodes die passen bij een groep van {n}:",
        "Methods that fit a group of {n}:",
    ),
    "method.none_fit": (
        "Geen methode past bij een groep van {n}; dit zijn ze allemaal:",
        "No method fits a group of {n}; these are all of them:",
    ),
    "method.ask": ("Welke methode? (id) ", "Which method? (id) "),
    "method.unknown": (
        "Die methode ken ik niet; `intervision methods` toont ze.",
        "I don't know that method; `intervision methods` lists them.",
    ),
    "method.variant_hint": (
        "Een variant kies je als id/variant, bijvoorbeeld incident/blind-position.",
        "Choose a variant as id/variant, for example incident/blind-position.",
    ),
    "method.unknown_variant": (
        "Die variant heeft deze methode niet. Varianten: {known}.",
        "This method has no such variant. Variants: {known}.",
    ),
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
    "feedback.ask": (
        "{name}, welke feedback geef je de anderen op hoe zij vragen stelden en adviezen gaven? ",
        "{name}, what feedback do you give the others on how they asked questions and gave "
        "advice? ",
    ),
    "feedback.needed": (
        "Deze groep houdt een feedbackronde; ieder geeft feedback, één zin is genoeg.",
        "This group holds a feedback round; everyone gives feedback, one sentence will do.",
    ),
    "evaluation.ask": (
        "Evaluatie: hoe gingen de methode en de rollen? (leeg = afsluiten) ",
        "Evaluation: how did the method and the roles go? (empty = close) ",
    ),
    # -- run: method phases -----------------------------------------------------
    "phase.help_hint": ("Typ 'hulp' voor de commando's.", "Type 'help' for the commands."),
    "phase.eligible": ("Om uit te kiezen:", "To choose from:"),
    "phase.now_visible": (
        "Tot nu toe verborgen, vanaf deze fase zichtbaar:",
        "Kept hidden until now, visible from this phase on:",
    ),
    "phase.to_label": ("Om te labelen (en uit te kiezen):", "To label (and choose from):"),
    "phase.answerable": (
        "Deze vragen mogen beantwoord worden:",
        "These questions may be answered:",
    ),
    "phase.answer_hint": (
        "Zeg welke vraag je beantwoordt: {name}: r: <antwoord> @{id}",
        "Say which question you answer: {name}: r: <answer> @{id}",
    ),
    "phase.round": (
        "Ronde {no} van {total}: {name} is nu de inbrenger.",
        "Round {no} of {total}: {name} is the inbrenger now.",
    ),
    "phase.in_module": (
        "Werkvorm binnen de {method}, fase '{phase}'.",
        "A module inside the {method}, phase '{phase}'.",
    ),
    # -- run: the phase screen and its timebox ------------------------------------
    "screen.role": ("Rol", "Role"),
    "screen.instruction": ("Wat je doet", "What to do"),
    "screen.now": ("Wie mag nu wat bijdragen:", "Who may contribute what now:"),
    "screen.so_far": ("Bijdragen tot nu toe:", "Contributions so far:"),
    "screen.earlier": (
        "  ({n} eerdere niet getoond; 'toon' laat alles zien)",
        "  ({n} earlier ones not shown; 'show' lists them all)",
    ),
    "keys.next": ("verder", "next"),
    "keys.extend": ("verleng 5", "extend 5"),
    "keys.skip": ("overslaan <reden>", "skip <reason>"),
    "keys.reveal": ("onthul", "reveal"),
    "keys.decide": ("besluit", "decide"),
    "keys.screen": ("scherm", "screen"),
    "keys.back": ("terug {id}", "loop {id}"),
    "keys.time": ("tijd", "time"),
    "keys.show": ("toon", "show"),
    "keys.pause": ("pauze", "pause"),
    "timebox.left": ("Tijd: nog {clock}", "Time: {clock} left"),
    "timebox.over": ("Tijd: {clock} over de tijd", "Time: {clock} over"),
    "timebox.of": ("van {minutes} min", "of {minutes} min"),
    # Two lines, each under 80 columns, broken where the sentence allows it.
    "timebox.up": (
        "De tijd voor deze fase is om — verleng (verleng 5), ga verder (verder)\n"
        "  of sla over (overslaan <reden>).",
        "The time for this phase is up — extend (extend 5), move on (next)\n"
        "  or skip (skip <reason>).",
    ),
    "timebox.soon": (
        "Nog {clock} in deze fase: tijd om af te ronden, of verleng (verleng 5).",
        "{clock} left in this phase: time to round off, or extend (extend 5).",
    ),
    "timebox.soon_short": ("bijna om", "nearly up"),
    "timebox.over_short": ("de tijd is om", "time is up"),
    "cockpit.phase": (
        "{method} · Fase {no}/{total} · {phase}",
        "{method} · Phase {no}/{total} · {phase}",
    ),
    "timebox.none": ("Deze stap loopt niet op de klok.", "This step has no timebox."),
    "timebox.bad_scale": (
        "INTERVISION_TIME_SCALE moet een positief getal zijn (60 = een seconde telt als een "
        "minuut), niet '{value}'.",
        "INTERVISION_TIME_SCALE must be a positive number (60 = a second counts as a minute), "
        "not '{value}'.",
    ),
    "help.time": (
        "Aan de prompt van een fase laat 'tijd' zien hoeveel tijd er nog is.",
        "At a phase prompt, 'time' shows how much time is left.",
    ),
    "show.hidden_count": (
        "Nog verborgen: {contributions}, geschreven en niet onthuld of bewaard voor een "
        "latere fase.",
        "Still hidden: {contributions}, written and not revealed or kept for a later phase.",
    ),
    "show.none": ("Nog geen bijdragen.", "No contributions yet."),
    "show.hidden": ("[geschreven; verborgen tot onthullen]", "[written; hidden until revealed]"),
    "show.decision": ("Besluit van {name}: {text}", "Decision by {name}: {text}"),
    "recorded": ("{id} vastgelegd.", "{id} recorded."),
    "decision.recorded": ("Besluit vastgelegd.", "Decision recorded."),
    "consensus.recorded": (
        "Consensus vastgelegd: de groep is het eens.",
        "Consensus recorded: the group agrees.",
    ),
    "loop.unknown": (
        "Terug kan hier via: {known}. Typ: terug <id>.",
        "The ways back here are: {known}. Type: loop <id>.",
    ),
    "module.which": (
        "Welke werkvorm? Typ: werkvorm <id>. Te kiezen: {known}.",
        "Which module? Type: module <id>. To choose from: {known}.",
    ),
    "unknown_command": (
        "Dat begrijp ik niet. Typ 'hulp' voor de commando's.",
        "I don't understand that. Type 'help' for the commands.",
    ),
    "help": (
        "Commando's (Nederlands en Engels werken allebei):\n"
        "  <naam>: <soort>: <tekst>   bijdrage vastleggen (ook: <naam> <soort> <tekst>)\n"
        "  <naam>: <tekst>            zonder soort: de soort die die persoon nu bijdraagt\n"
        "  verder                     naar de volgende fase\n"
        "  onthul                     geschreven bijdragen zichtbaar maken\n"
        "  <naam>: r: <tekst> @C3     antwoord op bijdrage C3 (@C3 mag overal staan)\n"
        "  besluit <tekst> #C3 #C5    besluit van de inbrenger, met gekozen bijdragen\n"
        "  <naam>: besluit <tekst>    besluit, uitgesproken door die persoon (een van twee\n"
        "                             inbrengers)\n"
        "  besluit C3=warm C4=koud    ... met labels, als de fase daarom vraagt\n"
        "  terug <id>                 terug naar een eerdere fase (de inbrenger beslist)\n"
        "  eens [tekst]               de begeleider legt vast dat de groep het eens is\n"
        "  werkvorm <id>              de inbrenger kiest de werkvorm voor deze fase\n"
        "  inbrenger <naam>           de groep koos het voorbeeld van <naam>\n"
        "  verleng <minuten>          de fase verlengen\n"
        "  overslaan <reden>          de fase overslaan\n"
        "  toon                       de bijdragen tot nu toe\n"
        "  scherm                     het hele scherm van deze fase opnieuw (ook: Ctrl-L)\n"
        "  afsluiten <reden>          de bijeenkomst eerder afsluiten\n"
        "  pauze / stop               stoppen; alles is bewaard\n"
        "Soorten bijdragen (wat je typt, en wat het is):\n{kinds}",
        "Commands (Dutch and English both work):\n"
        "  <name>: <kind>: <text>     record a contribution (also: <name> <kind> <text>)\n"
        "  <name>: <text>             without a kind: the kind that person gives now\n"
        "  next                       go to the next phase\n"
        "  reveal                     make written contributions visible\n"
        "  <name>: r: <text> @C3      an answer to contribution C3 (@C3 may go anywhere)\n"
        "  decide <text> #C3 #C5      the inbrenger's decision, with chosen contributions\n"
        "  <name>: decide <text>      a decision, said by that person (one of two\n"
        "                             inbrengers)\n"
        "  decide C3=warm C4=cold     ... and with labels for contributions, where asked\n"
        "  loop <id>                  go back to an earlier phase (the inbrenger decides)\n"
        "  consensus [text]           the facilitator records that the group agrees\n"
        "  module <id>                the inbrenger chooses this phase's module\n"
        "  inbrenger <name>           the group chose <name>'s example\n"
        "  extend <minutes>           extend the phase\n"
        "  skip <reason>              skip the phase\n"
        "  show                       the contributions so far\n"
        "  screen                     the whole screen of this phase again (also: Ctrl-L)\n"
        "  close <reason>             close the meeting early\n"
        "  pause / quit               leave; everything is saved\n"
        "Kinds of contribution (what you type, and what it is):\n{kinds}",
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
    "parse.one_reply": (
        "Een bijdrage beantwoordt één andere: noem één @C-nummer.",
        "A contribution answers one other: give one @C number.",
    ),
    # -- groups -----------------------------------------------------------------
    "warning": ("intervision: waarschuwing: {text}", "intervision: warning: {text}"),
    "error": ("intervision: fout: {text}", "intervision: error: {text}"),
    "col.name": ("naam", "name"),
    "col.members": ("leden", "members"),
    "col.meetings": ("bijeenkomsten", "meetings"),
    "col.guided": ("begeleiding", "facilitation"),
    "group.need_name": ("Noem een naam.", "Give a name."),
    "group.created": (
        "Groep {name} ({id}) is aangemaakt. Voeg leden toe met: intervision group add {id} NAAM",
        "Group {name} ({id}) is created. Add members with: intervision group add {id} NAME",
    ),
    "group.exists": (
        "er is al een groep '{id}'; kies een andere naam of bekijk hem met "
        "`intervision group show {id}`",
        "a group '{id}' already exists; choose another name or see it with "
        "`intervision group show {id}`",
    ),
    "group.unknown": (
        "die groep bestaat niet (groepen: {known}); maak er een met "
        "`intervision group create NAAM`",
        "there is no such group (groups: {known}); create one with `intervision group create NAME`",
    ),
    "group.none_known": ("nog geen", "none yet"),
    "group.none": (
        "Er zijn nog geen groepen. Maak er een met: intervision group create NAAM",
        "There are no groups yet. Create one with: intervision group create NAME",
    ),
    "group.added": (
        "{name} is lid van {group}; de groep telt nu {n}.",
        "{name} is a member of {group}; the group now has {n}.",
    ),
    "group.removed": (
        "{name} is geen lid meer van {group}; de groep telt nu {n}.",
        "{name} is no longer a member of {group}; the group now has {n}.",
    ),
    "group.already_member": ("{name} is al lid van {group}", "{name} is already in {group}"),
    "group.not_member": (
        "Die persoon is geen lid van {group}; `intervision group show {id}` toont de leden.",
        "That person is not a member of {group}; `intervision group show {id}` lists the members.",
    ),
    "group.reports_to": ("{a} valt onder {b}", "{a} reports to {b}"),
    "group.relation": (
        "{name} niet toegevoegd: {relation}. Intervisie vraagt een groep van gelijken, "
        "zonder directe werk- of gezagsrelatie. Accepteert de groep het toch, voeg {name} "
        'dan toe met de reden erbij: --reason "..."',
        "{name} not added: {relation}. Intervision needs a group of equals, without a "
        "direct work or authority relation. If the group accepts it anyway, add {name} "
        'with the reason: --reason "..."',
    ),
    "group.relation_accepted": (
        "Werkrelatie geaccepteerd en met de reden vastgelegd: {relation}.",
        "Work relation accepted and recorded with the reason: {relation}.",
    ),
    "group.member_reports": ("valt onder {name}", "reports to {name}"),
    "group.member_reason": ("relatie geaccepteerd: {reason}", "relation accepted: {reason}"),
    "group.language": ("taal: {code}", "language: {code}"),
    "group.guided_by": ("begeleid door {name}", "guided by {name}"),
    "group.self_run_short": (
        "zelfsturend: de leden begeleiden om de beurt",
        "self-run: the members facilitate in turn",
    ),
    "group.self_run_col": ("zelfsturend", "self-run"),
    "group.guided_set": (
        "{group} wordt voortaan begeleid door {name}.",
        "{group} is guided by {name} from now on.",
    ),
    "group.self_run": (
        "{group} is zelfsturend: de leden begeleiden om de beurt.",
        "{group} runs itself: the members facilitate in turn.",
    ),
    "group.feedback_on": (
        "{group} houdt een feedbackronde: bij de evaluatie geeft ieder de anderen feedback "
        "op hoe zij vragen stelden en adviezen gaven.",
        "{group} holds a feedback round: at the evaluation everyone gives the others "
        "feedback on how they asked questions and gave advice.",
    ),
    "group.feedback_off": (
        "{group} houdt geen feedbackronde.",
        "{group} holds no feedback round.",
    ),
    "group.feedback_one": (
        "Kies --aan of --uit, niet allebei.",
        "Choose --on or --off, not both.",
    ),
    "group.guided_one": (
        "Kies --by NAAM of --self-run, niet allebei.",
        "Choose --by NAME or --self-run, not both.",
    ),
    "group.members": ("Leden ({n})", "Members ({n})"),
    "group.contract": ("Contract", "Contract"),
    "group.contract_set": (
        "Het contract van {group} is aangepast.",
        "The contract of {group} is changed.",
    ),
    "group.empty_text": ("Een afspraak mag niet leeg zijn.", "An agreement cannot be empty."),
    "group.imported": (
        "Groep {name} ({id}) is aangemaakt uit {path}, met {n} leden.",
        "Group {name} ({id}) is created from {path}, with {n} members.",
    ),
    "group.exported": (
        "Groep {name} is weggeschreven naar {path}.",
        "Group {name} is written to {path}.",
    ),
    "group.import_exists": (
        "er is al een groep '{id}'; geef de groep in {path} een andere `name` (of `id`), "
        "of bekijk de bestaande met `intervision group show {id}`",
        "a group '{id}' already exists; give the group in {path} another `name` (or `id`), "
        "or see the existing one with `intervision group show {id}`",
    ),
    "group.file_nothing": (
        "Er is niets opgeslagen; verbeter het bestand en importeer het opnieuw.",
        "Nothing was saved; fix the file and import it again.",
    ),
    "contract.confidentiality": ("Vertrouwelijkheid: {text}", "Confidentiality: {text}"),
    "contract.attendance": ("Aanwezigheid: {text}", "Attendance: {text}"),
    "contract.material": ("Casusmateriaal: {text}", "Case material: {text}"),
    "contract.working_time": ("Tijd en plek: {text}", "Time and place: {text}"),
    "contract.not_agreed": (
        "(nog niet afgesproken: {option} TEKST)",
        "(not agreed yet: {option} TEXT)",
    ),
    "contract.consent_topics": (
        "Onderwerpen en leerdoelen mogen in accreditatieverslagen: {answer}",
        "Topics and learning goals may go into accreditation reports: {answer}",
    ),
    "group.history": ("Bijeenkomsten", "Meetings"),
    "group.no_history": ("Nog geen bijeenkomsten.", "No meetings yet."),
    "group.meeting_line": (
        "{date} · begeleider {facilitator} · inbrenger: {inbrengers} · {present} aanwezig",
        "{date} · facilitator {facilitator} · inbrenger: {inbrengers} · {present} present",
    ),
    "group.no_case": ("geen casus", "no case"),
    "group.still_open": ("(loopt nog)", "(still open)"),
    "fair.title": (
        "Inbrengers: wie het langst niet aan de beurt was, staat bovenaan",
        "Inbrengers: whoever has waited longest comes first",
    ),
    "fair.line": (
        "{name}: {times}× inbrenger, laatst: {last}",
        "{name}: {times}× inbrenger, last: {last}",
    ),
    "fair.never": ("nog nooit", "never"),
    "fair.absent": ("(er vandaag niet)", "(not here today)"),
    "fair.decides": (
        "Dat is een geheugensteun; de groep beslist zelf.",
        "That is a reminder; the group decides.",
    ),
    # -- run: a group's meeting -------------------------------------------------
    "run.group_or_members": (
        "--group en --members gaan niet samen: de leden van een groep staan in de groep.",
        "--group and --members do not go together: a group's members are in the group.",
    ),
    "rotation.ask_present": (
        "Wie zijn er vandaag? Namen met komma's, Enter = iedereen ({names}): ",
        "Who is here today? Names with commas, Enter = everyone ({names}): ",
    ),
    "rotation.not_members": (
        "Geen lid van de groep: {names} die je noemde; noem de leden zoals "
        "`intervision group show` ze schrijft.",
        "Not in the group: {names} you gave; name the members as "
        "`intervision group show` writes them.",
    ),
    "rotation.proposed": (
        "Voorstel voor de begeleiding vandaag: {name} ({why}).",
        "Proposed to facilitate today: {name} ({why}).",
    ),
    "rotation.why_rotation": (
        "begeleidde het minst vaak: {times}×, laatst: {last}",
        "facilitated least often: {times}×, last: {last}",
    ),
    "rotation.why_guided": ("begeleide groep", "guided group"),
    "rotation.why_plugin": ("voorgesteld door een plugin", "proposed by a plugin"),
    "rotation.plugin_failed": (
        "de plugin '{plugin}' kon geen begeleider voorstellen (een fout in de plugin); "
        "het voorstel komt uit de rotatie en je kunt altijd iemand anders kiezen.",
        "the plugin '{plugin}' could not propose a facilitator (an error in the plugin); "
        "the proposal comes from the rotation, and you can always choose someone else.",
    ),
    "meeting.policy_failed": (
        "de plugin {plugins} kon geen begeleider voorstellen (een fout in de plugin); er is "
        "niets gestart. Noem de begeleider met --facilitator NAAM, of laat de plugin weg "
        "(INTERVISION_PLUGINS of --builtin-only).",
        "the plugin {plugins} could not propose a facilitator (an error in the plugin); "
        "nothing was started. Name the facilitator with --facilitator NAME, or leave the "
        "plugin out (INTERVISION_PLUGINS or --builtin-only).",
    ),
    "rotation.ask": (
        "Enter = akkoord, of typ wie er wel begeleidt:",
        "Enter = agreed, or type who facilitates instead:",
    ),
    "rotation.absent": (
        "Wie je noemde is er vandaag niet en kan dus niet begeleiden.",
        "Whom you named is not here today, so cannot facilitate.",
    ),
    "rotation.guest": (
        "{name} is geen lid van de groep. Begeleidt {name} als gast?",
        "{name} is not a member of the group. Does {name} facilitate as a guest?",
    ),
    "opening.contract": ("Onze afspraken:", "Our agreements:"),
    "opening.look_back": (
        "Terugblik: dit namen inbrengers zich eerder voor, en vertelden nog niet hoe het ging.",
        "Looking back: what inbrengers committed to before, and have not yet told how it went.",
    ),
    "opening.commitment": ("{name} ({day}): {text}", "{name} ({day}): {text}"),
    "opening.told": ("verteld", "told"),
    "opening.ask_commitment": (
        "{name}, hoe is het gegaan met je voornemen van {day}? (leeg = volgende keer) ",
        "{name}, how did your commitment of {day} go? (empty = next time) ",
    ),
    "opening.absent": (
        "{name} is er vandaag niet; het voornemen komt terug bij de volgende bijeenkomst "
        "waar {name} bij is.",
        "{name} is not here today; the commitment comes back at the next meeting {name} attends.",
    ),
    # -- meeting: one command at a time -----------------------------------------
    "meeting.group_or_members": (
        "Noem --group of --members (één van beide).",
        "Give --group or --members (one of them).",
    ),
    "meeting.present_needs_group": (
        "--present hoort bij --group; met --members is iedereen aanwezig.",
        "--present belongs to --group; with --members everyone is present.",
    ),
    "meeting.facilitator_needed": (
        "Noem wie begeleidt: --facilitator NAAM.",
        "Say who facilitates: --facilitator NAME.",
    ),
    "meeting.ambiguous": (
        "'{typed}' is het begin van {n} bijeenkomsten ({ids}); typ meer van het id.",
        "'{typed}' is the beginning of {n} meetings ({ids}); type more of the id.",
    ),
    "plugins.languages": ("talen: {codes}", "languages: {codes}"),
    "lang.form": (
        "'{value}': nl, en, of de code van een geïnstalleerde taal (de, fr).",
        "'{value}': nl, en, or an installed language's code (de, fr).",
    ),
    "lang.unknown": (
        "Geen taalpakket voor '{code}' geïnstalleerd; talen hier: {known}.",
        "No language pack for '{code}' is installed; the languages here: {known}.",
    ),
    "roles.line": ("Rollen vandaag: {roles}.", "Roles of the day: {roles}."),
    "roles.form": (
        "Schrijf een rol van de dag als ROL=NAAM, zoals notulist=Carla.",
        "Write a role of the day as ROLE=NAME, as in scribe=Carla.",
    ),
    "roles.unknown": (
        "Een van de rollen is er geen die iemand hier kan hebben; wel: {known}.",
        "One of the roles is not one anyone can hold here; these are: {known}.",
    ),
    "status.where": ("Bijeenkomst {id}: {where}", "Meeting {id}: {where}"),
    "status.version": ("versie {version}", "version {version}"),
    "status.inbrenger": ("Inbrenger: {name}.", "Inbrenger: {name}."),
    "status.waiting": ("Wacht nog op: {names}.", "Still waiting for: {names}."),
    "status.next.opening": (
        "Verder met: NAAM: u: TEKST (hoe ging je voornemen?) · verder",
        "Go on with: NAME: s: TEXT (how did your commitment go?) · next",
    ),
    "status.next.introduction": (
        "Verder met: NAAM: v: TEKST (een vraag over intervisie) · verder",
        "Go on with: NAME: q: TEXT (a question about intervision) · next",
    ),
    "status.next.contract": (
        "Verder met: NAAM: u: TEKST (een opmerking bij de afspraken) · verder",
        "Go on with: NAME: s: TEXT (a remark on the agreements) · next",
    ),
    "status.next.learning_goals": (
        "Verder met: NAAM: ld: TEKST (ieders persoonlijke leerdoel) · verder",
        "Go on with: NAME: lg: TEXT (each member's personal learning goal) · next",
    ),
    "status.next.leervragen": (
        "Verder met: leervraag NAAM: TEKST · pas NAAM · verder",
        "Go on with: leervraag NAME: TEXT · pass NAME · next",
    ),
    "status.next.case_choice": ("Verder met: casus NAAM", "Go on with: case NAME"),
    "status.next.method_choice": (
        "Verder met: methode ID[/VARIANT]",
        "Go on with: method ID[/VARIANT]",
    ),
    "status.next.method": (
        "Verder met een regel zoals bij de prompt van intervision run; 'hulp' toont ze.",
        "Go on with a line as at the intervision run prompt; 'help' lists them.",
    ),
    "status.next.second_case": (
        "Verder met: casus NAAM (nog een casus) · verder",
        "Go on with: case NAME (another case) · next",
    ),
    "status.next.recognitions": (
        "Verder met: NAAM: h: TEKST · verder",
        "Go on with: NAME: rec: TEXT · next",
    ),
    "status.next.evaluation": (
        "Verder met: NAAM: n: TEKST · afsluiten",
        "Go on with: NAME: n: TEXT · close",
    ),
    "status.next.closed": ("De bijeenkomst is afgesloten.", "The meeting is closed."),
    "do.ok": ("Gedaan. Nu: {where} (versie {version}).", "Done. Now: {where} (version {version})."),
    "do.kind_several": (
        "Die persoon kan nu meer dan één soort bijdrage geven: {kinds}. Zeg welke, bijvoorbeeld: "
        "NAAM: {short}: <tekst>",
        "That person may contribute more than one kind now: {kinds}. Say which, for "
        "example: NAME: {short}: <text>",
    ),
    "do.kind_unknown": (
        "Dat is geen soort bijdrage. Wat die persoon nu kan bijdragen: {kinds}.",
        "That is not a kind of contribution. What that person may contribute now: {kinds}.",
    ),
    "do.not_member": (
        "Die persoon is geen aanwezig lid van deze bijeenkomst; `intervision meeting status "
        "ID` toont wie er is.",
        "That person is not a member present at this meeting; `intervision meeting status "
        "ID` shows who is here.",
    ),
    "do.unknown": (
        "Dat commando ken ik niet; `intervision meeting do ID hulp` toont ze.",
        "I don't know that command; `intervision meeting do ID help` lists them.",
    ),
    "do.frame_help": (
        "In het kader (ook met intervision meeting do):\n"
        "  NAAM: u: TEKST              opening: hoe ging je oudste open voornemen\n"
        "  leervraag NAAM: TEKST       een leervraag inbrengen (ook: lv)\n"
        "  pas NAAM                    geen leervraag vandaag\n"
        "  casus NAAM                  de gekozen leervraag; de inbrenger stemt in\n"
        "  casus NAAM+NAAM             met z'n tweeën één casus (waar de methode dat toelaat)\n"
        "  methode ID[/VARIANT]        de methode; de inbrenger stemt in\n"
        "  overdragen NAAM             de begeleiding overdragen (vóór de methode)\n"
        "  NAAM: h: TEKST              een herkenning\n"
        "  NAAM: n: TEKST              een notitie bij de evaluatie",
        "In the frame (also with intervision meeting do):\n"
        "  NAME: s: TEXT               opening: how your oldest open commitment went\n"
        "  leervraag NAME: TEXT        bring a leervraag (also: lv)\n"
        "  pass NAME                   no leervraag today\n"
        "  case NAME                   the chosen leervraag; the inbrenger agrees\n"
        "  case NAME+NAME              two bringing one case (where the method allows it)\n"
        "  method ID[/VARIANT]         the method; the inbrenger agrees\n"
        "  handover NAME               hand the facilitation over (before the method)\n"
        "  NAME: rec: TEXT             a recognition\n"
        "  NAME: n: TEXT               a note at the evaluation",
    ),
    "parse.leervraag_usage": (
        "Wie brengt wat in? leervraag NAAM: TEKST",
        "Who brings what? leervraag NAME: TEXT",
    ),
    "parse.pass_usage": ("Wie past er? pas NAAM", "Who passes? pass NAME"),
    "parse.case_usage": (
        "Wiens leervraag? casus NAAM (met z'n tweeën: casus NAAM+NAAM)",
        "Whose leervraag? case NAME (two together: case NAME+NAME)",
    ),
    "parse.inbrenger_usage": (
        "Wiens voorbeeld koos de groep? inbrenger NAAM",
        "Whose example did the group choose? inbrenger NAME",
    ),
    "parse.hand_over_usage": (
        "Aan wie? overdragen NAAM",
        "To whom? handover NAME",
    ),
    "parse.method_usage": (
        "Welke methode? methode ID[/VARIANT]",
        "Which method? method ID[/VARIANT]",
    ),
}

INBRENGER_MODES: dict[str, tuple[str, str]] = {
    "speaks": ("vertelt en reageert", "speaks"),
    "answers_briefly": ("beantwoordt alleen kort de vragen", "only answers the questions briefly"),
    "listens": ("luistert en reageert niet", "listens and does not react"),
    "away": ("is even weg uit het gesprek", "is out of the conversation"),
}


#: Every text of this table, for a language pack's author to translate (``check``).
TEXTS = _TEXTS


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    return said(lang, _TEXTS[key], values)


def both(key: str, **values: object) -> Text:
    """The text for ``key`` in both languages: for an error, which carries both (and
    in each installed pack's language, filled in before it is said)."""
    from intervision.engine import Text, installed_languages

    more = {code: t(code, key, **values) for code in installed_languages()}
    return Text(nl=t("nl", key, **values), en=t("en", key, **values), more=more)


def pick(lang: Lang, pair: tuple[str, str]) -> str:
    return said(lang, pair, {})


def said(lang: Lang, pair: tuple[str, str], values: dict[str, object]) -> str:
    """One of the terminal's texts in ``lang``: Dutch, English, or the English's
    translation in an installed language pack (the English where it has none, or
    where its placeholders do not fit)."""
    nl, en = pair
    text = nl if lang == "nl" else en
    if lang not in ("nl", "en"):
        from intervision.engine import translated  # the engine only where a pack can be

        found = translated(en, lang)
        if found is not None:
            try:
                return found.format(**values) if values else found
            except (LookupError, ValueError):
                pass
    return text.format(**values) if values else text


#: Nouns a sentence counts, singular and plural, in Dutch and English: "1 lid", "2 leden".
_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "member": (("lid", "leden"), ("member", "members")),
    "name": (("naam", "namen"), ("name", "names")),
    "meeting": (("bijeenkomst", "bijeenkomsten"), ("meeting", "meetings")),
    "earlier_meeting": (
        ("eerdere bijeenkomst", "eerdere bijeenkomsten"),
        ("earlier meeting", "earlier meetings"),
    ),
    "plugin": (("plugin", "plugins"), ("plugin", "plugins")),
    "contribution": (("bijdrage", "bijdragen"), ("contribution", "contributions")),
    "event": (("afspraak", "afspraken"), ("event", "events")),
    "case": (("casus", "casussen"), ("case", "cases")),
}


def count(lang: Lang, n: int, noun: str) -> str:
    """``n`` with the noun in the right number: "1 lid", "4 leden", "1 member"."""
    one, many = _NOUNS[noun][0 if lang == "nl" else 1]
    return f"{n} {one if n == 1 else many}"
