"""Every word the board itself says, in Dutch and English side by side.

The method's own words (phase titles, instructions per role, kinds, labels, a
rule's reason for a refusal) come from the engine and the method; these are the
words around them. The Dutch is what a facilitator says to the group ("je").
"""

from __future__ import annotations

from ..texts import said

__all__ = ["Lang", "t"]

Lang = str  # nl, en, or a language an installed pack adds (the terminal's Lang)

_TEXTS: dict[str, tuple[str, str]] = {
    # -- every page -------------------------------------------------------------------
    "skip": ("Naar de inhoud", "Skip to content"),
    "lang.label": ("Taal", "Language"),
    "lang.nl": ("Nederlands", "Nederlands"),
    "lang.en": ("English", "English"),
    "conn.lost": (
        "Verbinding kwijt: ik probeer opnieuw te verbinden…",
        "Connection lost: reconnecting…",
    ),
    "conn.back": ("Weer verbonden.", "Connected again."),
    "view.display": ("Scherm voor de groep", "Room display"),
    "view.console": ("Begeleider", "Facilitator's console"),
    "view.member": ("Jouw scherm", "Your screen"),
    "where.phase": ("Fase {number} van {count}", "Phase {number} of {count}"),
    "where.case": ("Casus {no}", "Case {no}"),
    "where.module": ("werkvorm {title}", "module {title}"),
    "mode.speaks": ("De inbrenger vertelt en reageert.", "The inbrenger speaks."),
    "mode.answers_briefly": (
        "De inbrenger beantwoordt alleen kort de vragen.",
        "The inbrenger only answers the questions briefly.",
    ),
    "mode.listens": (
        "De inbrenger luistert en reageert niet.",
        "The inbrenger listens and does not react.",
    ),
    "mode.away": (
        "De inbrenger is even weg uit het gesprek.",
        "The inbrenger is out of the conversation.",
    ),
    "timer.left": ("Tijd: nog {clock}", "Time: {clock} left"),
    "timer.over": ("Tijd: {clock} over de tijd", "Time: {clock} over"),
    "timer.box": ("Tijd:", "Time:"),
    "timer.of": ("van {minutes} min", "of {minutes} min"),
    "timer.up": (
        "De tijd voor deze fase is om. De begeleider kan verlengen, verder gaan of "
        "de fase overslaan.",
        "The time for this phase is up. The facilitator can extend, move on or skip the phase.",
    ),
    "roles.title": ("Wie doet wat", "Who does what"),
    "roles.nobody": ("niemand", "nobody"),
    "wait.title": ("Deze stap wacht op", "This step waits for"),
    "wait.leervraag": (
        "een leervraag (of pas) van: {names}",
        "a leervraag (or a pass) from: {names}",
    ),
    "wait.learning_goal": (
        "een persoonlijk leerdoel van: {names}",
        "a personal learning goal from: {names}",
    ),
    "wait.recognition": ("een herkenning van: {names}", "a recognition from: {names}"),
    "wait.everyone_contributes": (
        "ieders beurt; nog niet: {names}",
        "everyone's turn; not yet: {names}",
    ),
    "wait.reveal": (
        "het onthullen van wat is opgeschreven (door de begeleider)",
        "the reveal of what was written (by the facilitator)",
    ),
    "wait.consensus": (
        "consensus in de groep, vastgelegd door de begeleider",
        "the group's consensus, recorded by the facilitator",
    ),
    "wait.decision": ("het besluit van: {names}", "the decision of: {names}"),
    "wait.module": (
        "de keuze van een werkvorm door: {names}",
        "the choice of a module by: {names}",
    ),
    "wait.feedback": (
        "feedback op hoe er gevraagd en geadviseerd is, van: {names}",
        "feedback on how questions and advice were given, from: {names}",
    ),
    "wait.at_least": (
        "het minimum aan bijdragen dat de methode vraagt, van: {names}",
        "the least number of contributions the method asks, from: {names}",
    ),
    "wait.inbrenger": (
        "de keuze van wiens voorbeeld het wordt, door: {names}",
        "the choice of whose example it becomes, by: {names}",
    ),
    "wait.rule": ("een regel van de methode ({rule})", "a rule of the method ({rule})"),
    "written.by": (
        "Opgeschreven, nog verborgen tot het onthullen: {names}",
        "Written, hidden until the reveal: {names}",
    ),
    "feed.title": ("Wat er gezegd is", "What was said"),
    "feed.empty": ("Nog niets in deze stap.", "Nothing yet in this step."),
    "feed.earlier": ("Eerder in de bijeenkomst", "Earlier in the meeting"),
    "feed.private": (
        "Alleen jij ziet dit, tot het onthullen.",
        "Only you see this until the reveal.",
    ),
    "feed.reply": ("antwoord op {id}", "answer to {id}"),
    "feed.typed": ("ingevoerd door de begeleider", "typed by the facilitator"),
    "feed.decision": ("besluit", "decision"),
    "feed.selected": ("gekozen: {ids}", "chosen: {ids}"),
    "leervragen.title": ("Leervragen", "Leervragen"),
    "leervragen.passed": ("past vandaag", "passes today"),
    "closed.title": ("De bijeenkomst is afgesloten", "The meeting is closed"),
    "closed.body": (
        "Dank je wel. Deze link werkt niet meer; wat er gezegd is, blijft in de groep.",
        "Thank you. This link no longer works; what was said stays in the group.",
    ),
    "gone.title": ("Deze link werkt niet", "This link does not work"),
    "gone.body": (
        "Deze link opent (nu) geen bijeenkomst. Vraag de begeleider om een nieuwe link.",
        "This link does not open a meeting (any more). Ask the facilitator for a new link.",
    ),
    "index.body": (
        "Open de persoonlijke link of QR-code die je van de begeleider kreeg.",
        "Open the personal link or QR code the facilitator gave you.",
    ),
    # -- forms --------------------------------------------------------------------------
    "form.send": ("Versturen", "Send"),
    "form.sending": ("Bezig met versturen…", "Sending…"),
    "form.sent": ("Verstuurd.", "Sent."),
    "form.retrying": (
        "Nog niet verstuurd: de verbinding hapert. Ik probeer het opnieuw…",
        "Not sent yet: the connection falters. Trying again…",
    ),
    "form.kind": ("Soort bijdrage", "Kind of contribution"),
    "form.text": ("Je bijdrage", "Your contribution"),
    "form.text_as": ("Je {kind}", "Your {kind}"),
    "form.reply_to": ("Antwoord op (niet verplicht)", "In answer to (optional)"),
    "form.reply_none": ("geen bepaalde bijdrage", "no particular contribution"),
    "form.written": (
        "Schrijf eerst voor jezelf: de anderen zien het pas na het onthullen.",
        "Write first for yourself: the others see it only after the reveal.",
    ),
    "form.leervraag": (
        "Je leervraag (hooguit drie zinnen)",
        "Your leervraag (three sentences at most)",
    ),
    "form.leervraag_send": ("Leervraag inbrengen", "Bring my leervraag"),
    "form.pass": ("Ik pas vandaag", "I pass today"),
    "form.decide": ("Besluit vastleggen", "Record my decision"),
    "form.decision_text": ("Wat je gaat doen", "What you will do"),
    "form.commitment": (
        "Dit is je afspraak: de groep komt er de volgende keer op terug.",
        "This is your commitment: the group comes back to it next time.",
    ),
    "form.select": ("Kies wat je bruikbaar vindt", "Choose what you find usable"),
    "form.loop": ("Terug: {title}", "Back: {title}"),
    "form.module": ("Werkvorm", "Module"),
    "form.module_send": ("Werkvorm kiezen", "Choose the module"),
    "form.not_yours": (
        "Deze link handelt alleen voor {name}.",
        "This link acts for {name} only.",
    ),
    "form.unknown_action": (
        "Dat kan vanaf dit scherm niet.",
        "That cannot be done from this screen.",
    ),
    "form.missing": ("Vul in: {fields}.", "Fill in: {fields}."),
    "form.too_long": (
        "Te lang: hooguit {limit} tekens per veld.",
        "Too long: at most {limit} characters per field.",
    ),
    "form.busy": (
        "De bijeenkomst veranderde net; probeer het nog eens.",
        "The meeting changed just now; please try again.",
    ),
    "form.store": (
        "De opslag is even niet bereikbaar; ik probeer het opnieuw.",
        "The store cannot be reached right now; trying again.",
    ),
    "form.too_fast": ("Even rustig aan; probeer het zo weer.", "Slow down; try again in a moment."),
    # -- the member's page ---------------------------------------------------------------
    "you.are": ("Jouw rol: {roles}", "Your role: {roles}"),
    "you.can": ("Wat jij nu kunt bijdragen", "What you can contribute now"),
    "you.nothing": (
        "In deze stap draag jij niets bij: luister mee.",
        "You contribute nothing in this step: listen along.",
    ),
    "you.away": (
        "Je bent nu even weg uit het gesprek: leg je scherm weg tot de begeleider je terughaalt.",
        "You are out of the conversation now: put your screen away until the facilitator "
        "brings you back.",
    ),
    "you.away_feed": ("Toch lezen wat er gezegd is", "Read what was said anyway"),
    "you.leervraag": ("Je leervraag: {text}", "Your leervraag: {text}"),
    "you.passed": ("Je past vandaag.", "You pass today."),
    "you.commitments": ("Jouw afspraken", "Your commitments"),
    "you.look_back": (
        "Je sprak eerder af (vertel hoe het ging)",
        "You committed to (tell how it went)",
    ),
    # -- the console ------------------------------------------------------------------------
    "console.facilitator": ("Begeleider nu: {name}", "Facilitating now: {name}"),
    "console.steps": ("De bijeenkomst leiden", "Lead the meeting"),
    "console.advance": ("Volgende stap", "Next step"),
    "console.reveal": ("Onthullen wat is opgeschreven", "Reveal what was written"),
    "console.extend": ("Verlengen", "Extend"),
    "console.minutes": ("Minuten erbij", "Extra minutes"),
    "console.skip": ("Fase overslaan", "Skip this phase"),
    "console.reason": ("Reden", "Reason"),
    "console.consensus": ("Consensus vastleggen", "Record consensus"),
    "console.consensus_text": ("Waarover de groep het eens is", "What the group agrees on"),
    "console.hand_over": ("Begeleiding overdragen aan", "Hand facilitation over to"),
    "console.hand_over_send": ("Overdragen", "Hand over"),
    "console.close": ("Bijeenkomst afsluiten", "Close the meeting"),
    "console.close_early": ("Nu afsluiten, met een reden", "Close now, with a reason"),
    "console.case": (
        "Welke leervraag bespreekt de groep?",
        "Which leervraag does the group discuss?",
    ),
    "console.case_send": ("Casus kiezen", "Choose the case"),
    "console.consent_chosen": (
        "De gekozen inbrenger stemt ermee in",
        "The chosen inbrenger agrees",
    ),
    "console.agrees": (
        "De inbrenger stemt in met deze methode",
        "The inbrenger agrees to this method",
    ),
    "console.method": ("Methode", "Method"),
    "console.method_send": ("Methode kiezen", "Choose the method"),
    "console.fits": ("Past bij deze groep", "Fits this group"),
    "console.others": ("Andere methodes", "Other methods"),
    "console.suggested": ("Voorstellen", "Suggestions"),
    "console.behalf": ("Invoeren voor iemand zonder scherm", "Type for someone without a screen"),
    "console.behalf_who": ("Namens wie, en wat", "For whom, and what"),
    "console.behalf_send": ("Invoeren", "Enter"),
    "console.behalf_leervraag": ("{name}: leervraag", "{name}: leervraag"),
    "console.behalf_pass": ("{name}: past", "{name}: passes"),
    "console.behalf_kind": ("{name}: {kind}", "{name}: {kind}"),
    "console.people": ("Aanwezig en hun links", "Present, and their links"),
    "console.online": ("scherm open", "screen open"),
    "console.offline": ("geen scherm open", "no screen open"),
    "console.new_link": ("Nieuwe link", "New link"),
    "console.new_display": ("Nieuwe link voor het groepsscherm", "New link for the room display"),
    "console.link_made": (
        "Nieuwe link voor {name}; de oude werkt niet meer:",
        "New link for {name}; the old one no longer works:",
    ),
    "console.display_name": ("het groepsscherm", "the room display"),
    "console.loop": ("Terug naar een eerdere fase", "Back to an earlier phase"),
    "console.decide_for": ("Besluit van {name} invoeren", "Enter the decision of {name}"),
    # -- the terminal that started the board ------------------------------------------------
    "term.serving": (
        "Bijeenkomst {id} staat op het bord: {url}",
        "Meeting {id} is on the board: {url}",
    ),
    "term.console": ("Begeleider (console)", "Facilitator's console"),
    "term.display": (
        "Groepsscherm (beamer of gedeeld scherm)",
        "Room display (projector or shared screen)",
    ),
    "term.member": ("{name} (persoonlijke link)", "{name} (personal link)"),
    "term.kept": (
        "De links van eerder werken nog. Een nieuwe link maak je hieronder; de oude werkt "
        "dan niet meer.",
        "The links given before still work. Make a new one below; the old one then stops working.",
    ),
    "term.help": (
        "Typ hier: 'link NAAM' (nieuwe link voor een lid), 'console', 'scherm', 'links' of "
        "'stop'. Ctrl-C stopt het bord; de bijeenkomst blijft bewaard.",
        "Type here: 'link NAME' (a new link for a member), 'console', 'display', 'links' or "
        "'stop'. Ctrl-C stops the board; the meeting is kept.",
    ),
    "term.unknown": (
        "Onbekend: '{line}'. {help}",
        "Not understood: '{line}'. {help}",
    ),
    "term.no_member": (
        "'{name}' is geen aanwezig lid (aanwezig: {names}).",
        "'{name}' is not a member present (present: {names}).",
    ),
    "term.replaced": (
        "Nieuwe link, de oude werkt niet meer:",
        "New link, the old one no longer works:",
    ),
    "term.stopped": (
        "Het bord is gestopt. De bijeenkomst is bewaard: ga verder met "
        "'intervision board --resume {id}' of 'intervision run --resume {id}'.",
        "The board has stopped. The meeting is kept: go on with "
        "'intervision board --resume {id}' or 'intervision run --resume {id}'.",
    ),
    "term.closed": (
        "De bijeenkomst is afgesloten; de links werken niet meer. Ctrl-C stopt het bord.",
        "The meeting is closed; the links no longer work. Ctrl-C stops the board.",
    ),
    "term.already_closed": (
        "Bijeenkomst {id} is al afgesloten.",
        "Meeting {id} is already closed.",
    ),
    "term.open_network": (
        "Let op: het bord luistert op {host}, dus iedereen op dit netwerk kan het bereiken. "
        "Alleen wie een link heeft, ziet iets; gebruik het op een netwerk dat je vertrouwt, "
        "liefst met --certfile/--keyfile (https).",
        "Note: the board listens on {host}, so everyone on this network can reach it. Only "
        "those with a link see anything; use it on a network you trust, preferably with "
        "--certfile/--keyfile (https).",
    ),
    "term.tls_pair": (
        "Geef --certfile en --keyfile allebei, of geen van beide.",
        "Give both --certfile and --keyfile, or neither.",
    ),
    "term.one_start": (
        "Kies een van --group, --members of --resume.",
        "Choose one of --group, --members or --resume.",
    ),
    "term.port_taken": (
        "Poort {port} is al in gebruik; kies een andere met --port (0: een vrije).",
        "Port {port} is in use; choose another with --port (0: any free one).",
    ),
}


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    return said(lang, _TEXTS[key], values)
